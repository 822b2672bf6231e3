// Committed OKR cascade of a period: the unit's IKU at the root, each approved RHK hanging below what it
// supports, so the alignment tree from an IKU down to every individual is one prefix of materialized paths.

export interface Iku {
  id: string;
  periodId: string;
  unitId: string;
  indikator: string;
  target: string;
  satuan: string | null;
  version: number;
}

/** A Key Result of an approved RHK (= one of its IKI): what a subordinate's RHK may support. */
export interface KeyResult {
  id: string;
  deskripsi: string;
  target: string;
  satuan: string | null;
}

/** One node of the cascade: an approved RHK and the path of ids from its IKU down to it. */
export interface CascadeNode {
  rhkId: string;
  /** What it supports: the IKU, an RHK or a KR of the penilai. */
  parentId: string;
  /** `<ikuId>#<rhk>#…#<this rhk>` (a KR a node hangs below is a segment of its path too). */
  path: string;
  employeeId: string;
  nama: string;
  skpId: string;
  deskripsi: string;
  kr: KeyResult[];
  /** Capaian (% of target) of the latest realisasi recorded against this RHK; null until one arrives. */
  capaian: number | null;
  /** Capaian per KR (IKI id → %), where the realisasi named the IKI. */
  krCapaian?: Record<string, number>;
}

export interface AlignmentTreeNode {
  id: string;
  kind: 'IKU' | 'RHK' | 'KR';
  label: string;
  target: string | null;
  employeeId: string | null;
  nama: string | null;
  /** Own capaian if realised, else the mean of the children that have progress; null when nothing has. */
  progress: number | null;
  children: AlignmentTreeNode[];
}

/** Rolls progress up the tree: a node's own capaian wins, else the mean of its children's progress. */
export function rollUpProgress(node: AlignmentTreeNode, own: ReadonlyMap<string, number>): AlignmentTreeNode {
  const children = node.children.map((child) => rollUpProgress(child, own));
  const known = children.map((c) => c.progress).filter((p): p is number => p !== null);
  const mean =
    known.length > 0 ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null;
  return { ...node, children, progress: own.get(node.id) ?? mean };
}

const treeNode = (
  id: string,
  kind: AlignmentTreeNode['kind'],
  label: string,
  rest: Partial<AlignmentTreeNode> = {},
): AlignmentTreeNode => ({
  id,
  kind,
  label,
  target: null,
  employeeId: null,
  nama: null,
  progress: null,
  children: [],
  ...rest,
});

/** Nests cascade nodes (any order) under the IKU they descend from, with each RHK's KR below it. */
export function buildAlignmentTree(iku: Iku, nodes: readonly CascadeNode[]): AlignmentTreeNode {
  const root = treeNode(iku.id, 'IKU', iku.indikator, { target: withSatuan(iku.target, iku.satuan) });
  const byId = new Map<string, AlignmentTreeNode>([[iku.id, root]]);
  const capaian = new Map<string, number>();
  const depth = (path: string) => path.split('#').length;
  const sorted = [...nodes].sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
  for (const node of sorted) {
    const person = { employeeId: node.employeeId, nama: node.nama };
    const rhk = treeNode(node.rhkId, 'RHK', node.deskripsi, person);
    rhk.children = node.kr.map((kr) =>
      treeNode(kr.id, 'KR', kr.deskripsi, { ...person, target: withSatuan(kr.target, kr.satuan) }),
    );
    for (const kr of rhk.children) byId.set(kr.id, kr);
    if (node.capaian !== null) capaian.set(node.rhkId, node.capaian);
    for (const [krId, value] of Object.entries(node.krCapaian ?? {})) capaian.set(krId, value);
    byId.set(node.rhkId, rhk);
    byId.get(node.parentId)?.children.push(rhk);
  }
  return rollUpProgress(root, capaian);
}

const withSatuan = (target: string, satuan: string | null) => (satuan ? `${target} ${satuan}` : target);
