// Data the kinerja and story tests set up through the API where no page offers it yet.

import { expect } from 'vitest';
import type { ApiClient } from './api-client.ts';
import { ADMIN, PENILAI } from './demo.ts';

/** The IKU the penilai's plan supports. */
export const IKU = 'Persentase dokumen kinerja SDM yang ditetapkan tepat waktu';

/** An RHK as the API answers it. */
export interface Rhk {
  id: string;
  jenis: string;
  deskripsi: string;
  intervensi: { kind: string; id: string } | null;
  iki: { id: string; deskripsi: string; aspek: string | null; target: string; satuan: string | null }[];
  path?: string | null;
}

export interface PenilaiPlanInput {
  /** The demo penilai's employee id. */
  penilaiId: string;
  /** The demo penilai's own penilai, who approves their plan. */
  atasan: string;
  periodId: string;
  /** The demo penilai's unit. */
  unitId: string;
}

/**
 * HR sets the IKU of the demo penilai's unit; the penilai's own plan supports it with one RHK utama whose KR is
 * "Dokumen SKP pegawai yang ditetapkan" (12 dokumen), submitted by them and approved by their own penilai.
 * Returns that RHK (an employee's plan can then support its KR). ADMIN, PENILAI and `atasan` have signed in
 * to `api` before.
 */
export async function penilaiPlanSupportingIku(
  { ok }: ApiClient,
  { penilaiId, atasan, periodId, unitId }: PenilaiPlanInput,
): Promise<Rhk> {
  const iku = await ok<{ id: string }>(ADMIN, 'POST', `/api/periods/${periodId}/iku`, {
    unitId,
    indikator: IKU,
    target: '100',
    satuan: 'persen',
  });
  type Skp = { id: string; version: number; status: string; rhk: Rhk[] };
  const skpPath = `/api/employees/${penilaiId}/skp`;
  const draft = await ok<Skp>(PENILAI, 'POST', skpPath, { periodId });
  const filled = await ok<Skp>(PENILAI, 'PATCH', `${skpPath}/${draft.id}`, {
    version: draft.version,
    rhk: [
      {
        jenis: 'UTAMA',
        deskripsi: 'Terselenggaranya penetapan SKP pegawai Biro SDM tepat waktu',
        intervensi: { kind: 'IKU', id: iku.id },
        iki: [
          {
            deskripsi: 'Dokumen SKP pegawai yang ditetapkan',
            aspek: 'KUANTITAS',
            target: '12',
            satuan: 'dokumen',
          },
        ],
      },
    ],
  });
  const submitted = await ok<Skp>(PENILAI, 'POST', `${skpPath}/${draft.id}/transitions`, {
    version: filled.version,
    action: 'ajukan',
  });
  const approved = await ok<Skp>(atasan, 'POST', `${skpPath}/${draft.id}/transitions`, {
    version: submitted.version,
    action: 'setujui',
  });
  expect(approved.status).toBe('DISETUJUI');
  const rhk = approved.rhk[0] as Rhk;
  expect(rhk.path).toBe(`${iku.id}#${rhk.id}`);
  return rhk;
}
