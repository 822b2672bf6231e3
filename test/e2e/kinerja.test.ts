// The planning and evaluation screens in headless Chromium against the seeded local stack. HR opens a 2026
// period whose drafting window and one periodic evaluation window are open today (WIB) and sets an IKU for
// the penilai's unit; the penilai's own plan (supporting that IKU) is approved by their penilai through the
// API. Then, in the browser: the employee drafts on /skp/ (picking the penilai's KR), meets the field errors
// of an incomplete plan beside their fields, fixes and submits; the penilai returns it with a required note
// on /penilaian/, the employee resubmits, the penilai approves; the employee enters realisasi on /evaluasi/;
// the penilai rates with the live predikat preview; the employee objects; /keselarasan/ shows the chain.
// The tests run in order and build on each other. Every state reached passes axe and is photographed at
// desktop and phone width, without sideways scrolling.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, wibDate } from '../../shared/domain/time.ts';
import { ADMIN, PEGAWAI, PEGAWAI_NAMA, PENILAI, PENILAI_NAMA } from './demo.ts';
import { IKU, penilaiPlanSupportingIku, type Rhk } from './fixtures.ts';
import { checkAtWidths, text } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const { api, pages, url } = useE2eSuite({
  // The refusals the pages handle on purpose and show: 404 (no evaluation yet), 409 (version), 422 (an
  // incomplete plan, a note missing, a keberatan not allowed). Chromium logs each one.
  handledStatuses: [401, 404, 409, 422],
});
const { ok, signIn } = api;

interface Skp {
  id: string;
  employeeId: string;
  periodId: string;
  status: string;
  revision: number;
  version: number;
  catatanPengembalian: string | null;
  rhk: Rhk[];
}

interface Evaluation {
  version: number;
  status: string;
  predikat: string | null;
  keberatan: { status: string } | null;
}

let sariId = '';
let hendraId = '';
let atasanEmail = '';
let unitId = '';
let periodId = '';
let periodNama = '';
let periode2025 = '';
let windowKey = '';
let windowNama = '';
let hendraRhk: Rhk;

const sariSkps = async () =>
  (await ok<{ items: Skp[] }>(ADMIN, 'GET', `/api/employees/${sariId}/skp`)).items.filter(
    (s) => s.periodId === periodId,
  );

beforeAll(async () => {
  await signIn(ADMIN);
  hendraId = (await signIn(PENILAI)).employeeId;
  sariId = (await signIn(PEGAWAI)).employeeId;
  unitId = (await ok<{ unitId: string }>(ADMIN, 'GET', `/api/employees/${sariId}`)).unitId;
  const chain = await ok<{ penilai: { id: string } | null }>(
    ADMIN,
    'GET',
    `/api/employees/${hendraId}/penilai`,
  );
  const atasan = await ok<{ email: string }>(ADMIN, 'GET', `/api/employees/${chain.penilai?.id}`);
  atasanEmail = atasan.email;
  await signIn(atasanEmail);

  const periods = await ok<{ items: { id: string; tahun: number }[] }>(ADMIN, 'GET', '/api/periods');
  periode2025 = periods.items.find((p) => p.tahun === 2025)?.id ?? '';

  // A period for this year whose drafting window and one periodic evaluation window are open today (WIB).
  const today = wibDate(new Date());
  const tahun = Number(today.slice(0, 4));
  periodNama = `Periode Kinerja ${tahun}`;
  const period = await ok<{ id: string; version: number }>(ADMIN, 'POST', '/api/periods', {
    tahun,
    nama: periodNama,
    mulai: `${tahun}-01-01`,
    selesai: `${tahun}-12-31`,
  });
  periodId = period.id;
  windowNama = `Evaluasi Triwulan III ${tahun}`;
  const windows = [
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
      buka: addDays(today, -5),
      tutup: addDays(today, 14),
      batasPengisian: addDays(today, 10),
    },
    {
      kind: 'EVALUASI_TAHUNAN',
      nama: `Evaluasi tahunan (Akhir) ${tahun}`,
      periodeMulai: `${tahun}-10-01`,
      periodeSelesai: `${tahun}-12-31`,
      buka: addDays(today, 30),
      tutup: addDays(today, 60),
      batasPengisian: addDays(today, 55),
    },
  ];
  await ok(ADMIN, 'PUT', `/api/periods/${periodId}/calendar`, {
    version: period.version,
    alasan: 'Jadwal uji: penyusunan SKP dan evaluasi triwulan III dibuka',
    windows,
  });
  windowKey = `EVALUASI_PERIODIK-${tahun}-07-01`;
  await ok(ADMIN, 'POST', '/api/jobs/tick');
  const states = await ok<{ items: { windowKey: string; status: string }[] }>(
    ADMIN,
    'GET',
    `/api/periods/${periodId}/windows`,
  );
  expect(states.items.find((w) => w.windowKey === windowKey)?.status).toBe('DIBUKA');

  // The IKU of the penilai's unit, and the penilai's plan supporting it, approved by their own penilai.
  hendraRhk = await penilaiPlanSupportingIku(api, {
    penilaiId: hendraId,
    atasan: atasanEmail,
    periodId,
    unitId,
  });
}, 180_000);

