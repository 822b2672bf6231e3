import { beforeAll, describe, expect, it } from 'vitest';
import { anEmployee, aPosition, aSmallMinistry } from '../fixtures/org.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('org changes keep the assessor chain right', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp('2025-03-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
  });

  const chainOf = async (id: string) => (await t.call('GET', `/api/employees/${id}/penilai`)).body;

  it('a Plh acts as penilai during their dates only, on behalf of the definitive head', async () => {
    const plh = await anEmployee(t, {
      unitId: org.biro.id,
      positionId: org.analisPos.id,
      nama: 'Plh Contoh',
    });
    const res = await t.call('POST', '/api/acting-assignments', {
      employeeId: plh.id,
      unitId: org.biro.id,
      jenis: 'PLH',
      mulai: '2025-03-10',
      selesai: '2025-03-12',
    });
    expect(res.status).toBe(201);
    const during = await chainOf(org.analis.id);
    expect(during.penilai).toMatchObject({ id: plh.id, sumber: 'plh', atasNama: org.kepalaBiro.id });
    // 2025-03-12 17:00 UTC is already 13 March in Jakarta.
    t.setNow('2025-03-12T17:00:00.000Z');
    expect((await chainOf(org.analis.id)).penilai.id).toBe(org.kepalaBiro.id);
    t.setNow('2025-03-10T03:00:00.000Z');
  });

  it('refuses an overlapping Plt/Plh for the same unit', async () => {
    const res = await t.call('POST', '/api/acting-assignments', {
      employeeId: org.kepalaDeputi.id,
      unitId: org.biro.id,
      jenis: 'PLT',
      mulai: '2025-03-11',
      selesai: '2025-04-30',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('acting.invalid_dates');
  });

  it('HR can set another penilai; the atasan is then that person’s own superior', async () => {
    const current = (await t.call('GET', `/api/employees/${org.analis.id}`)).body;
    const res = await t.call('PATCH', `/api/employees/${org.analis.id}`, {
      version: current.version,
      penilaiOverrideId: org.kepalaDeputi.id,
    });
    expect(res.status).toBe(200);
    const chain = await chainOf(org.analis.id);
    expect(chain.penilai).toMatchObject({ id: org.kepalaDeputi.id, sumber: 'override' });
    expect(chain.atasanPenilai.id).toBe(org.menteri.id);
  });

  it('refuses making someone their own penilai, or naming someone who does not exist', async () => {
    const current = (await t.call('GET', `/api/employees/${org.analis.id}`)).body;
    const self = await t.call('PATCH', `/api/employees/${org.analis.id}`, {
      version: current.version,
      penilaiOverrideId: org.analis.id,
    });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].path).toBe('penilaiOverrideId');
    const ghost = await t.call('PATCH', `/api/employees/${org.analis.id}`, {
      version: current.version,
      atasanPenilaiOverrideId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    });
    expect(ghost.status).toBe(404);
    expect((await t.call('GET', `/api/employees/${org.analis.id}`)).body.version).toBe(current.version);
  });

  it('a head who moves to a staff post vacates the unit; staff then report to the unit above', async () => {
    t.setNow('2025-03-20T03:00:00.000Z'); // after the Plh above
    const staffPos = await aPosition(t, org.deputi.id, {
      nama: 'Analis Kebijakan Ahli Madya',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_MADYA',
    });
    const karo = (await t.call('GET', `/api/employees/${org.kepalaBiro.id}`)).body;
    const moved = await t.call('PATCH', `/api/employees/${org.kepalaBiro.id}`, {
      version: karo.version,
      unitId: org.deputi.id,
      positionId: staffPos.id,
    });
    expect(moved.status).toBe(200);
    expect((await t.call('GET', `/api/units/${org.biro.id}`)).body.kepalaId).toBeNull();
    const someone = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id });
    expect((await chainOf(someone.id)).penilai.id).toBe(org.kepalaDeputi.id);
    expect((await chainOf(org.kepalaBiro.id)).penilai.id).toBe(org.kepalaDeputi.id);
  });

  it('an unknown API path answers problem+json 404', async () => {
    const res = await t.call('GET', '/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route.not_found');
  });
});
