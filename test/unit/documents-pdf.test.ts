import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { evaluationPdf } from '../../functions/jobs/documents/evaluation-pdf.ts';
import { skpPdf } from '../../functions/jobs/documents/skp-pdf.ts';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';
import { sariHeader } from '../fixtures/people.ts';

const skp: Skp = {
  id: '01HSKP0000000000000000000A',
  employeeId: 'e',
  periodId: 'p',
  revision: 1,
  status: 'DISETUJUI',
  format: 'JAJF',
  pendekatan: 'KUANTITATIF',
  header: sariHeader,
  rhk: [
    {
      id: 'r1',
      jenis: 'UTAMA',
      deskripsi: 'Tersusunnya laporan kinerja SDM',
      intervensi: { kind: 'KR', id: 'kr1' },
      iki: [
        {
          id: 'i1',
          deskripsi: 'Jumlah laporan',
          aspek: 'KUANTITAS',
          perspektif: null,
          target: '4',
          satuan: 'dokumen',
        },
      ],
    },
  ],
  perilaku: { AKUNTABEL: 'Tepat waktu' },
  lampiran: { dukunganSumberDaya: ['Aplikasi PIAWAI'], skemaPertanggungjawaban: [], konsekuensi: [] },
  berlaku: { mulai: '2025-01-01', sampai: '2025-12-31' },
  ditutup: null,
  catatanPengembalian: null,
  submittedAt: null,
  decidedAt: null,
  decidedBy: null,
  version: 4,
};

const ctx = {
  ministry: 'Kementerian Sekretariat Negara Republik Indonesia',
  periode: 'Periode Kinerja 2025',
  verifyUrl: 'https://piawai.example.go.id/verifikasi/#d=abc123',
  tanggal: '2 Januari 2025',
};
const textOf = async (pdf: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

describe('the SKP as a PDF', () => {
  it('carries the header, both people with NIP, the RHK and IKI, BerAKHLAK, lampiran and the verification link', async () => {
    const pdf = await skpPdf(skp, ctx);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    for (const expected of [
      'KEMENTERIAN SEKRETARIAT NEGARA REPUBLIK INDONESIA',
      'PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL',
      'Periode Kinerja 2025',
      'Sari Puspitasari',
      '198601012010011049',
      'Hendra Wijayakusuma',
      '197501012000031001',
      'Tersusunnya laporan kinerja SDM',
      'target 4 dokumen',
      'Akuntabel: ekspektasi khusus pimpinan Tepat waktu',
      'Aplikasi PIAWAI',
      'https://piawai.example.go.id/verifikasi/#d=abc123',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });
});

describe('the Dokumen Evaluasi Kinerja Pegawai as a PDF', () => {
  it('names the three people with NIP, the organisation predikat, the ratings and the predikat after keberatan', async () => {
    const evaluation: Evaluation = {
      employeeId: 'e',
      periodId: 'p',
      windowKey: 'EVALUASI_TAHUNAN-2025-10-01',
      windowNama: 'Evaluasi tahunan (Akhir) 2025',
      tahunan: true,
      skpId: skp.id,
      header: { ...skp.header, atasanPenilai: { id: 'a', nama: 'Dewi Lestari', nip: '196801012000032001' } },
      realisasi: [],
      umpanBalik: { rhk: {}, perilaku: {} },
      ratingHasil: 'DI_ATAS',
      ratingPerilaku: 'SESUAI',
      predikat: 'BAIK',
      ratingHasilDariOrganisasi: false,
      catatan: 'Pertahankan ketepatan waktu.',
      status: 'DINILAI',
      dinilaiOleh: 'p',
      dinilaiPada: '2026-01-10T03:00:00.000Z',
      keberatan: {
        status: 'DITERIMA_DIUBAH',
        alasan: 'x',
        diajukanPada: '2026-01-12T00:00:00Z',
        klarifikasiPenilai: 'a',
        klarifikasiPegawai: 'b',
        keputusanCatatan: 'bukti lengkap',
        predikatBaru: 'SANGAT_BAIK',
        diputuskanOleh: 'a',
        diputuskanPada: '2026-01-20T00:00:00Z',
      },
      version: 5,
    };
    const text = await textOf(await evaluationPdf(evaluation, 'ISTIMEWA', ctx));
    for (const expected of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      'Evaluasi tahunan (Akhir) 2025',
      '198601012010011049',
      '197501012000031001',
      'Dewi Lestari',
      '196801012000032001',
      'Capaian kinerja organisasi: Istimewa',
      'Rating hasil kerja: Di Atas Ekspektasi',
      'Rating perilaku kerja: Sesuai Ekspektasi',
      'Predikat kinerja pegawai: Sangat Baik',
      'semula Baik',
      'Pertahankan ketepatan waktu.',
      ctx.verifyUrl,
    ]) {
      expect(text, expected).toContain(expected);
    }
  });
});
