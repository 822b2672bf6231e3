// Builds an official document for an export job: loads what it shows, draws the PDF, and says what it
// certifies (the entity's key, version and status) so the verification page can compare later.

import type { PredikatOrganisasi } from '../../../shared/domain/evaluation/predikat.ts';
import {
  exportFileName,
  type OfficialDocument,
  officialDocumentLabels,
} from '../../../shared/domain/report/exports.ts';
import { formatWibLongDate } from '../../../shared/domain/time.ts';
import { DomainError } from '../../../shared/errors.ts';
import { type Key, keys } from '../../db/keys.ts';
import { evaluationFromItem } from '../../db/repos/evaluation-repo.ts';
import type { ExportJob } from '../../db/repos/export-repo.ts';
import { orgRepo } from '../../db/repos/org-repo.ts';
import { skpFromItem } from '../../db/repos/skp-repo.ts';
import type { Deps } from '../../deps.ts';
import { getPeriod } from '../../services/period-service.ts';
import { evaluationFormPdf } from './evaluation-form-pdf.ts';
import { evaluationPdf } from './evaluation-pdf.ts';
import type { DocumentContext } from './pdf-parts.ts';
import { skpPdf } from './skp-pdf.ts';

export interface IssuedDocument {
  dokumen: OfficialDocument;
  judul: string;
  pegawai: { nama: string; nip: string | null };
  periode: string;
  subject: Key;
  subjectVersion: number;
  subjectStatus: string;
}

/** The verification page of a document; its id is the export job's, printed before the hash exists. */
export const verificationUrl = (origin: string, id: string) => `${origin}/verifikasi/#${id}`;

const gone = () => new DomainError('document.not_found', 'Data dokumen ini sudah tidak ada.');

async function load(deps: Deps, key: Key) {
  const stored = await orgRepo.getStored(deps.db, key);
  if (!stored) throw gone();
  return stored;
}

export async function renderDocument(
  deps: Deps,
  job: ExportJob,
): Promise<{ body: Buffer; fileName: string; document: IssuedDocument }> {
  const { dokumen, employeeId, skpId, periodId, windowKey, origin } = job.params;
  if (!dokumen || !employeeId) throw gone();
  const ctx = (periode: string): DocumentContext => ({
    ministry: deps.config.MINISTRY_NAME,
    periode,
    verifyUrl: verificationUrl(origin, job.id),
    tanggal: formatWibLongDate(deps.clock.now()),
  });
  const issued = (
    pegawai: { nama: string; nip: string | null },
    periode: string,
    subject: Key,
    stored: { version: number; status?: unknown },
  ): IssuedDocument => ({
    dokumen,
    judul: `${officialDocumentLabels[dokumen]} · ${pegawai.nama} · ${periode}`,
    pegawai,
    periode,
    subject,
    subjectVersion: stored.version,
    subjectStatus: String(stored.status ?? ''),
  });

  if (dokumen === 'SKP') {
    const subject = keys.skp(employeeId, skpId ?? '');
    const stored = await load(deps, subject);
    const skp = skpFromItem(stored);
    const period = await getPeriod(deps, skp.periodId);
    return {
      body: await skpPdf(skp, ctx(period.nama)),
      fileName: exportFileName(
        ['SKP', skp.header.pegawai.nip ?? skp.header.pegawai.nama, period.nama, `r${skp.revision}`],
        'PDF',
      ),
      document: issued(skp.header.pegawai, period.nama, subject, stored),
    };
  }
  const subject = keys.evaluation(employeeId, periodId ?? '', windowKey ?? '');
  const stored = await load(deps, subject);
  const evaluation = evaluationFromItem(stored);
  const [period, org] = await Promise.all([
    getPeriod(deps, evaluation.periodId),
    orgRepo.getStored(
      deps.db,
      keys.orgPredikat(evaluation.periodId, evaluation.windowKey, evaluation.header.unitId),
    ),
  ]);
  const orgPredikat = (org?.predikat as PredikatOrganisasi | undefined) ?? null;
  const periode = `${period.nama} · ${evaluation.windowNama}`;
  const nameParts = [
    dokumen === 'EVALUASI_PERIODIK' ? 'Evaluasi' : 'Dokumen-Evaluasi',
    evaluation.header.pegawai.nip ?? evaluation.header.pegawai.nama,
    evaluation.windowNama,
  ];
  if (dokumen === 'EVALUASI_PERIODIK') {
    const skp = skpFromItem(await load(deps, keys.skp(employeeId, evaluation.skpId)));
    return {
      body: await evaluationFormPdf(evaluation, skp, ctx(period.nama), orgPredikat),
      fileName: exportFileName(nameParts, 'PDF'),
      document: issued(evaluation.header.pegawai, periode, subject, stored),
    };
  }
  return {
    body: await evaluationPdf(evaluation, orgPredikat, ctx(period.nama)),
    fileName: exportFileName(nameParts, 'PDF'),
    document: issued(evaluation.header.pegawai, periode, subject, stored),
  };
}
