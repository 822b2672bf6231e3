// The public check behind a document's QR code: is this a document PIAWAI issued, with which hash, and
// does the data it certifies still stand as printed (same version) or has it changed since.

import { DomainError } from '../../shared/errors.ts';
import type { Key } from '../db/keys.ts';
import { exportRepo } from '../db/repos/export-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import type { Deps } from '../deps.ts';

const unknown = () =>
  new DomainError(
    'document.not_found',
    'Dokumen ini tidak terdaftar di PIAWAI. Periksa kembali kode QR-nya.',
  );

/** Shown to anyone holding the link: the NIP's middle digits (birth date, TMT) are hidden. */
const maskNip = (nip: string | null) =>
  nip ? `${nip.slice(0, 4)}${'*'.repeat(Math.max(nip.length - 7, 0))}${nip.slice(-3)}` : null;

export async function verifyDocument(deps: Deps, id: string) {
  const doc = await exportRepo.getDocument(deps.db, id);
  if (!doc) throw unknown();
  const current = await orgRepo.getStored(deps.db, doc.subject as Key);
  const pegawai = doc.pegawai as { nama: string; nip: string | null };
  const versi = Number(doc.subjectVersion);
  return {
    id,
    dokumen: doc.dokumen as 'SKP' | 'EVALUASI_PERIODIK' | 'DOKUMEN_EVALUASI',
    judul: String(doc.judul),
    pegawai: { nama: pegawai.nama, nip: maskNip(pegawai.nip) },
    periode: String(doc.periode),
    sha256: String(doc.sha256),
    versi,
    statusSaatTerbit: String(doc.subjectStatus),
    versiKini: current ? current.version : null,
    statusKini: current ? String(current.status ?? '') : null,
    berlaku: current !== null && current.version === versi,
    diterbitkan: String(doc.issuedAt),
  };
}
