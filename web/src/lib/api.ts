// Typed fetch client for the same-origin PIAWAI API; failures become ApiError built from problem+json.

import type { z } from 'zod';
import type { problemSchema } from '../../../shared/contract/common.ts';
import type { employeeSchema, penilaiChainSchema } from '../../../shared/contract/employees.ts';
import type { positionSchema, unitSchema, unitTreeSchema } from '../../../shared/contract/org.ts';

// Types only: the zod schemas stay on the server side of the bundle, so the pages ship no validator.
export type Employee = z.infer<typeof employeeSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitTree = z.infer<typeof unitTreeSchema>;
export type { UnitTreeNode } from '../../../shared/contract/org.ts';
export type Position = z.infer<typeof positionSchema>;
export type PenilaiChain = z.infer<typeof penilaiChainSchema>;
export type PenilaiRef = NonNullable<PenilaiChain['penilai']>;
export type Problem = z.infer<typeof problemSchema>;

/** One page of a list, as `pageOf(item)` in shared/contract/common.ts describes it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface EmployeeQuery {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  sort?: 'nama' | 'nip';
  order?: 'asc' | 'desc';
}

export interface MemberQuery {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
}

/** A failed call, carrying what the API said (problem+json) or an Indonesian message of our own. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, code: string, detail: string, errors: ApiError['errors'] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

const isProblem = (body: unknown): body is Pick<Problem, 'code' | 'detail' | 'errors'> =>
  typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string';

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return new ApiError(response.status, body.code ?? 'unknown', body.detail, body.errors);
  return new ApiError(
    response.status,
    'http.unexpected',
    `Server menjawab dengan kesalahan (HTTP ${response.status}). Coba lagi beberapa saat lagi.`,
  );
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/** Query string of the defined, non-empty values only (the API rejects empty `q`). */
function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  unitTree: (signal?: AbortSignal) => getJson<UnitTree>('/api/units', signal),
  unit: (unitId: string, signal?: AbortSignal) => getJson<Unit>(`/api/units/${id(unitId)}`, signal),
  unitPositions: (unitId: string, signal?: AbortSignal) =>
    getJson<{ items: Position[] }>(`/api/units/${id(unitId)}/positions`, signal),
  unitMembers: (unitId: string, query: MemberQuery, signal?: AbortSignal) =>
    getJson<Page<Employee>>(`/api/units/${id(unitId)}/members${queryString({ ...query })}`, signal),
  employees: (query: EmployeeQuery, signal?: AbortSignal) =>
    getJson<Page<Employee>>(`/api/employees${queryString({ ...query })}`, signal),
  employee: (employeeId: string, signal?: AbortSignal) =>
    getJson<Employee>(`/api/employees/${id(employeeId)}`, signal),
  penilai: (employeeId: string, signal?: AbortSignal) =>
    getJson<PenilaiChain>(`/api/employees/${id(employeeId)}/penilai`, signal),
  /** The OpenAPI 3.1 document, handed to Swagger UI as it is. */
  openApi: (signal?: AbortSignal) => getJson<unknown>('/api/openapi.json', signal),
};

/** The sentence to show a person for any failure (ApiError detail, or a generic one). */
export function describeError(error: unknown): { detail: string; errors: ApiError['errors'] } {
  if (error instanceof ApiError) return { detail: error.message, errors: error.errors };
  return { detail: 'Terjadi kesalahan yang tidak terduga. Muat ulang halaman lalu coba lagi.', errors: [] };
}

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
