import { describe, expect, it } from 'vitest';
import { checkNip } from '../../shared/domain/org/nip.ts';

const today = '2026-11-29';

describe('NIP plausibility (BKN 18-digit format)', () => {
  it.each([
    [
      '198503152010121002',
      'PNS',
      { birthDate: '1985-03-15', tmtYear: 2010, tmtMonth: 12, sex: 'L', sequence: 2 },
    ],
    [
      '199912312024012999',
      'PNS',
      { birthDate: '1999-12-31', tmtYear: 2024, tmtMonth: 1, sex: 'P', sequence: 999 },
    ],
    [
      '198507122021212001',
      'PPPK',
      { birthDate: '1985-07-12', tmtYear: 2021, tmtMonth: null, sex: 'P', sequence: 1 },
    ],
  ] as const)('accepts %s (%s)', (nip, kind, parts) => {
    expect(checkNip(nip, kind, today)).toEqual({ ok: true, parts });
  });

  it.each([
    ['19850315201012100', 'PNS', 'format'],
    ['1985031520101210AB', 'PNS', 'format'],
    ['198502302010121002', 'PNS', 'birth_date'],
    ['193901012000121002', 'PNS', 'birth_date'],
    ['202701012045121002', 'PNS', 'birth_date'],
    ['198503152010131002', 'PNS', 'tmt'],
    ['198503152010001002', 'PNS', 'tmt'],
    ['198503152027011002', 'PNS', 'tmt'],
    ['198503152026121002', 'PNS', 'tmt'],
    ['198503152002121002', 'PNS', 'tmt_before_adult'],
    ['195003152011121002', 'PNS', 'tmt'],
    ['198503152010123002', 'PNS', 'sex_digit'],
    ['198503152010120002', 'PNS', 'sex_digit'],
    ['198503152010121000', 'PNS', 'sequence'],
    ['198507122021212001', 'PNS', 'tmt'],
  ] as const)('refuses %s (%s) for %s', (nip, kind, problem) => {
    expect(checkNip(nip, kind, today)).toEqual({ ok: false, problem });
  });

  it('accepts an appointment in the current month but not the next', () => {
    expect(checkNip('199001012026111001', 'PNS', today).ok).toBe(true);
    expect(checkNip('199001012026121001', 'PNS', today).ok).toBe(false);
  });
});
