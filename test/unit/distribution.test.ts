import { describe, expect, it } from 'vitest';
import {
  type DistributionOptions,
  distributionRuleCodes,
  distributionSummary,
  distributionViolations,
  type PredikatCounts,
  waivedRules,
} from '../../shared/domain/evaluation/distribution.ts';
import { type PredikatOrganisasi, predikatOrganisasi } from '../../shared/domain/evaluation/predikat.ts';

/** Counts in the curve's order: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang. */
const d = (sb = 0, b = 0, bp = 0, k = 0, sk = 0): PredikatCounts => ({
  SANGAT_BAIK: sb,
  BAIK: b,
  BUTUH_PERBAIKAN: bp,
  KURANG: k,
  SANGAT_KURANG: sk,
});
const broken = (org: PredikatOrganisasi, counts: PredikatCounts, options?: DistributionOptions) =>
  distributionViolations(org, counts, options).map((v) => v.rule.slice(org.length + 1));
const strict: DistributionOptions = { smallUnit: 'strict' };

describe('the rule codes of each pattern are stable', () => {
  it.each([
    ['ISTIMEWA', ['ISTIMEWA.SB_MAX_70', 'ISTIMEWA.SB_LARGEST']],
    ['BAIK', ['BAIK.B_MAX_70', 'BAIK.B_LARGEST', 'BAIK.BP_K_MIN_1']],
    ['BUTUH_PERBAIKAN', ['BUTUH_PERBAIKAN.BP_MIN_60', 'BUTUH_PERBAIKAN.SB_MAX_10']],
    ['KURANG', ['KURANG.K_MIN_60', 'KURANG.BP_MIN_10', 'KURANG.SB_MAX_10']],
    ['SANGAT_KURANG', ['SANGAT_KURANG.SK_MIN_60', 'SANGAT_KURANG.K_BP_MIN_10', 'SANGAT_KURANG.SB_NONE']],
  ] as [PredikatOrganisasi, string[]][])('%s', (org, codes) => {
    expect(distributionRuleCodes(org)).toEqual(codes);
  });
});

