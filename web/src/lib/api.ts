// Typed fetch client for the same-origin PIAWAI API: session cookie, CSRF header on writes, sign-in on 401;
// failures become ApiError built from problem+json.

import type { z } from 'zod';
import type {
  devPersonSchema,
  devSessionResultSchema,
  logoutResultSchema,
  meSchema,
} from '../../../shared/contract/auth.ts';
import type { problemSchema } from '../../../shared/contract/common.ts';
import type { employeeSchema, penilaiChainSchema } from '../../../shared/contract/employees.ts';
import type {
  approvalPreviewSchema,
  APPROVAL_TOKEN_HEADER as ContractTokenHeader,
  outboxItemSchema,
  undeliverableSchema,
} from '../../../shared/contract/mail.ts';
import type { positionSchema, unitSchema, unitTreeSchema } from '../../../shared/contract/org.ts';
import type { skpSchema } from '../../../shared/contract/skp.ts';
import type { Rhk } from '../../../shared/domain/skp/types.ts';
import { CSRF_HEADER, csrfToken } from './csrf.ts';
import { onSignInPage, signInHref } from './sign-in.ts';

// Types only: the zod schemas stay on the server side of the bundle, so the pages ship no validator.
export type Employee = z.infer<typeof employeeSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitTree = z.infer<typeof unitTreeSchema>;
export type { UnitTreeNode } from '../../../shared/contract/org.ts';
export type Position = z.infer<typeof positionSchema>;
export type PenilaiChain = z.infer<typeof penilaiChainSchema>;
export type PenilaiRef = NonNullable<PenilaiChain['penilai']>;
export type Problem = z.infer<typeof problemSchema>;
export type Me = z.infer<typeof meSchema>;
export type DevPerson = z.infer<typeof devPersonSchema>;
export type DevSession = z.infer<typeof devSessionResultSchema>;
export type LogoutResult = z.infer<typeof logoutResultSchema>;
export type Skp = z.infer<typeof skpSchema>;
/** What an approval link shows before anyone decides; the contract leaves `rhk` untyped, the domain types it. */
export type ApprovalPreview = Omit<z.infer<typeof approvalPreviewSchema>, 'skp'> & {
  skp: Omit<z.infer<typeof approvalPreviewSchema>['skp'], 'rhk'> & { rhk: Rhk[] };
};
export type ApprovalAction = ApprovalPreview['action'];
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export type Undeliverable = z.infer<typeof undeliverableSchema>;

/** One `.eml` of the local outbox (GET /api/dev/outbox, served by the local server only). */
export interface OutboxMailSummary {
  name: string;
  subject: string;
  to: string;
  date: string | null;
}

/** One local mail in full (GET /api/dev/outbox/:name): headers, both parts, and the links of its HTML. */
export interface OutboxMail extends OutboxMailSummary {
  from: string;
  text: string;
  html: string;
  links: string[];
}

/** The header that carries an approval link's token (a literal here: the contract module would pull in zod). */
const APPROVAL_TOKEN_HEADER: typeof ContractTokenHeader = 'x-approval-token';

/** A demo sign-in offered first on /masuk/ (GET /api/dev/accounts, served by the local server only). */
export interface DemoAccount {
  email: string;
  nama: string;
  /** Their role in the demo, e.g. "Pejabat penilai". */
  peran: string;
}

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

export type PeopleQuery = MemberQuery;

export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Extra request headers (e.g. an approval link's token, which never goes in the URL). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /**
   * What a 401 means. 'sign-in' (default): the page needs a signed-in person, so open the sign-in page and
   * never settle (the page keeps "Memuat…" while the browser leaves). 'throw': the caller handles it.
   */
  whenSignedOut?: 'sign-in' | 'throw';
}

let leaving = false;

/** Opens the sign-in page, which returns here afterwards (once, however many calls answer 401). */
function goToSignIn(): void {
  if (leaving) return;
  leaving = true;
  location.assign(signInHref());
}

