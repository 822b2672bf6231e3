// HR's console (Biro SDM) in headless Chromium against the seeded local stack: the dashboard, periods and
// their calendars (with "Jalankan sekarang" and reopening), the SKP board, calibration, the audit trail, the
// CSV import of employees and the header's navigation. A period of this year is made with an evaluation window
// open today, and the five staff of Subbagian Kinerja SDM get an approved SKP, realisasi and (four of them) a
// rating through the API, so the board and the calibration have something to show. Every state reached passes
// axe, does not scroll sideways at phone width, and is photographed at 1280 and 375 px.

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/db/keys.ts';
import { addDays, wibDate } from '../../shared/domain/time.ts';
import { skpPath } from './api-client.ts';
import { saveScreenshot, seriousA11yViolations } from './browser.ts';
import { ADMIN, PENILAI } from './demo.ts';
import { checkAtWidths, expectNoSidewaysScroll, waitForStatus } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const KIN = 'DEP.AA.SDM.PIK.KIN';
const KIN_NAMA = 'Subbagian Kinerja SDM';

const e2e = useE2eSuite({
  // The refusals the pages handle on purpose: 400/422 (a field error), 403 (not HR), 404 (no such history),
  // 409, and the 500 a test fakes to see the error state. Chromium logs each one.
  handledStatuses: [400, 401, 403, 404, 409, 422, 500],
});
const { api, pages, url } = e2e;
const { ok, signIn } = api;

interface Person {
  id: string;
  nama: string;
  nip: string | null;
  email: string;
  unitId: string;
}

interface Unit {
  id: string;
  kode: string;
  nama: string;
  children: Unit[];
}

interface Period {
  id: string;
  nama: string;
  tahun: number;
  version: number;
}

interface Skp {
  id: string;
  employeeId: string;
  version: number;
  status: string;
  rhk: { id: string; iki: { id: string }[] }[];
}

interface Evaluation {
  version: number;
  status: string;
}

const today = wibDate(new Date());
const year = Number(today.slice(0, 4));
/** The test period's evaluation window, open today (its key is its kind and the first day it evaluates). */
const OPEN_WINDOW = `EVALUASI_PERIODIK-${year}-01-01`;

let period2025: Period;
let testPeriod: Period;
let kinUnit: Unit;
/** The five staff of Subbagian Kinerja SDM; the last one's evaluation is left unrated until a test rates it. */
let staff: Person[] = [];
let unrated: { person: Person; version: number } | null = null;

beforeAll(async () => {
  await signIn(ADMIN);
  const periods = await ok<{ items: Period[] }>(ADMIN, 'GET', '/api/periods');
  const found = periods.items.find((p) => p.tahun === 2025);
  if (!found) throw new Error('Periode 2025 tidak ada di data demo.');
  period2025 = found;
  const tree = await ok<{ roots: Unit[] }>(ADMIN, 'GET', '/api/units');
  const all: Unit[] = [];
  const visit = (u: Unit) => {
    all.push(u);
    u.children.forEach(visit);
  };
  tree.roots.forEach(visit);
  const kin = all.find((u) => u.kode === KIN);
  if (!kin) throw new Error(`Unit ${KIN} tidak ada di data demo.`);
  kinUnit = kin;
  testPeriod = await periodWithOpenWindow();
  const members = await ok<{ items: Person[] }>(ADMIN, 'GET', `/api/units/${kinUnit.id}/members?limit=100`);
  const head = (await signIn(PENILAI)).employeeId;
  staff = members.items.filter((m) => m.id !== head);
  expect(staff.length, 'staf Subbagian Kinerja SDM').toBe(5);
  for (const [i, person] of staff.entries()) {
    const skp = await approvedSkp(person);
    const evaluation = await realisasi(person, skp);
    if (i < staff.length - 1) await rate(person, evaluation.version);
    else unrated = { person, version: evaluation.version };
  }
}, 240_000);