/** A fresh browser signed in as `email` (the development sign-in sets the session and CSRF cookies). */
const open = (email: string, path: string) => pages.open(path, { as: email });

const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const skpPage = () => `/skp/?periode=${periodId}`;
const deskPage = () => `/penilaian/?periode=${periodId}`;

describe('Halaman kinerja: keadaan kosong', () => {
  it('tells a new employee there is no SKP yet, nothing to approve, no team, no IKU and no approved plan', async () => {
    const page = await open(PEGAWAI, skpPage());
    await page.getByRole('heading', { level: 2, name: 'Belum ada SKP untuk periode ini' }).waitFor();
    expect(await text(page, '#drafting-window')).toContain('dibuka sampai');
    expect(await page.getByRole('button', { name: 'Buat draf SKP' }).isVisible()).toBe(true);
    expect(await page.locator('#skp-history').isVisible()).toBe(false);
    await checkAtWidths(page, 'skp-kosong');

    await page.goto(url(deskPage()));
    await page
      .locator('#queue-status', { hasText: 'Tidak ada SKP yang menunggu persetujuan Anda.' })
      .waitFor();
    await page.locator('#team-status', { hasText: 'Tidak ada pegawai yang Anda nilai' }).waitFor();
    await page
      .locator('#team-eval-status', { hasText: 'Tidak ada pegawai yang Anda nilai pada jendela ini' })
      .waitFor();
    await checkAtWidths(page, 'penilaian-kosong');

    await page.goto(url(`/keselarasan/?periode=${periode2025}`));
    await page.locator('#iku-status', { hasText: 'Belum ada IKU untuk Periode Kinerja 2025' }).waitFor();
    await checkAtWidths(page, 'keselarasan-kosong');

    await page.goto(url(`/evaluasi/?periode=${periodId}&jendela=${windowKey}`));
    await page.getByRole('heading', { level: 2, name: windowNama }).waitFor();
    await page.getByText('Belum ada SKP yang disetujui untuk masa yang dievaluasi').waitFor();
    expect(await page.locator('#realisasi-form').isVisible()).toBe(false);
    await checkAtWidths(page, 'evaluasi-tanpa-skp');
  });
});

