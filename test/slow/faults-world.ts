// The world the fault tests act in: a small ministry built through the API, a realistic story of writes
// (SKPs drafted, submitted and approved; windows opened by the tick; realisasi and ratings; mail delivered)
// and a client that sends refused requests again, as a browser or script would.

import { expect } from 'vitest';
import { runTick } from '../../functions/jobs/tick.ts';
import { type ApiResult, TEST_ORIGIN, type TestApp } from '../helpers/test-app.ts';

export const TW1 = 'EVALUASI_PERIODIK-2025-01-01';

/** What the client saw: every status, how many requests were refused (503) and how many job runs were redone. */
export interface Outcomes {
  statuses: Record<number, number>;
  refused: number;
  reruns: number;
}

export const noOutcomes = (): Outcomes => ({ statuses: {}, refused: 0, reruns: 0 });

export type Caller = (token: string, method: string, path: string, body?: unknown) => Promise<ApiResult>;

const isProblem = (result: ApiResult) =>
  (result.headers.get('content-type') ?? '').startsWith('application/problem+json');

/**
 * A well-behaved client: a 503 (a refusal the server says is worth retrying) is sent again unchanged;
 * any other answer is returned. A 500, or an error that is not problem+json, fails the test at once.
 */
export function retryingClient(t: TestApp, outcomes: Outcomes, maxTries = 25): Caller {
  return async (token, method, path, body) => {
    for (let attempt = 1; ; attempt += 1) {
      const result = await t.callAs(token, method, path, body);
      outcomes.statuses[result.status] = (outcomes.statuses[result.status] ?? 0) + 1;
      if (result.status < 300) return result;
      const where = `${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`;
      if (!isProblem(result)) throw new Error(`not problem+json: ${where}`);
      if (result.status >= 500 && result.status !== 503) throw new Error(`server error: ${where}`);
      if (result.status !== 503 || attempt >= maxTries) return result;
      expect(result.body.code, where).toBe('service.unavailable');
      expect(result.headers.get('retry-after'), where).toMatch(/^\d+$/);
      outcomes.refused += 1;
    }
  };
}

/** Runs a job again after it failed, as the scheduler's next tick would, with the same `now`. */
export async function rerunUntilDone<T>(outcomes: Outcomes, job: () => Promise<T>, maxRuns = 25): Promise<T> {
  for (let run = 1; ; run += 1) {
    try {
      return await job();
    } catch (error) {
      if (run >= maxRuns) throw error;
      outcomes.reruns += 1;
    }
  }
}

const ok = async (result: Promise<ApiResult>): Promise<ApiResult> => {
  const answer = await result;
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer;
};

const iki = (jpt: boolean) =>
  jpt
    ? { deskripsi: 'Capaian layanan', perspektif: 'PENERIMA_LAYANAN', target: '95', satuan: 'persen' }
    : { deskripsi: 'Jumlah laporan', aspek: 'KUANTITAS', target: '12', satuan: 'laporan' };

export interface Person {
  id: string;
  nama: string;
  email: string;
}

export interface World {
  periodId: string;
  units: { ksn: string; daa: string; sdm: string };
  positions: { analis: string };
  menteri: Person;
  deputi: Person;
  karo: Person;
  staf: Person[];
  /** Each person's approved SKP: its first RHK and that RHK's first IKI. */
  rhk: Map<string, { rhkId: string; ikiId: string }>;
}

