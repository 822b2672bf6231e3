// HTTP contract of the audit trail: history of an entity, a month's timeline, chain verification.

import * as z from 'zod';
import { auditChannels } from '../domain/audit/audit-entry.ts';
import { pageQuerySchema } from './common.ts';

export const auditEntrySchema = z
  .object({
    stream: z.string(),
    version: z.number().int(),
    at: z.string(),
    action: z.string(),
    entityType: z.string(),
    actor: z.object({ id: z.string(), nama: z.string().optional(), onBehalfOf: z.string().optional() }),
    channel: z.enum(auditChannels),
    requestId: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    reason: z.string().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const streamQuerySchema = z.object({
  stream: z.string().min(3).max(300).meta({
    description: 'Nama aliran audit, mis. EMP#<id>|PROFILE',
    example: 'EMP#01JD8X3T5Q6W7E8R9T0Y1U2I3O|PROFILE',
  }),
});

export const timelineQuerySchema = pageQuerySchema.extend({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat YYYY-MM.')
    .meta({ example: '2025-01' }),
  actorId: z.string().min(1).max(100).optional(),
});

export const chainCheckSchema = z
  .object({
    stream: z.string(),
    ok: z.boolean(),
    entries: z.number().int(),
    brokenAtVersion: z.number().int().nullable(),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'gap']).nullable(),
  })
  .meta({ id: 'AuditChainCheck' });
