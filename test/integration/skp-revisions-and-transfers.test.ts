import { beforeAll, describe, expect, it } from 'vitest';
import { anEmployee, aPeriod, aPosition, aSmallMinistry } from '../fixtures/org.ts';
import { aFilledSkp, anApprovedSkp, anIki, submitAndApprove } from '../fixtures/skp.ts';
import { allItems, createTestApp, type TestApp } from '../helpers/test-app.ts';

type TreeNode = { id: string; kind: string; employeeId: string | null; children: TreeNode[] };
const find = (node: TreeNode, id: string): TreeNode | undefined =>
  node.id === id ? node : node.children.map((c) => find(c, id)).find(Boolean);

describe('the cascade through Key Results, revisions that replace a plan, and a transfer mid-year', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  let ikuId: string;
  let deputiSkp: { rhk: { id: string; iki: { id: string }[] }[] };
  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
    ikuId = (
      await t.call('POST', `/api/periods/${periodId}/iku`, {
        unitId: org.deputi.id,
        indikator: 'Indeks profesionalitas ASN',
        target: '80',
        satuan: 'indeks',
      })
    ).body.id;
    deputiSkp = await anApprovedSkp(
      t,
      periodId,
      org.kepalaDeputi,
      org.menteri,
      { kind: 'IKU', id: ikuId },
      true,
    );
  });

  const tree = async () =>
    (await t.call('GET', `/api/periods/${periodId}/iku/${ikuId}/tree`)).body as TreeNode;

  it('an RHK that supports a KR of the penilai hangs below that KR in the tree', async () => {
    const kr = deputiSkp.rhk[0]?.iki[0]?.id as string;
    const karo = await anApprovedSkp(
      t,
      periodId,
      org.kepalaBiro,
      org.kepalaDeputi,
      { kind: 'KR', id: kr },
      true,
    );
    const krNode = find(await tree(), kr);
    expect(krNode?.kind).toBe('KR');
    expect(krNode?.children.map((c) => [c.id, c.employeeId])).toEqual([[karo.rhk[0].id, org.kepalaBiro.id]]);
  });

  it('a KR of someone who is not your penilai is refused, naming the field', async () => {
    // The Deputi's KR is two levels above the analyst: the analyst's penilai is the Kepala Biro.
    const kr = deputiSkp.rhk[0]?.iki[0]?.id as string;
    const skp = await aFilledSkp(t, periodId, org.analis, { kind: 'KR', id: kr }, false);
    const res = await t.callAs(
      await t.tokenFor(org.analis.id),
      'POST',
      `/api/employees/${org.analis.id}/skp/${skp.id}/transitions`,
      {
        version: skp.version,
        action: 'ajukan',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'rhk.0.intervensi', message: expect.stringMatching(/pejabat penilai Anda/) },
    ]);
  });

  it('an approved revision replaces the plan in force: the old one is kept as DIGANTI and its stale node leaves the tree', async () => {
    const analyst = await anEmployee(t, {
      unitId: org.deputi.id,
      positionId: (
        await aPosition(t, org.deputi.id, {
          nama: 'Analis Kebijakan',
          jenis: 'FUNGSIONAL',
          jenjang: 'AHLI_MUDA',
        })
      ).id,
    });
    const deputiRhk = deputiSkp.rhk[0]?.id as string;
    const kr = deputiSkp.rhk[0]?.iki[0]?.id as string;
    const first = await anApprovedSkp(
      t,
      periodId,
      analyst,
      org.kepalaDeputi,
      { kind: 'RHK', id: deputiRhk },
      false,
    );
    const rhkId = first.rhk[0].id as string;
    expect(find(await tree(), deputiRhk)?.children.some((c) => c.id === rhkId)).toBe(true);

    const me = await t.tokenFor(analyst.id);
    const base = `/api/employees/${analyst.id}/skp`;
    const revision = await t.callAs(me, 'POST', `${base}/${first.id}/transitions`, {
      version: first.version,
      action: 'revisi',
    });
    expect(revision.status).toBe(200);
    expect(revision.body).toMatchObject({ revision: 2, status: 'DRAFT' });
    // Re-linked to the Deputi's KR instead of the whole RHK; the RHK keeps its id across revisions.
    const edited = await t.callAs(me, 'PATCH', `${base}/${revision.body.id}`, {
      version: revision.body.version,
      rhk: [
        {
          id: rhkId,
          jenis: 'UTAMA',
          deskripsi: 'Hasil kerja direvisi',
          intervensi: { kind: 'KR', id: kr },
          iki: [anIki(false)],
        },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // While the revision waits, the approved plan stays in force and in the tree.
    expect(find(await tree(), deputiRhk)?.children.some((c) => c.id === rhkId)).toBe(true);
    await submitAndApprove(t, edited.body, org.kepalaDeputi);

    const after = await tree();
    expect(find(after, deputiRhk)?.children.some((c) => c.id === rhkId)).toBe(false);
    expect(find(after, kr)?.children.some((c) => c.id === rhkId)).toBe(true);
    const versions = (await t.call('GET', base)).body.items;
    expect(versions.map((s: { revision: number; status: string }) => [s.revision, s.status]).sort()).toEqual([
      [1, 'DIGANTI'],
      [2, 'DISETUJUI'],
    ]);
    const board = (await t.call('GET', `/api/periods/${periodId}/board`)).body.units;
    expect(board.find((u: { unitId: string }) => u.unitId === org.deputi.id)?.counts).toMatchObject({
      DISETUJUI: 2,
      DIGANTI: 1,
      DRAFT: 0,
      DIAJUKAN: 0,
    });
    const audit = (await allItems(t)).filter(
      (i) => i.entity === 'AuditEntry' && i.action === 'skp.superseded',
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a cascade cycle (possible only through HR overrides), naming the field', async () => {
    const pos = await aPosition(t, org.biro.id, { nama: 'Pranata SDM', jenis: 'PELAKSANA' });
    const a = await anEmployee(t, { unitId: org.biro.id, positionId: pos.id });
    const b = await anEmployee(t, { unitId: org.biro.id, positionId: pos.id });
    // HR makes each the other's penilai; then each plan links to the other's RHK.
    for (const [who, penilai] of [
      [a, b],
      [b, a],
    ] as const) {
      const res = await t.call('PATCH', `/api/employees/${who.id}`, {
        version: who.version,
        penilaiOverrideId: penilai.id,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const planA = await aFilledSkp(t, periodId, a, null, false);
    const planB = await aFilledSkp(t, periodId, b, { kind: 'RHK', id: planA.rhk[0].id }, false);
    const relinked = await t.callAs(
      await t.tokenFor(a.id),
      'PATCH',
      `/api/employees/${a.id}/skp/${planA.id}`,
      {
        version: planA.version,
        rhk: [{ ...planA.rhk[0], intervensi: { kind: 'RHK', id: planB.rhk[0].id } }],
      },
    );
    expect(relinked.status, JSON.stringify(relinked.body)).toBe(200);
    const res = await t.callAs(
      await t.tokenFor(a.id),
      'POST',
      `/api/employees/${a.id}/skp/${planA.id}/transitions`,
      {
        version: relinked.body.version,
        action: 'ajukan',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'rhk.0.intervensi', message: expect.stringMatching(/lingkaran/) },
    ]);
  });

  it('a transfer closes the running SKP the day before, with its assessor, and drafts a new one for the new post', async () => {
    const mover = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id });
    const approved = await anApprovedSkp(
      t,
      periodId,
      mover,
      org.kepalaBiro,
      { kind: 'RHK', id: await karoRhk() },
      false,
    );
    const newPost = await aPosition(t, org.deputi.id, {
      nama: 'Analis Kebijakan Madya',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_MADYA',
    });
    const employee = (await t.call('GET', `/api/employees/${mover.id}`)).body;
    const moved = await t.call('PATCH', `/api/employees/${mover.id}`, {
      version: employee.version,
      unitId: org.deputi.id,
      positionId: newPost.id,
      tmtJabatan: '2025-07-01',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const skps = (await t.call('GET', `/api/employees/${mover.id}/skp`)).body.items as Array<
      Record<string, unknown>
    >;
    const old = skps.find((s) => s.id === approved.id);
    const fresh = skps.find((s) => s.id !== approved.id && s.ditutup === null && s.status === 'DRAFT');
    expect(old).toMatchObject({
      status: 'DISETUJUI',
      berlaku: { mulai: '2025-01-01', sampai: '2025-06-30' },
      ditutup: { per: '2025-07-01', karena: 'MUTASI' },
      header: { penilai: { id: org.kepalaBiro.id }, unitId: org.biro.id },
    });
    expect(fresh).toMatchObject({
      berlaku: { mulai: '2025-07-01', sampai: '2025-12-31' },
      header: {
        penilai: { id: org.kepalaDeputi.id },
        unitId: org.deputi.id,
        jabatan: 'Analis Kebijakan Madya',
      },
    });
    // One plan in force per part of the year: no second draft for the same period.
    const again = await t.call('POST', `/api/employees/${mover.id}/skp`, { periodId });
    expect(again.body.code).toBe('skp.exists');
    const actions = (await allItems(t))
      .filter(
        (i) => i.entity === 'AuditEntry' && typeof i.action === 'string' && i.action.endsWith('_on_transfer'),
      )
      .map((i) => i.action);
    expect(actions.sort()).toEqual(['skp.closed_on_transfer', 'skp.created_on_transfer']);
  });

  async function karoRhk(): Promise<string> {
    const list = (await t.call('GET', `/api/employees/${org.kepalaBiro.id}/skp`)).body;
    return (list.items as Array<{ status: string; rhk: { id: string }[] }>).find(
      (s) => s.status === 'DISETUJUI',
    )?.rhk[0]?.id as string;
  }
});

describe('what the planning screens ask for', () => {
  it('lists the penilai’s RHK and KR as intervensi targets, the unit’s IKU for its leader, and a penilai’s team', async () => {
    const t = await createTestApp('2025-01-10T03:00:00.000Z');
    const org = await aSmallMinistry(t);
    const periodId = await aPeriod(t);
    const iku = (
      await t.call('POST', `/api/periods/${periodId}/iku`, {
        unitId: org.deputi.id,
        indikator: 'Indeks layanan',
        target: '90',
        satuan: 'indeks',
      })
    ).body;
    const deputi = await anApprovedSkp(
      t,
      periodId,
      org.kepalaDeputi,
      org.menteri,
      { kind: 'IKU', id: iku.id },
      true,
    );
    const forLeader = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'GET',
      `/api/employees/${org.kepalaDeputi.id}/intervensi-targets?periodId=${periodId}`,
    );
    expect(forLeader.body.targets).toContainEqual(
      expect.objectContaining({ kind: 'IKU', id: iku.id, target: '90 indeks' }),
    );
    const forKaro = await t.callAs(
      await t.tokenFor(org.kepalaBiro.id),
      'GET',
      `/api/employees/${org.kepalaBiro.id}/intervensi-targets?periodId=${periodId}`,
    );
    expect(forKaro.body.penilai).toEqual({ id: org.kepalaDeputi.id, nama: 'Deputi Contoh' });
    expect(forKaro.body.targets.map((x: { kind: string; id: string }) => [x.kind, x.id])).toEqual([
      ['RHK', deputi.rhk[0].id],
      ['KR', deputi.rhk[0].iki[0].id],
    ]);
    const team = await t.callAs(
      await t.tokenFor(org.kepalaDeputi.id),
      'GET',
      `/api/me/team?periodId=${periodId}`,
    );
    expect(team.body.items.map((m: { employee: { id: string } }) => m.employee.id)).toEqual([
      org.kepalaBiro.id,
    ]);
    const karoTeam = await t.callAs(
      await t.tokenFor(org.kepalaBiro.id),
      'GET',
      `/api/me/team?periodId=${periodId}`,
    );
    expect(karoTeam.body.items).toEqual([
      { employee: expect.objectContaining({ id: org.analis.id }), skp: null },
    ]);
  });
});
