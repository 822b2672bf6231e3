// HTTP contract of approval by email and of HR's view of the mail: failed messages, undeliverable addresses.

import * as z from 'zod';
import { approvalLinkActions } from '../domain/mail/approval-link.ts';
import { skpFormats } from '../domain/skp/types.ts';
import { pageQuerySchema, versionSchema } from './common.ts';

export const APPROVAL_TOKEN_HEADER = 'x-approval-token';

export const approvalTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'Tautan persetujuan tidak lengkap atau rusak.');

export const approvalDecisionSchema = z
  .strictObject({
    token: approvalTokenSchema,
    catatan: z.string().trim().max(1000).nullable().default(null).meta({
      description: 'Wajib untuk Kembalikan: apa yang perlu diperbaiki',
    }),
  })
  .meta({ id: 'ApprovalDecision' });

const person = z.object({ id: z.string(), nama: z.string(), nip: z.string().nullable() }).nullable();

export const approvalPreviewSchema = z
  .object({
    action: z.enum(approvalLinkActions),
    expiresAt: z.string(),
    periode: z.string(),
    skp: z.object({
      id: z.string(),
      employeeId: z.string(),
      revision: z.number().int(),
      format: z.enum(skpFormats),
      header: z.object({
        pegawai: person,
        penilai: person,
        atasanPenilai: person,
        unitId: z.string(),
        unitNama: z.string(),
        jabatan: z.string(),
      }),
      rhk: z.array(z.unknown()),
      submittedAt: z.string().nullable(),
    }),
  })
  .meta({ id: 'ApprovalPreview' });

export const outboxItemSchema = z
  .object({
    id: z.string(),
    template: z.string(),
    to: z.object({ email: z.string(), nama: z.string() }),
    status: z.enum(['PENDING', 'SENDING', 'SENT', 'FAILED']),
    attempts: z.number().int(),
    dueAt: z.string(),
    createdAt: z.string(),
    lastError: z.string().nullable(),
    version: versionSchema,
  })
  .meta({ id: 'OutboxItem' });

export const outboxListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['FAILED', 'DUE']).default('FAILED'),
});

export const undeliverableSchema = z
  .object({
    email: z.string(),
    alasan: z.enum(['BOUNCE', 'COMPLAINT']),
    detail: z.string().nullable(),
    at: z.string(),
    version: versionSchema,
  })
  .meta({ id: 'UndeliverableAddress' });

export const emailParamsSchema = z.object({ email: z.email().max(254) });
export const outboxParamsSchema = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/) });
export const versionBodySchema = z.strictObject({ version: versionSchema });
