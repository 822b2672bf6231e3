// One performance year told end to end, in headless Chromium against a fresh seeded local stack, each step
// through the page the person would use: HR opens a period of this year on /periode/ and draws its calendar
// (drafting and one periodic evaluation window open today, still "Terjadwal" because the scheduler has not
// run); Sari drafts her SKP on /skp/, supporting a KR of her penilai Hendra, and submits it; Hendra approves
// it from the link in the outbox mail (/kotak-keluar/ → /persetujuan/); HR runs the scheduler, the window
// opens and Sari is told by mail; Sari enters realisasi on /evaluasi/; Hendra rates on /penilaian/ with the
// predikat preview; HR sees the result on /dasbor/ and sets the unit's organisation predikat on /kalibrasi/.
// Only what no page offers goes through the API: the IKU of Hendra's unit, and Hendra's own SKP supporting it
// (approved by his own penilai), as kinerja.test.ts does. The steps run in order and build on each other.
// Every state reached passes axe and is photographed at 1280 px (and at 375 px for /skp/ and /persetujuan/).

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, wibDate } from '../../shared/domain/time.ts';
import { ADMIN, PEGAWAI, PEGAWAI_NAMA, PENILAI, PENILAI_NAMA } from './demo.ts';
import { penilaiPlanSupportingIku, type Rhk } from './fixtures.ts';
import { linkIn } from './outbox.ts';
import { checkAtWidths, DESKTOP_AND_PHONE, text, writesOf } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const DESKTOP = [1280] as const;

const UNIT_NAMA = 'Subbagian Kinerja SDM';

/** This year (WIB): the seed has only 2025, and each e2e file runs against its own stack. */
const today = wibDate(new Date());
const tahun = Number(today.slice(0, 4));
const periodNama = `Periode Kinerja ${tahun}`;
const windowNama = `Evaluasi Triwulan III ${tahun}`;
/** A window's key is its kind and the first day it evaluates. */
const windowKey = `EVALUASI_PERIODIK-${tahun}-07-01`;
const RHK_SARI = 'Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM';
const REALISASI = 'Sebelas dokumen SKP disusun dan diverifikasi.';
const BUKTI = 'https://drive.setneg.example/kinerja/skp-triwulan-3';

interface Skp {
  id: string;
  employeeId: string;
  periodId: string;
  status: string;
  version: number;
  rhk: Rhk[];
}

interface Evaluation {
  status: string;
  predikat: string | null;
  ratingHasil: string | null;
  ratingPerilaku: string | null;
}

// The refusals the pages handle on purpose (kinerja.test.ts lets Chromium's log of a 401/404/409/422 pass) are
// not met on this path: no request of the story is refused, so every console error fails.
const { api, pages, outbox, url } = useE2eSuite();
const { ok, signIn } = api;

let sariId = '';
let hendraId = '';
let atasanEmail = '';
let unitId = '';
let periodId = '';
let hendraRhk: Rhk;
/** The Setujui link of the approval mail Hendra got (read from the `.eml`), to compare with the page's. */
let setujuiLink = '';
/** Outbox files before a step, to find the mail that step sends. */
let mailBefore: string[] = [];

const sariSkp = async () => {
  const { items } = await ok<{ items: Skp[] }>(ADMIN, 'GET', `/api/employees/${sariId}/skp`);
  return items.find((s) => s.periodId === periodId);
};

const evaluationOfSari = () =>
  ok<Evaluation>(ADMIN, 'GET', `/api/employees/${sariId}/evaluations/${periodId}/${windowKey}`);

const windowStates = async () =>
  (
    await ok<{ items: { windowKey: string; kind: string; status: string }[] }>(
      ADMIN,
      'GET',
      `/api/periods/${periodId}/windows`,
    )
  ).items;

