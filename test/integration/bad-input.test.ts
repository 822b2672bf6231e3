import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/audit/audit-entry.ts';
import { aNip, aSmallMinistry, aUnit } from '../fixtures/org.ts';
import { allItems, createTestApp, type TestApp } from '../helpers/test-app.ts';

const snapshot = (items: Record<string, unknown>[]) => items.map((i) => canonicalJson(i)).sort();

describe('bad input is refused with problem+json and writes nothing', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
  });

  const validEmployee = () => ({
    nip: aNip(),
    nama: 'Calon Pegawai',
    status: 'PNS',
    pangkatGolongan: null,
    email: `calon-${Date.now()}-${Math.random()}@piawai.test`,
    unitId: org.biro.id,
    positionId: org.analisPos.id,
  });

  const cases: [string, () => [string, string, unknown, Record<string, string>?], number, string][] = [
    [
      'malformed JSON',
      () => ['POST', '/api/employees', '{"nama": "x",', { 'content-type': 'application/json' }],
      400,
      'request.malformed_json',
    ],
    [
      'a body that is not JSON',
      () => ['POST', '/api/units', 'kode=X', { 'content-type': 'application/x-www-form-urlencoded' }],
      415,
      'request.unsupported_media_type',
    ],
    [
      'wrong types',
      () => ['POST', '/api/employees', { ...validEmployee(), nama: 42, status: 'PRESIDEN' }],
      400,
      'request.invalid',
    ],
    [
      'unknown fields',
      () => ['POST', '/api/employees', { ...validEmployee(), gaji: 1_000_000 }],
      400,
      'request.invalid',
    ],
    [
      'an oversize body',
      () => [
        'POST',
        '/api/units',
        { kode: 'BIG', nama: 'x'.repeat(70_000), level: 'ESELON_II', parentId: null },
      ],
      413,
      'request.too_large',
    ],
    [
      'a NIP with an impossible birth date',
      () => ['POST', '/api/employees', { ...validEmployee(), nip: '198513452010121001' }],
      422,
      'employee.nip_invalid',
    ],
    [
      'a NIP appointed as a child',
      () => ['POST', '/api/employees', { ...validEmployee(), nip: '200501012010121001' }],
      422,
      'employee.nip_invalid',
    ],
    [
      'a NIP with sex digit 3',
      () => ['POST', '/api/employees', { ...validEmployee(), nip: '198501012010123001' }],
      422,
      'employee.nip_invalid',
    ],
    [
      'a Minister with a NIP',
      () => ['POST', '/api/employees', { ...validEmployee(), status: 'PEJABAT_NEGARA' }],
      422,
      'employee.nip_invalid',
    ],
    [
      'a parent that does not exist',
      () => [
        'POST',
        '/api/units',
        { kode: 'ORPHAN', nama: 'Unit Yatim', level: 'ESELON_II', parentId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
      ],
      422,
      'unit.parent_not_found',
    ],
    [
      'a unit moved below its own child',
      () => ['PATCH', `/api/units/${org.deputi.id}`, { version: 2, parentId: org.biro.id }],
      422,
      'unit.cycle',
    ],
    [
      'a unit made its own parent',
      () => ['PATCH', `/api/units/${org.biro.id}`, { version: 2, parentId: org.biro.id }],
      422,
      'unit.cycle',
    ],
    [
      'a duplicate NIP',
      () => ['POST', '/api/employees', { ...validEmployee(), nip: org.analis.nip }],
      409,
      'employee.nip_taken',
    ],
    [
      'a duplicate email (other case)',
      () => ['POST', '/api/employees', { ...validEmployee(), email: org.analis.email.toUpperCase() }],
      409,
      'employee.email_taken',
    ],
    [
      'a position of another unit',
      () => ['POST', '/api/employees', { ...validEmployee(), unitId: org.deputi.id }],
      422,
      'position.not_found',
    ],
    [
      'a malformed id in the path',
      () => ['GET', '/api/employees/not-an-id', undefined],
      400,
      'request.invalid',
    ],
    [
      'a tampered page cursor',
      () => ['GET', '/api/employees?cursor=eyJmb28iOiJiYXIifQ', undefined],
      400,
      'request.invalid',
    ],
    ['a page size over 100', () => ['GET', '/api/employees?limit=500', undefined], 400, 'request.invalid'],
  ];

  // Units carry version 2 here: assigning their head bumped them once.
  it.each(cases)('%s', async (_name, build, status, code) => {
    const [method, path, body, headers] = build();
    const before = await allItems(t);
    const res = await t.call(method, path, body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code });
    expect(typeof res.body.detail).toBe('string');
    // Nothing written: not one item added, removed or changed (an in-place write would show here too).
    expect(snapshot(await allItems(t))).toEqual(snapshot(before));
  });

  it('lists every bad field, in Indonesian, beside its path', async () => {
    const res = await t.call('POST', '/api/employees', {
      nama: '',
      status: 'X',
      email: 'bukan-email',
      extra: 1,
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['nip', 'nama', 'status', 'email', 'unitId', 'positionId', 'extra']),
    );
    expect(res.body.errors.find((e: { path: string }) => e.path === 'extra').message).toBe(
      'Kolom ini tidak dikenal.',
    );
  });

  it('a second head for a unit is refused (a post has one holder)', async () => {
    const unit = await aUnit(t, { kode: 'SOLO', parentId: org.deputi.id });
    const pos = await t.call('POST', `/api/units/${unit.id}/positions`, {
      nama: 'Kepala Solo',
      jenis: 'JPT_PRATAMA',
    });
    const first = await t.call('POST', '/api/employees', {
      ...validEmployee(),
      unitId: unit.id,
      positionId: pos.body.id,
    });
    expect(first.status).toBe(201);
    const second = await t.call('POST', '/api/employees', {
      ...validEmployee(),
      unitId: unit.id,
      positionId: pos.body.id,
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('position.head_taken');
  });
});
