// Indonesian labels for the codes the API sends (unit levels, employment status, source of a penilai).

import type { StatusKepegawaian, UnitLevel } from '../../../shared/domain/org/types.ts';
import type { PenilaiRef } from './api.ts';

export const unitLevelLabel: Record<UnitLevel, string> = {
  KEMENTERIAN: 'Kementerian',
  ESELON_I: 'Eselon I',
  ESELON_II: 'Eselon II',
  ESELON_III: 'Eselon III',
  ESELON_IV: 'Eselon IV',
};

export const statusLabel: Record<StatusKepegawaian, string> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  PEJABAT_NEGARA: 'Pejabat Negara',
};

/** Where the assessor comes from: the org structure, an acting official, or an HR decision. */
export const sumberLabel: Record<PenilaiRef['sumber'], string> = {
  struktur: 'Struktural',
  plt: 'Plt',
  plh: 'Plh',
  override: 'Ditetapkan SDM',
};

/** Shown where a value is absent, e.g. the Minister's NIP. */
export const EMPTY = '—';