beforeAll(async () => {
  await signIn(ADMIN);
  hendraId = (await signIn(PENILAI)).employeeId;
  sariId = (await signIn(PEGAWAI)).employeeId;
  const chain = await ok<{ penilai: { id: string } | null }>(
    ADMIN,
    'GET',
    `/api/employees/${sariId}/penilai`,
  );
  expect(chain.penilai?.id, 'Hendra is Sari’s penilai').toBe(hendraId);
  unitId = (await ok<{ unitId: string }>(ADMIN, 'GET', `/api/employees/${hendraId}`)).unitId;
  const hendraChain = await ok<{ penilai: { id: string } | null }>(
    ADMIN,
    'GET',
    `/api/employees/${hendraId}/penilai`,
  );
  atasanEmail = (await ok<{ email: string }>(ADMIN, 'GET', `/api/employees/${hendraChain.penilai?.id}`))
    .email;
  await signIn(atasanEmail);
}, 180_000);

/** A fresh browser signed in as `email` (the development sign-in sets the session and CSRF cookies). */
const open = (email: string, path: string) => pages.open(path, { as: email });

/** axe, no sideways scrolling, and a screenshot at each width; the page is left at 1280 px. */
const check = (page: Page, name: string, widths: readonly [number, ...number[]] = DESKTOP) =>
  checkAtWidths(page, name, widths, 'cerita-');

const windowRow = (page: Page, nama: string) => page.locator('#windows-body tr', { hasText: nama });

