import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { evaluationFormPdf } from '../../functions/jobs/documents/evaluation-form-pdf.ts';
import { pdfText } from '../../functions/jobs/documents/pdf-parts.ts';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import type { Rhk, Skp } from '../../shared/domain/skp/types.ts';
import { sariHeader } from '../fixtures/people.ts';

const header = { ...sariHeader, atasanPenilai: { id: 'a', nama: 'Dewi Lestari', nip: '196801012000032001' } };
const ctx = {
  ministry: 'Kementerian Sekretariat Negara Republik Indonesia',
  periode: 'Periode Kinerja 2025',
  verifyUrl: 'https://piawai.example.go.id/verifikasi/#d=form123',
  tanggal: '4 April 2025',
};

const anRhk = (n: number, text = `Tersusunnya laporan kinerja SDM ${n}`): Rhk => ({
  id: `r${n}`,
  jenis: n === 1 ? 'UTAMA' : 'TAMBAHAN',
  deskripsi: text,
  intervensi: null,
  iki: [
    {
      id: `i${n}`,
      deskripsi: `Jumlah laporan ${n}`,
      aspek: 'KUANTITAS',
      perspektif: null,
      target: '4',
      satuan: 'dokumen',
    },
  ],
});

const anSkp = (rhk: Rhk[]): Skp => ({
  id: '01HSKP0000000000000000000A',
  employeeId: 'e',
  periodId: 'p',
  revision: 1,
  status: 'DISETUJUI',
  format: 'JAJF',
  pendekatan: 'KUANTITATIF',
  header,
  rhk,
  perilaku: { AKUNTABEL: 'Tepat waktu' },
  lampiran: { dukunganSumberDaya: [], skemaPertanggungjawaban: [], konsekuensi: [] },
  berlaku: { mulai: '2025-01-01', sampai: '2025-12-31' },
  ditutup: null,
  catatanPengembalian: null,
  submittedAt: null,
  decidedAt: null,
  decidedBy: null,
  version: 4,
});

/** An evaluation of `skp` in Triwulan I: realisasi, bukti and umpan balik per RHK from `text(n)`. */
const anEvaluation = (skp: Skp, text = (n: number) => `catatan ${n}`): Evaluation => ({
  employeeId: 'e',
  periodId: 'p',
  windowKey: 'EVALUASI_PERIODIK-2025-04-01',
  windowNama: 'Evaluasi Triwulan I 2025',
  tahunan: false,
  skpId: skp.id,
  header,
  realisasi: skp.rhk.map((r, i) => ({
    rhkId: r.id,
    ikiId: r.iki[0]?.id ?? null,
    realisasi: `Realisasi ${i + 1}: ${text(i + 1)}`,
    buktiDukung: [`https://drive.example.go.id/bukti-${i + 1}`],
    capaian: 100,
  })),
  umpanBalik: {
    rhk: Object.fromEntries(skp.rhk.map((r, i) => [r.id, `Umpan RHK ${i + 1}: ${text(i + 1)}`])),
    perilaku: { AKUNTABEL: 'Selalu tepat waktu', KOLABORATIF: 'Aktif dalam tim' },
  },
  ratingHasil: 'DI_ATAS',
  ratingPerilaku: 'SESUAI',
  predikat: 'BAIK',
  ratingHasilDariOrganisasi: false,
  catatan: 'Pertahankan ketepatan waktu.',
  status: 'DINILAI',
  dinilaiOleh: 'p',
  dinilaiPada: '2025-04-10T03:00:00.000Z',
  keberatan: null,
  version: 3,
});

const pagesOf = async (pdf: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })).text;

