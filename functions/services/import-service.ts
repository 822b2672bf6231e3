// CSV import of employees: a dry run reports every row's problems; an apply writes all rows or none.

import { parse } from 'csv-parse/sync';
import {
  type EmployeeCreate,
  employeeCreateSchema,
  type ImportResult,
  importColumns,
} from '../../shared/contract/employees.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import type { Deps } from '../deps.ts';
import { createEmployeesInChunks } from './bulk-create.ts';
import { auditContext, type RequestContext, todayWib } from './context.ts';
import { identityProblems } from './employee-identity.ts';

export { importColumns };
export const MAX_IMPORT_ROWS = 2000;

type Row = Record<(typeof importColumns)[number], string>;
type RowResult = ImportResult['rows'][number];

function parseCsv(text: string): Row[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new DomainError('request.invalid', `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  const normalised = (header ?? []).map((name) => name.toLowerCase());
  if (normalised.join(',') !== importColumns.join(',')) {
    throw new DomainError('request.invalid', `Judul kolom harus tepat: ${importColumns.join(',')}.`, [
      { path: 'header', message: `Ditemukan: ${normalised.join(',') || '(kosong)'}` },
    ]);
  }
  if (body.length === 0) throw new DomainError('request.invalid', 'Berkas CSV tidak berisi baris data.');
  if (body.length > MAX_IMPORT_ROWS) {
    throw new DomainError(
      'import.too_many_rows',
      `Maksimal ${MAX_IMPORT_ROWS} baris per impor; bagi berkasnya.`,
    );
  }
  return body.map(
    (cells) => Object.fromEntries(importColumns.map((name, i) => [name, cells[i] ?? ''])) as Row,
  );
}

interface Candidate {
  result: RowResult;
  input: EmployeeCreate | null;
}

async function validateRows(deps: Deps, rows: Row[]): Promise<Candidate[]> {
  const snapshot = await orgRepo.snapshot(deps.db);
  const unitsByKode = new Map(snapshot.units.map((unit) => [unit.kode.toUpperCase(), unit]));
  const today = todayWib(deps);
  const seenNip = new Map<string, number>();
  const seenEmail = new Map<string, number>();

  const candidates = rows.map((row, index): Candidate => {
    const rowNumber = index + 2;
    const errors: RowResult['errors'] = [];
    const unit = unitsByKode.get(row.kode_unit.toUpperCase());
    if (!unit) errors.push({ field: 'kode_unit', message: `Unit dengan kode "${row.kode_unit}" tidak ada.` });
    const position = unit
      ? snapshot.positions.find(
          (p) => p.unitId === unit.id && p.nama.toLowerCase() === row.jabatan.toLowerCase(),
        )
      : undefined;
    if (unit && !position)
      errors.push({ field: 'jabatan', message: `Jabatan "${row.jabatan}" tidak ada di unit ini.` });
    if (position?.memimpinUnit) {
      errors.push({
        field: 'jabatan',
        message: 'Jabatan pimpinan unit diisi melalui formulir pegawai, bukan impor.',
      });
    }
    const parsed = employeeCreateSchema.safeParse({
      nip: row.nip === '' ? null : row.nip,
      nama: row.nama,
      status: row.status.toUpperCase(),
      pangkatGolongan: row.pangkat_golongan === '' ? null : row.pangkat_golongan,
      email: row.email,
      unitId: unit?.id ?? '00000000000000000000000000',
      positionId: position?.id ?? '00000000000000000000000000',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ field: String(issue.path[0] ?? 'baris'), message: issue.message });
    } else {
      for (const problem of identityProblems(parsed.data.nip, parsed.data.status, today)) {
        errors.push({ field: problem.path, message: problem.message });
      }
    }
    const email = row.email.toLowerCase();
    const firstNip = seenNip.get(row.nip);
    if (row.nip && firstNip !== undefined)
      errors.push({ field: 'nip', message: `NIP sama dengan baris ${firstNip}.` });
    else if (row.nip) seenNip.set(row.nip, rowNumber);
    const firstEmail = seenEmail.get(email);
    if (firstEmail !== undefined)
      errors.push({ field: 'email', message: `Email sama dengan baris ${firstEmail}.` });
    else seenEmail.set(email, rowNumber);
    return {
      result: { row: rowNumber, nip: row.nip || null, nama: row.nama || null, errors },
      input: parsed.success && errors.length === 0 ? { ...parsed.data, email } : null,
    };
  });

  // Uniqueness against what is stored: one BatchGetItem per 100 claims.
  const claims = candidates.flatMap((c) =>
    c.input ? [c.input.nip ? keys.nipUnique(c.input.nip) : null, keys.emailUnique(c.input.email)] : [],
  );
  const wanted = claims.filter((key): key is { pk: string; sk: string } => key !== null);
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    for (const key of (await orgRepo.getStoredMany(deps.db, wanted.slice(i, i + 100))).keys()) taken.add(key);
  }
  for (const candidate of candidates) {
    const input = candidate.input;
    if (!input) continue;
    const nipKey = input.nip ? keys.nipUnique(input.nip) : null;
    const emailKey = keys.emailUnique(input.email);
    if (nipKey && taken.has(`${nipKey.pk}|${nipKey.sk}`)) {
      candidate.result.errors.push({ field: 'nip', message: 'NIP sudah terdaftar.' });
    }
    if (taken.has(`${emailKey.pk}|${emailKey.sk}`)) {
      candidate.result.errors.push({ field: 'email', message: 'Email sudah dipakai pegawai lain.' });
    }
    if (candidate.result.errors.length > 0) candidate.input = null;
  }
  return candidates;
}

const summary = (candidates: Candidate[], dryRun: boolean, applied: boolean): ImportResult => ({
  dryRun,
  applied,
  total: candidates.length,
  valid: candidates.filter((c) => c.input !== null).length,
  rows: candidates.map((c) => c.result),
});

export async function importEmployees(
  deps: Deps,
  csv: string,
  dryRun: boolean,
  ctx: RequestContext,
): Promise<ImportResult> {
  const candidates = await validateRows(deps, parseCsv(csv));
  const valid = candidates.flatMap((c) => (c.input ? [{ id: deps.newId(), input: c.input }] : []));
  if (dryRun) return summary(candidates, true, false);
  if (valid.length !== candidates.length) {
    throw new DomainError(
      'import.invalid_rows',
      'Impor dibatalkan: perbaiki baris yang bermasalah lalu ulangi.',
      [],
      {
        result: summary(candidates, false, false),
      },
    );
  }
  await createEmployeesInChunks(deps, valid, auditContext(deps, { ...ctx, channel: 'import' }), {
    action: 'employee.imported',
  });
  return summary(candidates, false, true);
}
