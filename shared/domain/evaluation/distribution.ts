// Pola distribusi: which spread of employee predikat each organisation predikat expects, and the check of
// one unit's predikat counts in one period against it (SE MenPANRB 3/2023; domain.md §3.4).

import {
  type PredikatOrganisasi,
  type PredikatPegawai,
  predikatPegawai,
  predikatPegawaiLabels,
} from './predikat.ts';

/** `rule` is a stable code (`<org predikat>.<rule>`, e.g. `ISTIMEWA.SB_MAX_70`); `message` is for people. */
export interface Violation {
  rule: string;
  message: string;
}

/** Number of employees per predikat in one unit; a missing predikat counts as 0. */
export type PredikatCounts = Partial<Readonly<Record<PredikatPegawai, number>>>;
type Counts = Readonly<Record<PredikatPegawai, number>>;

export interface DistributionOptions {
  /** How units smaller than `smallUnitThreshold` are judged (see `waivedRules`); default `lenient`. */
  smallUnit?: 'lenient' | 'strict';
  /** Units with fewer employees than this are small; default 6, at most `maxSmallUnitThreshold`. */
  smallUnitThreshold?: number;
}

export const defaultSmallUnitThreshold = 6;
/** Waivers come from searching every distribution of a small unit; 20 keeps that under ~10⁴ cases. */
export const maxSmallUnitThreshold = 20;

type Group = readonly PredikatPegawai[];
/**
 * One rule of a pattern, over the combined count of a group of predikat. `main` is the pattern's headline
 * (which group dominates); it is never waived. Percent rules are decided in whole numbers only
 * (count·100 against percent·total), so 7 of 10 is exactly 70% and never 70.00000000000001%.
 */
type Rule = { code: string; group: Group; main?: true } & (
  | { kind: 'atMost' | 'atLeast'; percent: number }
  | { kind: 'atLeastOne' | 'none' | 'largest' }
);

interface Pattern {
  rules: readonly Rule[];
  /** What the pattern expects of each predikat, for the chart; predikat not listed are simply allowed. */
  expectations: Partial<Record<PredikatPegawai, string>>;
}

const SB = 'SANGAT_BAIK';
const B = 'BAIK';
const BP = 'BUTUH_PERBAIKAN';
const K = 'KURANG';
const SK = 'SANGAT_KURANG';
const dominant = 'Kelompok terbanyak, paling banyak 70%';

/**
 * The quotas of domain.md §3.4 (MED: one secondary transcription of the SE). "The majority" is read as
 * "the largest group", and a tie for largest is allowed: no other group may be *larger*. Requiring a
 * strict lead would reject a unit of 2 with one Sangat Baik and one Baik under Istimewa, and would make the
 * result hinge on a single employee in any unit with an even split.
 */
const patterns: Readonly<Record<PredikatOrganisasi, Pattern>> = {
  ISTIMEWA: {
    rules: [
      { code: 'SB_MAX_70', kind: 'atMost', group: [SB], percent: 70 },
      { code: 'SB_LARGEST', kind: 'largest', group: [SB], main: true },
    ],
    expectations: { [SB]: dominant },
  },
  BAIK: {
    rules: [
      { code: 'B_MAX_70', kind: 'atMost', group: [B], percent: 70 },
      { code: 'B_LARGEST', kind: 'largest', group: [B], main: true },
      { code: 'BP_K_MIN_1', kind: 'atLeastOne', group: [BP, K] },
    ],
    expectations: {
      [B]: dominant,
      [BP]: 'Bersama Kurang/Misconduct paling sedikit 1 pegawai',
      [K]: 'Bersama Butuh Perbaikan paling sedikit 1 pegawai',
    },
  },
  BUTUH_PERBAIKAN: {
    rules: [
      { code: 'BP_MIN_60', kind: 'atLeast', group: [BP], percent: 60, main: true },
      { code: 'SB_MAX_10', kind: 'atMost', group: [SB], percent: 10 },
    ],
    expectations: { [SB]: 'Paling banyak 10%', [BP]: 'Paling sedikit 60%' },
  },
  KURANG: {
    rules: [
      { code: 'K_MIN_60', kind: 'atLeast', group: [K], percent: 60, main: true },
      { code: 'BP_MIN_10', kind: 'atLeast', group: [BP], percent: 10 },
      { code: 'SB_MAX_10', kind: 'atMost', group: [SB], percent: 10 },
    ],
    expectations: { [SB]: 'Paling banyak 10%', [BP]: 'Paling sedikit 10%', [K]: 'Paling sedikit 60%' },
  },
  SANGAT_KURANG: {
    rules: [
      { code: 'SK_MIN_60', kind: 'atLeast', group: [SK], percent: 60, main: true },
      { code: 'K_BP_MIN_10', kind: 'atLeast', group: [BP, K], percent: 10 },
      { code: 'SB_NONE', kind: 'none', group: [SB] },
    ],
    expectations: {
      [SB]: 'Tidak boleh ada (0%)',
      [BP]: 'Bersama Kurang/Misconduct paling sedikit 10%',
      [K]: 'Bersama Butuh Perbaikan paling sedikit 10%',
      [SK]: 'Paling sedikit 60%',
    },
  },
};

