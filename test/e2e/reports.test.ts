// Reports and files in headless Chromium against a fresh seeded local stack. HR opens /laporan/: completion over
// time (a uPlot line chart and its table), the predikat distribution against the unit's pattern (uPlot bars and
// their table), who is late in the unit; HR exports the employees as XLSX, follows the progress to the download
// link, downloads a workbook that holds the demo people, and finds it on /berkas/. Sari prints her approved SKP
// on /skp/; the PDF carries her name, NIP, RHK and period, and its QR address (/verifikasi/#<id>, public) says
// it is genuine and still valid with the downloaded file's SHA-256, and the page's file check matches. A printed
// evaluation whose rating changed afterwards is genuine but changed; an unknown id is not found.
// Set up through the API: a period of this year with its drafting window and a periodic window open (the
// window's input deadline passed yesterday, so who has no realisasi is late), Hendra's plan supporting his
// unit's IKU and Sari's supporting his KR, both approved; Sari's realisasi rated by Hendra; the unit's
// organisation predikat. Three past days are recorded by the scheduler's own snapshot, run with their dates.
// The tests run in order and build on each other; every state passes axe at 1280 and 375 px.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotProgress } from '../../functions/jobs/report-snapshot.ts';
import { addDays, wibDate } from '../../shared/domain/time.ts';
import { ADMIN, PEGAWAI, PEGAWAI_NAMA, PENILAI, PENILAI_NAMA } from './demo.ts';
import { penilaiPlanSupportingIku, type Rhk } from './fixtures.ts';
import { checkAtWidths, text } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const e2e = useE2eSuite({
  // /verifikasi/ is public: signed out, the header's GET /api/me answers 401; an unknown document is a 404;
  // the export form shows a 422 beside its field.
  handledStatuses: [401, 404, 422],
});
const { api, pages, url } = e2e;
const { ok, signIn } = api;

const UNIT_NAMA = 'Subbagian Kinerja SDM';
const today = wibDate(new Date());
const tahun = Number(today.slice(0, 4));
const periodNama = `Periode Kinerja ${tahun}`;
const windowNama = `Evaluasi Triwulan III ${tahun}`;
const windowKey = `EVALUASI_PERIODIK-${tahun}-07-01`;
const RHK_SARI = 'Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM';

interface Skp {
  id: string;
  version: number;
  status: string;
  rhk: Rhk[];
}

let sariId = '';
let sariNip = '';
let hendraId = '';
let unitId = '';
let periodId = '';
let sariSkp: Skp;
let evaluationPath = '';

/** The scheduler's daily snapshot, as its first run on `date` (WIB) would take it. */
const snapshotOn = (date: string) => snapshotProgress(e2e.stack.deps, new Date(`${date}T06:00:00+07:00`));

