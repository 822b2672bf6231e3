import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { skpPdf } from '../../functions/jobs/documents/skp-pdf.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';

const skp: Skp = {
  id: '01HSKP0000000000000000000A',
  employeeId: 'e',
  periodId: 'p',
  revision: 1,
  status: 'DISETUJUI',
  format: 'JAJF',
  pendekatan: 'KUANTITATIF',
  header: {
    pegawai: { id: 'e', nama: 'Sari Puspitasari', nip: '198601012010011049' },
    penilai: { id: 'p', nama: 'Hendra Wijayakusuma', nip: '197501012000031001' },
    atasanPenilai: null,
    unitId: 'u',
    unitNama: 'Subbagian Kinerja SDM',
    jabatan: 'Analis SDM Aparatur Ahli Pertama',
  },
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

describe('the SKP as a PDF', () => {
  it('carries the header, both people with NIP, the RHK and IKI, BerAKHLAK, lampiran and the verification link', async () => {
    const pdf = await skpPdf(skp, {
      ministry: 'Kementerian Sekretariat Negara Republik Indonesia',
      periode: 'Periode Kinerja 2025',
      verifyUrl: 'https://piawai.example.go.id/verifikasi/#d=abc123',
      tanggal: '2 Januari 2025',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
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
