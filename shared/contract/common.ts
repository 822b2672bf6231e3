// Shapes shared by every resource: ids, pagination, problem+json.

import * as z from 'zod';

/** ULIDs: 26 Crockford base-32 characters. */
export const idSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ID harus berupa ULID (26 karakter).')
  .meta({ description: 'ULID', example: '01JD8X3T5Q6W7E8R9T0Y1U2I3O' });

export const versionSchema = z.number().int().min(1).meta({ description: 'Versi data yang sedang diubah' });

/** A calendar date in WIB (Asia/Jakarta), YYYY-MM-DD. */
export const dateSchema = z.iso
  .date()
  .meta({ description: 'Tanggal (WIB), YYYY-MM-DD', example: '2025-01-31' });

export const idParamsSchema = z.object({ id: idSchema });

export const pageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(25)
    .meta({ description: 'Jumlah baris per halaman' }),
  cursor: z.string().max(2048).optional().meta({ description: 'Kursor dari nextCursor halaman sebelumnya' }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Kode kesalahan yang stabil, mis. employee.nip_taken' }),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