beforeAll(async () => {
  await signIn(ADMIN);
  hendraId = (await signIn(PENILAI)).employeeId;
  sariId = (await signIn(PEGAWAI)).employeeId;
  const sari = await ok<{ unitId: string; nip: string }>(ADMIN, 'GET', `/api/employees/${sariId}`);
  unitId = sari.unitId;
  sariNip = sari.nip;
  const chain = await ok<{ penilai: { id: string } | null }>(
    ADMIN,
    'GET',
    `/api/employees/${hendraId}/penilai`,
  );
  const atasan = (await ok<{ email: string }>(ADMIN, 'GET', `/api/employees/${chain.penilai?.id}`)).email;
  await signIn(atasan);

  const period = await ok<{ id: string; version: number }>(ADMIN, 'POST', '/api/periods', {
    tahun,
    nama: periodNama,
    mulai: `${tahun}-01-01`,
    selesai: `${tahun}-12-31`,
  });
  periodId = period.id;
  await ok(ADMIN, 'PUT', `/api/periods/${periodId}/calendar`, {
    version: period.version,
    alasan: 'Jadwal uji laporan: penyusunan SKP dan evaluasi triwulan III dibuka',
    windows: [
      {
        kind: 'PENYUSUNAN_SKP',
        nama: `Penyusunan dan penetapan SKP ${tahun}`,
        periodeMulai: `${tahun}-01-01`,
        periodeSelesai: `${tahun}-12-31`,
        buka: addDays(today, -7),
        tutup: addDays(today, 14),
        batasPengisian: addDays(today, 7),
      },
      {
        kind: 'EVALUASI_PERIODIK',
        nama: windowNama,
        periodeMulai: `${tahun}-07-01`,
        periodeSelesai: `${tahun}-09-30`,
        buka: addDays(today, -10),
        tutup: addDays(today, 5),
        batasPengisian: addDays(today, -1),
      },
    ],
  });
  await ok(ADMIN, 'POST', '/api/jobs/tick', {});
  await snapshotOn(addDays(today, -3));

  // Hendra's plan supports his unit's IKU; Sari's supports his KR; both approved.
  const hendraRhk = await penilaiPlanSupportingIku(api, { penilaiId: hendraId, atasan, periodId, unitId });
  const skpPath = `/api/employees/${sariId}/skp`;
  const draft = await ok<Skp>(PEGAWAI, 'POST', skpPath, { periodId });
  const filled = await ok<Skp>(PEGAWAI, 'PATCH', `${skpPath}/${draft.id}`, {
    version: draft.version,
    rhk: [
      {
        jenis: 'UTAMA',
        deskripsi: RHK_SARI,
        intervensi: { kind: 'KR', id: hendraRhk.iki[0]?.id },
        iki: [
          {
            deskripsi: 'Dokumen SKP yang disusun dan diverifikasi',
            aspek: 'KUANTITAS',
            target: '10',
            satuan: 'dokumen',
          },
        ],
      },
    ],
  });
  const submitted = await ok<Skp>(PEGAWAI, 'POST', `${skpPath}/${draft.id}/transitions`, {
    version: filled.version,
    action: 'ajukan',
  });
  sariSkp = await ok<Skp>(PENILAI, 'POST', `${skpPath}/${draft.id}/transitions`, {
    version: submitted.version,
    action: 'setujui',
  });
  expect(sariSkp.status).toBe('DISETUJUI');
  await snapshotOn(addDays(today, -2));

  // Sari's realisasi, rated by Hendra (Di Atas × Sesuai: Baik); the unit's organisation predikat is Baik.
  evaluationPath = `/api/employees/${sariId}/evaluations/${periodId}/${windowKey}`;
  const rhk = sariSkp.rhk[0] as Rhk;
  const saved = await ok<{ version: number }>(PEGAWAI, 'PUT', `${evaluationPath}/realisasi`, {
    realisasi: [
      {
        rhkId: rhk.id,
        ikiId: rhk.iki[0]?.id ?? null,
        realisasi: 'Sebelas dokumen SKP disusun dan diverifikasi.',
        buktiDukung: ['https://drive.setneg.example/kinerja/skp-triwulan-3'],
        capaian: 110,
      },
    ],
  });
  await ok(PENILAI, 'PUT', `${evaluationPath}/penilaian`, {
    version: saved.version,
    umpanBalik: { rhk: { [rhk.id]: 'Dokumen lengkap dan tepat waktu.' }, perilaku: {} },
    ratingHasil: 'DI_ATAS',
    ratingPerilaku: 'SESUAI',
  });
  await ok(ADMIN, 'PUT', `/api/periods/${periodId}/windows/${windowKey}/units/${unitId}/predikat`, {
    predikat: 'BAIK',
  });
  await snapshotOn(addDays(today, -1));
}, 180_000);

const reportPage = () => `/laporan/?periode=${periodId}&jendela=${windowKey}&unit=${unitId}`;

/** The bytes of a download, and its suggested file name. */
async function bytesOf(download: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function downloadFrom(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(link).click()]);
  return bytesOf(download);
}

let xlsxName = '';
let skpDocumentId = '';
let skpPdf: Buffer;
let evaluationDocumentId = '';

