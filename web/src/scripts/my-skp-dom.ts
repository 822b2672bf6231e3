// The elements of /skp/ (pages/skp/index.astro) that scripts/my-skp-page.ts fills.

import { byId } from '../lib/dom.ts';

export const my = {
  empty: byId('skp-empty', HTMLElement),
  emptyDetail: byId('empty-detail', HTMLElement),
  create: byId('create-skp', HTMLButtonElement),
  createStatus: byId('create-status', HTMLElement),
  createError: byId('create-error', HTMLElement),
  current: byId('skp-current', HTMLElement),
  currentTitle: byId('current-title', HTMLElement),
  currentBadge: byId('current-badge', HTMLElement),
  currentHint: byId('current-hint', HTMLElement),
  returnedNote: byId('returned-note', HTMLElement),
  returnedText: byId('returned-text', HTMLElement),
  inForceNote: byId('in-force-note', HTMLElement),
  currentSummary: byId('current-summary', HTMLElement),
  actionStatus: byId('action-status', HTMLElement),
  actionError: byId('action-error', HTMLElement),
  currentActions: byId('current-actions', HTMLElement),
  /** Where "Cetak PDF" shows its progress and download link. */
  currentPrint: byId('current-print', HTMLElement),
  form: byId('skp-form', HTMLFormElement),
  readonly: byId('skp-readonly', HTMLElement),
  history: byId('skp-history', HTMLElement),
  historyBody: byId('history-body', HTMLTableSectionElement),
  historyView: byId('history-view', HTMLElement),
  historyTitle: byId('history-view-title', HTMLElement),
  historyClose: byId('history-close', HTMLButtonElement),
  historyContent: byId('history-content', HTMLElement),
};
