// HTTP contract of performance periods.

import * as z from 'zod';
import { cadences, windowKinds } from '../domain/period/calendar.ts';
import { dateSchema, idSchema, versionSchema } from './common.ts';

export const calendarWindowSchema = z
  .strictObject({
    kind: z.enum(windowKinds),
    nama: z.string().trim().min(3).max(120),
    periodeMulai: dateSchema,
    periodeSelesai: dateSchema,
    buka: dateSchema,
    tutup: dateSchema,
    batasPengisian: dateSchema,
  })
  .meta({ id: 'CalendarWindow', description: 'Jendela kalender (tanggal WIB, inklusif)' });

const calendarSettingsFields = {
  cadence: z.enum(cadences).meta({ description: 'Irama evaluasi periodik (bawaan: TRIWULANAN)' }),
  hariPengisian: z
    .number()
    .int()
    .min(1)
    .max(60)
    .meta({ description: 'Hari pengisian setelah periode berakhir' }),
  hariKeberatan: z
    .number()
    .int()
    .min(1)
    .max(60)
    .meta({ description: 'Hari untuk mengajukan keberatan (PP 30/2019: 14)' }),
  kebijakanDistribusi: z.enum(['JUSTIFIKASI', 'BLOKIR']).meta({
    description: 'Pelanggaran pola distribusi saat finalisasi: wajib justifikasi (bawaan) atau memblokir',
  }),
  hariPengingat: z
    .array(z.number().int().min(1).max(30))
    .min(1)
    .max(5)
    .meta({ description: 'Pengingat H-n sebelum batas pengisian (bawaan: 7, 3, 1)' }),
  pemetaanKepalaUnit: z
    .partialRecord(
      z.enum(['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']),
      z.enum(['DI_ATAS', 'SESUAI', 'DI_BAWAH']),
    )
    .meta({ description: 'Predikat organisasi → Rating Hasil Kerja kepala unit (SE 3/2023)' }),
};

export const periodCalendarSchema = z
  .object({
    settings: z.object({
      tahun: z.number().int(),
      ...calendarSettingsFields,
      kebijakanDistribusi: calendarSettingsFields.kebijakanDistribusi.optional(),
      hariPengingat: calendarSettingsFields.hariPengingat.optional(),
      pemetaanKepalaUnit: calendarSettingsFields.pemetaanKepalaUnit.optional(),
    }),
    windows: z.array(calendarWindowSchema),
  })
  .meta({ id: 'PeriodCalendar' });

export const calendarUpdateSchema = z
  .strictObject({
    version: versionSchema,
    alasan: z.string().trim().min(5).max(500).meta({ description: 'Alasan perubahan (dicatat dalam audit)' }),
    cadence: calendarSettingsFields.cadence.optional(),
    hariPengisian: calendarSettingsFields.hariPengisian.optional(),
    hariKeberatan: calendarSettingsFields.hariKeberatan.optional(),
    kebijakanDistribusi: calendarSettingsFields.kebijakanDistribusi.optional(),
    hariPengingat: calendarSettingsFields.hariPengingat.optional(),
    pemetaanKepalaUnit: calendarSettingsFields.pemetaanKepalaUnit.optional(),
    windows: z.array(calendarWindowSchema).min(1).max(20).optional().meta({
      description: 'Jendela yang disusun sendiri; bila kosong, disusun ulang dari pengaturan',
    }),
  })
  .meta({ id: 'CalendarUpdate' });

export const periodSchema = z
  .object({
    id: idSchema,
    tahun: z.number().int(),
    nama: z.string(),
    mulai: dateSchema,
    selesai: dateSchema,
    calendar: periodCalendarSchema,
    version: versionSchema,
  })
  .meta({ id: 'Period' });

export const periodCreateSchema = z
  .strictObject({
    tahun: z.number().int().min(2020).max(2100),
    nama: z.string().trim().min(3).max(120),
    mulai: dateSchema,
    selesai: dateSchema,
    cadence: z.enum(cadences).default('TRIWULANAN'),
  })
  .meta({ id: 'PeriodCreate' });

export type PeriodCreate = z.infer<typeof periodCreateSchema>;
export type CalendarUpdate = z.infer<typeof calendarUpdateSchema>;
