// The period (and evaluation window) pickers of HR's pages: filled from the API, the newest period first,
// the choice kept in the address bar (?periode=…&jendela=…) so a view can be bookmarked and reloaded.

import { hrApi, type Period, type WindowState } from '../lib/api-hr.ts';
import { h } from '../lib/dom.ts';
import { windowStatusLabel } from '../lib/labels-hr.ts';

export const param = (name: string): string | null => new URLSearchParams(location.search).get(name);

/** Sets (or, with null, removes) address parameters without a new history entry. */
export function setParams(values: Record<string, string | null>): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(values)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

export const periodText = (period: Period): string => `${period.nama} (${period.tahun})`;

/** Fills the select with every period; selects `wanted` when it exists, else the newest. */
export async function fillPeriods(select: HTMLSelectElement, wanted: string | null): Promise<Period[]> {
  const { items } = await hrApi.periods();
  select.replaceChildren(...items.map((period) => h('option', { value: period.id }, periodText(period))));
  const chosen = items.find((period) => period.id === wanted) ?? items[0];
  if (chosen) select.value = chosen.id;
  return items;
}

const evaluating = (w: WindowState) => w.kind !== 'PENYUSUNAN_SKP';

/**
 * The evaluation window to show first: the one named in the address, else the latest that has opened (the one
 * being filled or just closed), else the first of the year.
 */
function defaultWindow(windows: WindowState[], wanted: string | null): WindowState | undefined {
  const named = windows.find((w) => w.windowKey === wanted);
  if (named) return named;
  const started = windows.filter((w) => w.status !== 'TERJADWAL');
  return started.at(-1) ?? windows[0];
}

/** Fills the select with the period's evaluation windows (with their state); returns them and the choice. */
export async function fillWindows(
  select: HTMLSelectElement,
  periodId: string,
  wanted: string | null,
  signal?: AbortSignal,
): Promise<{ windows: WindowState[]; chosen: WindowState | undefined }> {
  const windows = (await hrApi.windows(periodId, signal)).items.filter(evaluating);
  select.replaceChildren(
    ...windows.map((w) => h('option', { value: w.windowKey }, `${w.nama} — ${windowStatusLabel[w.status]}`)),
  );
  const chosen = defaultWindow(windows, wanted);
  if (chosen) select.value = chosen.windowKey;
  return { windows, chosen };
}