/** Units, positions, people (deterministic names, NIPs and emails), the 2025 period and one IKU. */
export async function buildMinistry(t: TestApp, call: Caller, staffCount = 4): Promise<World> {
  const admin = t.adminToken;
  const unit = async (kode: string, level: string, parentId: string | null) =>
    (await ok(call(admin, 'POST', '/api/units', { kode, nama: `Unit ${kode}`, level, parentId }))).body.id;
  const position = async (unitId: string, nama: string, jenis: string, jenjang: string | null = null) =>
    (await ok(call(admin, 'POST', `/api/units/${unitId}/positions`, { nama, jenis, jenjang }))).body.id;
  let sequence = 0;
  const person = async (unitId: string, positionId: string, nama: string, pns = true): Promise<Person> => {
    sequence += 1;
    const email = `orang${sequence}@fault.test`;
    const body = {
      nip: pns ? `198503152010121${String(sequence).padStart(3, '0')}` : null,
      nama,
      status: pns ? 'PNS' : 'PEJABAT_NEGARA',
      pangkatGolongan: 'Penata / III-c',
      email,
      unitId,
      positionId,
    };
    return { id: (await ok(call(admin, 'POST', '/api/employees', body))).body.id, nama, email };
  };
  const ksn = await unit('KSN', 'KEMENTERIAN', null);
  const daa = await unit('DAA', 'ESELON_I', ksn);
  const sdm = await unit('DAA.SDM', 'ESELON_II', daa);
  const menteri = await person(ksn, await position(ksn, 'Menteri', 'PEJABAT_NEGARA'), 'Menteri', false);
  const deputi = await person(daa, await position(daa, 'Deputi', 'JPT_MADYA'), 'Deputi');
  const karo = await person(sdm, await position(sdm, 'Kepala Biro SDM', 'JPT_PRATAMA'), 'Kepala Biro');
  const analis = await position(sdm, 'Analis SDM Aparatur', 'FUNGSIONAL', 'AHLI_MUDA');
  const staf: Person[] = [];
  for (let i = 1; i <= staffCount; i += 1) staf.push(await person(sdm, analis, `Analis ${i}`));
  const period = await ok(
    call(admin, 'POST', '/api/periods', {
      tahun: 2025,
      nama: 'Periode 2025',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
    }),
  );
  return {
    periodId: period.body.id,
    units: { ksn, daa, sdm },
    positions: { analis },
    menteri,
    deputi,
    karo,
    staf,
    rhk: new Map(),
  };
}

/** Drafts, fills, submits and has `approver` approve `who`'s SKP; remembers its RHK and IKI. */
export async function approvedSkp(
  t: TestApp,
  call: Caller,
  world: World,
  who: Person,
  approver: Person,
  link: { kind: string; id: string },
  jpt: boolean,
): Promise<void> {
  const me = await t.tokenFor(who.id);
  const base = `/api/employees/${who.id}/skp`;
  const created = await ok(call(me, 'POST', base, { periodId: world.periodId }));
  const rhk = [{ jenis: 'UTAMA', deskripsi: `Hasil kerja ${who.nama}`, intervensi: link, iki: [iki(jpt)] }];
  const filled = await ok(
    call(me, 'PATCH', `${base}/${created.body.id}`, { version: created.body.version, rhk }),
  );
  const path = `${base}/${created.body.id}/transitions`;
  const submitted = await ok(call(me, 'POST', path, { version: filled.body.version, action: 'ajukan' }));
  const approved = await ok(
    call(await t.tokenFor(approver.id), 'POST', path, { version: submitted.body.version, action: 'setujui' }),
  );
  const first = approved.body.rhk[0];
  world.rhk.set(who.id, { rhkId: first.id, ikiId: first.iki[0].id });
}

export const evaluationPath = (world: World, who: Person) =>
  `/api/employees/${who.id}/evaluations/${world.periodId}/${TW1}`;

const tickAt = (t: TestApp, outcomes: Outcomes, iso: string) => {
  t.setNow(iso);
  return rerunUntilDone(outcomes, () => runTick(t.deps, new Date(iso), { origin: TEST_ORIGIN }));
};

export const rhkOf = (world: World, p: Person) => ({ kind: 'RHK', id: world.rhk.get(p.id)?.rhkId as string });

/** The ministry, one IKU, the drafting window opened by the tick, the deputy's and bureau head's SKPs approved. */
export async function draftingOpen(t: TestApp, call: Caller, outcomes: Outcomes): Promise<World> {
  t.setNow('2025-01-10T03:00:00.000Z');
  const world = await buildMinistry(t, call);
  const deputiUnit = (await ok(call(t.adminToken, 'GET', `/api/employees/${world.deputi.id}`))).body.unitId;
  const iku = await ok(
    call(t.adminToken, 'POST', `/api/periods/${world.periodId}/iku`, {
      unitId: deputiUnit,
      indikator: 'Indeks kinerja',
      target: '90',
      satuan: 'indeks',
    }),
  );
  await tickAt(t, outcomes, '2025-01-10T03:00:00.000Z');
  await approvedSkp(t, call, world, world.deputi, world.menteri, { kind: 'IKU', id: iku.body.id }, true);
  await approvedSkp(t, call, world, world.karo, world.deputi, rhkOf(world, world.deputi), true);
  return world;
}

