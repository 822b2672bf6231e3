import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployeesInChunks } from '../../functions/services/bulk-create.ts';
import { aNip, aSmallMinistry } from '../fixtures/org.ts';
import { allItems, createTestApp, type TestApp } from '../helpers/test-app.ts';

const header = 'nip,nama,status,pangkat_golongan,email,kode_unit,jabatan';
const csvCall = (t: TestApp, csv: string, dryRun: boolean) =>
  t.call('POST', `/api/employees/import?dryRun=${dryRun}`, csv, { 'content-type': 'text/csv' });

describe('CSV import of employees', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
  });

  const row = (i: number, overrides: Partial<Record<string, string>> = {}) => {
    const r = {
      nip: aNip(),
      nama: `Impor ${i}`,
      status: 'PNS',
      pangkat_golongan: 'Penata Muda / III-a',
      email: `impor${i}-${Date.now()}@piawai.test`,
      kode_unit: 'DAA.SDM',
      jabatan: 'Analis SDM Aparatur',
      ...overrides,
    };
    return [r.nip, r.nama, r.status, r.pangkat_golongan, r.email, r.kode_unit, r.jabatan].join(',');
  };

  it('a dry run reports each bad row and field, and writes nothing', async () => {
    const before = (await allItems(t)).length;
    const csv = [
      header,
      row(1),
      row(2, { nip: '198513452010121001' }),
      row(3, { kode_unit: 'TIDAK.ADA' }),
      row(4, { email: 'bukan-email' }),
      row(5, { nip: org.analis.nip as string }),
      row(6, { jabatan: 'Kepala Biro SDM' }),
    ].join('\n');
    const res = await csvCall(t, csv, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, total: 6, valid: 1 });
    const fieldsByRow = Object.fromEntries(
      res.body.rows.map((r: { row: number; errors: { field: string }[] }) => [
        r.row,
        r.errors.map((e) => e.field),
      ]),
    );
    expect(fieldsByRow).toEqual({
      2: [],
      3: ['nip'],
      4: ['kode_unit'],
      5: ['email'],
      6: ['nip'],
      7: ['jabatan'],
    });
    expect((await allItems(t)).length).toBe(before);
  });

  it('an apply with any bad row is refused whole (422) and writes nothing', async () => {
    const before = (await allItems(t)).length;
    const dup = row(7);
    const res = await csvCall(t, [header, row(8), dup, dup].join('\n'), false);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import.invalid_rows');
    expect(res.body.result.rows[2].errors[0].message).toMatch(/sama dengan baris 3/);
    expect((await allItems(t)).length).toBe(before);
  });

  it('an apply of 60 good rows writes them all, each audited on the import channel', async () => {
    const csv = [header, ...Array.from({ length: 60 }, (_, i) => row(100 + i))].join('\n');
    const res = await csvCall(t, csv, false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: true, total: 60, valid: 60 });
    const items = await allItems(t);
    const imported = items.filter((i) => i.entity === 'Employee' && String(i.nama).startsWith('Impor 1'));
    expect(imported).toHaveLength(60);
    const audits = items.filter((i) => i.entity === 'AuditEntry' && i.action === 'employee.imported');
    expect(audits).toHaveLength(60);
    expect(audits.every((a) => a.channel === 'import')).toBe(true);
  });

  it('refuses a file with the wrong columns', async () => {
    const res = await csvCall(t, 'nama,email\nA,a@b.c', true);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/Judul kolom/);
  });

  it('when a later chunk fails at write time, earlier chunks are removed again', async () => {
    const taken = org.analis.email;
    const people = Array.from({ length: 30 }, (_, i) => ({
      id: t.deps.newId(),
      input: {
        nip: aNip(),
        nama: `Gagal ${i}`,
        status: 'PNS' as const,
        pangkatGolongan: null,
        // The 30th row lands in the second transaction and collides with a stored email.
        email: i === 29 ? taken : `gagal${i}@piawai.test`,
        unitId: org.biro.id,
        positionId: org.analisPos.id,
      },
    }));
    const ctx = {
      actor: { id: 'test' },
      channel: 'import' as const,
      requestId: 'r-rollback',
      at: new Date().toISOString(),
    };
    await expect(
      createEmployeesInChunks(t.deps, people, ctx, { action: 'employee.imported' }),
    ).rejects.toMatchObject({
      code: 'import.conflict',
    });
    const items = await allItems(t);
    expect(items.filter((i) => i.entity === 'Employee' && String(i.nama).startsWith('Gagal'))).toHaveLength(
      0,
    );
    expect(items.filter((i) => i.entity === 'Unique' && String(i.pk).startsWith('EMAIL#gagal'))).toHaveLength(
      0,
    );
    expect(items.filter((i) => i.action === 'employee.import_rolled_back')).toHaveLength(24);
  });
});
