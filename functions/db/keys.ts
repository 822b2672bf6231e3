/**
 * Every key of the single table is built here, and nowhere else.
 *
 * Access patterns (each answered by ONE GetItem, Query page or transaction):
 *
 * | screen / job                         | how                                                            |
 * |--------------------------------------|----------------------------------------------------------------|
 * | whole unit tree (+ heads)            | Query pk=ORG, sk begins_with UNIT#                             |
 * | org snapshot for assessor derivation | Query pk=ORG (units, positions, Plt/Plh) — one partition       |
 * | one unit                             | GetItem ORG / UNIT#<id>                                        |
 * | unit kode is unique                  | item UNITKODE#<kode> / UNIQUE, created in the unit transaction |
 * | positions of a unit                  | Query pk=ORG, sk begins_with POS#<unitId>#                     |
 * | Plt/Plh assignments                  | Query pk=ORG, sk begins_with ACTING#                           |
 * | employee profile                     | GetItem EMP#<id> / PROFILE                                     |
 * | unit members, by name (+ prefix)     | Query gsi1 gsi1pk=UNIT#<unitId>, gsi1sk=<name key>#<id>        |
 * | all employees, by name (+ prefix)    | Query gsi2 gsi2pk=EMP, gsi2sk=<name key>#<id>                  |
 * | all employees, by NIP (+ prefix)     | Query gsi3 gsi3pk=EMP, gsi3sk=<nip or ~id>                     |
 * | NIP / email is unique; login by email| GetItem NIP#<nip> / UNIQUE, EMAIL#<email> / UNIQUE             |
 * | audit stream of an entity            | Query pk=AUDIT#<entity key>, sk V#<version> (hash chain order) |
 * | audit timeline per month             | Query gsi1 gsi1pk=AUDITMONTH#<yyyy-mm>, gsi1sk=<iso>#<stream>  |
 * | audit by actor                       | Query gsi2 gsi2pk=ACTOR#<id>, gsi2sk=<iso>                     |
 * | period list, newest year first       | Query pk=PERIOD, sk PERIOD#<year>#<id>                         |
 * | an employee's SKPs (all periods)     | Query pk=EMP#<id>, sk begins_with SKP#                         |
 * | a penilai's approval queue           | Query gsi1 gsi1pk=APPROVER#<id> (sparse: only while DIAJUKAN)  |
 * | SKPs of a period, by unit            | Query gsi2 gsi2pk=SKPBOARD#<period>, gsi2sk=UNIT#<unit>#…      |
 * | HR board: counts per unit and status | Query pk=STATS#<period> (counters kept in the same transaction)|
 * | IKU of a period (or of one unit)     | Query pk=OKR#<period>, sk begins_with IKU#[<unit>#]             |
 * | alignment tree below one IKU         | Query pk=CASCADE#<period>, sk begins_with <ikuId> (paths)       |
 * | outbox: one message                  | GetItem OUTBOX#<id> / MSG                                      |
 * | outbox: due (pending or lease over)  | Query gsi3 gsi3pk=OUTBOX#DUE, gsi3sk <= <now iso> (sparse)     |
 * | outbox: failed, for HR               | Query gsi3 gsi3pk=OUTBOX#FAILED, newest first (sparse)         |
 * | approval link by its token           | GetItem LINK#<sha256(token)> / LINK                            |
 * | undeliverable address (bounce)       | GetItem MAILADDR#<email> / STATUS; list: gsi3 MAILADDR#BLOCKED |
 * | window states of a period (tick)     | Query pk=WINDOWS#<period> (one item per calendar window)       |
 * | an employee's evaluation of a window | GetItem EMP#<id> / EVAL#<period>#<window>; list: begins_with   |
 * | a penilai's team in a window         | Query gsi1 gsi1pk=PENILAI#<id>#<period>#<window>               |
 * | evaluations of a unit in a window    | Query gsi2 gsi2pk=EVALUNIT#<period>#<window>#<unit>            |
 * | calibration: counts per unit         | Query pk=EVALSTATS#<period>#<window> (counters, same txn)      |
 * | organisation predikat per unit       | Query pk=ORGPRED#<period>#<window>, sk UNIT#<unit>             |
 * | reopened for a person or a unit      | GetItem REOPEN#<period>#<window> / EMP#<id> or UNIT#<id>       |
 * | reminder sent (at most once)         | GetItem NUDGE#<period>#<window>#<stage> / EMP#<id>             |
 * | continuous feedback of an employee   | Query pk=EMP#<id>, sk begins_with FEEDBACK#                    |
 * | objections of a period (HR, atasan)  | Query gsi3 gsi3pk=KEBERATAN#<period> (sparse), newest first    |
 * | export / document job                | GetItem EXPORT#<id> / JOB                                      |
 * | my export jobs, newest first         | Query gsi1 gsi1pk=EXPORTS#<requester>                          |
 * | export jobs due (pending, lease over)| Query gsi3 gsi3pk=EXPORT#DUE, gsi3sk <= <now iso> (sparse)     |
 * | issued document (verification page)  | GetItem DOC#<id> / DOC                                         |
 * | daily progress of a unit / the org   | Query pk=REPORT#<period>#<unit or ALL>, sk DAY#<yyyy-mm-dd>     |
 */

