// The world the fuzzer calls into: a seeded ministry mid-year (approved SKPs, an open evaluation window, a
// pending email approval) and the real values it holds, so fuzzed requests reach records that exist.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../functions/api/app.ts';
import type { Deps } from '../../functions/deps.ts';
import { runTick } from '../../functions/jobs/tick.ts';
import { devOutboxRoutes } from '../../functions/local/dev-outbox-routes.ts';
import { markUndeliverable } from '../../functions/services/mail-service.ts';
import { berakhlak } from '../../shared/domain/perilaku/berakhlak.ts';
import { aNip, anEmployee, aPeriod, aPosition, aSmallMinistry, aUnit } from '../fixtures/org.ts';
import { aFilledSkp, aLeadershipCascade, anApprovedSkp } from '../fixtures/skp.ts';
import { allItems, createTestApp, TEST_ADMIN_ID, TEST_ORIGIN, type TestApp } from '../helpers/test-app.ts';
import { type WriteWatch, watchWrites } from './fuzz-writes.ts';

/** Named pools of real values; the fuzzer picks from them for fields and path parameters of that name. */
export type Pools = Record<string, readonly string[]>;

export interface FuzzWorld {
  t: TestApp;
  /** The API as the local server mounts it: every route of the Lambda app plus the local outbox reader. */
  app: ReturnType<typeof createApp>;
  pools: Pools;
  /** Bearer tokens of the seeded people, by employee id (the HR admin's is `t.adminToken`). */
  tokens: Record<string, string>;
  /** Each seeded person's penilai, by employee id. */
  penilaiOf: Record<string, string>;
  /** An HR admin whose powers cover one bureau only (the bureau's analyst). */
  bureauAdminToken: string;
  /** The temporary data directory holding the local outbox; removed after the run. */
  dataDir: string;
  writes: WriteWatch;
}

/** Windows of the 2025 calendar that are not open yet (their keys are still valid in paths). */
const LATER_WINDOWS = [
  'EVALUASI_PERIODIK-2025-04-01',
  'EVALUASI_PERIODIK-2025-10-01',
  'EVALUASI_TAHUNAN-2025-01-01',
];

/** Values for new records (unused NIPs and addresses), so creations can succeed now and then. */
const fresh = (make: (i: number) => string) => Array.from({ length: 30 }, (_, i) => make(i));

/** When the fuzzing happens: the first quarter's evaluation window is open. */
export const FUZZ_NOW = '2025-04-06T03:00:00.000Z';

async function seedOrg(t: TestApp) {
  const org = await aSmallMinistry(t);
  const lain = await aUnit(t, { kode: 'DAA.LAIN', parentId: org.deputi.id, level: 'ESELON_II' });
  const lainHead = await aPosition(t, lain.id, { nama: 'Kepala Biro Lain', jenis: 'JPT_PRATAMA' });
  const lainStaff = await aPosition(t, lain.id, {
    nama: 'Analis Lain',
    jenis: 'FUNGSIONAL',
    jenjang: 'AHLI_MUDA',
  });
  const kepalaLain = await anEmployee(t, { unitId: lain.id, positionId: lainHead.id });
  const stafLain = await anEmployee(t, { unitId: lain.id, positionId: lainStaff.id });
  const staf = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id, nama: 'Staf Kedua' });
  const pengaju = await anEmployee(t, {
    unitId: org.biro.id,
    positionId: org.analisPos.id,
    nama: 'Staf Ketiga',
  });
  return { ...org, lain, lainHead, lainStaff, kepalaLain, stafLain, staf, pengaju };
}

/** SKPs approved down the cascade, and one draft. */
async function seedPlans(t: TestApp, org: Awaited<ReturnType<typeof seedOrg>>, periodId: string) {
  const { iku, deputi, karo } = await aLeadershipCascade(t, periodId, org);
  const rhk = (skp: { rhk: { id: string }[] }) => ({ kind: 'RHK', id: skp.rhk[0]?.id ?? '' });
  const analis = await anApprovedSkp(t, periodId, org.analis, org.kepalaBiro, rhk(karo), false);
  const staf = await anApprovedSkp(t, periodId, org.staf, org.kepalaBiro, rhk(karo), false);
  const draft = await t.callAs(
    await t.tokenFor(org.stafLain.id),
    'POST',
    `/api/employees/${org.stafLain.id}/skp`,
    {
      periodId,
    },
  );
  return { iku, link: rhk(karo), skps: [deputi, karo, analis, staf, draft.body] };
}