// Each rule at its boundary, in units large enough that the small-unit rule plays no part.
const boundaries: [string, PredikatOrganisasi, PredikatCounts, string[]][] = [
  // Istimewa: share(SB) ≤ 70%, SB the largest group (a tie is allowed).
  ['Sangat Baik 7 of 10 (exactly 70%) is allowed', 'ISTIMEWA', d(7, 3), []],
  ['Sangat Baik 8 of 10 is over 70%', 'ISTIMEWA', d(8, 2), ['SB_MAX_70']],
  ['Sangat Baik 70 of 100 is allowed', 'ISTIMEWA', d(70, 30), []],
  ['Sangat Baik 71 of 100 is over 70%', 'ISTIMEWA', d(71, 29), ['SB_MAX_70']],
  ['Sangat Baik tied with Baik is still the largest', 'ISTIMEWA', d(4, 4, 2), []],
  ['Sangat Baik tied with two groups is still the largest', 'ISTIMEWA', d(3, 3, 3, 1), []],
  ['Baik one more than Sangat Baik', 'ISTIMEWA', d(4, 5, 1), ['SB_LARGEST']],
  ['Sangat Kurang more than Sangat Baik', 'ISTIMEWA', d(3, 2, 0, 0, 4), ['SB_LARGEST']],
  // Baik: share(B) ≤ 70%, B the largest group, at least one Butuh Perbaikan or Kurang/Misconduct.
  ['Baik 7 of 10 (exactly 70%) is allowed', 'BAIK', d(2, 7, 1), []],
  ['Baik 8 of 10 is over 70%', 'BAIK', d(1, 8, 1), ['B_MAX_70']],
  ['Baik 70 of 100 is allowed', 'BAIK', d(0, 70, 29, 1), []],
  ['Baik 71 of 100 is over 70%', 'BAIK', d(0, 71, 28, 1), ['B_MAX_70']],
  ['Baik tied with Sangat Baik is still the largest', 'BAIK', d(4, 4, 2), []],
  ['Sangat Baik one more than Baik', 'BAIK', d(5, 4, 0, 1), ['B_LARGEST']],
  ['no Butuh Perbaikan and no Kurang/Misconduct', 'BAIK', d(4, 6), ['BP_K_MIN_1']],
  ['one Kurang/Misconduct meets the one-person rule', 'BAIK', d(3, 6, 0, 1), []],
  ['one Butuh Perbaikan meets the one-person rule', 'BAIK', d(3, 6, 1), []],
  ['Sangat Kurang does not count for the one-person rule', 'BAIK', d(3, 6, 0, 0, 1), ['BP_K_MIN_1']],
  ['two rules broken at once, in rule order', 'BAIK', d(0, 8, 0, 0, 2), ['B_MAX_70', 'BP_K_MIN_1']],
  // Butuh Perbaikan: share(BP) ≥ 60%, share(SB) ≤ 10%.
  ['Butuh Perbaikan 6 of 10 (exactly 60%) is enough', 'BUTUH_PERBAIKAN', d(0, 4, 6), []],
  ['Butuh Perbaikan 5 of 10 is short of 60%', 'BUTUH_PERBAIKAN', d(0, 5, 5), ['BP_MIN_60']],
  ['Butuh Perbaikan 60 of 100 is enough', 'BUTUH_PERBAIKAN', d(0, 40, 60), []],
  ['Butuh Perbaikan 59 of 100 is short', 'BUTUH_PERBAIKAN', d(0, 41, 59), ['BP_MIN_60']],
  ['Sangat Baik 1 of 10 (exactly 10%) is allowed', 'BUTUH_PERBAIKAN', d(1, 3, 6), []],
  ['Sangat Baik 2 of 10 is over 10%', 'BUTUH_PERBAIKAN', d(2, 2, 6), ['SB_MAX_10']],
  ['Sangat Baik 10 of 100 is allowed', 'BUTUH_PERBAIKAN', d(10, 30, 60), []],
  ['Sangat Baik 11 of 100 is over 10%', 'BUTUH_PERBAIKAN', d(11, 29, 60), ['SB_MAX_10']],
  ['both rules broken', 'BUTUH_PERBAIKAN', d(2, 3, 5), ['BP_MIN_60', 'SB_MAX_10']],
  // Kurang: share(K) ≥ 60%, share(BP) ≥ 10%, share(SB) ≤ 10%.
  ['Kurang/Misconduct 6 of 10 (exactly 60%) is enough', 'KURANG', d(0, 3, 1, 6), []],
  ['Kurang/Misconduct 5 of 10 is short of 60%', 'KURANG', d(0, 4, 1, 5), ['K_MIN_60']],
  ['Kurang/Misconduct 60 of 100 is enough', 'KURANG', d(0, 29, 10, 60, 1), []],
  ['Kurang/Misconduct 59 of 100 is short', 'KURANG', d(0, 30, 10, 59, 1), ['K_MIN_60']],
  ['Butuh Perbaikan 0 of 10 is short of 10%', 'KURANG', d(0, 4, 0, 6), ['BP_MIN_10']],
  ['Butuh Perbaikan 10 of 100 (exactly 10%) is enough', 'KURANG', d(0, 30, 10, 60), []],
  ['Butuh Perbaikan 9 of 100 is short', 'KURANG', d(0, 31, 9, 60), ['BP_MIN_10']],
  ['Butuh Perbaikan 11 of 100 is enough', 'KURANG', d(0, 29, 11, 60), []],
  ['Sangat Baik 1 of 10 is allowed', 'KURANG', d(1, 2, 1, 6), []],
  ['Sangat Baik 2 of 10 is over 10%', 'KURANG', d(2, 1, 1, 6), ['SB_MAX_10']],
  ['Sangat Baik 11 of 100 is over 10%', 'KURANG', d(11, 19, 10, 60), ['SB_MAX_10']],
  // Sangat Kurang: share(SK) ≥ 60%, share(K) + share(BP) ≥ 10%, no Sangat Baik.
  ['Sangat Kurang 6 of 10 (exactly 60%) is enough', 'SANGAT_KURANG', d(0, 3, 1, 0, 6), []],
  ['Sangat Kurang 5 of 10 is short of 60%', 'SANGAT_KURANG', d(0, 4, 1, 0, 5), ['SK_MIN_60']],
  ['Sangat Kurang 60 of 100 is enough', 'SANGAT_KURANG', d(0, 30, 10, 0, 60), []],
  ['Sangat Kurang 59 of 100 is short', 'SANGAT_KURANG', d(0, 31, 10, 0, 59), ['SK_MIN_60']],
  ['Kurang/Misconduct alone can make the 10%', 'SANGAT_KURANG', d(0, 3, 0, 1, 6), []],
  ['neither Butuh Perbaikan nor Kurang/Misconduct', 'SANGAT_KURANG', d(0, 4, 0, 0, 6), ['K_BP_MIN_10']],
  ['5 + 5 of 100 make exactly 10%', 'SANGAT_KURANG', d(0, 30, 5, 5, 60), []],
  ['5 + 4 of 100 are short of 10%', 'SANGAT_KURANG', d(0, 31, 5, 4, 60), ['K_BP_MIN_10']],
  ['one Sangat Baik is one too many', 'SANGAT_KURANG', d(1, 2, 1, 0, 6), ['SB_NONE']],
];