describe(`Satu tahun kinerja ${tahun}: dari kalender periode sampai kalibrasi`, () => {
  it('1. HR creates the period on /periode/ and draws its calendar: drafting and one evaluation window open today, still Terjadwal', async () => {
    const page = await open(ADMIN, '/periode/');
    // The seed has only 2025: it is shown, and nothing of this year exists yet.
    await page.getByRole('heading', { level: 2, name: 'Kalender Periode Kinerja 2025' }).waitFor();
    expect(await page.locator('#periods-body tr').count()).toBe(1);
    await check(page, 'periode-awal');

    // A new period: the form on the page gives it the default calendar (quarterly).
    await page.locator('summary', { hasText: 'Buat periode baru' }).click();
    await page.getByLabel('Tahun').fill(String(tahun));
    await page.getByLabel('Nama periode').fill(periodNama);
    await page.getByLabel('Tanggal mulai').fill(`${tahun}-01-01`);
    await page.getByLabel('Tanggal selesai').fill(`${tahun}-12-31`);
    expect(await page.locator('#create-cadence').inputValue()).toBe('TRIWULANAN');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/periods') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Buat periode' }).click();
    expect((await created).status()).toBe(201);
    await page.getByRole('heading', { level: 2, name: `Kalender ${periodNama}` }).waitFor();
    await page
      .locator('#calendar-status', { hasText: `${periodNama} dibuat dengan kalender bawaan` })
      .waitFor();
    periodId = /[?&]id=([0-9A-Z]{26})$/.exec(page.url())?.[1] ?? '';
    expect(periodId, page.url()).not.toBe('');
    expect(await page.locator('#windows-body tr').count()).toBe(5);
    await page.locator('#periods-body tr', { hasText: periodNama }).waitFor();
    await check(page, 'periode-dibuat');

    // The calendar through the page's own window editor: the first two quarters are dropped (this story is
    // about the third), the drafting window and Triwulan III are moved so that they are open today, the
    // annual window is moved to a month from now.
    await page.locator('summary', { hasText: 'Ubah jendela' }).click();
    await page.getByRole('button', { name: 'Hapus jendela 2' }).click();
    await page.locator('#windows-status', { hasText: `Evaluasi Triwulan I ${tahun}` }).waitFor();
    await page.getByRole('button', { name: 'Hapus jendela 2' }).click();
    await page.locator('#windows-status', { hasText: `Evaluasi Triwulan II ${tahun}` }).waitFor();
    expect(await page.locator('#windows-editor fieldset legend').allTextContents()).toEqual([
      `Jendela 1: Penyusunan dan penetapan SKP ${tahun}`,
      `Jendela 2: ${windowNama}`,
      `Jendela 3: Evaluasi tahunan (Akhir) ${tahun}`,
    ]);
    const dates: [number, { buka: string; batasPengisian: string; tutup: string }][] = [
      [0, { buka: addDays(today, -7), batasPengisian: addDays(today, 7), tutup: addDays(today, 14) }],
      [1, { buka: addDays(today, -5), batasPengisian: addDays(today, 10), tutup: addDays(today, 14) }],
      [2, { buka: addDays(today, 30), batasPengisian: addDays(today, 55), tutup: addDays(today, 60) }],
    ];
    for (const [index, window] of dates) {
      for (const [name, value] of Object.entries(window)) {
        await page.locator(`#win-${index}-${name}`).fill(value);
      }
    }
    await page.locator('#windows-alasan').fill(`Penyusunan SKP dan evaluasi triwulan III ${tahun} dibuka`);
    await check(page, 'periode-ubah-jendela');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/periods/${periodId}/calendar`));
    await page.getByRole('button', { name: 'Simpan jendela' }).click();
    expect((await saved).status()).toBe(200);
    await page.locator('#calendar-status', { hasText: /Jendela kalender disimpan \(versi 2\)/ }).waitFor();
    expect(await page.locator('#windows-body tr').count()).toBe(3);

    // Open by date, but the scheduler has not run: every window still reads Terjadwal.
    const row = windowRow(page, windowNama);
    await row.locator('.window-badge', { hasText: 'Terjadwal' }).waitFor();
    expect(await windowRow(page, 'Penyusunan dan penetapan SKP').textContent()).toContain('Terjadwal');
    expect((await windowStates()).map((w) => w.status)).toEqual(['TERJADWAL', 'TERJADWAL', 'TERJADWAL']);
    await check(page, 'periode-kalender');

    // No page sets an IKU yet: HR sets the IKU of Hendra's unit through the API. Hendra's own plan supports
    // it, submitted by him and approved by his own penilai (as kinerja.test.ts does), so Sari has an RHK and
    // a KR of her penilai to support.
    hendraRhk = await penilaiPlanSupportingIku(api, {
      penilaiId: hendraId,
      atasan: atasanEmail,
      periodId,
      unitId,
    });
  });

  it('2. Sari drafts her SKP on /skp/, supports a KR of Hendra’s with her RHK utama, and submits it', async () => {
    const page = await open(PEGAWAI, `/skp/?periode=${periodId}`);
    await page.getByRole('heading', { level: 2, name: 'Belum ada SKP untuk periode ini' }).waitFor();
    expect(await text(page, '#drafting-window')).toContain('dibuka sampai');
    await check(page, 'skp-kosong', DESKTOP_AND_PHONE);

    await page.getByRole('button', { name: 'Buat draf SKP' }).click();
    await page.locator('#skp-status', { hasText: 'Draf SKP dibuat' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `SKP ${periodNama}` }).waitFor();
    await page.getByRole('button', { name: 'Tambah RHK' }).click();
    expect(await page.locator('#f-rhk-0-jenis').inputValue()).toBe('UTAMA');
    await page.getByLabel('Uraian rencana hasil kerja — RHK 1').fill(RHK_SARI);
    await page
      .getByLabel('Indikator kinerja individu — RHK 1, IKI 1')
      .fill('Dokumen SKP yang disusun dan diverifikasi');
    await page.locator('#f-rhk-0-iki-0-aspek').selectOption('KUANTITAS');
    await page.getByLabel('Target — RHK 1, IKI 1').fill('12');
    await page.getByLabel('Satuan — RHK 1, IKI 1').fill('dokumen');
    // The choices are Hendra's approved RHK and its KR; the hint names him.
    expect(await text(page, '#f-rhk-0-intervensi-hint')).toContain(PENILAI_NAMA);
    const kr = hendraRhk.iki[0]?.id ?? '';
    const intervensi = page.locator('#f-rhk-0-intervensi');
    expect(await intervensi.locator('option').allTextContents()).toContain(
      'Hasil kunci (KR): Dokumen SKP pegawai yang ditetapkan (target 12 dokumen)',
    );
    await intervensi.selectOption(`KR:${kr}`);
    await page
      .getByLabel('Ekspektasi khusus pimpinan — Akuntabel')
      .fill('Menyerahkan dokumen sebelum tenggat.');
    await check(page, 'skp-draf', DESKTOP_AND_PHONE);

    const sent = page.waitForResponse((r) => r.url().endsWith('/transitions'));
    mailBefore = await outbox.files();
    await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    expect((await sent).status()).toBe(200);
    await page.locator('#skp-status', { hasText: 'SKP diajukan kepada pejabat penilai.' }).waitFor();
    await page.locator('#current-badge', { hasText: 'Diajukan' }).waitFor();
    expect(await text(page, '#skp-readonly')).toContain(
      'Mengintervensi: Hasil kunci (KR): Dokumen SKP pegawai yang ditetapkan (target 12 dokumen)',
    );
    await check(page, 'skp-diajukan', DESKTOP_AND_PHONE);

    const skp = await sariSkp();
    expect(skp?.status).toBe('DIAJUKAN');
    expect(skp?.rhk[0]?.jenis).toBe('UTAMA');
    expect(skp?.rhk[0]?.intervensi).toEqual({ kind: 'KR', id: kr });
  });

  it('3. Hendra approves it from the Setujui link of the mail in the outbox; Sari is told by mail', async () => {
    // The mail Hendra got, as the outbox transport wrote it.
    const subject = `Persetujuan SKP: ${PEGAWAI_NAMA} (${periodNama})`;
    const requests = await outbox.newMailTo(mailBefore, PENILAI);
    expect(requests.map((m) => m.subject)).toEqual([subject]);
    setujuiLink = linkIn(requests[0]?.text ?? '', 'Setujui');

    const page = await open(PENILAI, '/kotak-keluar/');
    await page.locator('#outbox-status', { hasText: /Menampilkan \d+ surel/ }).waitFor();
    const first = page.locator('#outbox-list button').first();
    expect(await first.textContent(), 'the newest mail is on top').toContain(subject);
    const item = page.locator('#outbox-list button', { hasText: `Persetujuan SKP: ${PEGAWAI_NAMA}` }).first();
    expect(await item.textContent()).toContain(PENILAI);
    await check(page, 'kotak-keluar');

    await item.click();
    await page.getByRole('heading', { level: 2, name: subject }).waitFor();
    expect(await item.getAttribute('aria-current')).toBe('true');
    expect(await text(page, '#mail-headers')).toContain(PENILAI);
    expect(await text(page, 'pre#mail-text')).toContain(RHK_SARI);
    const setujui = page.getByRole('link', { name: 'Setujui', exact: true });
    expect(await setujui.getAttribute('href')).toBe(setujuiLink);
    await check(page, 'kotak-keluar-surel');

    // The link opens /persetujuan/: a preview first, the decision only on the confirm button.
    await setujui.click();
    await page.getByRole('heading', { level: 2, name: 'Ringkasan SKP' }).waitFor();
    expect(page.url()).toBe(url('/persetujuan/'));
    await page.locator('#account-name', { hasText: PENILAI_NAMA }).waitFor();
    const summary = await text(page, '#summary-list');
    expect(summary).toContain(PEGAWAI_NAMA);
    expect(summary).toContain(periodNama);
    expect(summary).toContain(UNIT_NAMA);
    expect(await text(page, '#rhk-list')).toContain(RHK_SARI);
    expect(await page.getByText('Anda diminta menyetujui SKP berikut').isVisible()).toBe(true);
    expect((await sariSkp())?.status, 'opening the link decides nothing').toBe('DIAJUKAN');
    await check(page, 'persetujuan', DESKTOP_AND_PHONE);

    mailBefore = await outbox.files();
    const decision = page.waitForResponse((r) => r.url().endsWith('/api/email-approvals/decision'));
    await page.getByRole('button', { name: 'Setujui SKP' }).click();
    expect((await decision).status()).toBe(200);
    await page.getByRole('heading', { level: 2, name: 'Keputusan tercatat' }).waitFor();
    expect(await text(page, '#done-detail')).toContain(PEGAWAI_NAMA);
    await check(page, 'persetujuan-tercatat', DESKTOP_AND_PHONE);

    // Approved, through the mail channel, and the chain runs from the IKU through Hendra's KR to Sari's RHK.
    const skp = await sariSkp();
    expect(skp?.status).toBe('DISETUJUI');
    expect(skp?.rhk[0]?.path).toBe(`${hendraRhk.path}#${hendraRhk.iki[0]?.id}#${skp?.rhk[0]?.id}`);
    const stream = encodeURIComponent(`EMP#${sariId}|SKP#${skp?.id}`);
    const audit = await ok<{ items: { action: string; channel: string }[] }>(
      ADMIN,
      'GET',
      `/api/audit/stream?stream=${stream}`,
    );
    expect(audit.items.filter((e) => e.action === 'skp.setujui')).toEqual([
      expect.objectContaining({ action: 'skp.setujui', channel: 'email' }),
    ]);

    // Sari's mail: in the outbox files, and on top of /kotak-keluar/.
    const decided = `SKP ${periodNama} Anda disetujui`;
    const notices = await outbox.newMailTo(mailBefore, PEGAWAI);
    expect(notices.map((m) => m.subject)).toEqual([decided]);
    expect(notices[0]?.text).toContain(`${PENILAI_NAMA} telah menyetujui SKP ${periodNama} Anda.`);
    await page.goto(url('/kotak-keluar/'));
    await page.locator('#outbox-status', { hasText: /Menampilkan \d+ surel/ }).waitFor();
    const newest = page.locator('#outbox-list button').first();
    expect(await newest.textContent()).toContain(decided);
    expect(await newest.textContent()).toContain(PEGAWAI);
    await check(page, 'kotak-keluar-keputusan');

    // Sari's page shows the plan in force.
    const sari = await open(PEGAWAI, `/skp/?periode=${periodId}`);
    await sari.locator('#current-badge', { hasText: 'Disetujui' }).waitFor();
    await check(sari, 'skp-disetujui', DESKTOP_AND_PHONE);
  }, 120_000);

  it('4. HR presses “Jalankan sekarang” on /periode/: the evaluation window turns Dibuka and Sari is told by mail', async () => {
    const page = await open(ADMIN, `/periode/?id=${periodId}`);
    await page.getByRole('heading', { level: 2, name: `Kalender ${periodNama}` }).waitFor();
    const row = windowRow(page, windowNama);
    await row.locator('.window-badge', { hasText: 'Terjadwal' }).waitFor();

    mailBefore = await outbox.files();
    const ran = page.waitForResponse((r) => r.url().endsWith('/api/jobs/tick'), { timeout: 90_000 });
    await page.getByRole('button', { name: 'Jalankan sekarang' }).click();
    expect((await ran).status()).toBe(200);
    await page.locator('#tick-status', { hasText: 'Penjadwal selesai berjalan.' }).waitFor();
    const summary = await text(page, '#tick-summary');
    expect(summary).toMatch(/Dijalankan.+WIB/);
    expect(summary).toMatch(/Jendela dibuka[1-9]/);
    expect(summary).toMatch(/Pemberitahuan dibuat[1-9]/);
    await row.locator('.window-badge', { hasText: 'Dibuka' }).waitFor();
    await windowRow(page, 'Penyusunan dan penetapan SKP')
      .locator('.window-badge', { hasText: 'Dibuka' })
      .waitFor();
    expect(await windowRow(page, 'Evaluasi tahunan').textContent()).toContain('Terjadwal');
    await check(page, 'periode-penjadwal');
    const states = await windowStates();
    expect(states.find((w) => w.windowKey === windowKey)?.status).toBe('DIBUKA');

    // "Window opened", to Sari (the drafting window opened in the same run tells her too).
    const mails = await outbox.newMailTo(mailBefore, PEGAWAI);
    const opened = mails.find((m) => m.subject === `${windowNama} dibuka`);
    expect(opened, mails.map((m) => m.subject).join(' | ')).toBeDefined();
    expect(opened?.text).toContain(`Yth. ${PEGAWAI_NAMA},`);
    expect(opened?.text).toContain(`${windowNama} telah dibuka.`);
    expect(opened?.text).toContain('Isi realisasi dan bukti dukung Anda paling lambat');
  }, 150_000);

  it('5. Sari enters realisasi on /evaluasi/ with a bukti dukung link and capaian', async () => {
    const page = await open(PEGAWAI, `/evaluasi/?periode=${periodId}`);
    const card = page.locator('.window-card', { hasText: windowNama });
    await card.locator('.window-badge', { hasText: 'Dibuka' }).waitFor();
    await check(page, 'evaluasi-jendela');

    await page.getByRole('button', { name: `Isi realisasi — ${windowNama}` }).click();
    await page.getByRole('heading', { level: 2, name: windowNama }).waitFor();
    await page.getByLabel('Realisasi — RHK 1, IKI 1').fill(REALISASI);
    await page.getByLabel('Capaian (%) — RHK 1, IKI 1').fill('92');
    await page.getByLabel('Bukti dukung (tautan) — RHK 1, IKI 1').fill(BUKTI);
    await check(page, 'evaluasi-isi');
    const saved = page.waitForResponse((r) => r.url().endsWith('/realisasi'));
    await page.getByRole('button', { name: 'Simpan realisasi' }).click();
    expect((await saved).status()).toBe(200);
    await page.locator('#realisasi-status', { hasText: 'Realisasi tersimpan' }).waitFor();
    await card.getByText('Realisasi diisi').waitFor();
    await check(page, 'evaluasi-realisasi');
    expect((await evaluationOfSari()).status).toBe('REALISASI');
  });

  it('6. Hendra rates on /penilaian/: feedback, both ratings, the predikat preview before saving, then saves', async () => {
    const page = await open(PENILAI, `/penilaian/?periode=${periodId}&jendela=${windowKey}`);
    const row = page.locator('#team-eval-list .desk-card', { hasText: PEGAWAI_NAMA });
    await row.getByText('Realisasi diisi').waitFor();
    await check(page, 'penilaian-tim');

    await page.getByRole('button', { name: `Nilai ${PEGAWAI_NAMA}` }).click();
    await page
      .getByRole('heading', { level: 2, name: `Penilaian ${PEGAWAI_NAMA} — ${windowNama}` })
      .waitFor();
    await page.locator('#rating-content', { hasText: REALISASI }).waitFor();
    expect(await page.getByRole('link', { name: /^Bukti 1/ }).getAttribute('href')).toBe(BUKTI);
    await page
      .getByLabel('Umpan balik untuk RHK 1')
      .fill('Verifikasi rapi dan lebih cepat dari target; pertahankan.');
    await page.getByLabel('Umpan balik — Akuntabel').fill('Tepat waktu dan cermat.');
    const preview = page.locator('#predikat-preview');
    await preview.getByText('Pilih kedua rating untuk melihat predikatnya.').waitFor();

    // The preview follows the matrix as soon as both ratings are chosen, before anything is saved.
    const writes = writesOf(page);
    await page
      .getByRole('group', { name: /Rating hasil kerja/ })
      .getByLabel('Di Atas Ekspektasi')
      .check();
    await page
      .getByRole('group', { name: /Rating perilaku kerja/ })
      .getByLabel('Di Atas Ekspektasi')
      .check();
    await preview.getByText('Sangat Baik').waitFor();
    expect(await text(page, '.matrix__chosen')).toContain('Sangat Baik (pilihan saat ini)');
    expect(writes, 'nothing saved by the preview').toEqual([]);
    expect((await evaluationOfSari()).predikat).toBeNull();
    await check(page, 'penilaian-pratinjau');

    const saved = page.waitForResponse((r) => r.url().endsWith('/penilaian'));
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    expect((await saved).status()).toBe(200);
    await page
      .locator('.rating-form [role="status"]', { hasText: 'Penilaian tersimpan. Predikat: Sangat Baik.' })
      .waitFor();
    await row.locator('.predikat', { hasText: 'Sangat Baik' }).waitFor();
    await check(page, 'penilaian-tersimpan');
    const evaluation = await evaluationOfSari();
    expect(evaluation).toMatchObject({
      status: 'DINILAI',
      predikat: 'SANGAT_BAIK',
      ratingHasil: 'DI_ATAS',
      ratingPerilaku: 'DI_ATAS',
    });
  });

  it('7. HR sees the result on /dasbor/ and sets the organisation predikat of Sari’s unit on /kalibrasi/', async () => {
    const page = await open(ADMIN, `/dasbor/?periode=${periodId}&jendela=${windowKey}`);
    await page.locator('#eval-status', { hasText: '1 unit dengan evaluasi.' }).waitFor();
    await page.locator('#skp-status', { hasText: 'Menampilkan 1 unit di halaman 1.' }).waitFor();
    expect(await page.locator('#dash-period').inputValue()).toBe(periodId);
    expect(await page.locator('#dash-window').inputValue()).toBe(windowKey);
    expect(await text(page, '#dash-status')).toContain(`Jendela ${windowNama}: Dibuka`);
    // Both plans of the unit (Hendra's and Sari's) are approved.
    const skpRow = page.locator('#skp-body tr', { hasText: UNIT_NAMA });
    expect((await skpRow.locator('td.num').allTextContents()).map(Number)).toEqual([0, 0, 2, 0, 2]);
    // Sari's evaluation: rated (belum, realisasi, dinilai, total).
    const progress = page.locator('#progress-body tr', { hasText: UNIT_NAMA });
    expect((await progress.locator('td.num').allTextContents()).map(Number)).toEqual([0, 0, 1, 1]);
    const sangatBaik = (scope: ReturnType<Page['locator']>) =>
      scope.locator('tbody tr').filter({ has: page.locator('th', { hasText: /^Sangat Baik/ }) });
    expect(await sangatBaik(page.locator('#curve-all')).locator('td.num').textContent()).toBe('1');
    const curve = page.locator('#curve-units details', { hasText: UNIT_NAMA });
    expect(await curve.locator('summary').textContent()).toContain('predikat organisasi belum ditetapkan');
    await curve.locator('summary').click();
    const counted = sangatBaik(curve);
    expect(await counted.locator('td.num').textContent()).toBe('1');
    expect(await counted.textContent()).toContain('100%');
    await check(page, 'dasbor');

    // Calibration of the window: the unit's card with its counts, then its organisation predikat.
    await page.goto(url(`/kalibrasi/?periode=${periodId}&jendela=${windowKey}`));
    const card = page.locator('section.calib-unit', { hasText: UNIT_NAMA });
    await card.waitFor();
    expect(await card.textContent()).toContain(
      '1 evaluasi: 0 belum mengisi, 0 menunggu penilaian, 1 sudah dinilai.',
    );
    expect(await sangatBaik(card).locator('td.num').textContent()).toBe('1');
    expect(await text(page, '#calib-status')).toBe('1 unit, 0 sudah final.');
    await check(page, 'kalibrasi');

    await card.getByLabel('Predikat organisasi (capaian kinerja unit)').selectOption('BAIK');
    const set = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}/predikat`));
    await card.getByRole('button', { name: 'Tetapkan predikat' }).click();
    expect((await set).status()).toBe(200);
    await page
      .locator(`#unit-${unitId}-status`, {
        hasText: 'Predikat organisasi Baik ditetapkan; 1 pelanggaran pola.',
      })
      .waitFor();
    expect(await card.locator('.hr-violations li').allTextContents()).toEqual([
      'Baik 0 dari 1 pegawai bukan kelompok terbanyak: Sangat Baik 1 pegawai.',
    ]);
    expect(await card.locator('thead').textContent()).toContain('Pola unit Baik');
    expect(await card.getByRole('button', { name: 'Finalkan predikat unit' }).isVisible()).toBe(true);
    await check(page, 'kalibrasi-predikat');

    // Back on the dashboard, the unit's curve is judged against that pattern.
    await page.goto(url(`/dasbor/?periode=${periodId}&jendela=${windowKey}`));
    await page.locator('#eval-status', { hasText: '1 unit dengan evaluasi.' }).waitFor();
    expect(
      await page.locator('#curve-units details summary', { hasText: UNIT_NAMA }).textContent(),
    ).toContain('Predikat organisasi Baik · 1 pelanggaran pola');
    expect(await text(page, '#eval-figures')).toContain('Unit menyimpang dari pola1');
    await check(page, 'dasbor-predikat');
  }, 90_000);
});
