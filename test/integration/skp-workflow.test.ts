import { beforeAll, describe, expect, it } from 'vitest';
import { anEmployee, aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { allItems, createTestApp, TEST_ADMIN_ID, type TestApp } from '../helpers/test-app.ts';

describe('SKP: draft, submit to the penilai, approve or return — raced, queued and counted', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  let tokens: { analis: string; karo: string; deputi: string };
  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
    tokens = {
      analis: await t.tokenFor(org.analis.id),
      karo: await t.tokenFor(org.kepalaBiro.id),
      deputi: await t.tokenFor(org.kepalaDeputi.id),
    };
  });

  const plan = (intervensi: { kind: string; id: string } | null) => [
    {
      jenis: 'UTAMA',
      deskripsi: 'Tersusunnya laporan kinerja SDM',
      intervensi,
      iki: [{ deskripsi: 'Jumlah laporan', aspek: 'KUANTITAS', target: '4', satuan: 'dokumen' }],
    },
  ];

  /** The Kepala Biro's approved SKP, whose RHK the analyst's RHK supports. */
  async function karoRhkId(): Promise<string> {
    const skp = (await t.callAs(tokens.karo, 'POST', `/api/employees/${org.kepalaBiro.id}/skp`, { periodId }))
      .body;
    const edited = await t.callAs(tokens.karo, 'PATCH', `/api/employees/${org.kepalaBiro.id}/skp/${skp.id}`, {
      version: skp.version,
      rhk: [
        {
          jenis: 'TAMBAHAN',
          deskripsi: 'Terkelolanya kinerja pegawai',
          intervensi: null,
          iki: [{ deskripsi: 'Indeks', perspektif: 'PROSES_BISNIS', target: '90', satuan: 'persen' }],
        },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    return edited.body.rhk[0].id;
  }

  it('runs the whole flow: the penilai sees it in their queue, approves, and the board counts it', async () => {
    const rhkKaro = await karoRhkId();
    const created = await t.callAs(tokens.analis, 'POST', `/api/employees/${org.analis.id}/skp`, {
      periodId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'DRAFT',
      format: 'JAJF',
      header: { penilai: { id: org.kepalaBiro.id }, atasanPenilai: { id: org.kepalaDeputi.id } },
    });
    const url = `/api/employees/${org.analis.id}/skp/${created.body.id}`;
    const edited = await t.callAs(tokens.analis, 'PATCH', url, {
      version: 1,
      rhk: plan({ kind: 'RHK', id: rhkKaro }),
    });
    expect(edited.status).toBe(200);
    const submitted = await t.callAs(tokens.analis, 'POST', `${url}/transitions`, {
      version: 2,
      action: 'ajukan',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('DIAJUKAN');

    const queue = await t.countCalls(() => t.callAs(tokens.karo, 'GET', '/api/me/approvals'));
    expect(queue.result.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    expect(queue.calls).toBe(1);

    const approved = await t.callAs(tokens.karo, 'POST', `${url}/transitions`, {
      version: 3,
      action: 'setujui',
    });
    expect(approved.body).toMatchObject({ status: 'DISETUJUI', decidedBy: org.kepalaBiro.id });
    expect((await t.callAs(tokens.karo, 'GET', '/api/me/approvals')).body.items).toEqual([]);

    const board = await t.countCalls(() => t.call('GET', `/api/periods/${periodId}/board`));
    expect(board.calls).toBe(1);
    const biro = board.result.body.units.find((u: { unitId: string }) => u.unitId === org.biro.id);
    expect(biro.counts).toMatchObject({ DISETUJUI: 1, DIAJUKAN: 0, DRAFT: 1 });
  });

  it('refuses to submit an RHK utama without intervensi, or linked past the penilai, naming the field', async () => {
    const other = (
      await t.callAs(tokens.deputi, 'POST', `/api/employees/${org.kepalaDeputi.id}/skp`, { periodId })
    ).body;
    const url = `/api/employees/${org.kepalaDeputi.id}/skp/${other.id}`;
    const jpt = (intervensi: { kind: string; id: string } | null) =>
      plan(intervensi).map((r) => ({
        ...r,
        iki: r.iki.map((i) => ({ ...i, aspek: null, perspektif: 'PENERIMA_LAYANAN' })),
      }));
    await t.callAs(tokens.deputi, 'PATCH', url, { version: 1, rhk: jpt(null) });
    const missing = await t.callAs(tokens.deputi, 'POST', `${url}/transitions`, {
      version: 2,
      action: 'ajukan',
    });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      code: 'skp.invalid_content',
      errors: [{ path: 'rhk.0.intervensi', message: expect.stringMatching(/wajib/) }],
    });
    // The Kepala Biro is the deputy's subordinate, not their penilai (the Minister is).
    const karoSkp = (await t.callAs(tokens.karo, 'GET', `/api/employees/${org.kepalaBiro.id}/skp`)).body
      .items[0];
    await t.callAs(tokens.deputi, 'PATCH', url, {
      version: 2,
      rhk: jpt({ kind: 'RHK', id: karoSkp.rhk[0].id }),
    });
    const wrong = await t.callAs(tokens.deputi, 'POST', `${url}/transitions`, {
      version: 3,
      action: 'ajukan',
    });
    expect(wrong.body.errors).toEqual([
      { path: 'rhk.0.intervensi', message: expect.stringMatching(/pejabat penilai Anda/) },
    ]);
    expect((await t.callAs(tokens.deputi, 'GET', url)).body.status).toBe('DRAFT');
  });

  it('a return needs a note; the employee can edit and resubmit', async () => {
    const list = (await t.callAs(tokens.analis, 'GET', `/api/employees/${org.analis.id}/skp`)).body.items;
    const skp = list[0];
    const url = `/api/employees/${org.analis.id}/skp/${skp.id}`;
    const revision = await t.callAs(tokens.analis, 'POST', `${url}/transitions`, {
      version: skp.version,
      action: 'revisi',
    });
    expect(revision.body).toMatchObject({ status: 'DRAFT', revision: 2 });
    const revUrl = `/api/employees/${org.analis.id}/skp/${revision.body.id}`;
    await t.callAs(tokens.analis, 'POST', `${revUrl}/transitions`, { version: 1, action: 'ajukan' });
    const noNote = await t.callAs(tokens.karo, 'POST', `${revUrl}/transitions`, {
      version: 2,
      action: 'kembalikan',
    });
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors[0].path).toBe('catatan');
    const returned = await t.callAs(tokens.karo, 'POST', `${revUrl}/transitions`, {
      version: 2,
      action: 'kembalikan',
      catatan: 'Target terlalu rendah',
    });
    expect(returned.body).toMatchObject({
      status: 'DIKEMBALIKAN',
      catatanPengembalian: 'Target terlalu rendah',
    });
    expect((await t.callAs(tokens.analis, 'GET', url)).body.status).toBe('DISETUJUI');
    const notMine = await t.callAs(tokens.analis, 'POST', `${revUrl}/transitions`, {
      version: 3,
      action: 'setujui',
    });
    expect(notMine.status).toBe(409);
  });

  it('approve racing an edit of the same version: exactly one wins, the other gets 409 and nothing is lost', async () => {
    const url = (id: string) => `/api/employees/${org.analis.id}/skp/${id}`;
    const list = (await t.callAs(tokens.analis, 'GET', `/api/employees/${org.analis.id}/skp`)).body.items;
    const returned = list.find((s: { status: string }) => s.status === 'DIKEMBALIKAN');
    const resubmitted = await t.callAs(tokens.analis, 'POST', `${url(returned.id)}/transitions`, {
      version: returned.version,
      action: 'ajukan',
    });
    const version = resubmitted.body.version;
    const before = await allItems(t);
    const [approve, withdraw] = await Promise.all([
      t.callAs(tokens.karo, 'POST', `${url(returned.id)}/transitions`, { version, action: 'setujui' }),
      t.callAs(tokens.analis, 'POST', `${url(returned.id)}/transitions`, { version, action: 'tarik' }),
    ]);
    expect([approve.status, withdraw.status].sort()).toEqual([200, 409]);
    const final = (await t.callAs(tokens.analis, 'GET', url(returned.id))).body;
    expect(final.version).toBe(version + 1);
    expect(final.status).toBe(approve.status === 200 ? 'DISETUJUI' : 'DRAFT');
    const audits = (await allItems(t)).length - before.length;
    expect(audits).toBe(1);
  });

  it('refuses submitting after the drafting window closed (HR may still do it)', async () => {
    t.setNow('2025-02-05T03:00:00.000Z');
    const staff = await t.call('POST', `/api/employees/${org.kepalaDeputi.id}/skp`, { periodId });
    expect(staff.status).toBe(409);
    const list = (await t.callAs(tokens.deputi, 'GET', `/api/employees/${org.kepalaDeputi.id}/skp`)).body
      .items;
    const draft = list[0];
    const res = await t.callAs(
      tokens.deputi,
      'POST',
      `/api/employees/${org.kepalaDeputi.id}/skp/${draft.id}/transitions`,
      {
        version: draft.version,
        action: 'ajukan',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('skp.window_closed');
    // HR extends the window for this one person, with a reason; then the same submission goes through.
    const extension = await t.call('PUT', `/api/employees/${org.kepalaDeputi.id}/skp-extension`, {
      periodId,
      sampai: '2025-02-10',
      alasan: 'Cuti sakit selama masa penyusunan',
    });
    expect(extension.status).toBe(200);
    const again = await t.callAs(
      tokens.deputi,
      'POST',
      `/api/employees/${org.kepalaDeputi.id}/skp/${draft.id}/transitions`,
      {
        version: draft.version,
        action: 'ajukan',
      },
    );
    expect(again.body.code).not.toBe('skp.window_closed');
    t.setNow('2025-02-11T03:00:00.000Z');
    const late = await t.callAs(
      tokens.deputi,
      'POST',
      `/api/employees/${org.kepalaDeputi.id}/skp/${draft.id}/transitions`,
      {
        version: draft.version,
        action: 'ajukan',
      },
    );
    expect(late.body.code).toBe('skp.window_closed');
    t.setNow('2025-01-10T03:00:00.000Z');
  });

  it('HR drafts and sets the SKP of someone who missed the deadline, audited as HR', async () => {
    t.setNow('2025-03-03T03:00:00.000Z');
    const late = await anEmployee(t, { unitId: org.biro.id, positionId: org.analisPos.id });
    const base = `/api/employees/${late.id}/skp`;
    const created = await t.call('POST', base, { periodId });
    expect(created.status).toBe(201);
    const filled = await t.call('PATCH', `${base}/${created.body.id}`, {
      version: 1,
      rhk: plan(null).map((r) => ({ ...r, jenis: 'TAMBAHAN' })),
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    // The employee themself could no longer submit; HR submits and sets it.
    const own = await t.callAs(await t.tokenFor(late.id), 'POST', `${base}/${created.body.id}/transitions`, {
      version: filled.body.version,
      action: 'ajukan',
    });
    expect(own.body.code).toBe('skp.window_closed');
    const submitted = await t.call('POST', `${base}/${created.body.id}/transitions`, {
      version: filled.body.version,
      action: 'ajukan',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const set = await t.call('POST', `${base}/${created.body.id}/transitions`, {
      version: submitted.body.version,
      action: 'setujui',
    });
    expect(set.status).toBe(200);
    expect(set.body.status).toBe('DISETUJUI');
    const audit = (await allItems(t)).filter(
      (i) =>
        i.entity === 'AuditEntry' &&
        i.action === 'skp.setujui' &&
        (i.stream as string).includes(created.body.id),
    );
    expect(audit.map((a) => (a.actor as { id: string }).id)).toEqual([TEST_ADMIN_ID]);
    t.setNow('2025-01-10T03:00:00.000Z');
  });
});
