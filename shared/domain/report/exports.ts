// What can be exported (datasets and formats), the official documents, and the life of an export job.

export const exportDatasets = ['PEGAWAI', 'SKP', 'EVALUASI', 'EKINERJA', 'DOKUMEN'] as const;
export type ExportDataset = (typeof exportDatasets)[number];

export const exportFormats = ['CSV', 'XLSX', 'PDF'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** MENUNGGU → BERJALAN → SELESAI, or back to MENUNGGU after a failure, GAGAL after the last attempt. */
export const exportJobStatuses = ['MENUNGGU', 'BERJALAN', 'SELESAI', 'GAGAL'] as const;
export type ExportJobStatus = (typeof exportJobStatuses)[number];

/** The official documents of domain.md §6.3, each a PDF with a verification QR code. */
export const officialDocuments = ['SKP', 'EVALUASI_PERIODIK', 'DOKUMEN_EVALUASI'] as const;
export type OfficialDocument = (typeof officialDocuments)[number];

export const officialDocumentLabels: Readonly<Record<OfficialDocument, string>> = {
  SKP: 'Sasaran Kinerja Pegawai',
  EVALUASI_PERIODIK: 'Evaluasi Kinerja Pegawai',
  DOKUMEN_EVALUASI: 'Dokumen Evaluasi Kinerja Pegawai',
};

export const datasetLabels: Readonly<Record<ExportDataset, string>> = {
  PEGAWAI: 'Data pegawai',
  SKP: 'SKP per periode',
  EVALUASI: 'Evaluasi dan predikat',
  EKINERJA: 'Unggahan e-Kinerja',
  DOKUMEN: 'Dokumen resmi',
};

/** Tabular datasets come as CSV or XLSX; documents only as PDF. */
export const formatFits = (dataset: ExportDataset, format: ExportFormat): boolean =>
  dataset === 'DOKUMEN' ? format === 'PDF' : format !== 'PDF';

/** Files are kept this many days for download, then removed (table TTL and the bucket's lifecycle rule). */
export const EXPORT_KEEP_DAYS = 7;

/** Attempts before a job is GAGAL; a crashed run's lease runs out and counts as an attempt. */
export const EXPORT_MAX_ATTEMPTS = 3;

/** A file name of letters, digits and dashes: safe in a Content-Disposition header on every browser. */
export function exportFileName(parts: readonly string[], format: ExportFormat): string {
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${stem || 'ekspor'}.${format.toLowerCase()}`;
}
