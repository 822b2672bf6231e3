import { describe, expect, it } from 'vitest';
import { buildUnitTree, descendantIds, wouldCreateCycle } from '../../shared/domain/org/unit-tree.ts';

const units = [
  { id: 'root', parentId: null },
  { id: 'a', parentId: 'root' },
  { id: 'a1', parentId: 'a' },
  { id: 'a1x', parentId: 'a1' },
  { id: 'b', parentId: 'root' },
];
const byId = new Map(units.map((u) => [u.id, u]));

describe('the unit tree never gets a cycle', () => {
  it.each([
    ['a', 'a', true],
    ['a', 'a1', true],
    ['a', 'a1x', true],
    ['root', 'b', true],
    ['a1', 'b', false],
    ['a', null, false],
    ['b', 'a1x', false],
    ['a', 'does-not-exist', false],
  ] as const)('moving %s under %s → cycle %s', (unit, parent, expected) => {
    expect(wouldCreateCycle(byId, unit, parent)).toBe(expected);
  });

  it('stops on a tree that is already corrupt instead of looping', () => {
    const corrupt = new Map([
      ['x', { id: 'x', parentId: 'y' }],
      ['y', { id: 'y', parentId: 'x' }],
    ]);
    expect(wouldCreateCycle(corrupt, 'z', 'x')).toBe(false);
  });

  it('nests a flat list and collects descendants', () => {
    const tree = buildUnitTree(units);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.children.map((c) => c.unit.id)).toEqual(['a', 'b']);
    expect([...descendantIds(units, 'a')].sort()).toEqual(['a', 'a1', 'a1x']);
  });
});
