// Typed client of reports and files: export jobs (request, progress, my list), official documents (PDF) and
// their public verification, completion over time, the predikat distribution and who is late. JSON calls go
// through api.ts's `request` (session cookie, CSRF header on writes, sign-in on 401, problem+json as ApiError).

import type { z } from 'zod';
import type {
  completionSchema,
  distributionReportSchema,
  exportJobSchema,
  lateReportSchema,
  verificationSchema,
} from '../../../shared/contract/reports.ts';
import type { ExportDataset, ExportFormat, OfficialDocument } from '../../../shared/domain/report/exports.ts';
import { type Page, type PageQuery, request } from './api.ts';

// Types only: the zod schemas stay on the server side of the bundle.
export type ExportJob = z.infer<typeof exportJobSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type Completion = z.infer<typeof completionSchema>;
export type CompletionPoint = Completion['points'][number];
export type LateReport = z.infer<typeof lateReportSchema>;
export type LateRow = LateReport['items'][number];
export type Distribution = z.infer<typeof distributionReportSchema>;
export type DistributionUnit = Distribution['units'][number];

export interface ExportInput {
  dataset: Exclude<ExportDataset, 'DOKUMEN'>;
  format: Exclude<ExportFormat, 'PDF'>;
  periodId?: string;
  windowKey?: string;
  unitId?: string;
}

/** What to print: an SKP revision, or one window's evaluation as the periodic form or the summary sheet. */
export type DocumentInput =
  | { dokumen: Extract<OfficialDocument, 'SKP'>; skpId: string }
  | { dokumen: Exclude<OfficialDocument, 'SKP'>; periodId: string; windowKey: string };

const id = (value: string) => encodeURIComponent(value);
const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });

/** Where a finished file is downloaded: locally the bytes, in AWS a redirect to a short-lived S3 link. */
export const exportFileHref = (jobId: string): string => `/api/exports/${id(jobId)}/file`;

export const reportsApi = {
  requestExport: (input: ExportInput) => request<ExportJob>('/api/exports', { method: 'POST', body: input }),
  requestDocument: (employeeId: string, input: DocumentInput) =>
    request<ExportJob>(`/api/employees/${id(employeeId)}/documents`, { method: 'POST', body: input }),
  exportJob: (jobId: string, signal?: AbortSignal) => get<ExportJob>(`/api/exports/${id(jobId)}`, signal),
  /** The signed-in person's exports and documents, newest first. */
  myExports: (query: PageQuery, signal?: AbortSignal) => {
    const search = new URLSearchParams({ limit: String(query.limit) });
    if (query.cursor) search.set('cursor', query.cursor);
    return get<Page<ExportJob>>(`/api/exports?${search}`, signal);
  },
  /** Public (behind a document's QR code): a 401 is never a reason to leave the page. */
  verification: (documentId: string, signal?: AbortSignal) =>
    request<Verification>(`/api/documents/${id(documentId)}/verification`, {
      signal,
      whenSignedOut: 'throw',
    }),
  /** The whole ministry (admins of scope ALL) or one unit (its admins and leaders). */
  completion: (periodId: string, unitId: string | null, signal?: AbortSignal) =>
    get<Completion>(
      unitId
        ? `/api/reports/units/${id(unitId)}/completion?periodId=${id(periodId)}`
        : `/api/reports/completion?periodId=${id(periodId)}`,
      signal,
    ),
  late: (periodId: string, unitId: string, signal?: AbortSignal) =>
    get<LateReport>(`/api/reports/units/${id(unitId)}/late?periodId=${id(periodId)}`, signal),
  distribution: (periodId: string, windowKey: string, signal?: AbortSignal) =>
    get<Distribution>(
      `/api/reports/distribution?periodId=${id(periodId)}&windowKey=${id(windowKey)}`,
      signal,
    ),
};
