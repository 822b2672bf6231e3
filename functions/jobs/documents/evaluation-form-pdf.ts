// Evaluasi Kinerja Pegawai, the periodic form ("Cetak Form Penilaian", domain.md §6.3): each RHK of the SKP
// with its IKI and targets beside the pegawai's realisasi and bukti dukung and the penilai's umpan balik, the
// umpan balik per BerAKHLAK value, both ratings and the predikat; signed by the pegawai and the penilai, with
// the QR. Long text wraps within its indent and flows onto new pages; user text goes through pdfText.

import {
  type PredikatOrganisasi,
  predikatOrganisasiLabels,
  predikatPegawaiLabels,
  type Rating,
  ratingLabels,
} from '../../../shared/domain/evaluation/predikat.ts';
import { type Evaluation, predikatAkhir } from '../../../shared/domain/evaluation/types.ts';
import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import type { Iki, Skp } from '../../../shared/domain/skp/types.ts';
import {
  type DocumentContext,
  header,
  heading,
  keepTogether,
  type Person,
  pdfText,
  personBlock,
  signedByPegawaiAndPenilai,
  startDocument,
} from './pdf-parts.ts';

const indentStep = 14;
/** Room the two signature blocks and the QR code need below the last line (see signaturesAndQr). */
const signatureHeight = 230;

const rating = (r: Rating | null) => (r ? ratingLabels[r] : '-');
const label = (value: string | null) =>
  value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ') : '-';
const dimension = (format: Skp['format'], iki: Iki) =>
  format === 'JPT' ? `perspektif ${label(iki.perspektif)}` : `aspek ${label(iki.aspek)}`;
const person = (p: Person): Person => p && { nama: pdfText(p.nama), nip: p.nip };

export async function evaluationFormPdf(
  e: Evaluation,
  skp: Skp,
  ctx: DocumentContext,
  orgPredikat: PredikatOrganisasi | null = null,
): Promise<Buffer> {
  const { doc, done } = startDocument(`Form Evaluasi Kinerja ${e.header.pegawai.nama} ${e.windowNama}`, ctx);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  /** One paragraph at an indent level: wrapped lines keep the indent, pages break where they must. */
  const para = (text: string, level = 0, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(pdfText(text), left + level * indentStep, undefined, { width: width - level * indentStep });
  };
  const section = (title: string) => {
    doc.moveDown(0.5);
    doc.x = left;
    heading(doc, title);
  };

  header(doc, ctx, 'EVALUASI KINERJA PEGAWAI', pdfText(`Periode: ${ctx.periode} · ${e.windowNama}`));
  const people = { pegawai: person(e.header.pegawai), penilai: person(e.header.penilai) };
  personBlock(doc, 'PEGAWAI YANG DINILAI', people.pegawai, [
    pdfText(`Jabatan: ${e.header.jabatan}`),
    pdfText(`Unit kerja: ${e.header.unitNama}`),
  ]);
  personBlock(doc, 'PEJABAT PENILAI KINERJA', people.penilai);
  personBlock(doc, 'ATASAN PEJABAT PENILAI KINERJA', person(e.header.atasanPenilai));
  para(`Capaian kinerja organisasi: ${orgPredikat ? predikatOrganisasiLabels[orgPredikat] : '-'}`);

  section('A. HASIL KERJA');
  skp.rhk.forEach((r, i) => {
    doc.moveDown(0.3);
    para(`${i + 1}. RHK ${r.jenis === 'UTAMA' ? 'utama' : 'tambahan'}: ${r.deskripsi}`, 0, true);
    const ikiIds = new Set(r.iki.map((iki) => iki.id));
    const realisasi = (ikiId: string | null, level: number) => {
      const rows = e.realisasi.filter(
        (x) => x.rhkId === r.id && (ikiId ? x.ikiId === ikiId : !x.ikiId || !ikiIds.has(x.ikiId)),
      );
      if (rows.length === 0 && ikiId) para('Realisasi: -', level);
      for (const x of rows) {
        para(`Realisasi: ${x.realisasi}${x.capaian === null ? '' : ` (capaian ${x.capaian}%)`}`, level);
        para(`Bukti dukung: ${x.buktiDukung.length > 0 ? x.buktiDukung.join('; ') : '-'}`, level);
      }
    };
    for (const iki of r.iki) {
      const satuan = iki.satuan ? ` ${iki.satuan}` : '';
      para(`IKI (${dimension(skp.format, iki)}): ${iki.deskripsi}; target ${iki.target}${satuan}`, 1);
      realisasi(iki.id, 2);
    }
    realisasi(null, 1);
    para(`Umpan balik berkelanjutan: ${e.umpanBalik.rhk[r.id] ?? '-'}`, 1);
  });
  doc.moveDown(0.3);
  const dariOrganisasi = e.ratingHasilDariOrganisasi ? ' (dari capaian kinerja organisasi)' : '';
  para(`Rating Hasil Kerja: ${rating(e.ratingHasil)}${dariOrganisasi}`, 0, true);

  section('B. PERILAKU KERJA (BerAKHLAK)');
  for (const value of berakhlak) {
    doc.moveDown(0.3);
    para(value.nama, 0, true);
    para(`Indikator: ${value.indikator.join('; ')}`, 1);
    para(`Ekspektasi khusus pimpinan: ${skp.perilaku[value.kode] ?? '-'}`, 1);
    para(`Umpan balik berkelanjutan: ${e.umpanBalik.perilaku[value.kode] ?? '-'}`, 1);
  }
  doc.moveDown(0.3);
  para(`Rating Perilaku Kerja: ${rating(e.ratingPerilaku)}`, 0, true);

  section('C. PREDIKAT KINERJA PEGAWAI');
  const final = predikatAkhir(e);
  para(`Predikat kinerja pegawai: ${final ? predikatPegawaiLabels[final] : '-'}`, 0, true);
  if (e.keberatan?.predikatBaru && e.predikat) {
    para(`(semula ${predikatPegawaiLabels[e.predikat]}; diubah atas keberatan)`);
  }
  para(`Catatan / rekomendasi: ${e.catatan ?? '-'}`);

  keepTogether(doc, signatureHeight);
  doc.x = left;
  await signedByPegawaiAndPenilai(doc, ctx, people);
  doc.end();
  return done;
}