/** One call of the API: CSRF header on writes, problem+json as ApiError, 401 → the sign-in page. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.');
  }
  // Any 401 means "not signed in": the app's problem+json, or the gateway's bare {"message":"Unauthorized"}.
  if (response.status === 401 && options.whenSignedOut !== 'throw' && !onSignInPage()) {
    goToSignIn();
    return new Promise<T>(() => {});
  }
  if (!response.ok) throw await toApiError(response);
  // 204 No Content (a deletion): nothing to parse.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });

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
  /** The signed-in person; `whenSignedOut: 'throw'` where a page is open to everyone. */
  me: (whenSignedOut: RequestOptions['whenSignedOut'] = 'sign-in') =>
    request<Me>('/api/me', { whenSignedOut }),
  logout: () => request<LogoutResult>('/api/auth/logout', { method: 'POST', whenSignedOut: 'throw' }),
  /** Development sign-in (local only): 404 — or the gateway's 401 in AWS — where it does not exist. */
  devPeople: (query: PeopleQuery, signal?: AbortSignal) =>
    request<Page<DevPerson>>(`/api/dev/people${queryString({ ...query })}`, {
      signal,
      whenSignedOut: 'throw',
    }),
  devAccounts: () => request<{ items: DemoAccount[] }>('/api/dev/accounts', { whenSignedOut: 'throw' }),
  devSession: (email: string) =>
    request<DevSession>('/api/dev/session', { method: 'POST', body: { email }, whenSignedOut: 'throw' }),
  /** The local outbox (404 in AWS, where mail goes through SES). Open to everyone locally. */
  devOutbox: (signal?: AbortSignal) =>
    request<{ items: OutboxMailSummary[] }>('/api/dev/outbox', { signal, whenSignedOut: 'throw' }),
  devOutboxMail: (name: string, signal?: AbortSignal) =>
    request<OutboxMail>(`/api/dev/outbox/${id(name)}`, { signal, whenSignedOut: 'throw' }),
  /**
   * Approval by email. The link is the credential: these work signed out too, and a 401 is never a reason to
   * leave the page (whenSignedOut 'throw'). The preview only reads; the decision is the one POST.
   */
  approvalPreview: (token: string, signal?: AbortSignal) =>
    request<ApprovalPreview>('/api/email-approvals/preview', {
      headers: { [APPROVAL_TOKEN_HEADER]: token },
      signal,
      whenSignedOut: 'throw',
    }),
  approvalDecision: (token: string, catatan: string | null) =>
    request<Skp>('/api/email-approvals/decision', {
      method: 'POST',
      body: { token, catatan },
      whenSignedOut: 'throw',
    }),
  /** HR's mail console (admin with scope ALL; 403 for everyone else). */
  mailMessages: (query: PageQuery & { status: 'FAILED' | 'DUE' }, signal?: AbortSignal) =>
    getJson<Page<OutboxItem>>(`/api/mail/messages${queryString({ ...query })}`, signal),
  retryMail: (messageId: string, version: number) =>
    request<OutboxItem>(`/api/mail/messages/${id(messageId)}/retry`, { method: 'POST', body: { version } }),
  undeliverable: (query: PageQuery, signal?: AbortSignal) =>
    getJson<Page<Undeliverable>>(`/api/mail/undeliverable${queryString({ ...query })}`, signal),
  clearUndeliverable: (email: string, version: number) =>
    request<void>(`/api/mail/undeliverable/${id(email)}${queryString({ version })}`, { method: 'DELETE' }),
};

/** The sentence to show a person for any failure (ApiError detail, or a generic one). */
export function describeError(error: unknown): { detail: string; errors: ApiError['errors'] } {
  if (error instanceof ApiError) return { detail: error.message, errors: error.errors };
  return { detail: 'Terjadi kesalahan yang tidak terduga. Muat ulang halaman lalu coba lagi.', errors: [] };
}

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
