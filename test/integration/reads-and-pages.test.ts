import { beforeAll, describe, expect, it } from 'vitest';
import { aNip, anEmployee, aPosition, aSmallMinistry, aUnit } from '../fixtures/org.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('reads: one DynamoDB call per page, search, sort and pagination', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let bagian: { id: string };
  const names = [
    'Ayu Lestari',
    'Bambang Sutrisno',
    'Citra Dewi',
    'Dedi Kurniawan',
    'Eka Putri',
    'Fajar Nugraha',
    'Gita Anjani',
  ];
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
    bagian = await aUnit(t, { kode: 'DAA.SDM.PIK', level: 'ESELON_III', parentId: org.biro.id });
    const pos = await aPosition(t, bagian.id, {
      nama: 'Pranata Komputer Ahli Pertama',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
    });
    for (const nama of names) await anEmployee(t, { unitId: bagian.id, positionId: pos.id, nama });
  });

  it('the whole unit tree is one Query', async () => {
    const { result, calls, byCommand } = await t.countCalls(() => t.call('GET', '/api/units'));
    expect(result.status).toBe(200);
    expect(result.body.total).toBe(4);
    expect(calls).toBe(1);
    expect(byCommand).toEqual({ QueryCommand: 1 });
    expect(result.body.roots[0].children[0].children[0].children[0].kode).toBe('DAA.SDM.PIK');
  });

  it.each([
    ['an employee profile', () => `/api/employees/${org.analis.id}`],
    ['a page of all employees', () => '/api/employees?limit=3'],
    ['a page sorted by NIP, descending', () => '/api/employees?limit=3&sort=nip&order=desc'],
    ['a name search', () => '/api/employees?q=citra'],
    ['a NIP prefix search', () => '/api/employees?q=1985'],
    ['a page of unit members', () => `/api/units/${bagian.id}/members?limit=2`],
    ['one unit', () => `/api/units/${bagian.id}`],
    ['the periods', () => '/api/periods'],
  ])('%s takes exactly one DynamoDB call', async (_name, path) => {
    const { result, calls } = await t.countCalls(() => t.call('GET', path()));
    expect(result.status).toBe(200);
    expect(calls).toBe(1);
  });

  it('reads an assessor chain in three calls: the profile, the org, the people it names', async () => {
    const chain = await t.countCalls(() => t.call('GET', `/api/employees/${org.analis.id}/penilai`));
    expect(chain.result.status).toBe(200);
    expect(chain.byCommand).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 1 });
    // "Who am I" reuses the profile it read for the chain.
    const me = await t.countCalls(async () => t.callAs(await t.tokenFor(org.analis.id), 'GET', '/api/me'));
    expect(me.result.body.penilai.penilai.id).toBe(org.kepalaBiro.id);
    expect(me.calls).toBe(3);
  });

  it('pages through unit members in name order without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const res = await t.call('GET', `/api/units/${bagian.id}/members?limit=3${query}`);
      seen.push(...res.body.items.map((e: { nama: string }) => e.nama));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(names);
  });

  it('refuses a page cursor reused with another search as a bad request, not a server error', async () => {
    const page = await t.call('GET', '/api/employees?limit=2');
    const reused = await t.call('GET', `/api/employees?q=Z&cursor=${page.body.nextCursor}`);
    expect([reused.status, reused.body.code]).toEqual([400, 'request.invalid']);
    expect(reused.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('sorts descending by name and finds people by name prefix, case-insensitively', async () => {
    const desc = await t.call('GET', `/api/units/${bagian.id}/members?order=desc`);
    expect(desc.body.items[0].nama).toBe('Gita Anjani');
    const found = await t.call('GET', '/api/employees?q=DE');
    expect(found.body.items.map((e: { nama: string }) => e.nama)).toEqual([
      'Dedi Kurniawan',
      'Deputi Contoh',
    ]);
  });

  it('finds by NIP prefix, and lists people without NIP after everyone else when sorted by NIP', async () => {
    const nip = aNip();
    const pos = await aPosition(t, bagian.id, {
      nama: 'Analis Data',
      jenis: 'FUNGSIONAL',
      jenjang: 'AHLI_MUDA',
    });
    await anEmployee(t, { unitId: bagian.id, positionId: pos.id, nip, nama: 'Hadi Nip Unik' });
    const byNip = await t.call('GET', `/api/employees?q=${nip}`);
    expect(byNip.body.items.map((e: { nama: string }) => e.nama)).toEqual(['Hadi Nip Unik']);
    const all = await t.call('GET', '/api/employees?sort=nip&limit=100');
    expect(all.body.items.at(-1).nama).toBe('Menteri Contoh');
  });

  it('publishes an OpenAPI 3.1 document of every route', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/units',
        '/api/units/{id}/members',
        '/api/employees',
        '/api/employees/{id}/penilai',
        '/api/health',
      ]),
    );
    expect(doc.body.components.schemas.Problem).toBeDefined();
  });
});
