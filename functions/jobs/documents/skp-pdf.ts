// The SKP as an official document (PermenPANRB 6/2022 format, domain.md §2 and §6.3): ministry header, the
// pegawai and pejabat penilai blocks, the RHK with their IKI and targets, perilaku kerja, lampiran,
// signature blocks (name, NIP, date) and a QR code whose URL opens the page that confirms the document's
// hash, version and status. pdfkit draws it with its built-in fonts (nothing is downloaded).

import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import type { Skp } from '../../../shared/domain/skp/types.ts';
import {
  type DocumentContext,
  header,
  heading,
  personBlock,
  signedByPegawaiAndPenilai,
  startDocument,
} from './pdf-parts.ts';

export type SkpDocumentContext = DocumentContext;

const aspekLabel = (value: string | null) =>
  value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ') : '-';

export async function skpPdf(skp: Skp, ctx: SkpDocumentContext): Promise<Buffer> {
  const title =
    skp.format === 'JPT'
      ? 'SASARAN KINERJA PEGAWAI (JPT)'
      : 'SASARAN KINERJA PEGAWAI (PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL)';
  const { doc, done } = startDocument(`SKP ${skp.header.pegawai.nama} ${ctx.periode}`, ctx);
  header(
    doc,
    ctx,
    title,
    `Periode: ${ctx.periode} · Pendekatan hasil kerja ${skp.pendekatan.toLowerCase()} · Revisi ${skp.revision}`,
  );
  personBlock(doc, 'PEGAWAI YANG DINILAI', skp.header.pegawai, [
    `Jabatan: ${skp.header.jabatan}`,
    `Unit kerja: ${skp.header.unitNama}`,
  ]);
  personBlock(doc, 'PEJABAT PENILAI KINERJA', skp.header.penilai);
  doc.moveDown(0.5);

  heading(doc, 'HASIL KERJA');
  skp.rhk.forEach((r, i) => {
    doc
      .font('Helvetica-Bold')
      .text(`${i + 1}. RHK ${r.jenis === 'UTAMA' ? 'utama' : 'tambahan'}: ${r.deskripsi}`);
    doc.font('Helvetica');
    if (r.intervensi) doc.text(`   Mengintervensi (${r.intervensi.kind}): ${r.intervensi.id}`);
    for (const iki of r.iki) {
      const dimension =
        skp.format === 'JPT' ? `perspektif ${aspekLabel(iki.perspektif)}` : `aspek ${aspekLabel(iki.aspek)}`;
      doc.text(
        `   - IKI (${dimension}): ${iki.deskripsi}; target ${iki.target}${iki.satuan ? ` ${iki.satuan}` : ''}`,
      );
    }
  });
  doc.moveDown();

  heading(doc, 'PERILAKU KERJA (BerAKHLAK)');
  for (const value of berakhlak) {
    doc.text(`${value.nama}: ekspektasi khusus pimpinan ${skp.perilaku[value.kode] ?? '-'}`);
  }
  doc.moveDown();

  heading(doc, 'LAMPIRAN');
  const section = (name: string, items: string[]) =>
    doc.text(`${name}: ${items.length > 0 ? items.join('; ') : '-'}`);
  section('Dukungan sumber daya', skp.lampiran.dukunganSumberDaya);
  section('Skema pertanggungjawaban', skp.lampiran.skemaPertanggungjawaban);
  section('Konsekuensi', skp.lampiran.konsekuensi);

  await signedByPegawaiAndPenilai(doc, ctx, skp.header);
  doc.end();
  return done;
}
