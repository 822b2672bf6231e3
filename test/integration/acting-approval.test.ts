import { beforeAll, describe, expect, it } from 'vitest';
import { anEmployee, aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('a Plh approves in their dates, recorded as acting on behalf of the definitive head', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let plh: { id: string };
  let periodId: string;
  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    plh = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id, nama: 'Plh Kepala Biro' });
    const acting = await t.call('POST', '/api/acting-assignments', {
      employeeId: plh.id,
      unitId: org.biro.id,
      jenis: 'PLH',
      mulai: '2025-01-08',
      selesai: '2025-01-20',
    });
    expect(acting.status).toBe(201);
    periodId = await aPeriod(t);
  });

  it('lands in the Plh’s queue, not the absent head’s, and the audit names both', async () => {
    const me = await t.tokenFor(org.analis.id);
    const base = `/api/employees/${org.analis.id}/skp`;
    const skp = (await t.callAs(me, 'POST', base, { periodId })).body;
    // An RHK tambahan needs no link, so the plan can go up without the level above being planned.
    await t.callAs(me, 'PATCH', `${base}/${skp.id}`, {
      version: 1,
      rhk: [
        {
          jenis: 'TAMBAHAN',
          deskripsi: 'Membantu penyusunan laporan',
          intervensi: null,
          iki: [{ deskripsi: 'Laporan', aspek: 'KUANTITAS', target: '1', satuan: 'dokumen' }],
        },
      ],
    });
    const submitted = await t.callAs(me, 'POST', `${base}/${skp.id}/transitions`, {
      version: 2,
      action: 'ajukan',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.header.penilai.id).toBe(plh.id);

    const plhToken = await t.tokenFor(plh.id);
    expect((await t.callAs(plhToken, 'GET', '/api/me/approvals')).body.items).toHaveLength(1);
    expect(
      (await t.callAs(await t.tokenFor(org.kepalaBiro.id), 'GET', '/api/me/approvals')).body.items,
    ).toHaveLength(0);

    const approved = await t.callAs(plhToken, 'POST', `${base}/${skp.id}/transitions`, {
      version: 3,
      action: 'setujui',
    });
    expect(approved.status).toBe(200);
    const stream = encodeURIComponent(`EMP#${org.analis.id}|SKP#${skp.id}`);
    const history = await t.call('GET', `/api/audit/stream?stream=${stream}`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'skp.setujui',
      actor: { id: plh.id, onBehalfOf: org.kepalaBiro.id },
    });
  });
});
