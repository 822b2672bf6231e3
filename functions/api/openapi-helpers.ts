// Small builders for route definitions, so each route states only what is particular to it.

import type { z } from 'zod';
import { problemSchema } from '../../shared/contract/common.ts';

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  body: {
    required: true,
    content: { 'application/json': { schema } },
    ...(description ? { description } : {}),
  },
});

export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: problemSchema } },
  description,
});

/** The refusals every route can give. */
export const problems = {
  400: problem('Isian tidak valid (daftar kolom bermasalah di `errors`)'),
  404: problem('Tidak ditemukan'),
  409: problem('Konflik: versi sudah berubah, atau data unik sudah dipakai'),
  413: problem('Isi permintaan terlalu besar'),
  415: problem('Jenis konten tidak didukung'),
  422: problem('Data tidak memenuhi aturan'),
} as const;
