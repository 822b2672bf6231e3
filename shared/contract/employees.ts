// HTTP contract of employees, their assessor chain and the CSV import.

import * as z from 'zod';
import { statusKepegawaian } from '../domain/org/types.ts';
import { dateSchema, idSchema, pageQuerySchema, versionSchema } from './common.ts';

export const adminScopeSchema = z.union([z.literal('ALL'), z.array(idSchema).min(1).max(50)]).meta({
  description: "Kewenangan admin SDM: 'ALL' (seluruh kementerian) atau daftar unit (beserta bawahannya)",
});

export const employeeSchema = z
  .object({
    id: idSchema,
    nip: z.string().nullable().meta({ description: 'NIP (PNS) atau NI PPPK; kosong untuk pejabat negara' }),
    nama: z.string(),
    status: z.enum(statusKepegawaian),
    pangkatGolongan: z.string().nullable(),
    email: z.string(),
    unitId: idSchema,
    positionId: idSchema,
    penilaiOverrideId: idSchema.nullable(),
    atasanPenilaiOverrideId: idSchema.nullable(),
    adminScope: adminScopeSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: versionSchema,
  })
  .meta({ id: 'Employee' });

const employeeFields = {
  nip: z.string().trim().nullable().meta({ example: '198503152010121002' }),
  nama: z.string().trim().min(2).max(120),
  status: z.enum(statusKepegawaian),
  pangkatGolongan: z.string().trim().max(60).nullable().default(null),
  email: z.email().max(254),
  unitId: idSchema,
  positionId: idSchema,
};

export const employeeCreateSchema = z.strictObject(employeeFields).meta({ id: 'EmployeeCreate' });

export const employeeUpdateSchema = z
  .strictObject({
    version: versionSchema,
    nama: employeeFields.nama.optional(),
    pangkatGolongan: employeeFields.pangkatGolongan.optional(),
    email: employeeFields.email.optional(),
    unitId: employeeFields.unitId.optional(),
    positionId: employeeFields.positionId.optional(),
    tmtJabatan: dateSchema.optional().meta({
      description:
        'Tanggal mulai (TMT) unit/jabatan baru; default hari ini (WIB). SKP yang berjalan ditutup sehari sebelumnya dan SKP baru disusun.',
    }),
    penilaiOverrideId: idSchema.nullable().optional(),
    atasanPenilaiOverrideId: idSchema.nullable().optional(),
  })
  .meta({
    id: 'EmployeeUpdate',
    description: 'NIP dan status tidak dapat diubah; buat data baru bila keliru.',
  });

export const adminGrantSchema = z
  .strictObject({ version: versionSchema, adminScope: adminScopeSchema.nullable() })
  .meta({ id: 'AdminGrant', description: 'Berikan, ubah, atau cabut (null) kewenangan admin SDM' });

export const employeeListQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Awal nama, atau awal NIP bila hanya angka' }),
  sort: z.enum(['nama', 'nip']).default('nama'),
  order: z.enum(['asc', 'desc']).default('asc'),
  unitId: idSchema.optional().meta({ description: 'Hanya anggota unit ini (urut nama)' }),
});

const personRefSchema = z.object({
  id: idSchema,
  nama: z.string(),
  nip: z.string().nullable(),
  sumber: z.enum(['struktur', 'plt', 'plh', 'override']),
  unitId: idSchema.nullable(),
  atasNama: idSchema.nullable().meta({ description: 'Untuk Plt/Plh: pejabat definitif yang diwakili' }),
});

export const penilaiChainSchema = z
  .object({
    employeeId: idSchema,
    penilai: personRefSchema.nullable(),
    atasanPenilai: personRefSchema.nullable(),
  })
  .meta({ id: 'PenilaiChain' });

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .meta({ description: 'true: pratinjau saja; false: terapkan semua atau tidak sama sekali' }),
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    total: z.number().int(),
    valid: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int().meta({ description: 'Nomor baris di berkas (baris 1 = judul kolom)' }),
        nip: z.string().nullable(),
        nama: z.string().nullable(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });

export type AdminGrant = z.infer<typeof adminGrantSchema>;
export type EmployeeCreate = z.infer<typeof employeeCreateSchema>;
export type EmployeeUpdate = z.infer<typeof employeeUpdateSchema>;
export type EmployeeListQuery = z.infer<typeof employeeListQuerySchema>;
export type ImportResult = z.infer<typeof importResultSchema>;

/** The columns of the employee CSV import, in order (the first row must name them). */
export const importColumns = [
  'nip',
  'nama',
  'status',
  'pangkat_golongan',
  'email',
  'kode_unit',
  'jabatan',
] as const;
