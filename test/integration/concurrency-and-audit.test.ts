import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/db/keys.ts';
import { aSmallMinistry } from '../fixtures/org.ts';
import { createTestApp, TEST_ADMIN_ID, type TestApp } from '../helpers/test-app.ts';

describe('concurrent edits and the audit trail', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
  });

  it('two concurrent updates with the same version: exactly one wins, the other gets 409', async () => {
    const results = await Promise.all(
      ['Nama Pertama', 'Nama Kedua'].map((nama) =>
        t.call('PATCH', `/api/employees/${org.analis.id}`, { version: 1, nama }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.code).toBe('concurrency.version_conflict');
    const winner = results.find((r) => r.status === 200);
    const stored = await t.call('GET', `/api/employees/${org.analis.id}`);
    expect(stored.body).toMatchObject({ nama: winner?.body.nama, version: 2 });
  });

  it('ten concurrent updates of one version: one change, one audit entry', async () => {
    const current = (await t.call('GET', `/api/employees/${org.kepalaBiro.id}`)).body;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call('PATCH', `/api/employees/${org.kepalaBiro.id}`, {
          version: current.version,
          pangkatGolongan: `Gol ${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const stream = keys.auditStream(keys.employee(org.kepalaBiro.id));
    const history = await t.call('GET', `/api/audit/stream?stream=${encodeURIComponent(stream)}`);
    expect(history.body.items.map((e: { version: number }) => e.version)).toEqual([1, 2]);
  });

  it('each change is audited with actor, channel, request id and field before/after', async () => {
    const res = await t.call(
      'PATCH',
      `/api/employees/${org.kepalaDeputi.id}`,
      { version: 1, pangkatGolongan: 'Pembina Utama / IV-e' },
      { 'x-request-id': 'req-audit-0001' },
    );
    expect(res.status).toBe(200);
    const stream = keys.auditStream(keys.employee(org.kepalaDeputi.id));
    const history = await t.call('GET', `/api/audit/stream?stream=${encodeURIComponent(stream)}`);
    const last = history.body.items.at(-1);
    expect(last).toMatchObject({
      version: 2,
      action: 'employee.updated',
      channel: 'api',
      requestId: 'req-audit-0001',
      actor: { id: TEST_ADMIN_ID },
      changes: [{ field: 'pangkatGolongan', before: 'Penata / III-c', after: 'Pembina Utama / IV-e' }],
    });
    expect(last.prevHash).toBe(history.body.items[0].hash);
  });

  it('verifies an intact stream, and names the first broken link after tampering', async () => {
    const stream = keys.auditStream(keys.employee(org.kepalaDeputi.id));
    const intact = await t.call('GET', `/api/audit/verify?stream=${encodeURIComponent(stream)}`);
    expect(intact.body).toMatchObject({ ok: true, entries: 2, brokenAtVersion: null });

    const history = await t.call('GET', `/api/audit/stream?stream=${encodeURIComponent(stream)}`);
    const first = history.body.items[0];
    // Someone with table access rewrites history directly, bypassing the application.
    await t.deps.db.doc.send(
      new PutCommand({
        TableName: t.deps.db.tableName,
        Item: { ...first, ...keys.auditEntry(stream, 1), entity: 'AuditEntry', action: 'employee.deleted' },
      }),
    );
    const broken = await t.call('GET', `/api/audit/verify?stream=${encodeURIComponent(stream)}`);
    expect(broken.body).toMatchObject({ ok: false, brokenAtVersion: 1, reason: 'hash_mismatch' });
  });

  it('a move that would close a cycle loses against a concurrent crossing move', async () => {
    const a = (
      await t.call('POST', '/api/units', { kode: 'A', nama: 'Unit A', level: 'ESELON_II', parentId: null })
    ).body;
    const b = (
      await t.call('POST', '/api/units', { kode: 'B', nama: 'Unit B', level: 'ESELON_II', parentId: null })
    ).body;
    const results = await Promise.all([
      t.call('PATCH', `/api/units/${a.id}`, { version: 1, parentId: b.id }),
      t.call('PATCH', `/api/units/${b.id}`, { version: 1, parentId: a.id }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const tree = await t.call('GET', '/api/units');
    const flat = JSON.stringify(tree.body);
    expect(flat).toContain('"kode":"A"');
    expect(flat).toContain('"kode":"B"');
  });
});
