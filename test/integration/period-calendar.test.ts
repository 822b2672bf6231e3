import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('a period and its calendar', () => {
  let t: TestApp;
  let period: { id: string; version: number };
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.call('POST', '/api/periods', {
      tahun: 2025,
      nama: 'Periode Kinerja 2025',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
    });
    expect(res.status).toBe(201);
    period = res.body;
  });

  it('starts with the default calendar: drafting until the end of January, quarterly windows, 14 objection days', async () => {
    const res = await t.call('GET', `/api/periods/${period.id}`);
    expect(res.body.calendar.settings).toEqual({
      tahun: 2025,
      cadence: 'TRIWULANAN',
      hariPengisian: 10,
      hariKeberatan: 14,
    });
    expect(res.body.calendar.windows.map((w: { kind: string }) => w.kind)).toEqual([
      'PENYUSUNAN_SKP',
      'EVALUASI_PERIODIK',
      'EVALUASI_PERIODIK',
      'EVALUASI_PERIODIK',
      'EVALUASI_TAHUNAN',
    ]);
    expect(res.body.calendar.windows[0].tutup).toBe('2025-01-31');
  });

  it('regenerates the windows for a new cadence, with the reason in the audit trail', async () => {
    const res = await t.call('PUT', `/api/periods/${period.id}/calendar`, {
      version: 1,
      cadence: 'SEMESTERAN',
      alasan: 'Keputusan Biro SDM: evaluasi per semester',
    });
    expect(res.status).toBe(200);
    expect(res.body.calendar.windows.map((w: { nama: string }) => w.nama)).toEqual([
      'Penyusunan dan penetapan SKP 2025',
      'Evaluasi Semester I 2025',
      'Evaluasi tahunan (Akhir) 2025',
    ]);
    const stream = encodeURIComponent(`PERIOD|PERIOD#2025#${period.id}`);
    const history = await t.call('GET', `/api/audit/stream?stream=${stream}`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'period.calendar_changed',
      reason: 'Keputusan Biro SDM: evaluasi per semester',
    });
  });

  it('refuses overlapping or misordered windows, naming each, and changes nothing', async () => {
    const current = (await t.call('GET', `/api/periods/${period.id}`)).body;
    const windows = current.calendar.windows.map((w: Record<string, string>, i: number) =>
      i === 2
        ? { ...w, periodeMulai: '2025-03-01' }
        : i === 1
          ? { ...w, tutup: '2025-06-01', batasPengisian: '2025-06-10' }
          : w,
    );
    const res = await t.call('PUT', `/api/periods/${period.id}/calendar`, {
      version: current.version,
      windows,
      alasan: 'Uji coba',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('period.invalid_calendar');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['windows.1.tutup', 'windows.1.batasPengisian', 'windows.2.buka']),
    );
    expect((await t.call('GET', `/api/periods/${period.id}`)).body.version).toBe(current.version);
  });

  it('needs a reason and the current version', async () => {
    const noReason = await t.call('PUT', `/api/periods/${period.id}/calendar`, { version: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toContain('alasan');
    const stale = await t.call('PUT', `/api/periods/${period.id}/calendar`, {
      version: 1,
      alasan: 'Versi lama',
    });
    expect(stale.status).toBe(409);
  });
});
