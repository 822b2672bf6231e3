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

/** One node of the cascade: an approved RHK and the path of ids from its IKU down to it. */
export interface CascadeNode {
  rhkId: string;
  parentId: string;
  /** `<ikuId>#<rhk>#…#<this rhk>` */
  path: string;
  employeeId: string;
  nama: string;
  skpId: string;
  deskripsi: string;
}

export interface AlignmentTreeNode {
  id: string;
  kind: 'IKU' | 'RHK';
  label: string;
  employeeId: string | null;
  nama: string | null;
  children: AlignmentTreeNode[];
}

/** Nests cascade nodes (any order) under the IKU they descend from. */
export function buildAlignmentTree(iku: Iku, nodes: readonly CascadeNode[]): AlignmentTreeNode {
  const root: AlignmentTreeNode = {
    id: iku.id,
    kind: 'IKU',
    label: iku.indikator,
    employeeId: null,
    nama: null,
    children: [],
  };
  const byId = new Map<string, AlignmentTreeNode>([[iku.id, root]]);
  const sorted = [...nodes].sort(
    (a, b) => a.path.split('#').length - b.path.split('#').length || a.path.localeCompare(b.path),
  );
  for (const node of sorted) {
    const tree: AlignmentTreeNode = {
      id: node.rhkId,
      kind: 'RHK',
      label: node.deskripsi,
      employeeId: node.employeeId,
      nama: node.nama,
      children: [],
    };
    byId.set(node.rhkId, tree);
    byId.get(node.parentId)?.children.push(tree);
  }
  return root;
}