describe('SKP Saya', () => {
  it('drafts a plan, shows each problem of an incomplete plan beside its field, then submits it', async () => {
    const page = await open(PEGAWAI, skpPage());
    await page.getByRole('button', { name: 'Buat draf SKP' }).click();
    await page.locator('#skp-status', { hasText: 'Draf SKP dibuat' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `SKP ${periodNama}` }).waitFor();

    // Keyboard: the new RHK's first field takes focus.
    await page.getByRole('button', { name: 'Tambah RHK' }).click();
    expect(await focusedId(page)).toBe('f-rhk-0-jenis');
    await page
      .getByLabel('Uraian rencana hasil kerja — RHK 1')
      .fill('Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM');
    await page
      .getByLabel('Indikator kinerja individu — RHK 1, IKI 1')
      .fill('Dokumen SKP yang disusun dan diverifikasi');
    await page.getByLabel('Target — RHK 1, IKI 1').fill('10');
    await page.getByLabel('Satuan — RHK 1, IKI 1').fill('dokumen');
    // The penilai's RHK and KR are the choices, and the hint names the penilai.
    expect(await text(page, '#f-rhk-0-intervensi-hint')).toContain(PENILAI_NAMA);
    const choices = await page.locator('#f-rhk-0-intervensi option').allTextContents();
    expect(choices).toContain(`Hasil kunci (KR): Dokumen SKP pegawai yang ditetapkan (target 12 dokumen)`);
    await page
      .getByLabel('Ekspektasi khusus pimpinan — Akuntabel')
      .fill('Menyerahkan dokumen sebelum tenggat.');
    await page.getByRole('button', { name: 'Tambah dukungan sumber daya' }).click();
    expect(await focusedId(page)).toBe('f-lampiran-dukunganSumberDaya-0');
    await page.keyboard.type('Akses aplikasi PIAWAI dan data kepegawaian');

    // Submitting with no intervensi and no aspek: saved, then refused; each problem beside its field.
    const refused = page.waitForResponse((r) => r.url().endsWith('/transitions'));
    await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(422);
    const problem = (await refusal.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('skp.invalid_content');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['rhk.0.iki.0.aspek', 'rhk.0.intervensi']);
    await page.locator('#f-rhk-0-intervensi-error', { hasText: 'RHK utama wajib menyebut' }).waitFor();
    await page.locator('#f-rhk-0-iki-0-aspek-error', { hasText: 'pilih aspek' }).waitFor();
    const intervensi = page.locator('#f-rhk-0-intervensi');
    const aspek = page.locator('#f-rhk-0-iki-0-aspek');
    expect(await intervensi.getAttribute('aria-invalid')).toBe('true');
    expect(await intervensi.getAttribute('aria-describedby')).toContain('f-rhk-0-intervensi-error');
    expect(await aspek.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page), 'focus on the first problem').toBe('f-rhk-0-intervensi');
    // The summary links to each field.
    const summary = page.locator('.skp-edit__actions [role="alert"]');
    expect(await summary.textContent()).toContain('SKP belum dapat diajukan');
    await summary.getByRole('link', { name: /Aspek — RHK 1, IKI 1/ }).click();
    expect(await focusedId(page)).toBe('f-rhk-0-iki-0-aspek');
    const saved = (await sariSkps())[0];
    expect(saved?.status).toBe('DRAFT');
    expect(saved?.rhk[0]?.deskripsi).toBe('Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM');
    await checkAtWidths(page, 'skp-galat');

    const kr = hendraRhk.iki[0]?.id ?? '';
    await intervensi.selectOption(`KR:${kr}`);
    await aspek.selectOption('KUANTITAS');
    await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    await page.locator('#skp-status', { hasText: 'SKP diajukan kepada pejabat penilai.' }).waitFor();
    await page.locator('#current-badge', { hasText: 'Diajukan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Tarik kembali' }).isVisible()).toBe(true);
    expect(await text(page, '#skp-readonly')).toContain(
      'Mengintervensi: Hasil kunci (KR): Dokumen SKP pegawai yang ditetapkan (target 12 dokumen)',
    );
    expect(await text(page, '#skp-readonly')).toContain('Menyerahkan dokumen sebelum tenggat.');
    await checkAtWidths(page, 'skp-diajukan');

    // Withdrawn, it is a draft to edit again; submitted again as it stands.
    await page.getByRole('button', { name: 'Tarik kembali' }).click();
    await page.locator('#skp-status', { hasText: 'Pengajuan ditarik kembali' }).waitFor();
    await page.locator('#current-badge', { hasText: 'Draf' }).waitFor();
    expect(await page.locator('#f-rhk-0-intervensi').inputValue()).toBe(`KR:${kr}`);
    await page.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    await page.locator('#skp-status', { hasText: 'SKP diajukan kepada pejabat penilai.' }).waitFor();
    await page.locator('#current-badge', { hasText: 'Diajukan' }).waitFor();

    const [skp] = await sariSkps();
    expect(skp?.status).toBe('DIAJUKAN');
    expect(skp?.rhk[0]?.intervensi).toEqual({ kind: 'KR', id: kr });
    expect(skp?.rhk[0]?.iki[0]?.aspek).toBe('KUANTITAS');
  });

  it('lets the penilai return it with a required note, the employee fix and resubmit it, and the penilai approve', async () => {
    const page = await open(PENILAI, deskPage());
    await page.locator('#queue-status', { hasText: '1 SKP menunggu persetujuan Anda.' }).waitFor();
    await page
      .getByRole('button', { name: `Periksa SKP ${PEGAWAI_NAMA}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: `SKP ${PEGAWAI_NAMA}` }).waitFor();
    await page.locator('#review-content', { hasText: 'Mengintervensi: Hasil kunci (KR)' }).waitFor();
    expect(await focusedId(page)).toBe('review-title');
    await checkAtWidths(page, 'penilaian-periksa');

    // Returning needs a note: beside the field, focus on it, nothing sent.
    await page.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    const note = page.getByLabel('Catatan pengembalian');
    await page.locator('#catatan-error', { hasText: 'wajib diisi' }).waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('catatan');
    expect((await sariSkps())[0]?.status).toBe('DIAJUKAN');
    await checkAtWidths(page, 'penilaian-catatan-wajib');
    const catatan = 'Target dokumen dinaikkan menjadi 12 agar sejalan dengan hasil kunci saya.';
    await note.fill(catatan);
    await page.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await page.locator('#decision-done', { hasText: `SKP ${PEGAWAI_NAMA} dikembalikan` }).waitFor();
    await page
      .locator('#queue-status', { hasText: 'Tidak ada SKP yang menunggu persetujuan Anda.' })
      .waitFor();
    expect((await sariSkps())[0]?.catatanPengembalian).toBe(catatan);

    // The employee reads the note, fixes the target and submits again.
    const sari = await open(PEGAWAI, skpPage());
    await sari.locator('#current-badge', { hasText: 'Dikembalikan' }).waitFor();
    expect(await text(sari, '#returned-text')).toBe(catatan);
    await checkAtWidths(sari, 'skp-dikembalikan');
    await sari.getByLabel('Target — RHK 1, IKI 1').fill('12');
    await sari.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    await sari.locator('#skp-status', { hasText: 'SKP diajukan kepada pejabat penilai.' }).waitFor();
    expect(await sari.locator('#returned-note').isVisible()).toBe(false);

    // The penilai approves; the team shows the plan in force.
    const desk = await open(PENILAI, deskPage());
    await desk
      .getByRole('button', { name: `Periksa SKP ${PEGAWAI_NAMA}` })
      .first()
      .click();
    await desk.locator('#review-content', { hasText: '12 dokumen' }).waitFor();
    await desk.getByRole('button', { name: 'Setujui SKP' }).click();
    await desk.locator('#decision-done', { hasText: `SKP ${PEGAWAI_NAMA} disetujui` }).waitFor();
    const member = desk.locator('.desk-card', { hasText: PEGAWAI_NAMA });
    await member.locator('.status-badge', { hasText: 'Disetujui' }).waitFor();
    await checkAtWidths(desk, 'penilaian-tim');
    const [approved] = await sariSkps();
    expect(approved?.status).toBe('DISETUJUI');
    expect(approved?.rhk[0]?.path).toBe(`${hendraRhk.path}#${hendraRhk.iki[0]?.id}#${approved?.rhk[0]?.id}`);
  });

  it('opens a revision while the approved plan stays in force, and shows every revision read-only', async () => {
    const page = await open(PEGAWAI, skpPage());
    await page.locator('#current-badge', { hasText: 'Disetujui' }).waitFor();
    await page.getByRole('button', { name: 'Ajukan revisi' }).click();
    await page.locator('#skp-status', { hasText: 'Revisi dibuka sebagai draf' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `SKP ${periodNama} — revisi ke-2` }).waitFor();
    expect(await text(page, '#in-force-note')).toContain('Revisi ke-1 yang telah disetujui tetap berlaku');
    const rows = page.locator('#history-body tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Revisi ke-2');
    await page.getByRole('button', { name: 'Buka revisi ke-1' }).click();
    await page.getByRole('heading', { level: 2, name: 'Revisi ke-1 — Disetujui' }).waitFor();
    expect(await focusedId(page)).toBe('history-view-title');
    expect(await text(page, '#history-content')).toContain(
      'Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM',
    );
    await checkAtWidths(page, 'skp-riwayat');

    // Someone else saves the same draft first (another tab): this save is refused, and the page says to reload.
    const revision = (await sariSkps()).find((s) => s.revision === 2);
    await ok(PEGAWAI, 'PATCH', `/api/employees/${sariId}/skp/${revision?.id}`, {
      version: revision?.version,
      pendekatan: 'KUALITATIF',
    });
    await page.getByLabel('Target — RHK 1, IKI 1').fill('14');
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    expect((await refused).status()).toBe(409);
    await page
      .locator('.skp-edit__actions [role="alert"]', { hasText: 'baru saja diubah di tempat lain' })
      .waitFor();
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByLabel('Target — RHK 1, IKI 1').waitFor();
    expect(await page.getByLabel('Target — RHK 1, IKI 1').inputValue()).toBe('12');
    expect(await page.getByLabel('Kualitatif').isChecked()).toBe(true);
  });
});

