// Fictitious people for demo and synthetic data: deterministic names and plausible, unique NIPs.

import { firstNames, lastNames } from './demo-org.ts';

/** mulberry32: a tiny seeded PRNG, so every seed produces the same organisation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const two = (n: number) => String(n).padStart(2, '0');

export function personName(random: () => number): string {
  return `${pick(random, firstNames)} ${pick(random, lastNames)}`;
}

/**
 * The n-th fictitious NIP: distinct for every n (birth date and sequence both follow n), born 1968–1997,
 * appointed (TMT) 22–30 years later, sex digit 1/2. NI PPPK puts 21 where the TMT month goes.
 */
export function fictitiousNip(n: number, random: () => number, kind: 'PNS' | 'PPPK'): string {
  const birth = new Date(
    Date.UTC(1968, 0, 1) + Math.floor(n / 999) * 86_400_000 * 3 + Math.floor(random() * 3) * 86_400_000,
  );
  const birthYear = birth.getUTCFullYear() + (n % 30);
  const birthPart = `${birthYear}${two(birth.getUTCMonth() + 1)}${two(Math.min(birth.getUTCDate(), 28))}`;
  const tmtYear = Math.min(birthYear + 22 + Math.floor(random() * 9), 2024);
  const tmtMonth = kind === 'PPPK' ? '21' : two(1 + Math.floor(random() * 12));
  const sex = random() < 0.5 ? '1' : '2';
  const sequence = String((n % 999) + 1).padStart(3, '0');
  return `${birthPart}${tmtYear}${tmtMonth}${sex}${sequence}`;
}

export const emailFor = (nama: string, n: number): string =>
  `${nama.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@setneg.test`;
