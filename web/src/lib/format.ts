// Formatting for people: times in WIB (Asia/Jakarta) and numbers in id-ID, whatever the browser's zone.

const wib = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "10 Maret 2025 pukul 10.00 WIB" for a stored UTC ISO-8601 timestamp. */
export function formatWib(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${wib.format(date)} WIB`;
}

const number = new Intl.NumberFormat('id-ID');

export const formatNumber = (value: number): string => number.format(value);