export const ORG_PK = 'ORG';
export const EMPLOYEE_LIST_PK = 'EMP';
export const OUTBOX_DUE_PK = 'OUTBOX#DUE';
export const OUTBOX_FAILED_PK = 'OUTBOX#FAILED';
export const MAIL_BLOCKED_PK = 'MAILADDR#BLOCKED';
export const EXPORT_DUE_PK = 'EXPORT#DUE';
/** The organisation-wide series of the daily progress report (beside one series per unit). */
export const REPORT_ALL_UNITS = 'ALL';
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export type Key = { pk: string; sk: string };

/** Case- and accent-insensitive sort/search key for person names ("Dr. Siti Ayu" → "dr siti ayu"). */
export const nameKey = (nama: string): string =>
  nama
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const pad = (version: number) => String(version).padStart(10, '0');

export const keys = {
  unit: (id: string): Key => ({ pk: ORG_PK, sk: `UNIT#${id}` }),
  unitPrefix: 'UNIT#',
  unitKode: (kode: string): Key => ({ pk: `UNITKODE#${kode.toUpperCase()}`, sk: 'UNIQUE' }),

  position: (unitId: string, id: string): Key => ({ pk: ORG_PK, sk: `POS#${unitId}#${id}` }),
  positionPrefix: (unitId?: string) => (unitId ? `POS#${unitId}#` : 'POS#'),

  acting: (id: string): Key => ({ pk: ORG_PK, sk: `ACTING#${id}` }),
  actingPrefix: 'ACTING#',

  employee: (id: string): Key => ({ pk: `EMP#${id}`, sk: 'PROFILE' }),
  employeeIndexes: (e: { id: string; nama: string; nip: string | null; unitId: string }) => ({
    gsi1pk: `UNIT#${e.unitId}`,
    gsi1sk: `${nameKey(e.nama)}#${e.id}`,
    gsi2pk: EMPLOYEE_LIST_PK,
    gsi2sk: `${nameKey(e.nama)}#${e.id}`,
    gsi3pk: EMPLOYEE_LIST_PK,
    // People without a NIP (the Minister) sort after every NIP.
    gsi3sk: e.nip ?? `~${e.id}`,
  }),
  unitMembersPk: (unitId: string) => `UNIT#${unitId}`,
  nipUnique: (nip: string): Key => ({ pk: `NIP#${nip}`, sk: 'UNIQUE' }),
  emailUnique: (email: string): Key => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'UNIQUE' }),

  /** The audit stream of an entity is named after the entity's own key. */
  auditStream: (entity: Key) => `${entity.pk}|${entity.sk}`,
  auditEntry: (stream: string, version: number): Key => ({ pk: `AUDIT#${stream}`, sk: `V#${pad(version)}` }),
  auditStreamPk: (stream: string) => `AUDIT#${stream}`,
  auditIndexes: (stream: string, at: string, actorId: string) => ({
    gsi1pk: `AUDITMONTH#${at.slice(0, 7)}`,
    gsi1sk: `${at}#${stream}`,
    gsi2pk: `ACTOR#${actorId}`,
    gsi2sk: `${at}#${stream}`,
  }),
  auditMonthPk: (month: string) => `AUDITMONTH#${month}`,
  auditActorPk: (actorId: string) => `ACTOR#${actorId}`,

  period: (tahun: number, id: string): Key => ({ pk: 'PERIOD', sk: `PERIOD#${tahun}#${id}` }),
  periodPk: 'PERIOD',

  skp: (employeeId: string, skpId: string): Key => ({ pk: `EMP#${employeeId}`, sk: `SKP#${skpId}` }),
  skpPrefix: 'SKP#',
  skpIndexes: (s: {
    id: string;
    periodId: string;
    employeeId: string;
    unitId: string;
    status: string;
    penilaiId: string | null;
    submittedAt: string | null;
  }) => ({
    ...(s.status === 'DIAJUKAN' && s.penilaiId
      ? { gsi1pk: `APPROVER#${s.penilaiId}`, gsi1sk: `${s.submittedAt ?? ''}#${s.id}` }
      : {}),
    gsi2pk: `SKPBOARD#${s.periodId}`,
    gsi2sk: `UNIT#${s.unitId}#${s.employeeId}#${s.id}`,
  }),
  /** HR's extension of the drafting window for one person and period. */
  skpExtension: (employeeId: string, periodId: string): Key => ({
    pk: `EMP#${employeeId}`,
    sk: `SKPEXT#${periodId}`,
  }),
  approverPk: (penilaiId: string) => `APPROVER#${penilaiId}`,
  /** The SKPs of a period on gsi2; a unit's are the ones whose sort key starts with this prefix. */
  skpBoardPk: (periodId: string) => `SKPBOARD#${periodId}`,
  skpBoardUnitPrefix: (unitId: string) => `UNIT#${unitId}#`,
  stats: (periodId: string, unitId: string): Key => ({ pk: `STATS#${periodId}`, sk: `UNIT#${unitId}` }),
  statsPk: (periodId: string) => `STATS#${periodId}`,

  iku: (periodId: string, unitId: string, id: string): Key => ({
    pk: `OKR#${periodId}`,
    sk: `IKU#${unitId}#${id}`,
  }),
  okrPk: (periodId: string) => `OKR#${periodId}`,
  ikuPrefix: (unitId?: string) => (unitId ? `IKU#${unitId}#` : 'IKU#'),
  outboxMessage: (id: string): Key => ({ pk: `OUTBOX#${id}`, sk: 'MSG' }),
  /** Sparse index entry of a message: due ones by when they are due, failed ones for HR; sent ones none. */
  outboxIndex: (status: string, id: string, at: string) =>
    status === 'SENT'
      ? {}
      : { gsi3pk: status === 'FAILED' ? OUTBOX_FAILED_PK : OUTBOX_DUE_PK, gsi3sk: `${at}#${id}` },
  approvalLink: (tokenHash: string): Key => ({ pk: `LINK#${tokenHash}`, sk: 'LINK' }),
  mailAddress: (email: string): Key => ({ pk: `MAILADDR#${email.toLowerCase()}`, sk: 'STATUS' }),

  windowState: (periodId: string, windowKey: string): Key => ({ pk: `WINDOWS#${periodId}`, sk: windowKey }),
  windowsPk: (periodId: string) => `WINDOWS#${periodId}`,
  evaluation: (employeeId: string, periodId: string, windowKey: string): Key => ({
    pk: `EMP#${employeeId}`,
    sk: `EVAL#${periodId}#${windowKey}`,
  }),
  evaluationPrefix: 'EVAL#',
  evaluationIndexes: (e: {
    employeeId: string;
    periodId: string;
    windowKey: string;
    penilaiId: string | null;
    unitId: string;
    nama: string;
    keberatanSejak: string | null;
  }) => ({
    // Sparse: only evaluations with an objection, for HR's list and each atasan's queue.
    ...(e.keberatanSejak
      ? { gsi3pk: `KEBERATAN#${e.periodId}`, gsi3sk: `${e.keberatanSejak}#${e.employeeId}#${e.windowKey}` }
      : {}),
    ...(e.penilaiId
      ? {
          gsi1pk: `PENILAI#${e.penilaiId}#${e.periodId}#${e.windowKey}`,
          gsi1sk: `${nameKey(e.nama)}#${e.employeeId}`,
        }
      : {}),
    gsi2pk: `EVALUNIT#${e.periodId}#${e.windowKey}#${e.unitId}`,
    gsi2sk: `${nameKey(e.nama)}#${e.employeeId}`,
  }),
  penilaiTeamPk: (penilaiId: string, periodId: string, windowKey: string) =>
    `PENILAI#${penilaiId}#${periodId}#${windowKey}`,
  keberatanPk: (periodId: string) => `KEBERATAN#${periodId}`,
  evalUnitPk: (periodId: string, windowKey: string, unitId: string) =>
    `EVALUNIT#${periodId}#${windowKey}#${unitId}`,
  evalStats: (periodId: string, windowKey: string, unitId: string): Key => ({
    pk: `EVALSTATS#${periodId}#${windowKey}`,
    sk: `UNIT#${unitId}`,
  }),
  evalStatsPk: (periodId: string, windowKey: string) => `EVALSTATS#${periodId}#${windowKey}`,
  orgPredikat: (periodId: string, windowKey: string, unitId: string): Key => ({
    pk: `ORGPRED#${periodId}#${windowKey}`,
    sk: `UNIT#${unitId}`,
  }),
  orgPredikatPk: (periodId: string, windowKey: string) => `ORGPRED#${periodId}#${windowKey}`,
  reopen: (
    periodId: string,
    windowKey: string,
    target: { employeeId: string } | { unitId: string },
  ): Key => ({
    pk: `REOPEN#${periodId}#${windowKey}`,
    sk: 'employeeId' in target ? `EMP#${target.employeeId}` : `UNIT#${target.unitId}`,
  }),
  nudge: (periodId: string, windowKey: string, stage: string, employeeId: string): Key => ({
    pk: `NUDGE#${periodId}#${windowKey}#${stage}`,
    sk: `EMP#${employeeId}`,
  }),
  feedback: (employeeId: string, at: string, id: string): Key => ({
    pk: `EMP#${employeeId}`,
    sk: `FEEDBACK#${at}#${id}`,
  }),
  feedbackPrefix: 'FEEDBACK#',

  /** A node of the cascade, keyed by its materialized path from the IKU: a subtree is one prefix. */
  cascadeNode: (periodId: string, path: string): Key => ({ pk: `CASCADE#${periodId}`, sk: path }),
  cascadePk: (periodId: string) => `CASCADE#${periodId}`,

  exportJob: (id: string): Key => ({ pk: `EXPORT#${id}`, sk: 'JOB' }),
  /** The requester's list always; the due index only while the job waits or runs (sparse). */
  exportJobIndexes: (j: {
    id: string;
    requestedBy: string;
    createdAt: string;
    status: string;
    dueAt: string;
  }) => ({
    gsi1pk: `EXPORTS#${j.requestedBy}`,
    gsi1sk: `${j.createdAt}#${j.id}`,
    ...(j.status === 'MENUNGGU' || j.status === 'BERJALAN'
      ? { gsi3pk: EXPORT_DUE_PK, gsi3sk: `${j.dueAt}#${j.id}` }
      : {}),
  }),
  exportsOfPk: (requestedBy: string) => `EXPORTS#${requestedBy}`,
  document: (id: string): Key => ({ pk: `DOC#${id}`, sk: 'DOC' }),
  reportDay: (periodId: string, unitId: string, tanggal: string): Key => ({
    pk: `REPORT#${periodId}#${unitId}`,
    sk: `DAY#${tanggal}`,
  }),
  reportPk: (periodId: string, unitId: string) => `REPORT#${periodId}#${unitId}`,

  /** Marks that the demo organisation was seeded once, so restarts never seed again. */
  seedMarker: (): Key => ({ pk: 'SYSTEM', sk: 'SEED' }),
} as const;
