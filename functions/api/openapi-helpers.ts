// Small builders for route specs, so each route states only what is particular to it.

import type * as z from 'zod';
import type { ResponseSpec } from './route-kit.ts';

export const ok = (schema: z.ZodType, description: string): ResponseSpec => ({ schema, description });

/** The refusals a route can give, rendered as application/problem+json. */
export const problems = {
  400: { description: 'Isian tidak valid (daftar kolom bermasalah di `errors`)' },
  401: { description: 'Belum masuk, atau token tidak valid/kedaluwarsa' },
  403: { description: 'Tidak berwenang untuk tindakan ini' },
  404: { description: 'Tidak ditemukan' },
  409: { description: 'Konflik: versi sudah berubah, atau data unik sudah dipakai' },
  413: { description: 'Isi permintaan terlalu besar' },
  415: { description: 'Jenis konten tidak didukung' },
  422: { description: 'Data tidak memenuhi aturan' },
} satisfies Record<number, ResponseSpec>;