const countOf = (c: Counts, group: Group) => group.reduce((sum, p) => sum + c[p], 0);

function holds(rule: Rule, c: Counts, total: number): boolean {
  const n = countOf(c, rule.group);
  switch (rule.kind) {
    case 'atMost':
      return n * 100 <= rule.percent * total;
    case 'atLeast':
      return n * 100 >= rule.percent * total;
    case 'atLeastOne':
      return n >= 1;
    case 'none':
      return n === 0;
    case 'largest':
      return predikatPegawai.every((p) => rule.group.includes(p) || c[p] <= n);
  }
}

/**
 * A share in Indonesian notation, to one decimal ("33,3%"). Where rounding would land exactly on the limit
 * of a broken rule (1401 of 2001 is 70.01%), it steps one tenth away so the message never shows a share
 * that looks allowed.
 */
function formatShare(n: number, total: number, brokenLimit?: number): string {
  let tenths = Math.floor((n * 2000 + total) / (2 * total));
  if (brokenLimit !== undefined && tenths === brokenLimit * 10)
    tenths += n * 100 > brokenLimit * total ? 1 : -1;
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${Math.floor(tenths / 10)},${tenths % 10}%`;
}

function message(rule: Rule, c: Counts, total: number): string {
  const n = countOf(c, rule.group);
  const label = rule.group.map((p) => predikatPegawaiLabels[p]).join(' dan ');
  const ofTotal = `${n} dari ${total} pegawai`;
  switch (rule.kind) {
    case 'atMost':
      return `${label} ${ofTotal} (${formatShare(n, total, rule.percent)}) melebihi batas ${rule.percent}%.`;
    case 'atLeast':
      return `${label} ${ofTotal} (${formatShare(n, total, rule.percent)}) belum mencapai batas minimal ${rule.percent}%.`;
    case 'atLeastOne':
      return `${rule.group.map((p) => predikatPegawaiLabels[p]).join(' atau ')} ${ofTotal}: paling sedikit harus ada 1 pegawai.`;
    case 'none':
      return `${label} ${ofTotal} (${formatShare(n, total)}): pola ini tidak membolehkan satu pun.`;
    case 'largest': {
      const larger = predikatPegawai
        .filter((p) => !rule.group.includes(p) && c[p] > n)
        .map((p) => `${predikatPegawaiLabels[p]} ${c[p]} pegawai`);
      return `${label} ${ofTotal} bukan kelompok terbanyak: ${larger.join(', ')}.`;
    }
  }
}

function normalise(counts: PredikatCounts): Counts {
  for (const p of predikatPegawai) {
    const n = counts[p];
    if (n !== undefined && !(Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(
        `Jumlah pegawai ${predikatPegawaiLabels[p]} harus bilangan bulat ≥ 0, bukan ${n}.`,
      );
    }
  }
  return {
    SANGAT_BAIK: counts.SANGAT_BAIK ?? 0,
    BAIK: counts.BAIK ?? 0,
    BUTUH_PERBAIKAN: counts.BUTUH_PERBAIKAN ?? 0,
    KURANG: counts.KURANG ?? 0,
    SANGAT_KURANG: counts.SANGAT_KURANG ?? 0,
  };
}

/** Every way of giving `total` employees a predikat each. */
function* allDistributions(total: number): Generator<Counts> {
  for (let sb = 0; sb <= total; sb += 1)
    for (let b = 0; b <= total - sb; b += 1)
      for (let bp = 0; bp <= total - sb - b; bp += 1)
        for (let k = 0; k <= total - sb - b - bp; k += 1)
          yield {
            SANGAT_BAIK: sb,
            BAIK: b,
            BUTUH_PERBAIKAN: bp,
            KURANG: k,
            SANGAT_KURANG: total - sb - b - bp - k,
          };
}

const attainable = (rules: readonly Rule[], total: number): boolean => {
  for (const c of allDistributions(total)) if (rules.every((r) => holds(r, c, total))) return true;
  return false;
};

/** The stable codes of a pattern's rules, in the order violations are reported. */
export const distributionRuleCodes = (org: PredikatOrganisasi): string[] =>
  patterns[org].rules.map((r) => `${org}.${r.code}`);

/**
 * The small-unit rule. A share of a handful of people moves in steps of 20–100%, so some patterns cannot
 * be met at all: one person under Baik cannot be the largest group and also be Butuh Perbaikan/Kurang;
 * two people under Kurang need 2 Kurang (≥ 60%) and 1 Butuh Perbaikan (≥ 10%). In `lenient` mode (the
 * default), for a unit below the threshold the headline rule (`main`) is always checked, and each other
 * rule, in order, is waived exactly when no distribution of this many people satisfies it together with
 * the rules kept so far. Every rule the unit *can* meet is checked as written. Rounding quotas in the
 * unit's favour was rejected: rounding "at most 70%" up lets all of a unit of 3 be Sangat Baik, and
 * rounding "at least 10%" down drops the required Butuh Perbaikan/Kurang from every unit below 10, so it
 * would change the pattern even where it can be met. With the SE's quotas this waives only at 1–2 people.
 * `strict` checks every rule as written at every size (an impossible unit then always shows a warning).
 */
export function waivedRules(
  org: PredikatOrganisasi,
  total: number,
  options: DistributionOptions = {},
): string[] {
  const threshold = options.smallUnitThreshold ?? defaultSmallUnitThreshold;
  if (!Number.isSafeInteger(threshold) || threshold < 0 || threshold > maxSmallUnitThreshold) {
    throw new RangeError(
      `Ambang unit kecil harus bilangan bulat 0–${maxSmallUnitThreshold}, bukan ${threshold}.`,
    );
  }
  if (options.smallUnit === 'strict' || total === 0 || total >= threshold) return [];
  const { rules } = patterns[org];
  const kept = rules.filter((r) => r.main);
  const waived: string[] = [];
  for (const rule of rules.filter((r) => !r.main)) {
    if (attainable([...kept, rule], total)) kept.push(rule);
    else waived.push(`${org}.${rule.code}`);
  }
  return waived;
}

/**
 * SE MenPANRB 3/2023, pola distribusi: the rules of the unit's pattern that its employees' predikat break,
 * each with an Indonesian message naming the numbers. An empty unit breaks nothing. The SE calls the
 * pattern a guide the leader considers, so callers decide whether a violation warns or blocks.
 */
export function distributionViolations(
  orgPredikat: PredikatOrganisasi,
  counts: PredikatCounts,
  options: DistributionOptions = {},
): Violation[] {
  const c = normalise(counts);
  const total = countOf(c, predikatPegawai);
  const waived = new Set(waivedRules(orgPredikat, total, options));
  // No employees, no distribution to judge (the one-person rule of Baik would otherwise fire).
  if (total === 0) return [];
  return patterns[orgPredikat].rules
    .filter((r) => !waived.has(`${orgPredikat}.${r.code}`) && !holds(r, c, total))
    .map((r) => ({ rule: `${orgPredikat}.${r.code}`, message: message(r, c, total) }));
}

export interface DistributionRow {
  predikat: PredikatPegawai;
  label: string;
  count: number;
  /** Share in percent to one decimal, for drawing only: the rules never use it. */
  percent: number;
  /** What the unit's pattern expects of this predikat. */
  expectation: string;
}

export interface DistributionSummary {
  orgPredikat: PredikatOrganisasi;
  total: number;
  /** One row per predikat, best first (the x-axis of the curve). */
  rows: DistributionRow[];
}

/** The unit's curve beside its pattern: count, share and expectation per predikat. */
export function distributionSummary(
  orgPredikat: PredikatOrganisasi,
  counts: PredikatCounts,
): DistributionSummary {
  const c = normalise(counts);
  const total = countOf(c, predikatPegawai);
  const { expectations } = patterns[orgPredikat];
  return {
    orgPredikat,
    total,
    rows: predikatPegawai.map((predikat) => ({
      predikat,
      label: predikatPegawaiLabels[predikat],
      count: c[predikat],
      percent: total === 0 ? 0 : Math.round((c[predikat] * 1000) / total) / 10,
      expectation: expectations[predikat] ?? 'Diperbolehkan',
    })),
  };
}