describe('distribution rules at their boundaries (SE MenPANRB 3/2023)', () => {
  it.each(boundaries)('%s (%s)', (_, org, counts, expected) => {
    expect(broken(org, counts)).toEqual(expected);
    // Far from small units, lenient and strict agree.
    expect(broken(org, counts, strict)).toEqual(expected);
  });

  it('compares in whole numbers: 1/100 + 9/100 is 0.09999999999999999 in floating point, yet exactly 10%', () => {
    expect(1 / 100 + 9 / 100).toBeLessThan(0.1);
    expect(broken('SANGAT_KURANG', d(0, 30, 1, 9, 60))).toEqual([]);
    expect(broken('SANGAT_KURANG', d(0, 30, 9, 1, 60))).toEqual([]);
  });

  it('every violation message names the count and the size of the unit', () => {
    for (const [, org, counts] of boundaries) {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      for (const v of distributionViolations(org, counts))
        expect(v.message).toMatch(` dari ${total} pegawai`);
    }
  });
});

describe('violation messages (Indonesian, with the numbers)', () => {
  it.each([
    ['ISTIMEWA', d(8, 2), 'Sangat Baik 8 dari 10 pegawai (80%) melebihi batas 70%.'],
    ['ISTIMEWA', d(4, 5, 1), 'Sangat Baik 4 dari 10 pegawai bukan kelompok terbanyak: Baik 5 pegawai.'],
    [
      'ISTIMEWA',
      d(2, 3, 0, 0, 4),
      'Sangat Baik 2 dari 9 pegawai bukan kelompok terbanyak: Baik 3 pegawai, Sangat Kurang 4 pegawai.',
    ],
    [
      'BAIK',
      d(4, 6),
      'Butuh Perbaikan atau Kurang/Misconduct 0 dari 10 pegawai: paling sedikit harus ada 1 pegawai.',
    ],
    [
      'BUTUH_PERBAIKAN',
      d(0, 41, 59),
      'Butuh Perbaikan 59 dari 100 pegawai (59%) belum mencapai batas minimal 60%.',
    ],
    ['BUTUH_PERBAIKAN', d(1, 0, 2), 'Sangat Baik 1 dari 3 pegawai (33,3%) melebihi batas 10%.'],
    [
      'SANGAT_KURANG',
      d(0, 31, 5, 4, 60),
      'Butuh Perbaikan dan Kurang/Misconduct 9 dari 100 pegawai (9%) belum mencapai batas minimal 10%.',
    ],
    [
      'SANGAT_KURANG',
      d(1, 2, 1, 0, 6),
      'Sangat Baik 1 dari 10 pegawai (10%): pola ini tidak membolehkan satu pun.',
    ],
  ] as [PredikatOrganisasi, PredikatCounts, string][])('%s %o', (org, counts, message) => {
    expect(distributionViolations(org, counts).map((v) => v.message)).toContain(message);
  });

  it('never rounds a broken share onto its limit (70.01% shows as 70,1%, 59.97% as 59,9%)', () => {
    expect(distributionViolations('ISTIMEWA', d(1401, 600))[0]?.message).toContain(
      '1401 dari 2001 pegawai (70,1%)',
    );
    expect(distributionViolations('BUTUH_PERBAIKAN', d(0, 801, 1200))[0]?.message).toContain(
      '1200 dari 2001 pegawai (59,9%)',
    );
  });
});