/** Opens the first quarter's window and records some of its evaluations. */
async function seedEvaluations(
  t: TestApp,
  org: Awaited<ReturnType<typeof seedOrg>>,
  periodId: string,
  analis: Skp,
) {
  await runTick(t.deps, new Date('2025-01-10T03:00:00.000Z'), { origin: TEST_ORIGIN });
  t.setNow('2025-04-05T03:00:00.000Z');
  await runTick(t.deps, new Date('2025-04-05T03:00:00.000Z'), { origin: TEST_ORIGIN });
  t.setNow(FUZZ_NOW);
  const path = `/api/employees/${org.analis.id}/evaluations/${periodId}/EVALUASI_PERIODIK-2025-01-01`;
  const rhk = analis.rhk[0];
  const saved = await t.callAs(await t.tokenFor(org.analis.id), 'PUT', `${path}/realisasi`, {
    realisasi: [
      {
        rhkId: rhk?.id,
        ikiId: rhk?.iki[0]?.id,
        realisasi: 'Tercapai',
        buktiDukung: ['https://bukti.example.go.id/1'],
        capaian: 100,
      },
    ],
  });
  if (saved.status !== 200) throw new Error(`realisasi: ${JSON.stringify(saved.body)}`);
}

type Skp = { id: string; employeeId: string; rhk: { id: string; iki: { id: string }[] }[] };

/** The local outbox the dev outbox routes read: the messages the test app delivered, as `.eml` files. */
async function localOutbox(t: TestApp): Promise<{ dataDir: string; names: string[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'piawai-fuzz-'));
  await mkdir(join(dataDir, 'outbox'));
  const names = t.mail.sent.slice(0, 5).map((m, i) => `2025-04-0${i + 1}T030000Z-${m.outboxId}.eml`);
  await Promise.all(
    names.map((name, i) => writeFile(join(dataDir, 'outbox', name), t.mail.sent[i]?.raw ?? '')),
  );
  return { dataDir, names };
}

/** Next-page cursors the list routes hand out, so the fuzzer sends real ones (and mangled ones) back. */
async function cursors(t: TestApp, periodId: string, unitId: string): Promise<string[]> {
  const lists = [
    '/api/employees?limit=1',
    '/api/employees?limit=1&sort=nip&order=desc',
    `/api/units/${unitId}/members?limit=1`,
    `/api/periods/${periodId}/board?limit=1`,
    '/api/audit?limit=1&month=2025-01',
    '/api/dev/people?limit=1',
    '/api/mail/messages?limit=1&status=DUE',
  ];
  const found = await Promise.all(lists.map(async (path) => (await t.call('GET', path)).body?.nextCursor));
  return found.filter((c): c is string => typeof c === 'string');
}

/**
 * An SKP submitted now, after HR extended its drafting deadline: its approval links are fresh (links expire,
 * and earlier ones went stale when those SKPs were approved in the portal).
 */
async function aPendingApproval(
  t: TestApp,
  person: { id: string },
  penilaiEmail: string,
  periodId: string,
  link: { kind: string; id: string },
) {
  const extended = await t.call('PUT', `/api/employees/${person.id}/skp-extension`, {
    periodId,
    sampai: '2025-04-30',
    alasan: 'Pegawai baru bergabung',
  });
  if (extended.status !== 200) throw new Error(`extension: ${JSON.stringify(extended.body)}`);
  const filled = await aFilledSkp(t, periodId, person, link, false);
  const submitted = await t.callAs(
    await t.tokenFor(person.id),
    'POST',
    `/api/employees/${person.id}/skp/${filled.id}/transitions`,
    { version: filled.version, action: 'ajukan' },
  );
  if (submitted.status !== 200) throw new Error(`ajukan: ${JSON.stringify(submitted.body)}`);
  await t.mail.deliver();
  const message = t.mail.sent.findLast((m) => m.to === penilaiEmail && m.raw.includes('/persetujuan/#t='));
  if (!message) throw new Error('no approval message');
  const tokens = [await t.mail.linkToken(message, 'Setujui'), await t.mail.linkToken(message, 'Kembalikan')];
  return { skp: submitted.body as Skp, tokens };
}

