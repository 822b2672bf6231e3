// Time for people is WIB (Asia/Jakarta); storage is UTC ISO-8601.

export const WIB = 'Asia/Jakarta';

// The platform's time-zone database (Intl) is enough for calendar dates and keeps bundles small;
// 'en-CA' formats as YYYY-MM-DD.
const wibDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: WIB,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The WIB calendar date of an instant, YYYY-MM-DD. */
export const wibDate = (at: Date): string => wibDateFormat.format(at);

/** A calendar date `days` later (or earlier), YYYY-MM-DD; calendar dates carry no zone. */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const wibDateTimeFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: WIB,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** How people read an instant: "2 Februari 2025 pukul 10.00 WIB". */
export const formatWibDateTime = (at: Date | string): string =>
  `${wibDateTimeFormat.format(new Date(at)).replace(', ', ' pukul ')} WIB`;

const wibLongDateFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: WIB,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A signing date as documents print it: "2 Januari 2025" (WIB). */
export const formatWibLongDate = (at: Date | string): string => wibLongDateFormat.format(new Date(at));
