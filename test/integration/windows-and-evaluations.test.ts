import { beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../functions/jobs/tick.ts';
import { anEmployee, aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { aLeadershipCascade, anApprovedSkp } from '../fixtures/skp.ts';
import { allItems, createTestApp, TEST_ORIGIN, type TestApp } from '../helpers/test-app.ts';

const TW1 = 'EVALUASI_PERIODIK-2025-01-01';

describe('scheduled windows, evaluations, calibration and keberatan', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  let staf: { id: string; email: string };
  let ikuId = '';
  const skps = new Map<string, { rhk: { id: string; iki: { id: string }[] }[] }>();

  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
    staf = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id, nama: 'Staf Kedua' });
    const { iku, karo } = await aLeadershipCascade(t, periodId, org);
    ikuId = iku.id;
    skps.set(org.kepalaBiro.id, karo);
    skps.set(
      org.analis.id,
      await anApprovedSkp(
        t,
        periodId,
        org.analis,
        org.kepalaBiro,
        { kind: 'RHK', id: karo.rhk[0].id },
        false,
      ),
    );
    skps.set(
      staf.id,
      await anApprovedSkp(t, periodId, staf, org.kepalaBiro, { kind: 'RHK', id: karo.rhk[0].id }, false),
    );
  });

  const tick = async (iso: string) => {
    t.setNow(iso);
    return runTick(t.deps, new Date(iso), { origin: TEST_ORIGIN });
  };
  const outbox = async () => (await allItems(t)).filter((i) => i.entity === 'OutboxItem');
  const snapshot = async () =>
    (await allItems(t))
      .filter((i) => i.entity !== 'OutboxItem' || i.status !== 'SENT')
      .map((i) => `${i.pk}|${i.sk}|${i.version ?? ''}`)
      .sort();
  const realisasi = (who: string) => ({
    realisasi: [
      {
        rhkId: skps.get(who)?.rhk[0]?.id,
        ikiId: skps.get(who)?.rhk[0]?.iki[0]?.id,
        realisasi: 'Tercapai sesuai rencana',
        buktiDukung: ['https://drive.example.go.id/bukti/1'],
        capaian: 100,
      },
    ],
  });
  const evalPath = (who: string) => `/api/employees/${who}/evaluations/${periodId}/${TW1}`;

  it('opens the drafting window and tells everyone, once: a second tick with the same now changes nothing', async () => {
    const first = await tick('2025-01-10T03:00:00.000Z');
    expect(first).toMatchObject({ windowsOpened: 1, windowsClosed: 0 });
    const opened = (await outbox()).filter((o) => o.template === 'window.opened');
    expect(opened.length).toBe(first.notifications);
    // Everyone with an email: the Minister, the deputy, the bureau head and two staff.
    expect(opened.length).toBe(5);
    const before = await snapshot();
    const second = await tick('2025-01-10T03:00:00.000Z');
    expect(second).toMatchObject({ windowsOpened: 0, windowsClosed: 0, notifications: 0, chunks: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('after a 3-day outage a tick opens and closes what fell due and sends each reminder at most once', async () => {
    await tick('2025-03-26T03:00:00.000Z'); // drafting closed on 31 January
    // Down from 2 to 5 April: the first quarter's window opened on 27 March, H-7 (31 March) and H-3 (4 April) passed.
    const catchUp = await tick('2025-04-05T03:00:00.000Z');
    expect(catchUp).toMatchObject({ windowsOpened: 1, windowsClosed: 0 });
    const states = (await t.call('GET', `/api/periods/${periodId}/windows`)).body.items;
    expect(states.find((w: { windowKey: string }) => w.windowKey === TW1)).toMatchObject({
      status: 'DIBUKA',
      pengingatTerkirim: [3],
    });
    expect(states.find((w: { kind: string }) => w.kind === 'PENYUSUNAN_SKP').status).toBe('DITUTUP');
    const reminders = async () => (await outbox()).filter((o) => o.template === 'window.reminder');
    const h3 = await reminders();
    // Only the latest due stage goes out; nobody hears it twice.
    expect(new Set(h3.map((r) => (r.data as { hari: number }).hari))).toEqual(new Set([3]));
    const recipients = h3.map((r) => (r.to as { email: string }).email);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toContain(staf.email);
    const again = await tick('2025-04-05T09:00:00.000Z');
    expect(again.notifications).toBe(0);
    expect((await reminders()).length).toBe(h3.length);
  });

  it('employee records realisasi; the penilai rates; the predikat follows the matrix; progress reaches the tree', async () => {
    t.setNow('2025-04-06T03:00:00.000Z');
    const me = await t.tokenFor(org.analis.id);
    const saved = await t.callAs(me, 'PUT', `${evalPath(org.analis.id)}/realisasi`, realisasi(org.analis.id));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ status: 'REALISASI', header: { penilai: { id: org.kepalaBiro.id } } });
    // Someone else may not write it, nor reference an RHK that is not in the SKP.
    const foreign = await t.callAs(
      await t.tokenFor(org.kepalaBiro.id),
      'PUT',
      `${evalPath(org.analis.id)}/realisasi`,
      realisasi(org.analis.id),
    );
    expect(foreign.body.code).toBe('evaluation.not_allowed');
    const bad = await t.callAs(me, 'PUT', `${evalPath(org.analis.id)}/realisasi`, {
      version: saved.body.version,
      realisasi: [{ rhkId: 'bukan', realisasi: 'x' }],
    });
    expect(bad.body.errors).toEqual([{ path: 'realisasi.0.rhkId', message: expect.any(String) }]);

    const boss = await t.tokenFor(org.kepalaBiro.id);
    const rated = await t.callAs(boss, 'PUT', `${evalPath(org.analis.id)}/penilaian`, {
      version: saved.body.version,
      umpanBalik: {
        rhk: { [skps.get(org.analis.id)?.rhk[0]?.id as string]: 'Baik sekali' },
        perilaku: { BERORIENTASI_PELAYANAN: 'Responsif' },
      },
      ratingHasil: 'DI_ATAS',
      ratingPerilaku: 'DI_ATAS',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toMatchObject({ status: 'DINILAI', predikat: 'SANGAT_BAIK' });
    expect(
      (
        await t.callAs(me, 'PUT', `${evalPath(org.analis.id)}/penilaian`, {
          version: rated.body.version,
          ratingHasil: 'DI_ATAS',
          ratingPerilaku: 'DI_ATAS',
        })
      ).body.code,
    ).toBe('evaluation.not_allowed');

    for (const who of [staf.id, org.kepalaBiro.id]) {
      const r = await t.callAs(await t.tokenFor(who), 'PUT', `${evalPath(who)}/realisasi`, realisasi(who));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // The realisasi's capaian reaches the alignment tree: the analyst's RHK and the KR it names.
    const tree = (await t.call('GET', `/api/periods/${periodId}/iku/${ikuId}/tree`)).body;
    type Node = { id: string; progress: number | null; children: Node[] };
    const find = (n: Node, id: string): Node | undefined =>
      n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean);
    const analisRhk = skps.get(org.analis.id)?.rhk[0];
    expect(find(tree, analisRhk?.id as string)?.progress).toBe(100);
    expect(find(tree, analisRhk?.iki[0]?.id as string)?.progress).toBe(100);
    const team = await t.callAs(
      boss,
      'GET',
      `/api/me/team-evaluations?periodId=${periodId}&windowKey=${TW1}`,
    );
    expect(team.body.items.map((e: { employeeId: string }) => e.employeeId).sort()).toEqual(
      [org.analis.id, staf.id].sort(),
    );
  });

  it('the H-1 reminder goes to whoever still owes: the penilai for the unrated one, nobody twice', async () => {
    const before = (await outbox()).filter((o) => o.template === 'window.reminder').length;
    const run = await tick('2025-04-06T17:30:00.000Z'); // 7 April 00:30 WIB: H-0 passed? no: H-1 is 6 April
    expect(run.windowsOpened + run.windowsClosed).toBe(0);
    const h1 = (await outbox()).filter(
      (o) => o.template === 'window.reminder' && (o.data as { hari: number }).hari === 1,
    );
    expect(h1.length).toBe((await outbox()).filter((o) => o.template === 'window.reminder').length - before);
    const toBoss = h1.filter((r) => (r.to as { email: string }).email === org.kepalaBiro.email);
    expect(toBoss).toHaveLength(1);
    expect(toBoss[0]?.data).toMatchObject({ peran: 'penilai', jumlah: 1 });
    expect(h1.some((r) => (r.to as { email: string }).email === org.analis.email)).toBe(false);
  });

  it('a unit head’s Rating Hasil Kerja follows the unit’s organisation predikat, set by the leader above', async () => {
    t.setNow('2025-04-07T03:00:00.000Z');
    const byStaff = await t.callAs(
      await t.tokenFor(org.analis.id),
      'PUT',
      `/api/periods/${periodId}/windows/${TW1}/units/${org.biro.id}/predikat`,
      { predikat: 'BAIK' },
    );
    expect(byStaff.body.code).toBe('evaluation.not_allowed');
    const set = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'PUT',
      `/api/periods/${periodId}/windows/${TW1}/units/${org.biro.id}/predikat`,
      { predikat: 'BAIK' },
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const current = (await t.call('GET', evalPath(org.kepalaBiro.id))).body;
    const rated = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'PUT',
      `${evalPath(org.kepalaBiro.id)}/penilaian`,
      {
        version: current.version,
        ratingHasil: 'DI_ATAS',
        ratingPerilaku: 'SESUAI',
      },
    );
    expect(rated.body).toMatchObject({
      ratingHasil: 'SESUAI',
      ratingHasilDariOrganisasi: true,
      predikat: 'BAIK',
    });
  });

  it('a rating after the window closed is refused unless HR reopened it for the person', async () => {
    // Down from 7 to 10 April: the deadline (7 April) and the close (10 April) fell due unseen.
    const catchUp = await tick('2025-04-11T03:00:00.000Z');
    expect(catchUp).toMatchObject({ windowsOpened: 0, windowsClosed: 1 });
    const escalations = (await outbox()).filter((o) => o.template === 'window.escalation');
    // Staf Kedua is still unrated: the atasan of their penilai (the deputy) hears of it; the deputy never
    // entered realisasi: the Minister hears of that. Each once.
    const byRecipient = new Map(
      escalations.map((e) => [(e.to as { email: string }).email, (e.data as { pegawai: string[] }).pegawai]),
    );
    expect(escalations).toHaveLength(2);
    expect(byRecipient.get(org.kepalaDeputi.email)).toEqual(['Staf Kedua']);
    expect(byRecipient.get(org.menteri.email)).toEqual(['Deputi Contoh']);
    expect((await tick('2025-04-11T03:15:00.000Z')).notifications).toBe(0);
    const current = (await t.call('GET', evalPath(staf.id))).body;
    const body = { version: current.version, ratingHasil: 'SESUAI', ratingPerilaku: 'SESUAI' };
    const boss = await t.tokenFor(org.kepalaBiro.id);
    const late = await t.callAs(boss, 'PUT', `${evalPath(staf.id)}/penilaian`, body);
    expect([late.status, late.body.code], JSON.stringify(late.body)).toEqual([
      422,
      'evaluation.window_closed',
    ]);
    expect((await t.call('GET', evalPath(staf.id))).body.version).toBe(current.version);
    const reopened = await t.call('POST', `/api/periods/${periodId}/windows/${TW1}/reopen`, {
      employeeId: staf.id,
      sampai: '2025-04-12T23:59:59+07:00',
      alasan: 'Pejabat penilai dinas luar saat jendela ditutup',
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const now = await t.callAs(boss, 'PUT', `${evalPath(staf.id)}/penilaian`, body);
    expect(now.body).toMatchObject({ status: 'DINILAI', predikat: 'BAIK' });
    t.setNow('2025-04-13T03:00:00.000Z');
    const expired = await t.callAs(boss, 'PUT', `${evalPath(staf.id)}/penilaian`, {
      ...body,
      version: now.body.version,
    });
    expect(expired.body.code).toBe('evaluation.window_closed');
  });

  it('calibration names the violation; finalising needs a justification (the default policy)', async () => {
    t.setNow('2025-04-13T03:00:00.000Z');
    const view = (await t.call('GET', `/api/periods/${periodId}/windows/${TW1}/calibration`)).body;
    expect(view.units, JSON.stringify(view)).toBeDefined();
    const biro = view.units.find((u: { unitId: string }) => u.unitId === org.biro.id);
    expect(biro).toMatchObject({
      predikatOrganisasi: 'BAIK',
      total: 3,
      counts: { predikat_SANGAT_BAIK: 1, predikat_BAIK: 2 },
    });
    // Baik: at least one Butuh Perbaikan or Kurang/Misconduct is expected.
    expect(biro.violations.map((v: { rule: string }) => v.rule)).toContain('BAIK.BP_K_MIN_1');
    const bare = await t.call(
      'POST',
      `/api/periods/${periodId}/windows/${TW1}/units/${org.biro.id}/finalize`,
      { version: biro.version },
    );
    expect(bare.body.code).toBe('evaluation.distribution_violation');
    expect(bare.body.errors).toContainEqual({ path: 'justifikasi', message: expect.any(String) });
    const done = await t.call(
      'POST',
      `/api/periods/${periodId}/windows/${TW1}/units/${org.biro.id}/finalize`,
      {
        version: biro.version,
        justifikasi: 'Seluruh pegawai memenuhi target; tidak ada kinerja di bawah ekspektasi.',
      },
    );
    expect(done.body).toMatchObject({ final: true, finalPada: '2025-04-13' });
  });

  it('keberatan: refused on day 15, accepted on day 14; the atasan decides, the original predikat is kept', async () => {
    const me = await t.tokenFor(org.analis.id);
    const mine = await t.callAs(me, 'GET', evalPath(org.analis.id));
    expect(mine.body.final).toEqual({ pada: '2025-04-13', batasKeberatan: '2025-04-27' });
    t.setNow('2025-04-28T03:00:00.000Z'); // day 15 after 13 April
    const late = await t.callAs(me, 'POST', `${evalPath(org.analis.id)}/keberatan`, {
      alasan: 'Realisasi saya melampaui target',
    });
    expect([late.status, late.body.code]).toEqual([422, 'keberatan.too_late']);
    t.setNow('2025-04-27T16:00:00.000Z'); // 27 April 23:00 WIB, day 14
    const filed = await t.callAs(me, 'POST', `${evalPath(org.analis.id)}/keberatan`, {
      alasan: 'Realisasi saya melampaui target',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(
      (await outbox()).some(
        (o) =>
          o.template === 'keberatan.filed' && (o.to as { email: string }).email === org.kepalaDeputi.email,
      ),
    ).toBe(true);

    const byPenilai = await t.callAs(
      await t.tokenFor(org.kepalaBiro.id),
      'PUT',
      `${evalPath(org.analis.id)}/keberatan/keputusan`,
      {
        version: filed.body.version,
        klarifikasiPenilai: 'x',
        klarifikasiPegawai: 'y',
        keputusan: 'TETAP',
        catatan: 'z',
      },
    );
    expect(byPenilai.body.code).toBe('keberatan.not_allowed');
    const decided = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'PUT',
      `${evalPath(org.analis.id)}/keberatan/keputusan`,
      {
        version: filed.body.version,
        klarifikasiPenilai: 'Target kuantitas tercapai tetapi mutu belum konsisten.',
        klarifikasiPegawai: 'Bukti dukung menunjukkan semua laporan diterima tepat waktu.',
        keputusan: 'UBAH',
        predikatBaru: 'BAIK',
        catatan: 'Disesuaikan dengan pola distribusi unit.',
      },
    );
    expect(decided.body).toMatchObject({
      predikat: 'SANGAT_BAIK',
      keberatan: { status: 'DITERIMA_DIUBAH', predikatBaru: 'BAIK' },
    });
    const view = (await t.call('GET', `/api/periods/${periodId}/windows/${TW1}/calibration`)).body;
    expect(view.units.find((u: { unitId: string }) => u.unitId === org.biro.id).counts).toMatchObject({
      predikat_SANGAT_BAIK: 0,
      predikat_BAIK: 3,
    });
    const again = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'PUT',
      `${evalPath(org.analis.id)}/keberatan/keputusan`,
      {
        version: decided.body.version,
        klarifikasiPenilai: 'x',
        klarifikasiPegawai: 'y',
        keputusan: 'TETAP',
        catatan: 'z',
      },
    );
    expect(again.body.code).toBe('evaluation.final');
  });

  it('the penilai writes continuous feedback at any time; others may not', async () => {
    const boss = await t.tokenFor(org.kepalaBiro.id);
    const { result: added, byCommand } = await t.countCalls(() =>
      t.callAs(boss, 'POST', `/api/employees/${org.analis.id}/feedback`, {
        umpanBalik: 'Pertahankan ketepatan waktu laporan.',
      }),
    );
    expect(added.status).toBe(201);
    // The access check and the use-case share one read of the org partition (one Query, not two).
    expect(byCommand).toEqual({ GetItemCommand: 2, QueryCommand: 1, TransactWriteItemsCommand: 1 });
    const other = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'POST',
      `/api/employees/${org.analis.id}/feedback`,
      { umpanBalik: 'Halo' },
    );
    expect(other.body.code).toBe('evaluation.not_allowed');
    const list = await t.callAs(
      await t.tokenFor(org.analis.id),
      'GET',
      `/api/employees/${org.analis.id}/feedback`,
    );
    expect(list.body.items.map((f: { umpanBalik: string }) => f.umpanBalik)).toEqual([
      'Pertahankan ketepatan waktu laporan.',
    ]);
  });
});

describe('a period entered after its windows have passed', () => {
  it('records them opened and closed, and tells nobody anything', async () => {
    const t = await createTestApp('2025-06-10T03:00:00.000Z');
    await aSmallMinistry(t);
    await aPeriod(t);
    const run = await runTick(t.deps, new Date('2025-06-10T03:00:00.000Z'), { origin: TEST_ORIGIN });
    // The drafting window and the first quarter's: opened and closed unseen, nothing sent.
    expect(run).toMatchObject({ windowsOpened: 2, windowsClosed: 2, notifications: 0 });
    expect((await allItems(t)).filter((i) => i.entity === 'OutboxItem')).toEqual([]);
  });
});
