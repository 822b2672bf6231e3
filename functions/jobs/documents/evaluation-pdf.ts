// Dokumen Evaluasi Kinerja Pegawai (domain.md §6.3): the summary sheet of a periodic or the annual
// evaluation — pegawai, pejabat penilai and atasan blocks, capaian kinerja organisasi, the ratings and the
// predikat (after keberatan when changed), catatan — signed by the pegawai and the penilai, with the QR.

import {
  type PredikatOrganisasi,
  predikatOrganisasiLabels,
  predikatPegawaiLabels,
  ratingLabels,
} from '../../../shared/domain/evaluation/predikat.ts';
import { type Evaluation, predikatAkhir } from '../../../shared/domain/evaluation/types.ts';
import {
  type DocumentContext,
  header,
  heading,
  personBlock,
  signedByPegawaiAndPenilai,
  startDocument,
} from './pdf-parts.ts';

export async function evaluationPdf(
  e: Evaluation,
  orgPredikat: PredikatOrganisasi | null,
  ctx: DocumentContext,
): Promise<Buffer> {
  const { doc, done } = startDocument(`Evaluasi Kinerja ${e.header.pegawai.nama} ${e.windowNama}`, ctx);
  header(doc, ctx, 'DOKUMEN EVALUASI KINERJA PEGAWAI', `${ctx.periode} · ${e.windowNama}`);
  personBlock(doc, '1. PEGAWAI YANG DINILAI', e.header.pegawai, [
    `Jabatan: ${e.header.jabatan}`,
    `Unit kerja: ${e.header.unitNama}`,
  ]);
  personBlock(doc, '2. PEJABAT PENILAI KINERJA', e.header.penilai);
  personBlock(doc, '3. ATASAN PEJABAT PENILAI KINERJA', e.header.atasanPenilai);
  heading(doc, '4. EVALUASI KINERJA');
  doc.text(`Capaian kinerja organisasi: ${orgPredikat ? predikatOrganisasiLabels[orgPredikat] : '-'}`);
  doc.text(`Rating hasil kerja: ${e.ratingHasil ? ratingLabels[e.ratingHasil] : '-'}`);
  doc.text(`Rating perilaku kerja: ${e.ratingPerilaku ? ratingLabels[e.ratingPerilaku] : '-'}`);
  const final = predikatAkhir(e);
  doc.text(`Predikat kinerja pegawai: ${final ? predikatPegawaiLabels[final] : '-'}`);
  if (e.keberatan?.predikatBaru && e.predikat) {
    doc.text(
      `(semula ${predikatPegawaiLabels[e.predikat]}; diubah atas keberatan, ${e.keberatan.keputusanCatatan ?? ''})`,
    );
  }
  doc.moveDown(0.5);
  heading(doc, '5. CATATAN / REKOMENDASI');
  doc.text(e.catatan ?? '-');
  await signedByPegawaiAndPenilai(doc, ctx, e.header);
  doc.end();
  return done;
}
