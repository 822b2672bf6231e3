import { describe, expect, it } from 'vitest';
import { leadsUnitOrAbove, relationTo, unitInScope } from '../../shared/domain/access/scope.ts';
import type { OrgContext } from '../../shared/domain/org/penilai.ts';

const units = new Map(
  [
    { id: 'KSN', parentId: null, kepalaId: 'menteri' },
    { id: 'DEP', parentId: 'KSN', kepalaId: 'deputi' },
    { id: 'BIRO', parentId: 'DEP', kepalaId: 'karo' },
    { id: 'LAIN', parentId: 'DEP', kepalaId: 'karo-lain' },
  ].map((u) => [u.id, u]),
);
const ctx: OrgContext = {
  units,
  actings: [
    {
      id: 'a',
      employeeId: 'plh',
      unitId: 'LAIN',
      jenis: 'PLH',
      mulai: '2025-01-01',
      selesai: '2025-01-31',
      version: 1,
    },
  ],
  today: '2025-01-15',
};
const staff = { id: 'staf', unitId: 'BIRO', penilaiOverrideId: null, atasanPenilaiOverrideId: null };

describe('admin scope over the org tree', () => {
  it.each([
    ['ALL', 'BIRO', true],
    [['DEP'], 'BIRO', true],
    [['BIRO'], 'BIRO', true],
    [['BIRO'], 'DEP', false],
    [['LAIN'], 'BIRO', false],
  ] as const)('scope %j covers %s: %s', (scope, unit, expected) => {
    expect(unitInScope(scope === 'ALL' ? 'ALL' : [...scope], unit, ctx)).toBe(expected);
  });
});

describe('who leads a unit or one above it', () => {
  it.each([
    ['karo', 'BIRO', true],
    ['deputi', 'BIRO', true],
    ['menteri', 'LAIN', true],
    ['karo-lain', 'BIRO', false],
    ['plh', 'LAIN', true],
    ['staf', 'BIRO', false],
  ])('%s over %s: %s', (person, unit, expected) => {
    expect(leadsUnitOrAbove(person, unit, ctx)).toBe(expected);
  });
});

describe('how a person stands to an employee', () => {
  it.each([
    ['staf', 'self'],
    ['karo', 'penilai'],
    ['deputi', 'atasan'],
    ['menteri', null],
    ['karo-lain', null],
  ])('%s → %s', (person, relation) => {
    expect(relationTo(person, staff, ctx)).toBe(relation);
  });

  it('follows an HR override', () => {
    expect(relationTo('karo-lain', { ...staff, penilaiOverrideId: 'karo-lain' }, ctx)).toBe('penilai');
    expect(relationTo('karo', { ...staff, penilaiOverrideId: 'karo-lain' }, ctx)).toBeNull();
  });
});
