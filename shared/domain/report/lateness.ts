// Who is late (terlambat): a person's SKP not approved after the drafting window closed, realisasi not
// entered after a window's input deadline, or — the penilai's lateness — not rated after the window closed.

import type { CalendarWindow } from '../period/calendar.ts';
import { windowKey } from '../period/windows.ts';

export const lateKinds = ['SKP_BELUM_DISETUJUI', 'REALISASI_BELUM_DIISI', 'BELUM_DINILAI'] as const;
export type LateKind = (typeof lateKinds)[number];

export const lateKindLabels: Readonly<Record<LateKind, string>> = {
  SKP_BELUM_DISETUJUI: 'SKP belum disetujui',
  REALISASI_BELUM_DIISI: 'Realisasi belum diisi',
  BELUM_DINILAI: 'Belum dinilai penilai',
};

export interface Lateness {
  jenis: LateKind;
  /** The evaluation window's name; null for the SKP. */
  jendela: string | null;
  /** The deadline that passed (WIB date). */
  batas: string;
}

export interface PersonProgress {
  /** True when an SKP of this period is approved (DISETUJUI, incl. one later revised). */
  skpDisetujui: boolean;
  /** Evaluation status per window key; absent when nothing was entered yet. */
  evaluasi: Readonly<Record<string, 'BELUM' | 'REALISASI' | 'DINILAI'>>;
}

/**
 * What a person is late with on `today` (WIB). A deadline day itself is not late: the SKP is late from
 * the day after the drafting window's `tutup`, realisasi from the day after `batasPengisian`, the rating
 * from the day after the window's `tutup`.
 */
export function latenessOf(
  windows: readonly CalendarWindow[],
  person: PersonProgress,
  today: string,
): Lateness[] {
  const late: Lateness[] = [];
  for (const w of windows) {
    if (w.kind === 'PENYUSUNAN_SKP') {
      if (today > w.tutup && !person.skpDisetujui)
        late.push({ jenis: 'SKP_BELUM_DISETUJUI', jendela: null, batas: w.tutup });
      continue;
    }
    const status = person.evaluasi[windowKey(w)] ?? 'BELUM';
    if (today > w.batasPengisian && status === 'BELUM')
      late.push({ jenis: 'REALISASI_BELUM_DIISI', jendela: w.nama, batas: w.batasPengisian });
    if (today > w.tutup && status !== 'DINILAI')
      late.push({ jenis: 'BELUM_DINILAI', jendela: w.nama, batas: w.tutup });
  }
  return late;
}
