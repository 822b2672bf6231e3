// Indonesian labels of reports and files: job states, what an export holds, what is late, the status a
// verified document certified, and file sizes.

import type { ExportJobStatus } from '../../../shared/domain/report/exports.ts';

export {
  datasetLabels,
  officialDocumentLabels,
} from '../../../shared/domain/report/exports.ts';
export { lateKindLabels } from '../../../shared/domain/report/lateness.ts';

export const jobStatusLabel: Record<ExportJobStatus, string> = {
  MENUNGGU: 'Menunggu giliran',
  BERJALAN: 'Sedang dibuat',
  SELESAI: 'Selesai',
  GAGAL: 'Gagal',
};

/** SKP and evaluation statuses, as a verified document names the state it certified and the state now. */
const subjectStatusLabel: Record<string, string> = {
  DRAFT: 'draf',
  DIAJUKAN: 'diajukan',
  DISETUJUI: 'disetujui',
  DIKEMBALIKAN: 'dikembalikan',
  DIGANTI: 'diganti revisi',
  BELUM: 'belum mengisi',
  REALISASI: 'menunggu penilaian',
  DINILAI: 'sudah dinilai',
};

/** A status code the site does not know shows as it came (lower case). */
export const subjectStatusText = (status: string | null): string =>
  status ? (subjectStatusLabel[status] ?? status.toLowerCase()) : 'tidak diketahui';

const size = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** "850 B", "11,4 KB", "2,3 MB" (binary units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${size.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KB`;
  return `${size.format(bytes / (1024 * 1024))} MB`;
}
