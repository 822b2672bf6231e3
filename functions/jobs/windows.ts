// The windows job (architecture.md §7): for every period's calendar, bring each window's recorded state to
// where the date says it should be (open, close: audited), then tell whoever must act — everyone when a
// window opens, those still owing before the input deadline (H-7, H-3, H-1), their atasan after it.
// Level-triggered: a rerun with the same `now` finds nothing to do. Messages go out in chunks; each chunk's
// outbox items, "already reminded" markers and the window's progress cursor are one transaction, so a crash
// between chunks resumes where it stopped and nobody hears the same thing twice.

import type { OutboxMessage, Recipient } from '../../shared/domain/mail/messages.ts';
import { derivePenilaiChain } from '../../shared/domain/org/penilai.ts';
import type { Employee } from '../../shared/domain/org/types.ts';
import type { CalendarWindow } from '../../shared/domain/period/calendar.ts';
import type { Period } from '../../shared/domain/period/types.ts';
import {
  escalationDue,
  reminderDue,
  statusOn,
  stepsToward,
  type WindowStatus,
  windowKey,
} from '../../shared/domain/period/windows.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { keys } from '../db/keys.ts';
import { employeeRepo } from '../db/repos/employee-repo.ts';
import { evaluationFromItem, evaluationRepo } from '../db/repos/evaluation-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { enqueue } from '../db/repos/outbox-repo.ts';
import { periodRepo } from '../db/repos/period-repo.ts';
import { type EntityChange, type ExtraWrite, type StoredItem, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { RequestContext } from '../services/context.ts';
import { auditContext, staleVersion } from '../services/context.ts';
import { type LoadedOrg, loadOrgContext } from '../services/org-context.ts';

type FanoutKind = 'buka' | 'pengingat' | 'eskalasi';

interface WindowState {
  status: WindowStatus;
  pengingatTerkirim: number[];
  eskalasiTerkirim: boolean;
  /** A fan-out in progress: what is being sent, at which stage, and the employee page it resumes from. */
  fanout: { kind: FanoutKind; stage: number | null; cursor: string } | null;
}

export interface WindowsSummary {
  windowsOpened: number;
  windowsClosed: number;
  /** Messages enqueued (window opened, reminders, escalations). */
  notifications: number;
  chunks: number;
}

const BROADCAST_PAGE = 96;
/** Reminders write a marker beside each message: at most two items per person, under 100 per transaction. */
const TARGETED_PAGE = 32;

const jobContext = (deps: Deps): RequestContext => ({
  actor: { id: 'system', nama: 'Penjadwal PIAWAI' },
  channel: 'job',
  requestId: `tick-${deps.clock.now().toISOString()}`,
});

const stateOf = (item: StoredItem | undefined): WindowState => ({
  status: (item?.status as WindowStatus | undefined) ?? 'TERJADWAL',
  pengingatTerkirim: (item?.pengingatTerkirim as number[] | undefined) ?? [],
  eskalasiTerkirim: item?.eskalasiTerkirim === true,
  fanout: (item?.fanout as WindowState['fanout'] | undefined) ?? null,
});

export async function runWindows(
  deps: Deps,
  now: Date,
  options: { maxChunks?: number; periods?: readonly Period[] } = {},
): Promise<WindowsSummary> {
  const summary: WindowsSummary = { windowsOpened: 0, windowsClosed: 0, notifications: 0, chunks: 0 };
  const today = wibDate(now);
  let org: LoadedOrg | null = null;
  const budget = { chunks: options.maxChunks ?? 2000 };
  for (const period of options.periods ?? (await periodRepo.list(deps.db))) {
    const stored = new Map((await evaluationRepo.windowStates(deps.db, period.id)).map((s) => [s.sk, s]));
    for (const window of period.calendar.windows) {
      const key = windowKey(window);
      let item = stored.get(key);
      let state = stateOf(item);
      const steps = stepsToward(state.status, statusOn(window, today));
      // A window that opened and closed unseen (its whole life before the first tick, e.g. a period entered
      // afterwards) is recorded but tells nobody anything: no announcement, no reminders, no escalation.
      const unseen = steps.length === 2;
      for (const step of steps) {
        const opening = step === 'buka';
        const next: WindowState = {
          ...state,
          status: opening ? 'DIBUKA' : 'DITUTUP',
          fanout: opening && !unseen ? { kind: 'buka', stage: null, cursor: '' } : null,
          ...(unseen ? { eskalasiTerkirim: true } : {}),
        };
        item = await saveState(deps, period, window, item, next, opening ? 'window.opened' : 'window.closed');
        state = next;
        if (opening) summary.windowsOpened += 1;
        else summary.windowsClosed += 1;
      }
      const evaluating = window.kind !== 'PENYUSUNAN_SKP';
      // Finish what is being sent, then see whether a reminder or the escalation is due, and send that too.
      for (let round = 0; round < 3; round += 1) {
        while (state.fanout && budget.chunks > 0) {
          budget.chunks -= 1;
          summary.chunks += 1;
          org ??= state.fanout.kind === 'buka' ? org : await loadOrgContext(deps);
          const result = await fanoutChunk(deps, period, window, state.fanout, org);
          summary.notifications += result.sent;
          state = { ...state, fanout: result.next };
        }
        if (state.fanout || !evaluating || state.status === 'TERJADWAL') break;
        const stage =
          state.status === 'DIBUKA'
            ? reminderDue(
                window.batasPengisian,
                today,
                state.pengingatTerkirim,
                period.calendar.settings.hariPengingat,
              )
            : null;
        if (stage !== null) {
          state = {
            ...state,
            pengingatTerkirim: [...state.pengingatTerkirim, stage],
            fanout: { kind: 'pengingat', stage, cursor: '' },
          };
          item = await saveState(deps, period, window, item, state, 'window.reminders_started');
        } else if (escalationDue(window.batasPengisian, today, state.eskalasiTerkirim)) {
          state = { ...state, eskalasiTerkirim: true, fanout: { kind: 'eskalasi', stage: null, cursor: '' } };
          item = await saveState(deps, period, window, item, state, 'window.escalation_started');
        } else break;
      }
    }
  }
  return summary;
}

/** Records a window's state (audited, conditional on the version it had). */
async function saveState(
  deps: Deps,
  period: Period,
  window: CalendarWindow,
  before: StoredItem | undefined,
  state: WindowState,
  action: string,
): Promise<StoredItem> {
  const key = keys.windowState(period.id, windowKey(window));
  const item = { periodId: period.id, windowKey: windowKey(window), nama: window.nama, ...state };
  const change: EntityChange = before
    ? { kind: 'update', before, action, item }
    : { kind: 'create', key, entity: 'WindowState', action, item };
  const [audit] = await writeChanges(deps.db, [change], auditContext(deps, jobContext(deps)));
  const version = (before?.version ?? 0) + 1;
  return { ...key, ...item, entity: 'WindowState', version, auditHash: audit?.hash } as StoredItem;
}

/** Moves the fan-out cursor, only from where this run found it (no chunk is ever sent twice). */
function advance(
  deps: Deps,
  period: Period,
  window: CalendarWindow,
  from: string,
  next: WindowState['fanout'],
): ExtraWrite {
  return {
    item: {
      Update: {
        TableName: deps.db.tableName,
        Key: keys.windowState(period.id, windowKey(window)),
        UpdateExpression: 'SET fanout = :next',
        ConditionExpression: '#fanout.#cursor = :from',
        ExpressionAttributeNames: { '#fanout': 'fanout', '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':next': next, ':from': from },
      },
    },
    onConditionFailed: staleVersion(),
  };
}

interface Nudge {
  to: Recipient;
  employeeId: string;
  /** In what capacity the person is told: one marker per person, stage and capacity. */
  peran: 'pegawai' | 'penilai' | 'atasan';
  message: OutboxMessage;
}

async function fanoutChunk(
  deps: Deps,
  period: Period,
  window: CalendarWindow,
  fanout: NonNullable<WindowState['fanout']>,
  org: LoadedOrg | null,
): Promise<{ sent: number; next: WindowState['fanout'] }> {
  const broadcast = fanout.kind === 'buka';
  const page = await employeeRepo.list(deps.db, {
    limit: broadcast ? BROADCAST_PAGE : TARGETED_PAGE,
    sort: 'nama',
    order: 'asc',
    ...(fanout.cursor ? { cursor: fanout.cursor } : {}),
  });
  const people = page.items.filter((e) => e.email);
  const nudges = broadcast
    ? openedNudges(window, people)
    : await owedNudges(deps, period, window, fanout, people, org);
  const stage = fanout.kind === 'pengingat' ? `H-${fanout.stage}` : fanout.kind.toUpperCase();
  // "Already reminded" markers make each reminder at most once per person and stage, across chunks too.
  // One marker per person, stage and capacity (someone can owe realisasi and a rating at once).
  const markerKey = (n: Nudge) =>
    keys.nudge(period.id, windowKey(window), stage, `${n.employeeId}#${n.peran}`);
  const seen = broadcast
    ? new Set<string>()
    : new Set(
        [...(await orgRepo.getStoredMany(deps.db, nudges.map(markerKey))).values()].map((m) => String(m.sk)),
      );
  const now = deps.clock.now();
  const writes: ExtraWrite[] = [];
  let sent = 0;
  for (const nudge of nudges) {
    if (seen.has(markerKey(nudge).sk)) continue;
    if (!broadcast) {
      writes.push({
        item: {
          Put: {
            TableName: deps.db.tableName,
            Item: {
              ...markerKey(nudge),
              entity: 'Nudge',
              at: now.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: staleVersion(),
      });
    }
    writes.push(enqueue(deps.db, deps.newId(), nudge.to, nudge.message, now));
    sent += 1;
  }
  const next = page.nextCursor ? { ...fanout, cursor: page.nextCursor } : null;
  await writeChanges(deps.db, [], auditContext(deps, jobContext(deps)), [
    advance(deps, period, window, fanout.cursor, next),
    ...writes,
  ]);
  if (sent > 0) deps.mail.kick();
  return { sent, next };
}

function openedNudges(window: CalendarWindow, people: Employee[]): Nudge[] {
  return people.map((e) => ({
    to: { email: e.email, nama: e.nama },
    employeeId: e.id,
    peran: 'pegawai' as const,
    message: {
      template: 'window.opened',
      data: {
        nama: window.nama,
        jenis: window.kind === 'PENYUSUNAN_SKP' ? 'PENYUSUNAN_SKP' : 'EVALUASI',
        batasPengisian: window.batasPengisian,
        tutup: window.tutup,
        penerimaNama: e.nama,
      },
    },
  }));
}

/**
 * Who still owes something among a page of employees: those without realisasi (a reminder to them), those
 * waiting for a rating (a reminder to their penilai, counted); after the deadline, every unrated
 * evaluation goes to the atasan of the person's penilai, listed by name.
 */
async function owedNudges(
  deps: Deps,
  period: Period,
  window: CalendarWindow,
  fanout: NonNullable<WindowState['fanout']>,
  people: Employee[],
  org: LoadedOrg | null,
): Promise<Nudge[]> {
  const key = windowKey(window);
  const found = await orgRepo.getStoredMany(
    deps.db,
    people.map((e) => keys.evaluation(e.id, period.id, key)),
  );
  const evaluations = new Map(
    [...found.values()].map((item) => [String(item.employeeId), evaluationFromItem(item)]),
  );
  const byId = new Map(people.map((e) => [e.id, e]));
  const groups = new Map<string, { names: string[] }>();
  const nudges: Nudge[] = [];
  for (const person of people) {
    const evaluation = evaluations.get(person.id);
    const status = evaluation?.status ?? 'BELUM';
    if (status === 'DINILAI') continue;
    const chain = org ? derivePenilaiChain(person, org) : null;
    if (fanout.kind === 'pengingat' && status === 'BELUM') {
      nudges.push(
        reminder(
          window,
          fanout.stage ?? 0,
          { email: person.email, nama: person.nama },
          person.id,
          'pegawai',
          1,
        ),
      );
      continue;
    }
    const towards =
      fanout.kind === 'pengingat'
        ? (evaluation?.header.penilai?.id ?? chain?.penilai?.employeeId)
        : (evaluation?.header.atasanPenilai?.id ?? chain?.atasanPenilai?.employeeId);
    if (!towards) continue;
    const group = groups.get(towards) ?? { names: [] };
    group.names.push(person.nama);
    groups.set(towards, group);
  }
  const missing = [...groups.keys()].filter((id) => !byId.has(id));
  for (const person of await employeeRepo.getMany(deps.db, missing)) byId.set(person.id, person);
  for (const [id, group] of groups) {
    const person = byId.get(id);
    if (!person?.email) continue;
    const to = { email: person.email, nama: person.nama };
    nudges.push(
      fanout.kind === 'pengingat'
        ? reminder(window, fanout.stage ?? 0, to, id, 'penilai', group.names.length)
        : {
            to,
            employeeId: id,
            peran: 'atasan',
            message: {
              template: 'window.escalation',
              data: {
                nama: window.nama,
                batasPengisian: window.batasPengisian,
                pegawai: group.names,
                penerimaNama: person.nama,
              },
            },
          },
    );
  }
  return nudges;
}

const reminder = (
  window: CalendarWindow,
  hari: number,
  to: Recipient,
  employeeId: string,
  peran: 'pegawai' | 'penilai',
  jumlah: number,
): Nudge => ({
  to,
  employeeId,
  peran,
  message: {
    template: 'window.reminder',
    data: {
      nama: window.nama,
      batasPengisian: window.batasPengisian,
      hari,
      peran,
      jumlah,
      penerimaNama: to.nama,
    },
  },
});
