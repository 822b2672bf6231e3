// HTTP contract of sign-in, the signed-in person, and the development sign-in.

import * as z from 'zod';
import { idSchema } from './common.ts';
import { adminScopeSchema, employeeSchema, penilaiChainSchema } from './employees.ts';

export const meSchema = z
  .object({
    employee: employeeSchema,
    adminScope: adminScopeSchema
      .nullable()
      .meta({ description: 'Kewenangan admin pada sesi ini (butuh MFA di AWS)' }),
    penilai: penilaiChainSchema,
  })
  .meta({ id: 'Me' });

export const callbackQuerySchema = z.object({
  code: z.string().min(1).max(2048),
  state: z.string().min(1).max(200),
});

export const loginQuerySchema = z.object({
  next: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Halaman tujuan setelah masuk (jalur di situs ini)' }),
});

export const logoutResultSchema = z.object({ logoutUrl: z.string() });

export const devSessionSchema = z
  .strictObject({ email: z.email().max(254) })
  .meta({ id: 'DevSessionRequest' });

export const devSessionResultSchema = z
  .object({ token: z.string(), csrfToken: z.string(), employeeId: idSchema, nama: z.string() })
  .meta({ id: 'DevSession' });

export const devPersonSchema = z.object({
  id: idSchema,
  nama: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  unitId: idSchema,
  admin: z.boolean(),
});
