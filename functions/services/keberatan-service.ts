// Keberatan (PP 30/2019): within the objection days (WIB) after the unit's predikat was finalised, the
// employee objects with reasons to the atasan pejabat penilai, who hears both sides and decides, finally.

import type { KeberatanDecision } from '../../shared/contract/evaluations.ts';
import { predikatPegawaiLabels } from '../../shared/domain/evaluation/predikat.ts';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import { objectionDeadline } from '../../shared/domain/period/calendar.ts';
import { DomainError } from '../../shared/errors.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { evaluationRepo, evaluationToItem } from '../db/repos/evaluation-repo.ts';
import { enqueue } from '../db/repos/outbox-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, type RequestContext, staleVersion, todayWib } from './context.ts';
import { evaluationCounters, loadEvaluation, loadWindow, orgPredikatOf } from './evaluation-service.ts';

async function mailTo(deps: Deps, employeeId: string | undefined) {
  const stored = employeeId ? await employeeRepo.get(deps.db, employeeId) : null;
  const person = stored ? employeeFromItem(stored) : null;
  return person?.email ? { email: person.email, nama: person.nama } : null;
}

async function loaded(deps: Deps, employeeId: string, periodId: string, key: string) {
  const found = await loadEvaluation(deps, employeeId, periodId, key);
  if (!found) throw new DomainError('evaluation.not_found', 'Evaluasi tidak ditemukan.');
  return found;
}

export async function fileKeberatan(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  periodId: string,
  key: string,
  alasan: string,
  ctx: RequestContext,
): Promise<Evaluation> {
  if (caller.employeeId !== employeeId) {
    throw new DomainError('keberatan.not_allowed', 'Keberatan diajukan oleh pegawai yang dinilai.');
  }
  const [{ period }, found] = await Promise.all([
    loadWindow(deps, periodId, key),
    loaded(deps, employeeId, periodId, key),
  ]);
  const current = found.evaluation;
  if (current.keberatan)
    throw new DomainError('keberatan.exists', 'Keberatan atas evaluasi ini sudah diajukan.');
  const org = await orgPredikatOf(deps, periodId, key, current.header.unitId);
  if (!org?.final || !org.finalPada || !current.predikat) {
    throw new DomainError(
      'evaluation.not_ready',
      'Predikat belum final; keberatan dapat diajukan setelah difinalkan.',
    );
  }
  const deadline = objectionDeadline(org.finalPada, period.calendar.settings.hariKeberatan);
  if (todayWib(deps) > deadline) {
    throw new DomainError(
      'keberatan.too_late',
      `Batas pengajuan keberatan adalah ${deadline} (${period.calendar.settings.hariKeberatan} hari sejak predikat diterima ${org.finalPada}).`,
    );
  }
  const { version: _v, ...rest } = current;
  const next: Omit<Evaluation, 'version'> = {
    ...rest,
    keberatan: {
      status: 'DIAJUKAN',
      alasan,
      diajukanPada: deps.clock.now().toISOString(),
      klarifikasiPenilai: null,
      klarifikasiPegawai: null,
      keputusanCatatan: null,
      predikatBaru: null,
      diputuskanOleh: null,
      diputuskanPada: null,
    },
  };
  const atasan = await mailTo(deps, current.header.atasanPenilai?.id);
  const notice = atasan
    ? [
        enqueue(
          deps.db,
          deps.newId(),
          atasan,
          {
            template: 'keberatan.filed',
            data: {
              atasanNama: atasan.nama,
              pegawaiNama: current.header.pegawai.nama,
              windowNama: current.windowNama,
              alasan,
            },
          },
          deps.clock.now(),
        ),
      ]
    : [];
  await writeChanges(
    deps.db,
    [{ kind: 'update', before: found.stored, action: 'keberatan.filed', item: evaluationToItem(next) }],
    auditContext(deps, ctx, alasan),
    notice,
  );
  if (notice.length > 0) deps.mail.kick();
  return { ...next, version: current.version + 1 };
}

export async function decideKeberatan(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  periodId: string,
  key: string,
  input: KeberatanDecision,
  ctx: RequestContext,
): Promise<Evaluation> {
  const found = await loaded(deps, employeeId, periodId, key);
  const current = found.evaluation;
  if (current.version !== input.version) throw staleVersion();
  if (caller.employeeId === null || caller.employeeId !== current.header.atasanPenilai?.id) {
    throw new DomainError(
      'keberatan.not_allowed',
      'Keberatan diputuskan oleh atasan pejabat penilai kinerja.',
    );
  }
  if (!current.keberatan)
    throw new DomainError('keberatan.not_found', 'Tidak ada keberatan atas evaluasi ini.');
  if (current.keberatan.status !== 'DIAJUKAN')
    throw new DomainError('evaluation.final', 'Keberatan ini sudah diputuskan; keputusan bersifat final.');
  const changed = input.keputusan === 'UBAH';
  if (changed && (!input.predikatBaru || input.predikatBaru === current.predikat)) {
    throw new DomainError('request.invalid', 'Pilih predikat baru yang berbeda dari predikat semula.', [
      { path: 'predikatBaru', message: 'Predikat baru wajib dipilih bila keberatan diterima.' },
    ]);
  }
  const { version: _v, ...rest } = current;
  const next: Omit<Evaluation, 'version'> = {
    ...rest,
    keberatan: {
      ...current.keberatan,
      status: changed ? 'DITERIMA_DIUBAH' : 'DITOLAK_TETAP',
      klarifikasiPenilai: input.klarifikasiPenilai,
      klarifikasiPegawai: input.klarifikasiPegawai,
      keputusanCatatan: input.catatan,
      predikatBaru: changed ? input.predikatBaru : null,
      diputuskanOleh: caller.employeeId,
      diputuskanPada: deps.clock.now().toISOString(),
    },
  };
  const shown = next.keberatan?.predikatBaru ?? current.predikat;
  const pegawai = await mailTo(deps, employeeId);
  const notice = pegawai
    ? [
        enqueue(
          deps.db,
          deps.newId(),
          pegawai,
          {
            template: 'keberatan.decided',
            data: {
              pegawaiNama: pegawai.nama,
              windowNama: current.windowNama,
              diubah: changed,
              predikat: shown ? predikatPegawaiLabels[shown] : '-',
              catatan: input.catatan,
            },
          },
          deps.clock.now(),
        ),
      ]
    : [];
  await writeChanges(
    deps.db,
    [{ kind: 'update', before: found.stored, action: 'keberatan.decided', item: evaluationToItem(next) }],
    auditContext(deps, ctx, input.catatan),
    [...evaluationCounters(deps, current, next), ...notice],
  );
  if (notice.length > 0) deps.mail.kick();
  return { ...next, version: current.version + 1 };
}

/** The objections of a period, newest first: all of them for HR, those waiting for one atasan otherwise. */
export async function listKeberatan(deps: Deps, periodId: string, atasanId: string | null) {
  const all = await evaluationRepo.keberatan(deps.db, periodId);
  return atasanId === null
    ? all
    : all.filter((e) => e.header.atasanPenilai?.id === atasanId && e.keberatan?.status === 'DIAJUKAN');
}
