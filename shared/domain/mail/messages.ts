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
    };

export type OutboxTemplate = OutboxMessage['template'];

export interface Recipient {
  email: string;
  nama: string;
}
