import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportRepo } from '../../functions/db/repos/export-repo.ts';
import { sha256 } from '../../functions/db/transact.ts';
import { localFileStore } from '../../functions/files/file-store.ts';
import { runDueExports } from '../../functions/jobs/export-job.ts';
import { runTick } from '../../functions/jobs/tick.ts';
import { anEmployee, aPeriod, aSmallMinistry } from '../fixtures/org.ts';
import { aLeadershipCascade, anApprovedSkp } from '../fixtures/skp.ts';
import { allItems, createTestApp, TEST_ORIGIN, type TestApp } from '../helpers/test-app.ts';

const TW1 = 'EVALUASI_PERIODIK-2025-01-01';
const textOf = async (pdf: Uint8Array) =>
  (await extractText(await getDocumentProxy(pdf), { mergePages: true })).text;

describe('exports, official documents, verification and reports', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  let periodId: string;
  let staf: { id: string; nama: string };
  let analisSkpId = '';

  beforeAll(async () => {
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    t.deps.exports.files = localFileStore(mkdtempSync(join(tmpdir(), 'piawai-exports-')));
    org = await aSmallMinistry(t);
    periodId = await aPeriod(t);
    // A name that would be a formula in a spreadsheet if it were not neutralised.
    staf = await anEmployee(t, {
      unitId: org.biro.id,
      positionId: org.analisPos.id,
      nama: '=HYPERLINK("http://x","y")',
    });
    const { karo } = await aLeadershipCascade(t, periodId, org);
    const analis = await anApprovedSkp(
      t,
      periodId,
      org.analis,
      org.kepalaBiro,
      { kind: 'RHK', id: karo.rhk[0].id },
      false,
    );
    analisSkpId = analis.id;
    // The window opens on 27 March; the analyst enters realisasi and is rated, the other staff member is not.
    t.setNow('2025-04-05T03:00:00.000Z');
    await runTick(t.deps, new Date('2025-04-05T03:00:00.000Z'), { origin: TEST_ORIGIN });
    const path = `/api/employees/${org.analis.id}/evaluations/${periodId}/${TW1}`;
    const saved = await t.callAs(await t.tokenFor(org.analis.id), 'PUT', `${path}/realisasi`, {
      realisasi: [
        {
          rhkId: analis.rhk[0].id,
          ikiId: analis.rhk[0].iki[0].id,
          realisasi: 'Empat laporan terbit',
          buktiDukung: [],
          capaian: 100,
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const rated = await t.callAs(await t.tokenFor(org.kepalaBiro.id), 'PUT', `${path}/penilaian`, {
      version: saved.body.version,
      umpanBalik: { rhk: { [analis.rhk[0].id]: 'Laporan rapi dan tepat waktu' }, perilaku: {} },
      ratingHasil: 'DI_ATAS',
      ratingPerilaku: 'SESUAI',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  });

  const waitDone = async (id: string, token?: string) => {
    await runDueExports(t.deps);
    const res = token
      ? await t.callAs(token, 'GET', `/api/exports/${id}`)
      : await t.call('GET', `/api/exports/${id}`);
    return res.body;
  };
  /** The file's bytes, as a browser downloads them (the test helper reads bodies as text). */
  const download = async (id: string, token = t.adminToken) => {
    const res = await t.app.request(`/api/exports/${id}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('exports employees as CSV: UTF-8 with BOM, every person once, the formula-like name inert', async () => {
    const job = await t.call('POST', '/api/exports', { dataset: 'PEGAWAI', format: 'CSV' });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    expect(job.body).toMatchObject({
      status: 'MENUNGGU',
      progress: { selesai: 0 },
      createdAt: expect.any(String),
    });
    // What the runner keeps for itself (claims, the origin, who asked) is not part of the answer.
    expect(Object.keys(job.body)).not.toContain('params');
    expect(Object.keys(job.body)).not.toContain('claimId');
    // Not ready yet: the runner has not started.
    expect((await t.call('GET', `/api/exports/${job.body.id}/file`)).body.code).toBe('export.not_ready');
    const done = await waitDone(job.body.id);
    expect(done).toMatchObject({ status: 'SELESAI', fileName: expect.stringMatching(/\.csv$/) });
    expect(done.progress.selesai).toBe(done.progress.total);
    const file = await download(job.body.id);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const { bytes } = file;
    expect(sha256(bytes)).toBe(done.sha256);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(bytes.subarray(3));
    expect(rows[0]?.slice(0, 2)).toEqual(['NIP', 'Nama']);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toContain(`'=HYPERLINK("http://x","y")`);
    expect(names.filter((n) => n === org.analis.nama)).toHaveLength(1);
  });

  it('exports evaluations as XLSX with the ratings and predikat, no formula cell anywhere', async () => {
    const job = await t.call('POST', '/api/exports', {
      dataset: 'EVALUASI',
      format: 'XLSX',
      periodId,
      windowKey: TW1,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    expect((await waitDone(job.body.id)).status).toBe('SELESAI');
    const file = await download(job.body.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const analis = values.find((r) => r.includes(org.analis.nama));
    expect(analis).toEqual(expect.arrayContaining(['Di Atas Ekspektasi', 'Sesuai Ekspektasi', 'DINILAI']));
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it('refuses what does not fit: PDF for a table, a period missing, an unknown unit — each with its field', async () => {
    const cases = [
      [{ dataset: 'PEGAWAI', format: 'PDF' }, 'format'],
      [{ dataset: 'SKP', format: 'CSV' }, 'periodId'],
      [{ dataset: 'EVALUASI', format: 'CSV', periodId }, 'windowKey'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/exports', body);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe(field);
    }
    const before = (await allItems(t)).filter((i) => i.entity === 'ExportJob').length;
    expect(
      (
        await t.call('POST', '/api/exports', {
          dataset: 'SKP',
          format: 'CSV',
          periodId,
          unitId: '01JD8X3T5Q6W7E8R9T0Y1A2V3W',
        })
      ).status,
    ).toBe(404);
    expect((await allItems(t)).filter((i) => i.entity === 'ExportJob')).toHaveLength(before);
    // Staff are not HR: no exports of the whole ministry.
    expect(
      (
        await t.callAs(await t.tokenFor(org.analis.id), 'POST', '/api/exports', {
          dataset: 'PEGAWAI',
          format: 'CSV',
        })
      ).status,
    ).toBe(403);
  });

  it('the employee prints their SKP; the PDF carries the data; its QR page confirms hash, version and status', async () => {
    const me = await t.tokenFor(org.analis.id);
    const job = await t.callAs(me, 'POST', `/api/employees/${org.analis.id}/documents`, {
      dokumen: 'SKP',
      skpId: analisSkpId,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    const done = await waitDone(job.body.id, me);
    expect(done.status, done.error).toBe('SELESAI');
    const pdf = new Uint8Array((await download(job.body.id, me)).bytes);
    // pdf.js takes the buffer over: hash it first.
    const hash = sha256(pdf);
    const text = await textOf(pdf);
    for (const expected of [org.analis.nama, org.kepalaBiro.nama, 'Periode', `/verifikasi/#${job.body.id}`])
      expect(text).toContain(expected);
    // Someone else cannot see or download another person's job.
    expect((await download(job.body.id, await t.tokenFor(org.kepalaBiro.id))).status).toBe(404);

    const verified = await t.callAs(null, 'GET', `/api/documents/${job.body.id}/verification`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      dokumen: 'SKP',
      sha256: hash,
      statusSaatTerbit: 'DISETUJUI',
      berlaku: true,
    });
    expect(verified.body.pegawai.nip).toMatch(/\*/);
    const issued = (await allItems(t)).filter((i) => i.entity === 'IssuedDocument');
    expect(issued).toHaveLength(1);
    expect((await allItems(t)).filter((i) => String(i.pk).startsWith('AUDIT#DOC#'))).toHaveLength(1);
    expect(
      (await t.callAs(null, 'GET', '/api/documents/01JD8X3T5Q6W7E8R9T0Y1A2V3W/verification')).body.code,
    ).toBe('document.not_found');
  });

  it('prints the periodic evaluation form and the Dokumen Evaluasi with ratings and predikat', async () => {
    const me = await t.tokenFor(org.analis.id);
    for (const dokumen of ['EVALUASI_PERIODIK', 'DOKUMEN_EVALUASI'] as const) {
      const job = await t.callAs(me, 'POST', `/api/employees/${org.analis.id}/documents`, {
        dokumen,
        periodId,
        windowKey: TW1,
      });
      expect(job.status, JSON.stringify(job.body)).toBe(202);
      expect((await waitDone(job.body.id, me)).status).toBe('SELESAI');
      const text = await textOf(new Uint8Array((await download(job.body.id, me)).bytes));
      for (const expected of [
        org.analis.nama,
        'Di Atas Ekspektasi',
        'Sesuai Ekspektasi',
        'Baik',
        'Triwulan I',
      ])
        expect(text).toContain(expected);
    }
    // The penilai changes the rating after printing: the QR page says the data changed since.
    const path = `/api/employees/${org.analis.id}/evaluations/${periodId}/${TW1}`;
    const current = (await t.call('GET', path)).body;
    const rerated = await t.callAs(await t.tokenFor(org.kepalaBiro.id), 'PUT', `${path}/penilaian`, {
      version: current.version,
      ratingHasil: 'SESUAI',
      ratingPerilaku: 'SESUAI',
    });
    expect(rerated.status, JSON.stringify(rerated.body)).toBe(200);
    const issued = (await allItems(t)).filter(
      (i) => i.entity === 'IssuedDocument' && i.dokumen === 'DOKUMEN_EVALUASI',
    );
    const verified = (await t.callAs(null, 'GET', `/api/documents/${issued[0]?.id}/verification`)).body;
    expect(verified).toMatchObject({
      berlaku: false,
      versi: current.version,
      versiKini: current.version + 1,
    });
    expect(
      (
        await t.callAs(me, 'POST', `/api/employees/${org.analis.id}/documents`, {
          dokumen: 'DOKUMEN_EVALUASI',
          periodId,
          windowKey: 'EVALUASI_PERIODIK-2025-04-01',
        })
      ).body.code,
    ).toBe('evaluation.not_found');
  });

  it('a runner that died holding a job loses it when the lease runs out: the next run builds the file once', async () => {
    const job = await t.call('POST', '/api/exports', { dataset: 'SKP', format: 'CSV', periodId });
    const dead = await exportRepo.claim(
      t.deps.db,
      job.body.id,
      'runner-that-died',
      t.deps.clock.now(),
      10 * 60_000,
    );
    expect(dead?.status).toBe('BERJALAN');
    expect(await runDueExports(t.deps)).toMatchObject({ selesai: 0 });
    t.setNow(new Date(Date.parse(t.deps.clock.now().toISOString()) + 11 * 60_000).toISOString());
    expect(await runDueExports(t.deps)).toMatchObject({ selesai: 1 });
    expect((await t.call('GET', `/api/exports/${job.body.id}`)).body).toMatchObject({ status: 'SELESAI' });
    expect(await runDueExports(t.deps)).toMatchObject({ selesai: 0, dilewati: 0 });
  });

  it('reports who is late in a unit, the progress per day, and the distribution against the pattern', async () => {
    // After the input deadline of the first quarter (10 April) and the window's close.
    t.setNow('2025-04-20T03:00:00.000Z');
    const late = await t.call('GET', `/api/reports/units/${org.biro.id}/late?periodId=${periodId}`);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const byId = new Map(
      late.body.items.map((r: { employeeId: string; terlambat: { jenis: string }[] }) => [
        r.employeeId,
        r.terlambat.map((x) => x.jenis),
      ]),
    );
    expect(byId.get(staf.id)).toEqual(['SKP_BELUM_DISETUJUI', 'REALISASI_BELUM_DIISI', 'BELUM_DINILAI']);
    expect(byId.has(org.analis.id)).toBe(false);
    // Without an SKP, the penilai is the one the organisation derives today.
    const stafRow = late.body.items.find((r: { employeeId: string }) => r.employeeId === staf.id);
    expect(stafRow.penilai).toBe(org.kepalaBiro.nama);

    await runTick(t.deps, new Date('2025-04-20T03:00:00.000Z'), { origin: TEST_ORIGIN });
    const again = await t.countCalls(() =>
      runTick(t.deps, new Date('2025-04-20T09:00:00.000Z'), { origin: TEST_ORIGIN }),
    );
    expect(again.result.laporan.hariDicatat).toBe(0);
    // A tick with nothing due: the periods (read once for windows and the report row), the period's window
    // states, whether today's report row exists, the due mail and the due exports.
    expect(again.byCommand).toEqual({ QueryCommand: 4, GetItemCommand: 1 });
    const unit = (await t.call('GET', `/api/reports/units/${org.biro.id}/completion?periodId=${periodId}`))
      .body;
    expect(unit.points.at(-1)).toMatchObject({
      tanggal: '2025-04-20',
      skpDisetujui: 2,
      evaluasi: { [TW1]: { realisasi: 1, dinilai: 1 } },
    });
    expect(unit.points.at(-1).pegawai).toBe(3);
    const all = (await t.call('GET', `/api/reports/completion?periodId=${periodId}`)).body;
    expect(all.points.at(-1).skpDisetujui).toBe(3);
    expect(all.jendela.map((w: { key: string }) => w.key)).toContain(TW1);
    // A period with no daily row yet: today's point counts the ministry's people in one paged count.
    const next = await t.call('POST', '/api/periods', {
      tahun: 2026,
      nama: 'Periode 2026',
      mulai: '2026-01-01',
      selesai: '2026-12-31',
    });
    const people = (await t.call('GET', '/api/employees?limit=100')).body.items.length;
    const fresh = await t.countCalls(() => t.call('GET', `/api/reports/completion?periodId=${next.body.id}`));
    expect(fresh.result.body.points).toEqual([expect.objectContaining({ pegawai: people, skpDisetujui: 0 })]);
    // The period, its (empty) series, the count, the SKP counters: no count per unit.
    expect(fresh.calls).toBe(4);

    const dist = await t.call('GET', `/api/reports/distribution?periodId=${periodId}&windowKey=${TW1}`);
    expect(dist.status).toBe(200);
    const biro = dist.body.units.find((u: { unitId: string }) => u.unitId === org.biro.id);
    expect(biro.rows.find((r: { predikat: string }) => r.predikat === 'BAIK')).toMatchObject({
      count: 1,
      percent: 100,
    });
  });
});