describe('Laporan', () => {
  it('shows HR the completion chart, the distribution against the pattern and who is late, each with its table', async () => {
    const page = await pages.open(reportPage(), { as: ADMIN });
    await page.locator('#completion-plot canvas').waitFor();
    await page.locator('#dist-units canvas').waitFor();
    await page.locator('#late-body tr').first().waitFor();

    // Completion: a named chart, and one row per recorded day (three past days and today's live point).
    const chart = page.getByRole('img', { name: /Grafik garis kemajuan pengisian/ });
    expect(await chart.getAttribute('aria-label')).toContain(`${UNIT_NAMA} per`);
    expect(await text(page, '#completion-summary')).toContain('SKP disetujui');
    await page.getByText('Tabel data kemajuan per hari').click();
    const days = page.locator('#completion-table tbody tr');
    expect(await days.count()).toBe(4);
    expect(await days.first().locator('th').textContent()).toMatch(new RegExp(`${tahun}$`));

    // Distribution: Sari's Baik is all of the unit's predikat, against the pattern of a Baik unit (whose
    // "at least one Butuh Perbaikan/Kurang" is waived for a unit of one).
    const card = page.getByRole('article', { name: UNIT_NAMA });
    expect(await card.getByRole('img').getAttribute('aria-label')).toContain('Baik 100%');
    const baik = card.getByRole('row', { name: /^Baik/ });
    expect(await baik.textContent()).toContain('100%');
    expect(await baik.textContent()).toContain('Kelompok terbanyak, paling banyak 70%');
    expect(await card.textContent()).toContain(
      'Predikat organisasi Baik · 1 pegawai berpredikat · sesuai pola',
    );
    expect(await card.locator('figcaption').textContent()).toContain('garis putus-putus menandai batas pola');

    // Late: the unit's people without realisasi after yesterday's deadline; Sari filled hers.
    const late = await page.locator('#late-body').textContent();
    expect(late).toContain(PENILAI_NAMA);
    expect(late).not.toContain(PEGAWAI_NAMA);
    expect(late).toContain(`Realisasi belum diisi — ${windowNama}`);
    expect(late).toContain('lewat 1 hari');
    const nipHeader = page.locator('#late-table th', { has: page.getByRole('button', { name: 'NIP' }) });
    await page.getByRole('button', { name: 'NIP' }).click();
    expect(await nipHeader.getAttribute('aria-sort')).toBe('ascending');
    await checkAtWidths(page, 'laporan');

    // The ministry as a whole: no late list without a unit.
    await page.locator('#rep-unit').selectOption('');
    await page.locator('#late-status', { hasText: 'Pilih satu unit kerja' }).waitFor();
    await page.locator('#completion-plot canvas').waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Seluruh kementerian per');
    await checkAtWidths(page, 'laporan-kementerian');
  });

  it('shows a unit leader who is not an admin the completion and lateness of their unit, and nobody else', async () => {
    const page = await pages.open(`/laporan/?periode=${periodId}&jendela=${windowKey}`, { as: PENILAI });
    await page.locator('#rep-scope-note').waitFor();
    await page.locator('#completion-plot canvas').waitFor();
    await page.locator('#late-body tr').first().waitFor();
    expect(await page.locator('#rep-unit option').first().textContent()).toMatch(
      new RegExp(`^${UNIT_NAMA} \\(`),
    );
    expect(await page.locator('#dist-section').isVisible()).toBe(false);
    expect(await page.locator('#export-section').isVisible()).toBe(false);
    await checkAtWidths(page, 'laporan-pimpinan');

    const staff = await pages.open('/laporan/', { as: PEGAWAI });
    await staff.getByText('Halaman ini untuk admin SDM dan pimpinan unit kerja.').waitFor();
    expect(await staff.locator('#rep-content').isVisible()).toBe(false);
  });

  it('exports the employees as XLSX: progress to done, then a download link to a workbook of the demo people', async () => {
    const page = await pages.open(reportPage(), { as: ADMIN });
    await page.locator('#export-unit option').first().waitFor({ state: 'attached' });

    // A refusal (as an admin of some units meets without a unit) shows beside its field, focused.
    await page.route('**/api/exports', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              title: 'Data tidak dapat diproses',
              status: 422,
              code: 'export.invalid_request',
              detail: 'Permintaan ekspor tidak lengkap.',
              errors: [{ path: 'unitId', message: 'Pilih unit kerja yang akan diekspor.' }],
            }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Buat berkas' }).click();
    await page.locator('#export-unit-error', { hasText: 'Pilih unit kerja yang akan diekspor.' }).waitFor();
    expect(await page.locator('#export-unit').getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, '#export-error')).toContain('Permintaan ekspor tidak lengkap.');
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe('export-unit');
    await checkAtWidths(page, 'laporan-ekspor-galat');
    await page.unroute('**/api/exports');

    await page.locator('#export-dataset').selectOption('PEGAWAI');
    await page.getByLabel('Excel (XLSX)').check();
    await page.locator('#export-unit').selectOption('');
    await page.getByRole('button', { name: 'Buat berkas' }).click();
    await page.locator('#export-job-state', { hasText: 'Berkas siap diunduh.' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Data pegawai · Seluruh unit' });
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
    const link = page.getByRole('link', { name: /^Unduh Data-pegawai-Seluruh-unit\.xlsx \(\d+(,\d)? KB\)$/ });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/exports\/[0-9A-Z]{26}\/file$/);
    await checkAtWidths(page, 'laporan-ekspor');

    const { name, bytes } = await downloadFrom(page, '#export-job-result a');
    xlsxName = name;
    expect(name).toBe('Data-pegawai-Seluruh-unit.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = ((workbook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][]).map((r) =>
      r.filter((cell) => cell !== undefined),
    );
    expect(rows[0]?.slice(0, 2)).toEqual(['NIP', 'Nama']);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining([PEGAWAI_NAMA, PENILAI_NAMA, 'Rina Kartikasari']));
    expect(rows.find((r) => r[1] === PEGAWAI_NAMA)?.[0]).toBe(sariNip);
  });

  it('lists the export on /berkas/ with its state, dates and download; a new employee sees the empty state', async () => {
    const page = await pages.open('/berkas/', { as: ADMIN });
    const item = page.getByRole('listitem').filter({ hasText: 'Data pegawai · Seluruh unit' });
    await item.waitFor();
    expect(await item.locator('.job-badge').textContent()).toBe('Selesai');
    // Asked for and kept until, both in WIB.
    const when = / \d{4} pukul \d{2}\.\d{2} WIB$/;
    expect(await item.locator('dd').nth(0).textContent()).toMatch(when);
    expect(await item.locator('dd').nth(1).textContent()).toMatch(when);
    expect(await item.getByRole('link', { name: new RegExp(`^Unduh ${xlsxName}`) }).isVisible()).toBe(true);
    await checkAtWidths(page, 'berkas');

    const empty = await pages.open('/berkas/', { as: PEGAWAI });
    await empty.getByText('Belum ada berkas yang Anda minta.').waitFor();
    expect(await empty.locator('#files-list').isVisible()).toBe(false);
    await checkAtWidths(empty, 'berkas-kosong');
  });
});

