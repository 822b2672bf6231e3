// API client of HR's console (Biro SDM): periods and their calendars, the scheduler's "run now", the SKP
// board, calibration, the audit trail and the CSV import of employees. JSON calls go through api.ts's
// `request` (session cookie, CSRF header on writes, sign-in on 401, problem+json as ApiError). The import is
// the exception: its body is text/csv, which `request` does not send, and its 422 carries the per-row result
// beside the problem; it has a small sender of its own below, following the same rules.

import type { z } from 'zod';
import type { auditEntrySchema, chainCheckSchema } from '../../../shared/contract/audit.ts';
import type { importResultSchema } from '../../../shared/contract/employees.ts';
import type {
  calibrationSchema,
  calibrationUnitSchema,
  windowStateSchema,
} from '../../../shared/contract/evaluations.ts';
import type { CalendarUpdate, PeriodCreate, periodSchema } from '../../../shared/contract/periods.ts';
import type { boardSchema } from '../../../shared/contract/skp.ts';
import type { PredikatOrganisasi } from '../../../shared/domain/evaluation/predikat.ts';
import { ApiError, type Page, type PageQuery, request } from './api.ts';
import { CSRF_HEADER, csrfToken } from './csrf.ts';
import { onSignInPage, signInHref } from './sign-in.ts';

// Types only, as in api.ts: no validator reaches the pages.
export type Period = z.infer<typeof periodSchema>;
export type CalendarWindowInput = NonNullable<CalendarUpdate['windows']>[number];
export type { CalendarUpdate, PeriodCreate };
export type WindowState = z.infer<typeof windowStateSchema>;
export type Board = z.infer<typeof boardSchema>;
export type BoardUnit = Board['units'][number];
export type Calibration = z.infer<typeof calibrationSchema>;
export type CalibrationUnit = z.infer<typeof calibrationUnitSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type ChainCheck = z.infer<typeof chainCheckSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * What POST /api/jobs/tick answers (functions/jobs/tick.ts). The contract only promises `{ at }` and more,
 * so every other figure is optional here and the page shows what came.
 */
export interface TickSummary {
  at: string;
  windowsOpened?: number;
  windowsClosed?: number;
  notifications?: number;
  chunks?: number;
  mail?: { sent?: number; retrying?: number; failed?: number; skipped?: number };
}

export interface ReopenInput {
  employeeId?: string;
  unitId?: string;
  /** ISO date-time with its offset, e.g. 2026-12-05T23:59:00+07:00. */
  sampai: string;
  alasan: string;
}

export interface AuditQuery extends PageQuery {
  /** YYYY-MM (the month of the entry's UTC timestamp, as the API files it). */
  month: string;
  actorId?: string | undefined;
}

/** The refusal of an import that still had bad rows: the API sends the whole per-row result with it. */
export class ImportRejected extends ApiError {
  readonly result: ImportResult;

  constructor(error: ApiError, result: ImportResult) {
    super(error.status, error.code, error.message, error.errors);
    this.name = 'ImportRejected';
    this.result = result;
  }
}

let leaving = false;

async function problemOf(response: Response): Promise<{ error: ApiError; body: unknown }> {
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string') {
    const problem = body as { code?: string; detail: string; errors?: ApiError['errors'] };
    return {
      error: new ApiError(response.status, problem.code ?? 'unknown', problem.detail, problem.errors ?? []),
      body,
    };
  }
  return {
    error: new ApiError(
      response.status,
      'http.unexpected',
      `Server menjawab dengan kesalahan (HTTP ${response.status}). Coba lagi beberapa saat lagi.`,
    ),
    body,
  };
}

/** POSTs a CSV file: the CSRF header, sign-in on 401, problem+json as ApiError (ImportRejected with rows). */
async function sendCsv<T>(path: string, csv: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'text/csv; charset=utf-8',
  };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: csv, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.');
  }
  if (response.status === 401 && !onSignInPage()) {
    // The import needs a signed-in HR admin: open the sign-in page, once, and never settle.
    if (!leaving) {
      leaving = true;
      location.assign(signInHref());
    }
    return new Promise<T>(() => {});
  }
  if (!response.ok) {
    const { error, body: problem } = await problemOf(response);
    const result = (problem as { result?: ImportResult } | null)?.result;
    throw result && Array.isArray(result.rows) ? new ImportRejected(error, result) : error;
  }
  return (await response.json()) as T;
}