describe('the Evaluasi Kinerja Pegawai form as a PDF', () => {
  it('carries the people with NIP, period, window, each RHK with realisasi and umpan balik, ratings, predikat and the link', async () => {
    const skp = anSkp([anRhk(1), anRhk(2)]);
    const pdf = await evaluationFormPdf(anEvaluation(skp), skp, ctx, 'BAIK');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pagesOf(pdf)).join('\n');
    for (const expected of [
      'KEMENTERIAN SEKRETARIAT NEGARA REPUBLIK INDONESIA',
      'EVALUASI KINERJA PEGAWAI',
      'Periode Kinerja 2025',
      'Evaluasi Triwulan I 2025',
      'Sari Puspitasari',
      '198601012010011049',
      'Hendra Wijayakusuma',
      '197501012000031001',
      'Dewi Lestari',
      '196801012000032001',
      'Capaian kinerja organisasi: Baik',
      '1. RHK utama: Tersusunnya laporan kinerja SDM 1',
      '2. RHK tambahan: Tersusunnya laporan kinerja SDM 2',
      'IKI (aspek Kuantitas): Jumlah laporan 2; target 4 dokumen',
      'Realisasi: Realisasi 2: catatan 2 (capaian 100%)',
      'Bukti dukung: https://drive.example.go.id/bukti-2',
      'Umpan balik berkelanjutan: Umpan RHK 2: catatan 2',
      'Ekspektasi khusus pimpinan: Tepat waktu',
      'Umpan balik berkelanjutan: Selalu tepat waktu',
      'Umpan balik berkelanjutan: Aktif dalam tim',
      'Rating Hasil Kerja: Di Atas Ekspektasi',
      'Rating Perilaku Kerja: Sesuai Ekspektasi',
      'Predikat kinerja pegawai: Baik',
      'Pertahankan ketepatan waktu.',
      ctx.verifyUrl,
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('flows 15 RHK with long feedback over several pages and keeps the signatures with the QR on the last', async () => {
    const long = (n: number) => `${'kalimat umpan balik yang panjang '.repeat(60)}akhir-${n}`;
    const skp = anSkp(Array.from({ length: 15 }, (_, i) => anRhk(i + 1)));
    const evaluation = anEvaluation(skp, long);
    evaluation.realisasi[0]?.buktiDukung.push(`https://drive.example.go.id/${'x'.repeat(400)}`);
    const pages = await pagesOf(await evaluationFormPdf(evaluation, skp, ctx));
    expect(pages.length).toBeGreaterThan(3);
    const text = pages.join('\n');
    for (let n = 1; n <= 15; n++) {
      expect(text).toContain(`Tersusunnya laporan kinerja SDM ${n}`);
      expect(text.match(new RegExp(`akhir-${n}\\b`, 'g'))).toHaveLength(2);
    }
    const last = pages.at(-1) ?? '';
    for (const expected of ['Pegawai yang dinilai,', 'Pejabat penilai kinerja,', 'NIP 197501012000031001'])
      expect(last).toContain(expected);
    expect(last.replace(/\s/g, '')).toContain(ctx.verifyUrl);
  });

  it.each([
    ['parentheses and backslashes', 'Laporan (final) \\ revisi \\) ((', 'Laporan (final) \\ revisi \\) (('],
    ['PDF syntax', 'endstream endobj %%EOF <</Type /Page>>', 'endstream endobj %%EOF <</Type /Page>>'],
    [
      'Indonesian and Latin accents',
      'Évaluasi “Sekretariat” — café ñ ü ő',
      'Évaluasi “Sekretariat” — café ñ ü o',
    ],
    ['emoji, skin tones, flags and ZWJ', 'Bagus 👍🏽 sekali 🇮🇩 👩‍💻!', 'Bagus  sekali  !'],
    ['controls, tabs and CRLF', 'a\u0000b\u0007c\td\r\ne', 'abc d\ne'],
    ['characters without a glyph', 'target ≥ 90 中文', 'target ? 90 ??'],
    ['full-width and ligatures', 'ＲＨＫ ﬁnal', 'RHK final'],
  ])('prints user text with %s gracefully', async (_, input, expected) => {
    expect(pdfText(input)).toBe(expected);
    const skp = anSkp([anRhk(1, `RHK ${input}`)]);
    const evaluation = anEvaluation(skp, () => input);
    evaluation.header = { ...header, pegawai: { ...header.pegawai, nama: `Sari ${input}` } };
    const text = (await pagesOf(await evaluationFormPdf(evaluation, skp, ctx))).join('\n');
    const visible = expected.replace(/\s+/g, ' ').trim();
    expect(text.replace(/\s+/g, ' ')).toContain(`Umpan RHK 1: ${visible}`);
    expect(text).toContain(ctx.verifyUrl);
    expect(text).not.toMatch(/Ø=|\uFFFD/);
  });
});
