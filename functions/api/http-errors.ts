// The one place where error codes become HTTP statuses and problem+json bodies.

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod';
import { DomainError, type ErrorCode, serviceUnavailable } from '../../shared/errors.ts';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'resource.not_found': 404,
  'route.not_found': 404,
  'concurrency.version_conflict': 409,
  'unit.not_found': 404,
  'unit.parent_not_found': 422,
  'unit.cycle': 422,
  'unit.kode_taken': 409,
  'unit.has_children': 409,
  'position.not_found': 422,
  'position.head_taken': 409,
  'employee.not_found': 404,
  'employee.nip_invalid': 422,
  'employee.nip_taken': 409,
  'employee.email_taken': 409,
  'employee.identity_mismatch': 422,
  'acting.invalid_dates': 422,
  'import.invalid_rows': 422,
  'import.too_many_rows': 413,
  'import.conflict': 409,
  'audit.stream_not_found': 404,
  'period.invalid_dates': 422,
  'period.invalid_calendar': 422,
  'period.not_found': 404,
  'skp.not_found': 404,
  'iku.not_found': 404,
  'skp.exists': 409,
  'skp.invalid_transition': 409,
  'skp.not_allowed': 403,
  'skp.note_required': 422,
  'skp.invalid_content': 422,
  'skp.window_closed': 422,
  'approval_link.unknown': 404,
  'approval_link.expired': 410,
  'approval_link.used': 409,
  'approval_link.stale': 409,
  'approval_link.foreign': 403,
  'mail.not_found': 404,
  'window.not_found': 404,
  'evaluation.not_found': 404,
  'evaluation.window_not_open': 422,
  'evaluation.window_closed': 422,
  'evaluation.no_skp': 422,
  'evaluation.not_allowed': 403,
  'evaluation.invalid_content': 422,
  'evaluation.final': 409,
  'evaluation.not_ready': 422,
  'evaluation.distribution_violation': 422,
  'keberatan.too_late': 422,
  'keberatan.exists': 409,
  'keberatan.not_found': 404,
  'keberatan.not_allowed': 403,
  'export.invalid_request': 422,
  'export.not_found': 404,
  'export.not_ready': 409,
  'export.expired': 410,
  'document.not_found': 404,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.rate_limited': 429,
  'auth.no_employee': 403,
  'auth.sign_in_failed': 400,
  'service.unavailable': 503,
  internal: 500,
};

const titles: Partial<Record<number, string>> = {
  400: 'Permintaan tidak valid',
  401: 'Belum masuk',
  403: 'Tidak diizinkan',
  404: 'Tidak ditemukan',
  409: 'Konflik data',
  410: 'Sudah tidak berlaku',
  413: 'Permintaan terlalu besar',
  415: 'Jenis konten tidak didukung',
  422: 'Data tidak dapat diproses',
  429: 'Terlalu banyak permintaan',
  500: 'Kesalahan pada server',
  503: 'Layanan sedang sibuk',
};

export const statusOf = (code: ErrorCode): ContentfulStatusCode => statusByCode[code];

export function problemResponse(c: Context, error: DomainError): Response {
  const status = statusOf(error.code);
  // Only errors under 500 are shown to clients (middy's rule); a 503 is ours and says "retry", nothing internal.
  const exposeDetails = status < 500 || status === 503;
  const body = {
    type: `https://piawai.setneg.go.id/problems/${error.code}`,
    title: titles[status] ?? 'Kesalahan',
    status,
    code: exposeDetails ? error.code : 'internal',
    detail: exposeDetails ? error.message : 'Terjadi kesalahan pada server. Silakan coba lagi.',
    instance: c.req.path,
    requestId: c.res.headers.get('x-request-id') ?? c.req.header('x-request-id'),
    ...(exposeDetails && error.fields.length > 0 ? { errors: error.fields } : {}),
    ...(exposeDetails && error.details ? error.details : {}),
  };
  const retryAfter = error.details?.retryAfterSeconds;
  return c.body(JSON.stringify(body), status, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...(typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}),
  });
}

/** Every zod issue becomes a field error, so a form can show each problem beside its field. */
export const validationError = (issues: readonly z.core.$ZodIssue[], where: string): DomainError =>
  new DomainError(
    'request.invalid',
    `Isian ${where} tidak valid: periksa kolom yang ditandai.`,
    issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: [...issue.path, key].join('.'),
            message: 'Kolom ini tidak dikenal.',
          }))
        : [{ path: issue.path.join('.') || '(isi)', message: issue.message }],
    ),
  );

/** AWS SDK errors that outlasted the SDK's own retries but say "busy" or "no answer", not "wrong": 503. */
const RETRYABLE_AWS_ERRORS = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'ServiceUnavailable',
]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

const isRetryableAwsError = (error: unknown): boolean =>
  error instanceof Error &&
  (RETRYABLE_AWS_ERRORS.has(error.name) ||
    RETRYABLE_NETWORK_CODES.has(String((error as { code?: unknown }).code ?? '')));

/** Maps anything thrown to a DomainError; unknown errors become `internal` and are logged by the caller. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (isRetryableAwsError(error)) return serviceUnavailable();
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new DomainError('request.too_large', 'Isi permintaan melebihi batas ukuran.');
    if (error.status === 400 && /json/i.test(error.message)) {
      return new DomainError('request.malformed_json', 'Isi permintaan bukan JSON yang valid.');
    }
    if (error.status < 500)
      return new DomainError('request.invalid', error.message || 'Permintaan tidak valid.');
  }
  return new DomainError('internal', 'Terjadi kesalahan pada server.');
}
