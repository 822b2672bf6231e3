import { describe, expect, it } from 'vitest';
import { type Iki, ikiProblems, type Rhk } from '../../shared/domain/skp/types.ts';

const rhk = (iki: Partial<Iki>[]): Rhk => ({
  id: 'r',
  jenis: 'UTAMA',
  deskripsi: 'Tersusunnya rencana kinerja',
  intervensi: null,
  iki: iki.map((i, n) => ({
    id: `i${n}`,
    deskripsi: 'x',
    aspek: null,
    perspektif: null,
    target: '2',
    satuan: 'dokumen',
    ...i,
  })),
});

describe('IKI rules by SKP format', () => {
  it.each<['JPT' | 'JAJF', Partial<Iki>[], string[]]>([
    ['JAJF', [{ aspek: 'KUANTITAS' }], []],
    ['JAJF', [{ aspek: null }], ['rhk.0.iki.0.aspek']],
    ['JPT', [{ perspektif: 'PENERIMA_LAYANAN' }], []],
    ['JPT', [{ aspek: 'KUALITAS' }], ['rhk.0.iki.0.perspektif']],
    ['JAJF', [], ['rhk.0.iki']],
  ])('%s with %j → %j', (format, iki, paths) => {
    expect(ikiProblems(format, [rhk(iki)]).map((p) => p.path)).toEqual(paths);
  });
});