/** A period of this year whose first evaluation window is open today (the calendar drawn up by HR). */
async function periodWithOpenWindow(): Promise<Period> {
  const created = await ok<Period>(ADMIN, 'POST', '/api/periods', {
    tahun: year,
    nama: `Periode Uji Kalibrasi ${year}`,
    mulai: `${year}-01-01`,
    selesai: `${year}-12-31`,
  });
  return ok<Period>(ADMIN, 'PUT', `/api/periods/${created.id}/calendar`, {
    version: created.version,
    alasan: 'Jendela uji dibuka hari ini',
    windows: [
      {
        kind: 'PENYUSUNAN_SKP',
        nama: `Penyusunan dan penetapan SKP ${year}`,
        periodeMulai: `${year}-01-01`,
        periodeSelesai: `${year}-12-31`,
        buka: `${year - 1}-12-01`,
        tutup: `${year}-01-31`,
        batasPengisian: `${year}-01-14`,
      },
      {
        kind: 'EVALUASI_PERIODIK',
        nama: `Evaluasi Semester I ${year}`,
        periodeMulai: `${year}-01-01`,
        periodeSelesai: `${year}-06-30`,
        buka: addDays(today, -5),
        tutup: addDays(today, 10),
        batasPengisian: addDays(today, 7),
      },
      {
        kind: 'EVALUASI_TAHUNAN',
        nama: `Evaluasi tahunan (Akhir) ${year}`,
        periodeMulai: `${year}-07-01`,
        periodeSelesai: `${year}-12-31`,
        buka: addDays(today, 20),
        tutup: addDays(today, 40),
        batasPengisian: addDays(today, 35),
      },
    ],
  });
}

/** HR drafts, submits and approves (the pengelola kinerja may do all three) a one-RHK SKP. */
async function approvedSkp(person: Person): Promise<Skp> {
  const draft = await ok<Skp>(ADMIN, 'POST', `/api/employees/${person.id}/skp`, { periodId: testPeriod.id });
  const filled = await ok<Skp>(ADMIN, 'PATCH', skpPath(draft), {
    version: draft.version,
    rhk: [
      {
        jenis: 'TAMBAHAN',
        deskripsi: 'Menyusun laporan analisis kinerja SDM',
        intervensi: null,
        iki: [{ deskripsi: 'Laporan yang selesai', aspek: 'KUANTITAS', target: '2', satuan: 'laporan' }],
      },
    ],
  });
  const submitted = await ok<Skp>(ADMIN, 'POST', `${skpPath(filled)}/transitions`, {
    version: filled.version,
    action: 'ajukan',
  });
  return ok<Skp>(ADMIN, 'POST', `${skpPath(submitted)}/transitions`, {
    version: submitted.version,
    action: 'setujui',
  });
}

const evalPath = (person: Person) =>
  `/api/employees/${person.id}/evaluations/${testPeriod.id}/${OPEN_WINDOW}`;

/** The employee (signed in as themselves) records what they achieved. */
async function realisasi(person: Person, skp: Skp): Promise<Evaluation> {
  await signIn(person.email);
  const rhk = skp.rhk[0];
  return ok<Evaluation>(person.email, 'PUT', `${evalPath(person)}/realisasi`, {
    realisasi: [
      {
        rhkId: rhk?.id,
        ikiId: rhk?.iki[0]?.id,
        realisasi: 'Dua laporan selesai',
        buktiDukung: [],
        capaian: 100,
      },
    ],
  });
}

/** HR rates for the penilai: Sesuai/Sesuai, so the matrix gives Baik. */
const rate = (person: Person, version: number) =>
  ok<Evaluation>(ADMIN, 'PUT', `${evalPath(person)}/penilaian`, {
    version,
    ratingHasil: 'SESUAI',
    ratingPerilaku: 'SESUAI',
  });

/** A fresh browser signed in as `email` (the development sign-in sets the session and CSRF cookies) at `path`. */
const open = (path: string, email = ADMIN, width = 1280) => pages.open(path, { as: email, width });