describe('an empty unit breaks no rule', () => {
  it.each(predikatOrganisasi)('%s', (org) => {
    expect(distributionViolations(org, {})).toEqual([]);
    expect(distributionViolations(org, d(), strict)).toEqual([]);
  });
});

/** Every way of giving `n` employees a predikat each. */
const allDistributions = (n: number): PredikatCounts[] => {
  const all: PredikatCounts[] = [];
  for (let sb = 0; sb <= n; sb += 1)
    for (let b = 0; b <= n - sb; b += 1)
      for (let bp = 0; bp <= n - sb - b; bp += 1)
        for (let k = 0; k <= n - sb - b - bp; k += 1) all.push(d(sb, b, bp, k, n - sb - b - bp - k));
  return all;
};
const sizes = [1, 2, 3, 4, 5];

describe('small units (1–5 people): lenient waives only the rules the unit cannot meet', () => {
  // [org, size, rules waived in lenient mode]; every size and predikat not listed waives nothing.
  const waived: [PredikatOrganisasi, number, string[]][] = [
    ['ISTIMEWA', 1, ['SB_MAX_70']],
    ['BAIK', 1, ['B_MAX_70', 'BP_K_MIN_1']],
    ['KURANG', 1, ['BP_MIN_10']],
    ['KURANG', 2, ['BP_MIN_10']],
    ['SANGAT_KURANG', 1, ['K_BP_MIN_10']],
    ['SANGAT_KURANG', 2, ['K_BP_MIN_10']],
  ];
  const cases = predikatOrganisasi.flatMap((org) =>
    sizes.map((n) => [org, n, waived.find(([o, s]) => o === org && s === n)?.[2] ?? []] as const),
  );

  it.each(cases)('%s with %i people waives %j', (org, n, codes) => {
    expect(waivedRules(org, n)).toEqual(codes.map((c) => `${org}.${c}`));
    expect(waivedRules(org, n, strict)).toEqual([]);
  });

  it.each(cases)('%s with %i people: lenient always leaves some distribution with no violation', (org, n) => {
    expect(allDistributions(n).some((c) => distributionViolations(org, c).length === 0)).toBe(true);
  });

  it.each(cases)('%s with %i people: strict is impossible exactly where lenient waives', (org, n, codes) => {
    const possible = allDistributions(n).some((c) => distributionViolations(org, c, strict).length === 0);
    expect(possible).toBe(codes.length === 0);
  });

  // [org, counts, lenient, strict]: what each mode reports for a concrete unit.
  it.each([
    ['ISTIMEWA', d(1), [], ['SB_MAX_70']],
    ['ISTIMEWA', d(0, 1), ['SB_LARGEST'], ['SB_LARGEST']],
    ['ISTIMEWA', d(2), ['SB_MAX_70'], ['SB_MAX_70']],
    ['ISTIMEWA', d(1, 1), [], []],
    ['ISTIMEWA', d(2, 1), [], []],
    ['ISTIMEWA', d(3), ['SB_MAX_70'], ['SB_MAX_70']],
    ['ISTIMEWA', d(2, 1, 1), [], []],
    ['ISTIMEWA', d(3, 1), ['SB_MAX_70'], ['SB_MAX_70']],
    ['ISTIMEWA', d(3, 2), [], []],
    ['ISTIMEWA', d(4, 1), ['SB_MAX_70'], ['SB_MAX_70']],
    ['BAIK', d(0, 1), [], ['B_MAX_70', 'BP_K_MIN_1']],
    ['BAIK', d(0, 0, 1), ['B_LARGEST'], ['B_LARGEST']],
    ['BAIK', d(0, 1, 1), [], []],
    ['BAIK', d(0, 2), ['B_MAX_70', 'BP_K_MIN_1'], ['B_MAX_70', 'BP_K_MIN_1']],
    ['BAIK', d(0, 2, 0, 1), [], []],
    ['BAIK', d(1, 2), ['BP_K_MIN_1'], ['BP_K_MIN_1']],
    ['BAIK', d(0, 2, 1, 1), [], []],
    ['BAIK', d(0, 3, 1), ['B_MAX_70'], ['B_MAX_70']],
    ['BAIK', d(1, 3, 0, 1), [], []],
    ['BUTUH_PERBAIKAN', d(0, 0, 1), [], []],
    ['BUTUH_PERBAIKAN', d(1), ['BP_MIN_60', 'SB_MAX_10'], ['BP_MIN_60', 'SB_MAX_10']],
    ['BUTUH_PERBAIKAN', d(0, 0, 2), [], []],
    ['BUTUH_PERBAIKAN', d(0, 1, 1), ['BP_MIN_60'], ['BP_MIN_60']],
    ['BUTUH_PERBAIKAN', d(0, 1, 2), [], []],
    ['BUTUH_PERBAIKAN', d(1, 0, 2), ['SB_MAX_10'], ['SB_MAX_10']],
    ['BUTUH_PERBAIKAN', d(0, 1, 3), [], []],
    ['BUTUH_PERBAIKAN', d(0, 2, 2), ['BP_MIN_60'], ['BP_MIN_60']],
    ['BUTUH_PERBAIKAN', d(0, 2, 3), [], []],
    ['KURANG', d(0, 0, 0, 1), [], ['BP_MIN_10']],
    ['KURANG', d(0, 0, 1), ['K_MIN_60'], ['K_MIN_60']],
    ['KURANG', d(0, 0, 0, 2), [], ['BP_MIN_10']],
    ['KURANG', d(0, 0, 1, 1), ['K_MIN_60'], ['K_MIN_60']],
    ['KURANG', d(0, 0, 1, 2), [], []],
    ['KURANG', d(0, 0, 0, 3), ['BP_MIN_10'], ['BP_MIN_10']],
    ['KURANG', d(0, 0, 1, 3), [], []],
    ['KURANG', d(0, 1, 1, 2), ['K_MIN_60'], ['K_MIN_60']],
    ['KURANG', d(0, 1, 1, 3), [], []],
    ['KURANG', d(1, 0, 1, 3), ['SB_MAX_10'], ['SB_MAX_10']],
    ['SANGAT_KURANG', d(0, 0, 0, 0, 1), [], ['K_BP_MIN_10']],
    ['SANGAT_KURANG', d(0, 0, 0, 0, 2), [], ['K_BP_MIN_10']],
    ['SANGAT_KURANG', d(1, 0, 0, 0, 1), ['SK_MIN_60', 'SB_NONE'], ['SK_MIN_60', 'K_BP_MIN_10', 'SB_NONE']],
    ['SANGAT_KURANG', d(0, 0, 0, 1, 2), [], []],
    ['SANGAT_KURANG', d(0, 0, 0, 0, 3), ['K_BP_MIN_10'], ['K_BP_MIN_10']],
    ['SANGAT_KURANG', d(0, 0, 1, 0, 3), [], []],
    ['SANGAT_KURANG', d(0, 1, 0, 1, 3), [], []],
  ] as [PredikatOrganisasi, PredikatCounts, string[], string[]][])(
    '%s %o: lenient %j, strict %j',
    (org, counts, lenient, strictly) => {
      expect(broken(org, counts)).toEqual(lenient);
      expect(broken(org, counts, strict)).toEqual(strictly);
    },
  );
});

