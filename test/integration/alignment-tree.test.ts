import { beforeAll, describe, expect, it } from 'vitest';
import { aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { anApprovedSkp } from '../fixtures/skp.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the committed cascade: from one IKU three levels down', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  let ikuId: string;
  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
    const iku = await t.call('POST', `/api/periods/${periodId}/iku`, {
      unitId: org.deputi.id,
      indikator: 'Persentase layanan administrasi aparatur yang diselesaikan tepat waktu',
      target: '95',
      satuan: 'persen',
    });
    expect(iku.status).toBe(201);
    ikuId = iku.body.id;
  });

  async function approvedPlan(
    person: { id: string },
    approver: { id: string },
    link: { kind: string; id: string },
    jpt: boolean,
  ) {
    const approved = await anApprovedSkp(t, periodId, person, approver, link, jpt);
    expect(approved.rhk[0].path, JSON.stringify(approved.rhk)).toBeTruthy();
    return approved.rhk[0].id as string;
  }

  it('shows the IKU, the deputy, the bureau head and the analyst nested, in two DynamoDB calls', async () => {
    const deputiRhk = await approvedPlan(org.kepalaDeputi, org.menteri, { kind: 'IKU', id: ikuId }, true);
    const karoRhk = await approvedPlan(
      org.kepalaBiro,
      org.kepalaDeputi,
      { kind: 'RHK', id: deputiRhk },
      true,
    );
    const analisRhk = await approvedPlan(org.analis, org.kepalaBiro, { kind: 'RHK', id: karoRhk }, false);

    const { result, calls } = await t.countCalls(() =>
      t.callAs(null, 'GET', `/api/periods/${periodId}/iku/${ikuId}/tree`, undefined, {
        authorization: `Bearer ${t.adminToken}`,
      }),
    );
    expect(result.status).toBe(200);
    // One Query finds the IKU, one Query reads the whole subtree (a prefix of materialized paths).
    expect(calls).toBe(2);
    const tree = result.body;
    expect(tree).toMatchObject({ id: ikuId, kind: 'IKU' });
    type Node = { kind: string; id: string; children: Node[]; target: string | null };
    const rhkBelow = (n: Node) => n.children.find((c) => c.kind === 'RHK') as Node & { employeeId: string };
    const level1 = rhkBelow(tree);
    const level2 = rhkBelow(level1);
    const level3 = rhkBelow(level2);
    // Each approved RHK carries its IKI as Key Results a subordinate may support instead.
    expect(level1.children.filter((c) => c.kind === 'KR').map((c) => c.target)).toEqual(['95 persen']);
    expect([level1.id, level2.id, level3.id]).toEqual([deputiRhk, karoRhk, analisRhk]);
    expect([level1.employeeId, level2.employeeId, level3.employeeId]).toEqual([
      org.kepalaDeputi.id,
      org.kepalaBiro.id,
      org.analis.id,
    ]);
  });

  it('answers 404 for an IKU that is not in the period', async () => {
    const res = await t.call('GET', `/api/periods/${periodId}/iku/01HZZZZZZZZZZZZZZZZZZZZZZZ/tree`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('iku.not_found');
  });
});
