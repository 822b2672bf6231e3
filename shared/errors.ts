// Coded domain errors: the one error type every layer throws and the API renders as problem+json.

export const errorCodes = [
  'request.invalid',
  'request.malformed_json',
  'request.too_large',
  'request.unsupported_media_type',
  'resource.not_found',
  'route.not_found',
  'concurrency.version_conflict',
  'unit.not_found',
  'unit.parent_not_found',
  'unit.cycle',
  'unit.kode_taken',
  'unit.has_children',
  'position.not_found',
  'position.head_taken',
  'employee.not_found',
  'employee.nip_invalid',
  'employee.nip_taken',
  'employee.email_taken',
  'employee.identity_mismatch',
  'acting.invalid_dates',
  'import.invalid_rows',
  'import.too_many_rows',
  'import.conflict',
  'audit.stream_not_found',
  'period.invalid_dates',
  'period.invalid_calendar',
  'period.not_found',
  'skp.not_found',
  'iku.not_found',
  'skp.exists',
  'skp.invalid_transition',
  'skp.not_allowed',
  'skp.note_required',
  'skp.invalid_content',
  'skp.window_closed',
  'approval_link.unknown',
  'approval_link.expired',
  'approval_link.used',
  'approval_link.stale',
  'approval_link.foreign',
  'mail.not_found',
  'window.not_found',
  'evaluation.not_found',
  'evaluation.window_not_open',
  'evaluation.window_closed',
  'evaluation.no_skp',
  'evaluation.not_allowed',
  'evaluation.invalid_content',
  'evaluation.final',
  'evaluation.not_ready',
  'evaluation.distribution_violation',
  'keberatan.too_late',
  'keberatan.exists',
  'keberatan.not_found',
  'keberatan.not_allowed',
  'export.invalid_request',
  'export.not_found',
  'export.not_ready',
  'export.expired',
  'document.not_found',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.csrf',
  'auth.rate_limited',
  'auth.no_employee',
  'auth.sign_in_failed',
  'service.unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A problem with one input field, named by its path (e.g. `nip` or `rows.3.email`). */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    fields: FieldError[] = [],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

/**
 * The store refused or did not answer in time (throttling, a timeout) after the SDK's own retries: worth
 * retrying. After a timeout the change may have been saved, so a retry with the same version may answer 409.
 */
export const serviceUnavailable = (): DomainError =>
  new DomainError(
    'service.unavailable',
    'Layanan sedang sibuk atau tidak menjawab tepat waktu. Muat ulang data, lalu ulangi bila perubahan belum tersimpan.',
    [],
    { retryAfterSeconds: 1 },
  );

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
