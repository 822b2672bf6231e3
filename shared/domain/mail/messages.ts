// What the portal writes to people: each message is a template name and the data it needs, stored in the
// outbox as data (not rendered) so the text, the links and the ministry's name are applied when it is sent.

export interface SkpSummary {
  pegawai: { nama: string; nip: string | null };
  jabatan: string;
  unitNama: string;
  periode: string;
  rhk: {
    jenis: 'UTAMA' | 'TAMBAHAN';
    deskripsi: string;
    iki: { deskripsi: string; target: string; satuan: string | null }[];
  }[];
}

export type OutboxMessage =
  | {
      template: 'skp.approval_request';
      data: {
        penilaiNama: string;
        skp: SkpSummary;
        expiresAt: string;
        /** Seeds of the two approval links; the tokens are derived from them with the pepper when sent. */
        linkSeeds: { setujui: string; kembalikan: string };
      };
    }
  | {
      template: 'skp.decided';
      data: {
        pegawaiNama: string;
        keputusan: 'setujui' | 'kembalikan';
        penilaiNama: string;
        catatan: string | null;
        periode: string;
        lewatSurel: boolean;
      };
    }
  | {
      template: 'window.opened';
      data: {
        nama: string;
        jenis: 'PENYUSUNAN_SKP' | 'EVALUASI';
        batasPengisian: string;
        tutup: string;
        penerimaNama: string;
      };
    }
  | {
      template: 'window.reminder';
      /** `hari`: days left before the input deadline; `peran`: what the person still owes. */
      data: {
        nama: string;
        batasPengisian: string;
        hari: number;
        peran: 'pegawai' | 'penilai';
        jumlah: number;
        penerimaNama: string;
      };
    }
  | {
      template: 'window.escalation';
      data: { nama: string; batasPengisian: string; pegawai: string[]; penerimaNama: string };
    }
  | {
      template: 'keberatan.filed';
      data: { atasanNama: string; pegawaiNama: string; windowNama: string; alasan: string };
    }
  | {
      template: 'keberatan.decided';
      data: { pegawaiNama: string; windowNama: string; diubah: boolean; predikat: string; catatan: string };
    };

export type OutboxTemplate = OutboxMessage['template'];

export interface Recipient {
  email: string;
  nama: string;
}