/** Query string of the defined, non-empty values only. */
function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);
const windowPath = (periodId: string, windowKey: string) =>
  `/api/periods/${id(periodId)}/windows/${id(windowKey)}`;

const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });

export const hrApi = {
  /** Every period, newest year first (signed in). */
  periods: (signal?: AbortSignal) => get<{ items: Period[] }>('/api/periods', signal),
  period: (periodId: string, signal?: AbortSignal) => get<Period>(`/api/periods/${id(periodId)}`, signal),
  createPeriod: (input: PeriodCreate) => request<Period>('/api/periods', { method: 'POST', body: input }),
  updateCalendar: (periodId: string, input: CalendarUpdate) =>
    request<Period>(`/api/periods/${id(periodId)}/calendar`, { method: 'PUT', body: input }),
  /** The calendar's windows with the state the scheduler recorded (TERJADWAL until it first ran). */
  windows: (periodId: string, signal?: AbortSignal) =>
    get<{ items: WindowState[] }>(`/api/periods/${id(periodId)}/windows`, signal),
  /** HR's "Jalankan sekarang": open/close what fell due, reminders, then the mail sweep. */
  tick: () => request<TickSummary>('/api/jobs/tick', { method: 'POST' }),
  reopen: (periodId: string, windowKey: string, input: ReopenInput) =>
    request<{ sampai: string }>(`${windowPath(periodId, windowKey)}/reopen`, { method: 'POST', body: input }),
  board: (periodId: string, query: PageQuery, signal?: AbortSignal) =>
    get<Board>(`/api/periods/${id(periodId)}/board${queryString({ ...query })}`, signal),
  calibration: (periodId: string, windowKey: string, signal?: AbortSignal) =>
    get<Calibration>(`${windowPath(periodId, windowKey)}/calibration`, signal),
  setOrgPredikat: (
    periodId: string,
    windowKey: string,
    unitId: string,
    input: { version?: number; predikat: PredikatOrganisasi },
  ) =>
    request<{ predikat: string; version?: number }>(
      `${windowPath(periodId, windowKey)}/units/${id(unitId)}/predikat`,
      { method: 'PUT', body: input },
    ),
  finalizeUnit: (
    periodId: string,
    windowKey: string,
    unitId: string,
    input: { version: number; justifikasi: string | null },
  ) =>
    request<{ final: boolean }>(`${windowPath(periodId, windowKey)}/units/${id(unitId)}/finalize`, {
      method: 'POST',
      body: input,
    }),
  auditTimeline: (query: AuditQuery, signal?: AbortSignal) =>
    get<Page<AuditEntry>>(`/api/audit${queryString({ ...query })}`, signal),
  auditStream: (stream: string, signal?: AbortSignal) =>
    get<{ items: AuditEntry[] }>(`/api/audit/stream${queryString({ stream })}`, signal),
  auditVerify: (stream: string, signal?: AbortSignal) =>
    get<ChainCheck>(`/api/audit/verify${queryString({ stream })}`, signal),
  /** dryRun true: every row's problems, nothing written; false: all rows or none (ImportRejected). */
  importEmployees: (csv: string, dryRun: boolean) =>
    sendCsv<ImportResult>(`/api/employees/import?dryRun=${dryRun}`, csv),
};

/** Every unit row of a period's board, page after page (the board is one counter row per unit). */
export async function wholeBoard(periodId: string, signal?: AbortSignal): Promise<BoardUnit[]> {
  const units: BoardUnit[] = [];
  let cursor: string | undefined;
  // A bound, so a misbehaving cursor cannot loop forever: 50 pages of 100 is far beyond the ministry.
  for (let page = 0; page < 50; page += 1) {
    const result = await hrApi.board(periodId, { limit: 100, cursor }, signal);
    units.push(...result.units);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return units;
}