/** A field's error is beside it: the text, aria-invalid, and aria-describedby naming the error. */
async function expectFieldError(page: Page, id: string, text: string | RegExp): Promise<void> {
  await page.locator(`#${id}-error`, { hasText: text }).waitFor();
  const control = page.locator(`#${id}`);
  expect(await control.getAttribute('aria-invalid'), `${id} aria-invalid`).toBe('true');
  expect(await control.getAttribute('aria-describedby'), `${id} aria-describedby`).toContain(`${id}-error`);
}

describe('Dasbor SDM', () => {
  it('shows a period’s SKP per unit and the open window’s progress and predikat curve', async () => {
    const page = await open(`/dasbor/?periode=${testPeriod.id}`);
    await waitForStatus(page, 'skp', 'Menampilkan 1 unit di halaman 1.');
    await waitForStatus(page, 'eval', '1 unit dengan evaluasi.');
    expect(await page.locator('#dash-period').inputValue()).toBe(testPeriod.id);
    expect(await page.locator('#dash-window').inputValue()).toBe(OPEN_WINDOW);
    const skpRow = page.locator('#skp-body tr', { hasText: KIN_NAMA });
    expect((await skpRow.locator('td.num').allTextContents()).map(Number)).toEqual([0, 0, 5, 0, 5]);
    expect(await page.locator('#skp-figures').textContent()).toContain('Jumlah SKP5');
    const progress = page.locator('#progress-body tr', { hasText: KIN_NAMA });
    expect((await progress.locator('td.num').allTextContents()).map(Number)).toEqual([0, 1, 4, 5]);
    // The per-unit curve opens from its summary; without an organisation predikat there is no pattern yet.
    const curve = page.locator('#curve-units details', { hasText: KIN_NAMA });
    expect(await curve.locator('summary').textContent()).toContain('predikat organisasi belum ditetapkan');
    await curve.locator('summary').click();
    // Shares are of the rated evaluations (four of five): all four are Baik.
    const baik = curve
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Baik', exact: true }) });
    expect(await baik.textContent()).toContain('100%');
    // The chart is a table: caption, headers and the numbers, with the bars hidden from assistive technology.
    expect(await page.locator('#skp-table .hr-bar[aria-hidden="true"]').count()).toBe(1);
    expect(page.url()).toContain(`jendela=${OPEN_WINDOW}`);
    await checkAtWidths(page, 'hr-dasbor');
  });

  it('says so when the period has no SKP and the window no evaluation, and shows a failure of the API', async () => {
    const page = await open(`/dasbor/?periode=${period2025.id}`);
    await waitForStatus(page, 'skp', 'Belum ada SKP pada periode ini.');
    await waitForStatus(page, 'eval', 'Belum ada evaluasi pada jendela ini.');
    expect(await page.locator('#skp-table').isVisible()).toBe(false);
    await checkAtWidths(page, 'hr-dasbor-kosong');

    await page.route('**/api/periods/*/board**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          code: 'internal',
          detail: 'Terjadi kesalahan pada server. Silakan coba lagi.',
        }),
      }),
    );
    await page.reload();
    await page.locator('#skp-error', { hasText: 'Terjadi kesalahan pada server.' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe('Papan SKP', () => {
  it('lists each unit’s SKP by status with its total, the sum of all units, and an empty period', async () => {
    const page = await open(`/papan-skp/?periode=${testPeriod.id}`);
    await waitForStatus(page, 'board', 'Menampilkan 1 unit di halaman 1.');
    const row = page.locator('#board-body tr', { hasText: KIN_NAMA });
    expect(await row.locator('th a').getAttribute('href')).toBe(`/?unit=${kinUnit.id}`);
    expect((await row.locator('td.num').allTextContents()).slice(0, 6).map(Number)).toEqual([
      0, 0, 5, 0, 0, 5,
    ]);
    expect(await row.locator('td.num').last().textContent()).toBe('100%');
    await page.locator('#board-foot', { hasText: 'Seluruh unit (1)' }).waitFor();
    expect(await page.locator('#board-next').getAttribute('aria-disabled')).toBe('true');
    await checkAtWidths(page, 'hr-papan-skp');

    await page.getByLabel('Periode kinerja').selectOption(period2025.id);
    await waitForStatus(page, 'board', 'Belum ada SKP pada periode ini.');
    expect(await page.locator('#board-table').isVisible()).toBe(false);
    expect(page.url()).toContain(`periode=${period2025.id}`);
    await checkAtWidths(page, 'hr-papan-skp-kosong');
  });
});

describe('Kalibrasi', () => {
  it('sets the organisation predikat, refuses to finalize while one is unrated, then asks for a justification', async () => {
    const page = await open(`/kalibrasi/?periode=${testPeriod.id}&jendela=${OPEN_WINDOW}`);
    const card = page.locator('section.calib-unit', { hasText: KIN_NAMA });
    await card.waitFor();
    expect(await card.textContent()).toContain(
      '5 evaluasi: 0 belum mengisi, 1 menunggu penilaian, 4 sudah dinilai.',
    );
    await checkAtWidths(page, 'hr-kalibrasi-awal');

    const unitId = kinUnit.id;
    await page.getByLabel('Predikat organisasi (capaian kinerja unit)').selectOption('BAIK');
    await card.getByRole('button', { name: 'Tetapkan predikat' }).click();
    await page
      .locator(`#unit-${unitId}-status`, {
        hasText: 'Predikat organisasi Baik ditetapkan; 2 pelanggaran pola.',
      })
      .waitFor();
    const violations = card.locator('.hr-violations li');
    expect(await violations.allTextContents()).toEqual([
      'Baik 4 dari 4 pegawai (100%) melebihi batas 70%.',
      'Butuh Perbaikan atau Kurang/Misconduct 0 dari 4 pegawai: paling sedikit harus ada 1 pegawai.',
    ]);
    expect(await card.locator('thead').textContent()).toContain('Pola unit Baik');

    // One evaluation is not rated yet: the API refuses, and the card says why.
    await card.getByRole('button', { name: 'Finalkan predikat unit' }).click();
    await page
      .locator(`#unit-${unitId}-error`, { hasText: '1 evaluasi di unit ini belum dinilai.' })
      .waitFor();
    await checkAtWidths(page, 'hr-kalibrasi-belum-siap');

    if (!unrated) throw new Error('Evaluasi yang belum dinilai tidak ada.');
    await rate(unrated.person, unrated.version);
    await page.reload();
    await card.waitFor();
    expect(await card.textContent()).toContain(
      '5 evaluasi: 0 belum mengisi, 0 menunggu penilaian, 5 sudah dinilai.',
    );

    // Finalize without a justification: the API's 422 shows beside the field.
    const finalize = page.waitForResponse((r) => r.url().endsWith('/finalize'));
    await card.getByRole('button', { name: 'Finalkan predikat unit' }).click();
    const refused = await finalize;
    expect(refused.status()).toBe(422);
    expect((await refused.json()).code).toBe('evaluation.distribution_violation');
    await expectFieldError(page, `unit-${unitId}-justifikasi`, 'Justifikasi wajib diisi.');
    expect(await page.locator(`#unit-${unitId}-error`).textContent()).toContain('tuliskan justifikasinya');
    expect(
      await page.locator(`#unit-${unitId}-justifikasi`).evaluate((field) => field.matches(':focus')),
      'focus on the justification',
    ).toBe(true);
    await checkAtWidths(page, 'hr-kalibrasi-justifikasi');

    await page
      .getByLabel('Justifikasi penyimpangan dari pola')
      .fill('Seluruh staf subbagian menuntaskan target semester; tidak ada kinerja di bawah ekspektasi.');
    await card.getByRole('button', { name: 'Finalkan predikat unit' }).click();
    await page.locator(`#unit-${unitId}-status`, { hasText: `Predikat ${KIN_NAMA} difinalkan.` }).waitFor();
    await card.locator('.calib-badge', { hasText: 'Final' }).waitFor();
    expect(await card.locator('.calib-final').textContent()).toContain('Seluruh staf subbagian');
    expect(await card.getByRole('button', { name: 'Finalkan predikat unit' }).count()).toBe(0);
    await checkAtWidths(page, 'hr-kalibrasi-final');
  });

  it('says so when a window has no evaluations yet', async () => {
    const page = await open(`/kalibrasi/?periode=${period2025.id}`);
    await waitForStatus(page, 'calib', 'Belum ada evaluasi pada jendela ini.');
    expect(await page.locator('section.calib-unit').count()).toBe(0);
    await checkAtWidths(page, 'hr-kalibrasi-kosong');
  });
});

describe('Periode kinerja', () => {
  it('lists the periods and shows a calendar with its windows; a period ending before it starts is refused beside the field', async () => {
    const page = await open(`/periode/?id=${period2025.id}`);
    await page.getByRole('heading', { level: 2, name: `Kalender ${period2025.nama}` }).waitFor();
    await page.locator('#periods-body tr', { hasText: testPeriod.nama }).waitFor();
    const windows = page.locator('#windows-body tr');
    expect(await windows.count()).toBe(5);
    expect(await windows.first().textContent()).toContain('Penyusunan SKP');
    expect(await page.locator('#calendar-settings').textContent()).toContain('Triwulanan');
    await checkAtWidths(page, 'hr-periode');

    await page.locator('summary', { hasText: 'Buat periode baru' }).click();
    await page.getByLabel('Tahun').fill('2027');
    await page.getByLabel('Nama periode').fill('Periode Kinerja 2027');
    await page.getByLabel('Tanggal mulai').fill('2027-12-31');
    await page.getByLabel('Tanggal selesai').fill('2027-01-01');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/periods') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Buat periode' }).click();
    expect((await refused).status()).toBe(422);
    await expectFieldError(page, 'create-selesai', 'Tanggal selesai harus setelah tanggal mulai.');
    await page.locator('#create-error', { hasText: 'Tanggal periode tidak valid.' }).waitFor();
    await checkAtWidths(page, 'hr-periode-galat');

    await page.getByLabel('Tanggal mulai').fill('2027-01-01');
    await page.getByLabel('Tanggal selesai').fill('2027-12-31');
    await page.getByRole('button', { name: 'Buat periode' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kalender Periode Kinerja 2027' }).waitFor();
    await waitForStatus(page, 'calendar', 'Periode Kinerja 2027 dibuat dengan kalender bawaan');
    expect(await page.locator('#create-tahun-error').textContent()).toBe('');
    expect(await page.locator('#create-selesai').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#windows-body tr').count()).toBe(5);
    expect(page.url()).toMatch(/\?id=[0-9A-Z]{26}$/);
  });

  it('edits the windows and the settings: each mistake is refused beside its field, then saved with a reason', async () => {
    const periods = await ok<{ items: Period[] }>(ADMIN, 'GET', '/api/periods');
    const target = periods.items.find((p) => p.tahun === 2027) ?? testPeriod;
    const page = await open(`/periode/?id=${target.id}`);
    await page.getByRole('heading', { level: 2, name: `Kalender ${target.nama}` }).waitFor();
    await page.locator('summary', { hasText: 'Ubah jendela' }).click();
    await page.locator('#win-1-batasPengisian').fill('2027-12-31');
    await page.locator('#windows-alasan').fill('Batas pengisian triwulan I diundur');
    await page.getByRole('button', { name: 'Simpan jendela' }).click();
    await expectFieldError(
      page,
      'win-1-batasPengisian',
      'Batas pengisian harus di antara tanggal buka dan tutup.',
    );
    await page.locator('#windows-error', { hasText: 'Kalender periode tidak valid' }).waitFor();
    await checkAtWidths(page, 'hr-periode-jendela-galat');

    await page.locator('#win-1-batasPengisian').fill('2027-04-08');
    await page.getByRole('button', { name: 'Simpan jendela' }).click();
    await waitForStatus(page, 'calendar', /Jendela kalender disimpan \(versi 2\)/);
    expect(await page.locator('#windows-body tr').nth(1).textContent()).toContain('8 Apr 2027');

    // The settings: reminders that are not numbers are refused beside their field, then saved with a reason.
    await page.locator('summary', { hasText: 'Ubah pengaturan kalender' }).click();
    await page.getByLabel('Pengingat (H-n)').fill('7, besok');
    await page.locator('#settings-alasan').fill('Pengingat ditambah H-14');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expectFieldError(page, 'settings-pengingat', 'Tulis angka hari dipisah koma');
    await page.getByLabel('Pengingat (H-n)').fill('14, 7, 1');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await waitForStatus(page, 'calendar', /Pengaturan kalender disimpan \(versi 3\)/);
    expect(await page.locator('#calendar-settings').textContent()).toContain('H-14, H-7, H-1');

    const history = await ok<{ items: { action: string; reason?: string }[] }>(
      ADMIN,
      'GET',
      `/api/audit/stream?stream=${encodeURIComponent(`PERIOD|PERIOD#2027#${target.id}`)}`,
    );
    expect(history.items.slice(-2)).toMatchObject([
      { action: 'period.calendar_changed', reason: 'Batas pengisian triwulan I diundur' },
      { action: 'period.calendar_changed', reason: 'Pengingat ditambah H-14' },
    ]);
  });

  it('runs the scheduler now and shows its summary; the window open today turns Dibuka', async () => {
    const page = await open(`/periode/?id=${testPeriod.id}`);
    const row = page.locator('#windows-body tr', { hasText: `Evaluasi Semester I ${year}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('Terjadwal');
    const ran = page.waitForResponse((r) => r.url().endsWith('/api/jobs/tick'), { timeout: 55_000 });
    await page.getByRole('button', { name: 'Jalankan sekarang' }).click();
    await page.locator('#tick-progress progress').waitFor();
    expect((await ran).status()).toBe(200);
    await page.locator('#tick-status', { hasText: 'Penjadwal selesai berjalan.' }).waitFor();
    const summary = (await page.locator('#tick-summary').textContent()) ?? '';
    expect(summary).toMatch(/Dijalankan.+WIB/);
    expect(summary).toMatch(/Jendela dibuka[1-9]/);
    expect(summary).toMatch(/Jendela ditutup[1-9]/);
    expect(summary).toContain('Surel terkirim');
    await row.locator('.window-badge', { hasText: 'Dibuka' }).waitFor();
    await checkAtWidths(page, 'hr-periode-penjadwal');
  });

  it('reopens a closed window for a unit until a time, after asking for the reason beside its field', async () => {
    const page = await open(`/periode/?id=${period2025.id}`);
    await page.getByRole('heading', { level: 2, name: `Kalender ${period2025.nama}` }).waitFor();
    await page.locator('summary', { hasText: 'Buka kembali jendela yang ditutup' }).click();
    await page.getByLabel('Unit', { exact: true }).selectOption(kinUnit.id);
    await page.getByLabel('Sampai tanggal').fill(addDays(today, 3));
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    await expectFieldError(page, 'reopen-alasan', 'Tuliskan alasan');
    await checkAtWidths(page, 'hr-periode-buka-kembali-galat');

    await page
      .getByLabel('Alasan (wajib, dicatat dalam audit)')
      .fill('Penilai cuti sakit saat jendela dibuka');
    const reopened = page.waitForResponse((r) => r.url().endsWith('/reopen'));
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    expect((await reopened).status()).toBe(200);
    await page.locator('#reopen-status', { hasText: `dibuka kembali untuk ${KIN_NAMA} sampai` }).waitFor();
    expect(await page.locator('#reopen-status').textContent()).toContain('pukul 23.59 WIB');

    // For one person: found by name, chosen from the results.
    await page.getByLabel('Satu pegawai').check();
    await page.getByLabel('Cari pegawai (awal nama atau NIP)').fill('Sari P');
    await page.getByRole('button', { name: 'Cari pegawai' }).click();
    await page.getByRole('radio', { name: /Sari Puspitasari/ }).waitFor();
    await page.getByLabel('Alasan (wajib, dicatat dalam audit)').fill('Realisasi belum sempat diisi');
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    await page.locator('#reopen-status', { hasText: 'dibuka kembali untuk Sari Puspitasari' }).waitFor();
    await checkAtWidths(page, 'hr-periode-buka-kembali');
  });
});

describe('Audit', () => {
  it('shows this month’s timeline, an entity’s history with its changes, and that its chain is whole', async () => {
    // The API files entries by the month of their UTC timestamp, so the month is named (a page opened in the
    // first seven hours of a WIB month would otherwise start at a month that holds nothing yet).
    const month = new Date().toISOString().slice(0, 7);
    const page = await open(`/audit/?bulan=${month}`);
    await waitForStatus(page, 'timeline', /Menampilkan 25 entri di halaman 1\./);
    expect(await page.locator('#audit-month').inputValue()).toBe(month);
    await checkAtWidths(page, 'hr-audit');

    const periodRow = page.locator('#timeline-body tr', { hasText: 'Kalender periode diubah' }).first();
    // Narrow to HR's own changes: found by name, then shown.
    await page.getByLabel('Cari pegawai sebagai pelaku (awal nama atau NIP)').fill('Rina K');
    await page.getByRole('button', { name: 'Cari pelaku' }).click();
    await page.locator('#audit-actor-status', { hasText: 'Rina Kartikasari dipilih' }).waitFor();
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.locator('#timeline-caption', { hasText: 'oleh Rina Kartikasari' }).waitFor();
    await waitForStatus(page, 'timeline', 'di halaman 1');
    const actors = await page.locator('#timeline-body td:nth-child(2)').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((a) => a.startsWith('Rina Kartikasari'))).toBe(true);
    expect(page.url()).toContain('pelaku=');

    await periodRow.getByRole('button', { name: /Riwayat/ }).click();
    await waitForStatus(page, 'stream', /Periode: \d+ perubahan, urut versi\./);
    expect(await page.locator('#audit-stream').inputValue()).toMatch(/^PERIOD\|PERIOD#/);
    expect(await page.locator('#stream-list').textContent()).toContain('Periode dibuat');
    await page.getByRole('button', { name: 'Periksa rantai hash' }).click();
    await page.locator('#verify-result', { hasText: 'Rantai utuh.' }).waitFor();
    await checkAtWidths(page, 'hr-audit-riwayat');
  });

  it('says so for a month without entries, and beside the field for a history that does not exist', async () => {
    const page = await open('/audit/?bulan=2020-01');
    await waitForStatus(page, 'timeline', 'Tidak ada entri audit pada Januari 2020.');
    expect(await page.locator('#timeline-table').isVisible()).toBe(false);
    await page.getByLabel('Aliran audit').fill('EMP#TIDAKADA|PROFILE');
    await page.getByRole('button', { name: 'Tampilkan riwayat' }).click();
    await expectFieldError(page, 'audit-stream', 'Riwayat audit tidak ditemukan.');
    await checkAtWidths(page, 'hr-audit-kosong');
  });

  it('names the first broken link of a history whose entry was changed behind the API', async () => {
    const stream = `EMP#${staff[0]?.id}|PROFILE`;
    await e2e.stack.deps.db.doc.send(
      new UpdateCommand({
        TableName: e2e.stack.deps.db.tableName,
        Key: keys.auditEntry(stream, 1),
        UpdateExpression: 'SET reason = :r',
        ExpressionAttributeValues: { ':r': 'diubah diam-diam' },
      }),
    );
    const page = await open(`/audit/?aliran=${encodeURIComponent(stream)}`);
    await waitForStatus(page, 'stream', /Pegawai: \d+ perubahan/);
    await page.getByRole('button', { name: 'Periksa rantai hash' }).click();
    await page.locator('#verify-result', { hasText: 'Rantai rusak pada versi 1.' }).waitFor();
    expect(await page.locator('#verify-result').textContent()).toContain(
      'isi entri tidak cocok dengan hash-nya',
    );
    await checkAtWidths(page, 'hr-audit-rantai-rusak');
  });
});

describe('Impor pegawai (CSV)', () => {
  const header = 'nip,nama,status,pangkat_golongan,email,kode_unit,jabatan';
  const good = (n: number) =>
    `19920317201902200${n},Uji Impor ${n},PNS,Penata Muda (III/a),uji.impor${n}@piawai.test,DEP.AA.SDM.PKS,Analis SDM Aparatur Ahli Muda`;
  const csv = (...rows: string[]) => ({
    name: 'pegawai.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[header, ...rows].join('\n')}\n`),
  });

  it('previews a file with a bad row (row and field named), then applies a clean one', async () => {
    const page = await open('/pegawai/');
    await waitForStatus(page, 'employees', 'halaman 1');
    await page.locator('summary', { hasText: 'Impor pegawai dari berkas CSV' }).click();

    // No file yet: said beside the field.
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expectFieldError(page, 'import-file', 'Pilih berkas CSV lebih dulu.');

    await page
      .getByLabel('Berkas CSV')
      .setInputFiles(csv(good(1), '123,Baris Salah,PNS,,salah@piawai.test,TIDAK.ADA,Analis'));
    const preview = page.waitForResponse((r) => r.url().includes('/api/employees/import?dryRun=true'));
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    expect((await preview).status()).toBe(200);
    await page.locator('#import-summary', { hasText: 'Pratinjau: 2 baris, 1 bermasalah.' }).waitFor();
    const problems = await page.locator('#import-problems-body tr').allTextContents();
    expect(problems.join('\n')).toContain('Baris 3');
    expect(
      problems.some((p) => p.includes('Kode unit') && p.includes('Unit dengan kode "TIDAK.ADA" tidak ada.')),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Terapkan impor' }).isVisible()).toBe(false);
    await checkAtWidths(page, 'hr-impor-pratinjau');

    await page.getByLabel('Berkas CSV').setInputFiles(csv(good(1), good(2)));
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.locator('#import-summary', { hasText: 'Pratinjau: 2 baris, semuanya valid.' }).waitFor();
    const applied = page.waitForResponse((r) => r.url().includes('/api/employees/import?dryRun=false'));
    await page.getByRole('button', { name: 'Terapkan impor' }).click();
    await page.locator('#import-progress progress').waitFor({ state: 'attached' });
    expect((await applied).status()).toBe(200);
    await page.locator('#import-summary', { hasText: 'Impor selesai: 2 pegawai ditambahkan.' }).waitFor();
    await checkAtWidths(page, 'hr-impor-selesai');
    const found = await ok<{ items: Person[] }>(ADMIN, 'GET', '/api/employees?q=Uji%20Impor&limit=10');
    expect(found.items.map((p) => p.nama).sort()).toEqual(['Uji Impor 1', 'Uji Impor 2']);

    // A file with the wrong columns: the API's answer beside the field.
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'salah.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nama,nip\nA,1\n'),
    });
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await expectFieldError(page, 'import-file', 'Judul kolom harus tepat');
  });
});

describe('Tanpa kewenangan SDM', () => {
  it('explains every HR page to a penilai instead of showing its controls', async () => {
    const page = await open('/dasbor/', PENILAI);
    for (const [path, content] of [
      ['/dasbor/', '#dash-content'],
      ['/periode/', '#period-content'],
      ['/papan-skp/', '#board-content'],
      ['/kalibrasi/', '#calib-content'],
      ['/audit/', '#audit-content'],
    ] as const) {
      await page.goto(url(path));
      await page.getByText('Halaman ini khusus admin SDM.').waitFor();
      expect(await page.locator(content).isVisible(), path).toBe(false);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await saveScreenshot(page, 'hr-tanpa-kewenangan');
    expect(await page.getByRole('link', { name: 'Dasbor SDM' }).count()).toBe(0);
  });
});

describe('Navigasi utama', () => {
  it.each([1280, 375, 360])('keeps all fifteen links of an HR admin usable at %i px', async (width) => {
    const page = await open('/dasbor/', ADMIN, width);
    await page.locator('#account-admin').waitFor();
    const links = page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link');
    await page.getByRole('link', { name: 'Audit' }).waitFor();
    expect(await links.count()).toBe(15);
    for (const link of await links.all()) {
      expect(await link.isVisible()).toBe(true);
      const box = await link.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'Dasbor SDM' }).getAttribute('aria-current')).toBe('page');
    await expectNoSidewaysScroll(page, width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'hr-navigasi');
  });
});
