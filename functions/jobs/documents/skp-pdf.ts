// The SKP as an official document (PermenPANRB 6/2022 format, domain.md §2 and §6.3): ministry header, the
// pegawai and pejabat penilai blocks, the RHK with their IKI and targets, perilaku kerja, lampiran,
// signature blocks (name, NIP, date) and a QR code whose URL opens the page that confirms the document's
// hash, version and status. pdfkit draws it with its built-in fonts (nothing is downloaded).

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import type { Skp } from '../../../shared/domain/skp/types.ts';

export interface SkpDocumentContext {
  ministry: string;
  periode: string;
  /** The page that confirms this document (hash, version, status). */
  verifyUrl: string;
  /** WIB date the document is signed / printed. */
  tanggal: string;
}

const aspekLabel = (value: string | null) =>
  value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ') : '-';

export async function skpPdf(skp: Skp, ctx: SkpDocumentContext): Promise<Buffer> {
  const qr = await QRCode.toBuffer(ctx.verifyUrl, { type: 'png', margin: 1, width: 120 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `SKP ${skp.header.pegawai.nama} ${ctx.periode}`, Author: ctx.ministry },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const title =
    skp.format === 'JPT'
      ? 'SASARAN KINERJA PEGAWAI (JPT)'
      : 'SASARAN KINERJA PEGAWAI (PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL)';
  doc.font('Helvetica-Bold').fontSize(12).text(ctx.ministry.toUpperCase(), { align: 'center' });
  doc.fontSize(11).text(title, { align: 'center' });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      `Periode: ${ctx.periode} · Pendekatan hasil kerja ${skp.pendekatan.toLowerCase()} · Revisi ${skp.revision}`,
      { align: 'center' },
    );
  doc.moveDown();

  const person = (label: string, p: { nama: string; nip: string | null } | null) => {
    doc.font('Helvetica-Bold').text(label);
    doc
      .font('Helvetica')
      .text(`Nama: ${p?.nama ?? '-'}`)
      .text(`NIP: ${p?.nip ?? '-'}`);
  };
  person('PEGAWAI YANG DINILAI', skp.header.pegawai);
  doc.text(`Jabatan: ${skp.header.jabatan}`).text(`Unit kerja: ${skp.header.unitNama}`);
  doc.moveDown(0.5);
  person('PEJABAT PENILAI KINERJA', skp.header.penilai);
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(10).text('HASIL KERJA');
  doc.font('Helvetica').fontSize(9);
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

  doc.font('Helvetica-Bold').fontSize(10).text('PERILAKU KERJA (BerAKHLAK)');
  doc.font('Helvetica').fontSize(9);
  for (const value of berakhlak) {
    const ekspektasi = skp.perilaku[value.kode] ?? null;
    doc.text(`${value.nama}: ekspektasi khusus pimpinan ${ekspektasi ?? '-'}`);
  }
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(10).text('LAMPIRAN');
  doc.font('Helvetica').fontSize(9);
  const section = (name: string, items: string[]) =>
    doc.text(`${name}: ${items.length > 0 ? items.join('; ') : '-'}`);
  section('Dukungan sumber daya', skp.lampiran.dukunganSumberDaya);
  section('Skema pertanggungjawaban', skp.lampiran.skemaPertanggungjawaban);
  section('Konsekuensi', skp.lampiran.konsekuensi);
  doc.moveDown(2);

  const top = doc.y;
  const sign = (x: number, role: string, p: { nama: string; nip: string | null } | null) => {
    doc.text(`Jakarta, ${ctx.tanggal}`, x, top, { width: 220 });
    doc.text(role, x, doc.y, { width: 220 });
    doc.text(p?.nama ?? '-', x, top + 70, { width: 220 });
    doc.text(`NIP ${p?.nip ?? '-'}`, x, doc.y, { width: 220 });
  };
  sign(48, 'Pegawai yang dinilai,', skp.header.pegawai);
  sign(320, 'Pejabat penilai kinerja,', skp.header.penilai);
  doc.image(qr, 48, top + 110, { width: 80 });
  doc.text(`Verifikasi keaslian: ${ctx.verifyUrl}`, 140, top + 130, { width: 400 });
  doc.end();
  return done;
}