describe('Dokumen resmi dan verifikasi', () => {
  it('prints the approved SKP from /skp/: the PDF carries the name, NIP, an RHK, the period and its QR address', async () => {
    const page = await pages.open(`/skp/?periode=${periodId}`, { as: PEGAWAI });
    await page.locator('#current-badge', { hasText: 'Disetujui' }).waitFor();
    await page.getByRole('button', { name: 'Cetak PDF SKP revisi ke-1' }).click();
    await page.locator('#skp-print-state', { hasText: 'Berkas siap diunduh.' }).waitFor();
    await checkAtWidths(page, 'skp-cetak');

    const href = (await page.locator('#skp-print-result a').getAttribute('href')) ?? '';
    skpDocumentId = /\/api\/exports\/([0-9A-Z]{26})\/file/.exec(href)?.[1] ?? '';
    const { name, bytes } = await downloadFrom(page, '#skp-print-result a');
    expect(name).toMatch(new RegExp(`^SKP-${sariNip}-.*\\.pdf$`));
    // pdf.js takes the buffer over: hash (and keep a copy) first.
    skpPdf = Buffer.from(bytes);
    const pdfText = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true }))
      .text;
    for (const expected of [PEGAWAI_NAMA, sariNip, RHK_SARI, periodNama]) expect(pdfText).toContain(expected);
    expect(pdfText).toContain(`/verifikasi/#${skpDocumentId}`);
    expect(sha256(skpPdf)).toBe(
      (await ok<{ sha256: string }>(PEGAWAI, 'GET', `/api/exports/${skpDocumentId}`)).sha256,
    );

    // The file is on Sari's own /berkas/ as well.
    await page.goto(url('/berkas/'));
    await page.getByRole('heading', { level: 3, name: /^Sasaran Kinerja Pegawai · / }).waitFor();
  });

  it('opens the QR address signed out: genuine and still valid, the same SHA-256, and the file check matches', async () => {
    const page = await pages.open(`/verifikasi/#${skpDocumentId}`);
    await page.getByRole('heading', { level: 2, name: 'Dokumen asli dan masih berlaku' }).waitFor();
    expect(await text(page, '#verify-sha')).toBe(sha256(skpPdf));
    const details = await text(page, '#details-list');
    expect(details).toContain('Sasaran Kinerja Pegawai');
    expect(details).toContain(PEGAWAI_NAMA);
    expect(details).toContain(periodNama);
    expect(details).toContain('WIB');
    // The NIP is masked for anyone holding the link.
    expect(details).not.toContain(sariNip);
    expect(details).toContain(`${sariNip.slice(0, 4)}***********${sariNip.slice(-3)}`);

    await page.setInputFiles('#verify-pdf', { name: 'skp.pdf', mimeType: 'application/pdf', buffer: skpPdf });
    await page.locator('#verify-file-result', { hasText: 'Cocok: berkas ini sama persis' }).waitFor();
    await checkAtWidths(page, 'verifikasi-berlaku');

    const altered = Buffer.concat([skpPdf, Buffer.from('\n% diubah\n')]);
    await page.setInputFiles('#verify-pdf', {
      name: 'skp-ubah.pdf',
      mimeType: 'application/pdf',
      buffer: altered,
    });
    await page.locator('#verify-file-result', { hasText: 'Tidak cocok' }).waitFor();
    expect(await text(page, '#verify-file-result')).toContain(sha256(altered));
  });

  it('prints an evaluation from /evaluasi/; once the rating changed, its QR page says the data changed since', async () => {
    const page = await pages.open(`/evaluasi/?periode=${periodId}&jendela=${windowKey}`, { as: PEGAWAI });
    await page.getByRole('heading', { level: 2, name: windowNama }).waitFor();
    await page.getByRole('button', { name: 'Cetak formulir evaluasi (PDF)' }).click();
    await page.locator('#print-evaluasi_periodik-state', { hasText: 'Berkas siap diunduh.' }).waitFor();
    const href = (await page.locator('#print-evaluasi_periodik-result a').getAttribute('href')) ?? '';
    evaluationDocumentId = /\/api\/exports\/([0-9A-Z]{26})\/file/.exec(href)?.[1] ?? '';
    await checkAtWidths(page, 'evaluasi-cetak');

    const { items } = await ok<{ items: { periodId: string; windowKey: string; version: number }[] }>(
      PENILAI,
      'GET',
      `/api/employees/${sariId}/evaluations`,
    );
    const current = items.find((e) => e.periodId === periodId && e.windowKey === windowKey) ?? { version: 0 };
    await ok(PENILAI, 'PUT', `${evaluationPath}/penilaian`, {
      version: current.version,
      ratingHasil: 'SESUAI',
      ratingPerilaku: 'SESUAI',
    });
    const check = await pages.open(`/verifikasi/#${evaluationDocumentId}`);
    await check
      .getByRole('heading', {
        level: 2,
        name: new RegExp(
          `^Dokumen asli, tetapi datanya telah berubah sejak dicetak \\(versi ${current.version} → ${current.version + 1}, status sudah dinilai\\)$`,
        ),
      })
      .waitFor();
    expect(await text(check, '#details-list')).toContain('Evaluasi Kinerja Pegawai');
    await checkAtWidths(check, 'verifikasi-berubah');
  });

  it('says plainly that an unknown or malformed document id is not registered', async () => {
    const page = await pages.open('/verifikasi/#01ARZ3NDEKTSV4RRFFQ69G5FAV');
    await page.getByRole('heading', { level: 2, name: 'Dokumen tidak ditemukan' }).waitFor();
    expect(await text(page, '#verdict-detail')).toContain('tidak terdaftar di PIAWAI');
    expect(await page.locator('#verify-details').isVisible()).toBe(false);
    await checkAtWidths(page, 'verifikasi-tidak-dikenal');

    await page.goto(url('/verifikasi/#bukan-kode'));
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Dokumen tidak ditemukan' }).waitFor();
    expect(await text(page, '#verdict-detail')).toContain('tidak valid');
  });
});
