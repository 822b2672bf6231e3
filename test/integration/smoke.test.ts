import { beforeAll, describe, expect, it } from 'vitest';
import { aSmallMinistry } from '../fixtures/org.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('the assessor chain of a small ministry', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
  });

  it('gives a staff member the head of their bureau as penilai and the deputy as atasan', async () => {
    const res = await t.call('GET', `/api/employees/${org.analis.id}/penilai`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.penilai.id).toBe(org.kepalaBiro.id);
    expect(res.body.atasanPenilai.id).toBe(org.kepalaDeputi.id);
  });

  it('gives a deputy the Minister as penilai and as atasan', async () => {
    const res = await t.call('GET', `/api/employees/${org.kepalaDeputi.id}/penilai`);
    expect(res.body.penilai).toMatchObject({ id: org.menteri.id, nip: null, sumber: 'struktur' });
    expect(res.body.atasanPenilai.id).toBe(org.menteri.id);
  });
});
