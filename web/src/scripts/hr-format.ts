// Formatting of HR's console beyond lib/format.ts: calendar dates (WIB dates carry no time), months and shares.

// A calendar date is already a WIB date: format it at UTC midnight, in UTC, so no zone can shift the day.
const tanggal = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const tanggalPendek = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const bulan = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const persen = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

const atMidnight = (date: string) => new Date(`${date}T00:00:00Z`);
const valid = (date: Date) => !Number.isNaN(date.getTime());

/** "31 Januari 2025" for a WIB calendar date YYYY-MM-DD. */
export function formatTanggal(date: string): string {
  const at = atMidnight(date);
  return valid(at) ? tanggal.format(at) : date;
}

/** "31 Jan 2025", for tables. */
export function formatTanggalPendek(date: string): string {
  const at = atMidnight(date);
  return valid(at) ? tanggalPendek.format(at) : date;
}

/** "1 Jan 2025 – 31 Des 2025". */
export const formatRentang = (from: string, to: string): string =>
  `${formatTanggalPendek(from)} – ${formatTanggalPendek(to)}`;

/** "November 2026" for YYYY-MM. */
export function formatBulan(month: string): string {
  const at = atMidnight(`${month}-01`);
  return valid(at) ? bulan.format(at) : month;
}

/** A share in percent, "33,3%" (0 of 0 is 0%). */
export const formatPersen = (part: number, whole: number): string =>
  `${persen.format(whole === 0 ? 0 : (part * 100) / whole)}%`;