describe('Evaluasi dan penilaian', () => {
  it('lets the employee enter realisasi with bukti dukung and capaian, checking each link beside its field', async () => {
    const page = await open(PEGAWAI, `/evaluasi/?periode=${periodId}`);
    const card = page.locator('.window-card', { hasText: windowNama });
    await card.locator('.window-badge', { hasText: 'Dibuka' }).waitFor();
    expect(await page.locator('.window-card', { hasText: 'Evaluasi tahunan' }).textContent()).toContain(
      'Terjadwal',
    );
    await checkAtWidths(page, 'evaluasi-jendela');
    await page.getByRole('button', { name: `Isi realisasi — ${windowNama}` }).click();
    await page.getByRole('heading', { level: 2, name: windowNama }).waitFor();
    expect(await focusedId(page)).toBe('detail-title');
    await page.getByLabel('Realisasi — RHK 1, IKI 1').fill('Sembilan dokumen SKP disusun dan diverifikasi.');
    await page.getByLabel('Capaian (%) — RHK 1, IKI 1').fill('80');
    const bukti = page.getByLabel('Bukti dukung (tautan) — RHK 1, IKI 1');
    await bukti.fill('folder bersama/laporan');
    await page.getByRole('button', { name: 'Simpan realisasi' }).click();
    await page.locator('#f-real-0-0-bukti-error', { hasText: 'Bukan tautan web yang lengkap' }).waitFor();
    expect(await bukti.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('f-real-0-0-bukti');
    await checkAtWidths(page, 'evaluasi-galat');

    await bukti.fill('https://drive.setneg.example/kinerja/skp-triwulan-3');
    const saved = page.waitForResponse((r) => r.url().endsWith('/realisasi'));
    await page.getByRole('button', { name: 'Simpan realisasi' }).click();
    expect((await saved).status()).toBe(200);
    await page.locator('#realisasi-status', { hasText: 'Realisasi tersimpan' }).waitFor();
    await card.getByText('Realisasi diisi').waitFor();
    expect(await bukti.getAttribute('aria-invalid')).toBeNull();
    await checkAtWidths(page, 'evaluasi-realisasi');
  });

  it('lets the penilai rate with a live predikat preview, and write continuous feedback', async () => {
    const page = await open(PENILAI, deskPage());
    const row = page.locator('#team-eval-list .desk-card', { hasText: PEGAWAI_NAMA });
    await row.getByText('Realisasi diisi').waitFor();
    await page.getByRole('button', { name: `Nilai ${PEGAWAI_NAMA}` }).click();
    await page
      .getByRole('heading', { level: 2, name: `Penilaian ${PEGAWAI_NAMA} — ${windowNama}` })
      .waitFor();
    await page.locator('#rating-content', { hasText: 'Sembilan dokumen SKP disusun' }).waitFor();
    expect(await page.getByRole('link', { name: /^Bukti 1/ }).getAttribute('href')).toBe(
      'https://drive.setneg.example/kinerja/skp-triwulan-3',
    );
    await page
      .getByLabel('Umpan balik untuk RHK 1')
      .fill('Verifikasi rapi; percepat penyusunan dua dokumen sisanya.');
    await page.getByLabel('Umpan balik — Akuntabel').fill('Tepat waktu dan cermat.');

    // Without ratings: each group says so.
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await page.locator('#f-ratingHasil-error', { hasText: 'Pilih rating hasil kerja.' }).waitFor();
    await page.locator('#f-ratingPerilaku-error', { hasText: 'Pilih rating perilaku kerja.' }).waitFor();

    // The predikat follows the matrix as the ratings change, before anything is saved.
    const preview = page.locator('#predikat-preview');
    await page
      .getByRole('group', { name: /Rating hasil kerja/ })
      .getByLabel('Di Atas Ekspektasi')
      .check();
    await page
      .getByRole('group', { name: /Rating perilaku kerja/ })
      .getByLabel('Sesuai Ekspektasi')
      .check();
    await preview.getByText('Baik', { exact: true }).waitFor();
    await page
      .getByRole('group', { name: /Rating perilaku kerja/ })
      .getByLabel('Di Bawah Ekspektasi')
      .check();
    await preview.getByText('Kurang/Misconduct').waitFor();
    await page
      .getByRole('group', { name: /Rating perilaku kerja/ })
      .getByLabel('Di Atas Ekspektasi')
      .check();
    await preview.getByText('Sangat Baik').waitFor();
    expect(await text(page, '.matrix__chosen')).toContain('Sangat Baik (pilihan saat ini)');
    await checkAtWidths(page, 'penilaian-nilai');

    const saved = page.waitForResponse((r) => r.url().endsWith('/penilaian'));
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    expect((await saved).status()).toBe(200);
    await page
      .locator('.rating-form [role="status"]', { hasText: 'Penilaian tersimpan. Predikat: Sangat Baik.' })
      .waitFor();
    await row.locator('.predikat', { hasText: 'Sangat Baik' }).waitFor();
    const evaluation = await ok<Evaluation>(
      ADMIN,
      'GET',
      `/api/employees/${sariId}/evaluations/${periodId}/${windowKey}`,
    );
    expect(evaluation.predikat).toBe('SANGAT_BAIK');
    expect(evaluation.status).toBe('DINILAI');

    // Continuous feedback to the same person, about one RHK.
    await page.getByRole('button', { name: `Umpan balik untuk ${PEGAWAI_NAMA}` }).click();
    await page
      .getByRole('heading', { level: 2, name: `Umpan balik berkelanjutan untuk ${PEGAWAI_NAMA}` })
      .waitFor();
    await page.locator('#feedback-history-status', { hasText: 'Belum ada umpan balik' }).waitFor();
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page.locator('#feedback-text-error', { hasText: 'Tuliskan umpan baliknya.' }).waitFor();
    await page.getByLabel('Tentang').selectOption({ index: 1 });
    await page.locator('#feedback-text').fill('Bagus: dokumen diverifikasi lebih awal.');
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page
      .locator('#feedback-status', { hasText: `Umpan balik untuk ${PEGAWAI_NAMA} tersimpan.` })
      .waitFor();
    await page.locator('#feedback-list', { hasText: 'Bagus: dokumen diverifikasi lebih awal.' }).waitFor();
    await checkAtWidths(page, 'penilaian-umpan-balik');
  });

  it('shows the employee the feedback, ratings and predikat, and takes a keberatan once the unit is final', async () => {
    const page = await open(PEGAWAI, `/evaluasi/?periode=${periodId}&jendela=${windowKey}`);
    await page.locator('#hasil', { hasText: 'Sangat Baik' }).waitFor();
    const hasil = await text(page, '#hasil');
    expect(hasil).toContain('Di Atas Ekspektasi');
    expect(hasil).toContain('Tepat waktu dan cermat.');
    expect(await text(page, '#window-detail')).toContain(
      'Verifikasi rapi; percepat penyusunan dua dokumen sisanya.',
    );
    await page.locator('#feedback-list', { hasText: 'Bagus: dokumen diverifikasi lebih awal.' }).waitFor();
    expect(await text(page, '#feedback-list')).toContain(PENILAI_NAMA);
    expect(await text(page, '#keberatan')).toContain('14 hari (WIB) sejak predikat unit Anda difinalkan');

    // Before the unit is final, the API refuses and the page says why.
    const alasan = page.getByLabel('Alasan keberatan');
    await alasan.fill('Capaian saya melampaui target namun tidak tercermin pada rating perilaku.');
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await page.locator('#keberatan [role="alert"]', { hasText: 'Predikat belum final' }).waitFor();
    await checkAtWidths(page, 'evaluasi-dinilai');

    // HR sets the unit's organisation predikat and finalises it (with a justification for the curve).
    const predikat = await ok<{ version: number }>(
      ADMIN,
      'PUT',
      `/api/periods/${periodId}/windows/${windowKey}/units/${unitId}/predikat`,
      { predikat: 'BAIK' },
    );
    await ok(ADMIN, 'POST', `/api/periods/${periodId}/windows/${windowKey}/units/${unitId}/finalize`, {
      version: predikat.version,
      justifikasi: 'Unit kecil: satu pegawai dinilai pada triwulan ini.',
    });

    await page.reload();
    await alasan.waitFor();
    await alasan.fill('Singkat');
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await page.locator('#f-keberatan-alasan-error', { hasText: 'minimal 10 karakter' }).waitFor();
    expect(await alasan.getAttribute('aria-invalid')).toBe('true');
    await alasan.fill(
      'Umpan balik perilaku tidak menyebut bukti; saya mohon klarifikasi atas rating perilaku.',
    );
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await page
      .locator('#keberatan', { hasText: 'Diajukan, menunggu keputusan atasan pejabat penilai' })
      .waitFor();
    expect(await page.locator('#realisasi-form').isVisible()).toBe(false);
    await checkAtWidths(page, 'evaluasi-keberatan');

    // The atasan decides (through the API: no screen lists objections waiting for an atasan yet).
    const evaluation = await ok<Evaluation>(
      ADMIN,
      'GET',
      `/api/employees/${sariId}/evaluations/${periodId}/${windowKey}`,
    );
    await ok(
      atasanEmail,
      'PUT',
      `/api/employees/${sariId}/evaluations/${periodId}/${windowKey}/keberatan/keputusan`,
      {
        version: evaluation.version,
        klarifikasiPenilai: 'Rating perilaku mengikuti catatan harian triwulan ini.',
        klarifikasiPegawai: 'Bukti kehadiran rapat koordinasi terlampir.',
        keputusan: 'TETAP',
        catatan: 'Predikat tetap Sangat Baik; umpan balik perilaku agar disertai bukti.',
      },
    );
    await page.reload();
    await page.locator('#keberatan', { hasText: 'Ditolak: predikat tetap' }).waitFor();
    expect(await text(page, '#keberatan')).toContain(
      'Predikat tetap Sangat Baik; umpan balik perilaku agar disertai bukti.',
    );
    await checkAtWidths(page, 'evaluasi-keberatan-diputus');
  });
});

describe('Keselarasan', () => {
  it('shows the chain from the IKU through the penilai’s RHK and KR to the employee’s RHK, with progress', async () => {
    const page = await open(PEGAWAI, `/keselarasan/?periode=${periodId}`);
    await page.getByRole('heading', { level: 3, name: 'Subbagian Kinerja SDM' }).waitFor();
    await page.getByRole('button', { name: new RegExp(IKU) }).click();
    await page.locator('#tree-status', { hasText: 'hasil kerja mendukung IKU ini' }).waitFor();
    expect(await focusedId(page)).toBe('tree-title');

    const root = page.locator('.alignment-tree > .tree__item');
    expect(await root.locator(':scope > .tree__row .node__label').textContent()).toBe(IKU);
    const rhk = root.locator(':scope > .tree__children > .tree__item').first();
    expect(await rhk.locator(':scope > .tree__row').textContent()).toContain(PENILAI_NAMA);
    const kr = rhk.locator(':scope > .tree__children > .tree__item').first();
    expect(await kr.locator(':scope > .tree__row .node__label').textContent()).toBe(
      'Dokumen SKP pegawai yang ditetapkan',
    );
    const mine = kr.locator(':scope > .tree__children > .tree__item').first();
    const mineRow = (await mine.locator(':scope > .tree__row').textContent()) ?? '';
    expect(mineRow).toContain('Tersusunnya dokumen SKP pegawai Subbagian Kinerja SDM');
    expect(mineRow).toContain(`${PEGAWAI_NAMA} (Anda)`);
    expect(mineRow).toContain('Capaian 80%');
    // Rolled up: the KR and the RHK above carry the same 80 %.
    expect(await kr.locator(':scope > .tree__row').textContent()).toContain('Capaian 80%');
    expect(await root.locator(':scope > .tree__row').textContent()).toContain('Capaian 80%');
    await checkAtWidths(page, 'keselarasan');

    // Branches close and open from the keyboard.
    const toggle = rhk.locator(':scope > .tree__row > .tree__toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await kr.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Tutup semua' }).click();
    expect(await rhk.isVisible()).toBe(false);
  });
});
