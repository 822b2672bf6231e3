import { describe, expect, it } from 'vitest';
import {
  type CascadeContext,
  type CascadeTarget,
  cascadeProblems,
  type RhkLink,
} from '../../shared/domain/okr/cascade.ts';
import { buildAlignmentTree, type CascadeNode } from '../../shared/domain/okr/types.ts';

// IKU of the Deputi's unit → Deputi's KR → Kepala Biro's RHK → (the staff member's RHK under test)
const targets = new Map<string, CascadeTarget>(
  (
    [
      { kind: 'IKU', id: 'iku-dep', ownerEmployeeId: null, unitId: 'DEP', parentId: null },
      { kind: 'KR', id: 'kr-deputi', ownerEmployeeId: 'deputi', unitId: 'DEP', parentId: 'iku-dep' },
      { kind: 'RHK', id: 'rhk-karo', ownerEmployeeId: 'karo', unitId: 'BIRO', parentId: 'kr-deputi' },
      { kind: 'RHK', id: 'rhk-lain', ownerEmployeeId: 'karo-lain', unitId: 'LAIN', parentId: null },
      // A result of the Kepala Biro that (wrongly) already hangs below the staff member's own RHK.
      { kind: 'RHK', id: 'rhk-karo-2', ownerEmployeeId: 'karo', unitId: 'BIRO', parentId: 'rhk-staf' },
    ] as CascadeTarget[]
  ).map((t) => [t.id, t]),
);
const staff: CascadeContext = { employeeId: 'staf', penilaiId: 'karo', leadsUnitId: null, targets };
const deputi: CascadeContext = { employeeId: 'deputi', penilaiId: 'menteri', leadsUnitId: 'DEP', targets };
const rhk = (intervensi: RhkLink['intervensi'], jenis: RhkLink['jenis'] = 'UTAMA'): RhkLink => ({
  id: 'rhk-staf',
  jenis,
  intervensi,
});

describe('committed cascade: RHK utama must support the level above', () => {
  it.each([
    ['a KR/RHK of the own penilai', staff, rhk({ kind: 'RHK', id: 'rhk-karo' })],
    ['an RHK tambahan without a link', staff, rhk(null, 'TAMBAHAN')],
    [
      'a unit leader linking the IKU of the unit',
      deputi,
      { id: 'kr-new', jenis: 'UTAMA', intervensi: { kind: 'IKU', id: 'iku-dep' } } as RhkLink,
    ],
  ] as const)('accepts %s', (_name, ctx, link) => {
    expect(cascadeProblems([link], ctx)).toEqual([]);
  });

  it.each([
    ['an RHK utama without intervensi', rhk(null), /wajib/],
    [
      'a link to someone who is not the penilai',
      rhk({ kind: 'RHK', id: 'rhk-lain' }),
      /pejabat penilai Anda sendiri/,
    ],
    [
      'a link two levels up, skipping the penilai',
      rhk({ kind: 'KR', id: 'kr-deputi' }),
      /pejabat penilai Anda sendiri/,
    ],
    ['an IKU by someone who leads no unit', rhk({ kind: 'IKU', id: 'iku-dep' }), /pimpinan unit/],
    [
      'a link that does not exist',
      rhk({ kind: 'RHK', id: 'tidak-ada' }),
      /tidak ditemukan di antara hasil kerja pejabat penilai Anda/,
    ],
    ['a link of the wrong kind', rhk({ kind: 'KR', id: 'rhk-karo' }), /tidak ditemukan/],
    ['a link that closes a cycle', rhk({ kind: 'RHK', id: 'rhk-karo-2' }), /lingkaran/],
  ] as const)('refuses %s, naming the field', (_name, link, message) => {
    const problems = cascadeProblems([rhk({ kind: 'RHK', id: 'rhk-karo' }), link], staff);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('rhk.1.intervensi');
    expect(problems[0]?.message).toMatch(message);
  });
});

const iku = {
  id: 'iku',
  periodId: 'p',
  unitId: 'u',
  indikator: 'Persentase layanan tepat waktu',
  target: '95',
  satuan: 'persen',
  version: 1,
};
const node = (rhkId: string, path: string, extra: Partial<CascadeNode> = {}): CascadeNode => ({
  rhkId,
  parentId: path.split('#').at(-2) as string,
  path,
  employeeId: `e-${rhkId}`,
  nama: `N ${rhkId}`,
  skpId: 's',
  deskripsi: `RHK ${rhkId}`,
  kr: [],
  capaian: null,
  ...extra,
});

describe('alignment tree from an IKU', () => {
  it('nests approved RHK under what they support, whatever order they arrive in', () => {
    const tree = buildAlignmentTree(iku, [
      node('c1', 'iku#a#b#c1'),
      node('a', 'iku#a'),
      node('b', 'iku#a#b'),
      node('b2', 'iku#a#b2'),
    ]);
    expect(tree.children.map((c) => c.id)).toEqual(['a']);
    expect(tree.children[0]?.children.map((c) => c.id)).toEqual(['b', 'b2']);
    expect(tree.children[0]?.children[0]?.children.map((c) => c.id)).toEqual(['c1']);
  });

  it("hangs each RHK's Key Results below it, and an RHK that supports a KR below that KR", () => {
    const kr = { id: 'kr1', deskripsi: 'Dokumen kebijakan', target: '4', satuan: 'dokumen' };
    const tree = buildAlignmentTree(iku, [node('a', 'iku#a', { kr: [kr] }), node('b', 'iku#a#kr1#b')]);
    const a = tree.children[0];
    expect(a?.children.map((c) => [c.kind, c.id, c.target])).toEqual([['KR', 'kr1', '4 dokumen']]);
    expect(a?.children[0]?.children.map((c) => c.id)).toEqual(['b']);
    expect(tree.target).toBe('95 persen');
  });

  it('rolls progress up from the realisations that have arrived; nothing realised stays null', () => {
    const empty = buildAlignmentTree(iku, [node('a', 'iku#a')]);
    expect(empty.progress).toBeNull();
    const tree = buildAlignmentTree(iku, [
      node('a', 'iku#a'),
      node('b', 'iku#a#b', { capaian: 80 }),
      node('c', 'iku#a#c', { capaian: 100 }),
      node('d', 'iku#a#d'),
      node('e', 'iku#e', { capaian: 45 }),
    ]);
    const a = tree.children.find((c) => c.id === 'a');
    // a has no realisasi of its own: the mean of b and c (d has none yet).
    expect(a?.progress).toBe(90);
    expect(tree.progress).toBe(67.5);
    const withOwn = buildAlignmentTree(iku, [
      node('a', 'iku#a', { capaian: 50 }),
      node('b', 'iku#a#b', { capaian: 100 }),
    ]);
    expect(withOwn.children[0]?.progress).toBe(50);
  });
});