describe('the small-unit threshold', () => {
  it('treats a unit as small only below the threshold', () => {
    expect(broken('BAIK', d(0, 1), { smallUnitThreshold: 2 })).toEqual([]);
    expect(broken('BAIK', d(0, 1), { smallUnitThreshold: 1 })).toEqual(['B_MAX_70', 'BP_K_MIN_1']);
    expect(broken('KURANG', d(0, 0, 0, 2), { smallUnitThreshold: 2 })).toEqual(['BP_MIN_10']);
  });

  it('waives nothing a larger unit can meet, however high the threshold', () => {
    expect(waivedRules('KURANG', 10, { smallUnitThreshold: 20 })).toEqual([]);
    expect(broken('KURANG', d(0, 0, 0, 10), { smallUnitThreshold: 20 })).toEqual(['BP_MIN_10']);
  });

  it.each([-1, 2.5, 21, Number.NaN])('refuses a threshold of %s', (smallUnitThreshold) => {
    expect(() => distributionViolations('BAIK', d(0, 1), { smallUnitThreshold })).toThrow(RangeError);
  });
});

describe('counts must be whole numbers of people', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (n) => {
    expect(() => distributionViolations('BAIK', { BAIK: n })).toThrow(RangeError);
    expect(() => distributionSummary('BAIK', { BAIK: n })).toThrow(RangeError);
  });
});

