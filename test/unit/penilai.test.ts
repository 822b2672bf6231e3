import { describe, expect, it } from 'vitest';
import { derivePenilaiChain, type OrgContext } from '../../shared/domain/org/penilai.ts';
import type { ActingAssignment } from '../../shared/domain/org/types.ts';

// KSN (Menteri) → DEP (Deputi) → BIRO (Kepala Biro) → BAG (vacant) → SUB (Kasubbag)
const units = new Map(
  [
    { id: 'KSN', parentId: null, kepalaId: 'menteri' },
    { id: 'DEP', parentId: 'KSN', kepalaId: 'deputi' },
    { id: 'BIRO', parentId: 'DEP', kepalaId: 'karo' },
    { id: 'BAG', parentId: 'BIRO', kepalaId: null },
    { id: 'SUB', parentId: 'BAG', kepalaId: 'kasubbag' },
  ].map((u) => [u.id, u]),
);
const ctx = (actings: ActingAssignment[] = [], today = '2025-03-10'): OrgContext => ({
  units,
  actings,
  today,
});
const person = (id: string, unitId: string, overrides: Partial<Record<'p' | 'a', string>> = {}) => ({
  id,
  unitId,
  penilaiOverrideId: overrides.p ?? null,
  atasanPenilaiOverrideId: overrides.a ?? null,
});
const ids = (chain: ReturnType<typeof derivePenilaiChain>) => [
  chain.penilai?.employeeId ?? null,
  chain.atasanPenilai?.employeeId ?? null,
];

describe('Pejabat Penilai and Atasan Pejabat Penilai from the org tree (domain.md §3.5)', () => {
  it.each([
    ['staff of a bureau', person('staf', 'BIRO'), ['karo', 'deputi']],
    ['head of a bureau (JPT Pratama)', person('karo', 'BIRO'), ['deputi', 'menteri']],
    [
      'a deputy (JPT Madya): the Minister is penilai and atasan',
      person('deputi', 'DEP'),
      ['menteri', 'menteri'],
    ],
    ['the Minister has no assessor', person('menteri', 'KSN'), [null, null]],
    ['staff under a vacant post go to the unit above', person('staf', 'BAG'), ['karo', 'deputi']],
    ['a head under a vacant post skips it too', person('kasubbag', 'SUB'), ['karo', 'deputi']],
    ['staff of a subsection', person('staf', 'SUB'), ['kasubbag', 'karo']],
  ] as const)('%s', (_name, employee, expected) => {
    expect(ids(derivePenilaiChain(employee, ctx()))).toEqual(expected);
  });

  const plh: ActingAssignment = {
    id: 'x',
    employeeId: 'plh',
    unitId: 'BIRO',
    jenis: 'PLH',
    mulai: '2025-03-01',
    selesai: '2025-03-14',
    version: 1,
  };

  it('a Plh acts during their dates, on behalf of the definitive head', () => {
    const chain = derivePenilaiChain(person('staf', 'BIRO'), ctx([plh]));
    expect(chain.penilai).toEqual({ employeeId: 'plh', source: 'plh', unitId: 'BIRO', onBehalfOf: 'karo' });
    expect(chain.atasanPenilai?.employeeId).toBe('deputi');
  });

  it.each(['2025-02-28', '2025-03-15'])('a Plh does not act outside their dates (%s)', (today) => {
    expect(derivePenilaiChain(person('staf', 'BIRO'), ctx([plh], today)).penilai?.employeeId).toBe('karo');
  });

  it('a Plt fills a vacant post, for nobody', () => {
    const plt: ActingAssignment = {
      ...plh,
      employeeId: 'plt',
      unitId: 'BAG',
      jenis: 'PLT',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
    };
    const chain = derivePenilaiChain(person('staf', 'BAG'), ctx([plt]));
    expect(chain.penilai).toEqual({ employeeId: 'plt', source: 'plt', unitId: 'BAG', onBehalfOf: null });
    expect(chain.atasanPenilai?.employeeId).toBe('karo');
  });

  it('HR overrides win over the derivation', () => {
    const chain = derivePenilaiChain(person('staf', 'BIRO', { p: 'ketua-tim', a: 'deputi' }), ctx());
    expect(chain.penilai?.source).toBe('override');
    expect(ids(chain)).toEqual(['ketua-tim', 'deputi']);
  });

  it("an overridden penilai's own superior becomes atasan when only the penilai is set", () => {
    const chain = derivePenilaiChain(person('staf', 'SUB', { p: 'analis' }), {
      ...ctx(),
      unitOfEmployee: new Map([['analis', 'BIRO']]),
    });
    expect(ids(chain)).toEqual(['analis', 'karo']);
  });
});
