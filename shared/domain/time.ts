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