describe('the summary for the distribution chart', () => {
  it('gives count, share and expectation per predikat, best first', () => {
    expect(distributionSummary('BAIK', d(2, 5, 2, 1))).toEqual({
      orgPredikat: 'BAIK',
      total: 10,
      rows: [
        {
          predikat: 'SANGAT_BAIK',
          label: 'Sangat Baik',
          count: 2,
          percent: 20,
          expectation: 'Diperbolehkan',
        },
        {
          predikat: 'BAIK',
          label: 'Baik',
          count: 5,
          percent: 50,
          expectation: 'Kelompok terbanyak, paling banyak 70%',
        },
        {
          predikat: 'BUTUH_PERBAIKAN',
          label: 'Butuh Perbaikan',
          count: 2,
          percent: 20,
          expectation: 'Bersama Kurang/Misconduct paling sedikit 1 pegawai',
        },
        {
          predikat: 'KURANG',
          label: 'Kurang/Misconduct',
          count: 1,
          percent: 10,
          expectation: 'Bersama Butuh Perbaikan paling sedikit 1 pegawai',
        },
        {
          predikat: 'SANGAT_KURANG',
          label: 'Sangat Kurang',
          count: 0,
          percent: 0,
          expectation: 'Diperbolehkan',
        },
      ],
    });
  });

  it.each([
    [
      'ISTIMEWA',
      [
        'Kelompok terbanyak, paling banyak 70%',
        'Diperbolehkan',
        'Diperbolehkan',
        'Diperbolehkan',
        'Diperbolehkan',
      ],
    ],
    [
      'BUTUH_PERBAIKAN',
      ['Paling banyak 10%', 'Diperbolehkan', 'Paling sedikit 60%', 'Diperbolehkan', 'Diperbolehkan'],
    ],
    [
      'KURANG',
      ['Paling banyak 10%', 'Diperbolehkan', 'Paling sedikit 10%', 'Paling sedikit 60%', 'Diperbolehkan'],
    ],
    [
      'SANGAT_KURANG',
      [
        'Tidak boleh ada (0%)',
        'Diperbolehkan',
        'Bersama Kurang/Misconduct paling sedikit 10%',
        'Bersama Butuh Perbaikan paling sedikit 10%',
        'Paling sedikit 60%',
      ],
    ],
  ] as [PredikatOrganisasi, string[]][])(
    'states what the %s pattern expects of each predikat',
    (org, texts) => {
      expect(distributionSummary(org, d(1)).rows.map((r) => r.expectation)).toEqual(texts);
    },
  );

  it('shows shares to one decimal, and 0% for an empty unit', () => {
    expect(distributionSummary('ISTIMEWA', d(1, 1, 1)).rows.map((r) => r.percent)).toEqual([
      33.3, 33.3, 33.3, 0, 0,
    ]);
    expect(distributionSummary('ISTIMEWA', {})).toMatchObject({ total: 0 });
    expect(distributionSummary('ISTIMEWA', {}).rows.every((r) => r.count === 0 && r.percent === 0)).toBe(
      true,
    );
  });
});
