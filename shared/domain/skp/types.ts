// The SKP (Sasaran Kinerja Pegawai): header snapshot, RHK with IKI, perilaku kerja, lampiran (domain.md §2).

import type { CoreValueKode } from '../perilaku/berakhlak.ts';
import type { SkpStatus } from './workflow.ts';

export const aspekIki = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export const perspektifJpt = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export const skpFormats = ['JPT', 'JAJF'] as const;
export const pendekatan = ['KUANTITATIF', 'KUALITATIF'] as const;

export interface Iki {
  id: string;
  deskripsi: string;
  /** JA/JF: one aspect per IKI; JPT: a perspektif instead. */
  aspek: (typeof aspekIki)[number] | null;
  perspektif: (typeof perspektifJpt)[number] | null;
  target: string;
  satuan: string | null;
}

export interface Rhk {
  id: string;
  jenis: 'UTAMA' | 'TAMBAHAN';
  deskripsi: string;
  intervensi: { kind: 'IKU' | 'RHK' | 'KR'; id: string } | null;
  iki: Iki[];
  /** Set at approval: the path from the IKU down to this RHK in the committed cascade. */
  path?: string | null;
}

export interface PersonSnapshot {
  id: string;
  nama: string;
  nip: string | null;
}

export interface SkpHeader {
  pegawai: PersonSnapshot;
  penilai: PersonSnapshot | null;
  atasanPenilai: PersonSnapshot | null;
  unitId: string;
  unitNama: string;
  jabatan: string;
}

export interface Lampiran {
  dukunganSumberDaya: string[];
  skemaPertanggungjawaban: string[];
  konsekuensi: string[];
}

export interface Skp {
  id: string;
  employeeId: string;
  periodId: string;
  revision: number;
  status: SkpStatus;
  format: (typeof skpFormats)[number];
  pendekatan: (typeof pendekatan)[number];
  header: SkpHeader;
  rhk: Rhk[];
  /** Ekspektasi khusus pimpinan per BerAKHLAK value (null: none, shown as "-"). */
  perilaku: Partial<Record<CoreValueKode, string | null>>;
  lampiran: Lampiran;
  /** The part of the period this SKP covers (WIB dates, inclusive): shorter after a transfer (domain.md §1). */
  berlaku: { mulai: string; sampai: string };
  /** Set when a transfer closed the SKP: it keeps its assessor for the part of the year it covers. */
  ditutup: { per: string; karena: 'MUTASI' } | null;
  catatanPengembalian: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  version: number;
}

/** JPT SKPs carry a perspektif per IKI; JA/JF SKPs carry an aspek (domain.md §2.2–2.3). */
export function ikiProblems(format: Skp['format'], rhk: readonly Rhk[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  rhk.forEach((r, i) => {
    if (r.iki.length === 0)
      problems.push({ path: `rhk.${i}.iki`, message: 'Setiap RHK memerlukan minimal satu IKI.' });
    r.iki.forEach((iki, j) => {
      const path = `rhk.${i}.iki.${j}`;
      if (format === 'JPT' && !iki.perspektif)
        problems.push({ path: `${path}.perspektif`, message: 'SKP JPT: pilih perspektif.' });
      if (format === 'JAJF' && !iki.aspek)
        problems.push({ path: `${path}.aspek`, message: 'SKP JA/JF: pilih aspek.' });
    });
  });
  return problems;
}