/**
 * The story: the drafting window opens (everyone told), every SKP is approved up the chain, the drafting
 * window closes and the first quarter's opens, staff record realisasi and the bureau head rates them,
 * mail is delivered along the way. Jobs are rerun until they finish, as the scheduler would.
 */
export async function runStory(t: TestApp, call: Caller, outcomes: Outcomes): Promise<World> {
  const deliver = () => rerunUntilDone(outcomes, () => t.mail.deliver());
  const world = await draftingOpen(t, call, outcomes);
  for (const staf of world.staf) {
    await approvedSkp(t, call, world, staf, world.karo, rhkOf(world, world.karo), false);
  }
  await deliver();
  await tickAt(t, outcomes, '2025-03-26T03:00:00.000Z');
  await tickAt(t, outcomes, '2025-04-05T03:00:00.000Z');
  t.setNow('2025-04-06T03:00:00.000Z');
  const boss = await t.tokenFor(world.karo.id);
  for (const [i, staf] of world.staf.entries()) {
    const mine = world.rhk.get(staf.id) as { rhkId: string; ikiId: string };
    const saved = await ok(
      call(await t.tokenFor(staf.id), 'PUT', `${evaluationPath(world, staf)}/realisasi`, {
        realisasi: [
          {
            rhkId: mine.rhkId,
            ikiId: mine.ikiId,
            realisasi: 'Tercapai sesuai rencana',
            buktiDukung: ['https://drive.example.go.id/bukti/1'],
            capaian: 100,
          },
        ],
      }),
    );
    await ok(
      call(boss, 'PUT', `${evaluationPath(world, staf)}/penilaian`, {
        version: saved.body.version,
        umpanBalik: { rhk: { [mine.rhkId]: 'Baik' }, perilaku: { BERORIENTASI_PELAYANAN: 'Responsif' } },
        ratingHasil: i % 2 === 0 ? 'DI_ATAS' : 'SESUAI',
        ratingPerilaku: 'SESUAI',
      }),
    );
  }
  await deliver();
  return world;
}

/** An employee as HR creates one in the bureau, as a request to send (again). */
export const newEmployee = (t: TestApp, call: Caller, world: World, nip: string, email: string) => () =>
  call(t.adminToken, 'POST', '/api/employees', {
    nip,
    nama: `Pegawai ${nip.slice(-3)}`,
    status: 'PNS',
    pangkatGolongan: 'Penata / III-c',
    email,
    unitId: world.units.sdm,
    positionId: world.positions.analis,
  });

/**
 * The writes of one SKP's life as its owner and penilai send them, each a request to send (again);
 * `reload` reads the SKP back, as a client does after an unclear answer, and keeps its id and version.
 */
export function skpLife(t: TestApp, call: Caller, world: World, who: Person) {
  const base = `/api/employees/${who.id}/skp`;
  const skp = { id: '', version: 0 };
  const as = async (person: Person, method: string, path: string, body?: unknown) =>
    call(await t.tokenFor(person.id), method, path, body);
  const transition = (person: Person, action: string) =>
    as(person, 'POST', `${base}/${skp.id}/transitions`, { version: skp.version, action });
  return {
    reload: async () => {
      const [mine] = (await as(who, 'GET', base)).body.items;
      if (mine) Object.assign(skp, { id: mine.id, version: mine.version });
      return mine;
    },
    draft: () => as(who, 'POST', base, { periodId: world.periodId }),
    fill: () =>
      as(who, 'PATCH', `${base}/${skp.id}`, {
        version: skp.version,
        rhk: [
          {
            jenis: 'UTAMA',
            deskripsi: `Hasil kerja ${who.nama}`,
            intervensi: rhkOf(world, world.karo),
            iki: [iki(false)],
          },
        ],
      }),
    submit: () => transition(who, 'ajukan'),
    approve: () => transition(world.karo, 'setujui'),
  };
}