const strings = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];

export async function aFuzzWorld(): Promise<FuzzWorld> {
  const t = await createTestApp('2025-01-10T03:00:00.000Z');
  const org = await seedOrg(t);
  const periodId = await aPeriod(t);
  const { iku, link, skps } = await seedPlans(t, org, periodId);
  await seedEvaluations(t, org, periodId, skps[2] as Skp);
  const pending = await aPendingApproval(t, org.pengaju, org.kepalaBiro.email, periodId, link);
  await markUndeliverable(t.deps, 'rusak@piawai.test', 'BOUNCE', 'mailbox full', {
    actor: { id: TEST_ADMIN_ID, nama: 'Fuzz' },
    channel: 'api',
    requestId: 'fuzz-seed',
  });
  const items = await allItems(t);
  const outbox = await localOutbox(t);
  const { menteri, kepalaDeputi, kepalaBiro, analis, kepalaLain, stafLain, staf, pengaju } = org;
  const people = [menteri, kepalaDeputi, kepalaBiro, analis, kepalaLain, stafLain, staf, pengaju];
  const units = [org.kementerian, org.deputi, org.biro, org.lain];
  const plans = [...(skps as Skp[]), pending.skp];
  const pools: Pools = {
    employee: people.map((p) => p.id),
    unit: units.map((u) => u.id),
    position: strings(items.filter((i) => i.entity === 'Position').map((i) => i.id)),
    period: [periodId],
    skp: plans.map((s) => s.id),
    skpPair: plans.map((s) => `${s.employeeId}/${s.id}`),
    iku: [iku.id],
    rhk: plans.flatMap((s) => s.rhk.map((r) => r.id)),
    iki: plans.flatMap((s) => s.rhk.flatMap((r) => r.iki.map((i) => i.id))),
    windowKey: strings([...items.map((i) => i.windowKey), ...LATER_WINDOWS]),
    email: [...people.map((p) => p.email), 'rusak@piawai.test', ...fresh((i) => `fuzz${i}@piawai.test`)],
    undeliverable: ['rusak@piawai.test'],
    outbox: strings(items.filter((i) => i.entity === 'OutboxItem').map((i) => i.id)),
    eml: outbox.names,
    token: pending.tokens,
    stream: strings(items.filter((i) => i.entity === 'AuditEntry').map((i) => i.stream)),
    cursor: await cursors(t, periodId, org.biro.id),
    month: ['2025-01', '2025-03', '2025-04', '2024-12'],
    actor: [TEST_ADMIN_ID, ...people.map((p) => p.id)],
    kode: units.map((u) => u.kode),
    nip: [...strings(people.map((p) => p.nip)), ...fresh(() => aNip(2))],
    jabatan: ['Analis SDM Aparatur', 'Kepala Biro SDM', 'Analis Lain'],
    berakhlak: berakhlak.map((v) => v.kode),
  };
  const chain = [
    [kepalaDeputi, menteri],
    [kepalaBiro, kepalaDeputi],
    [kepalaLain, kepalaDeputi],
    [analis, kepalaBiro],
    [staf, kepalaBiro],
    [pengaju, kepalaBiro],
    [stafLain, kepalaLain],
  ] as const;
  const fuzzDeps: Deps = { ...t.deps, config: { ...t.deps.config, PIAWAI_DATA_DIR: outbox.dataDir } };
  return {
    t,
    app: createApp(fuzzDeps, devOutboxRoutes(fuzzDeps)),
    pools,
    tokens: Object.fromEntries(await Promise.all(people.map(async (p) => [p.id, await t.tokenFor(p.id)]))),
    penilaiOf: Object.fromEntries(chain.map(([who, penilai]) => [who.id, penilai.id])),
    bureauAdminToken: await t.tokenFor(analis.id, [org.biro.id]),
    dataDir: outbox.dataDir,
    writes: watchWrites(t.deps),
  };
}
