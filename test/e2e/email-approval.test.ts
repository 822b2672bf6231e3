// Approval by email in headless Chromium against the seeded local stack: an SKP is submitted (as HR, the 2025
// drafting window being closed), its penilai's mail lands in the local outbox, and its links open
// /persetujuan/. A link only previews — a scanner that opens it and runs its scripts decides nothing —;
// the confirm button decides, once; Kembalikan needs a note. Then the local outbox page and HR's mail
// console. Every state reached passes axe and is photographed at desktop and phone width.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { markUndeliverable } from '../../functions/services/mail-service.ts';
import { skpPath } from './api-client.ts';
import { seriousA11yViolations } from './browser.ts';
import { ADMIN, PEGAWAI, PENILAI, PENILAI_NAMA } from './demo.ts';
import { linkIn } from './outbox.ts';
import { checkAtWidths, writesOf } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const e2e = useE2eSuite({
  // The refusals the pages handle on purpose: 401 (nobody signed in), 403 (someone else's link, HR only),
  // 404, 409 (link used, SKP changed), 410 (expired), 422 (note missing), 429. Chromium logs each one.
  handledStatuses: [401, 403, 404, 409, 410, 422, 429],
});
const { api, pages, outbox, url } = e2e;
const { call, ok, signIn } = api;

let periodId = '';
let periodNama = '';
let hendraId = '';
let sariId = '';
/** Other people whose penilai is Hendra: one fresh SKP per test, so the tests do not depend on each other. */
let others: Person[] = [];

interface Person {
  id: string;
  nama: string;
  nip: string | null;
}

interface Iki {
  deskripsi: string;
  target: string;
  satuan: string | null;
}

interface Skp {
  id: string;
  employeeId: string;
  status: string;
  format: 'JPT' | 'JAJF';
  version: number;
  catatanPengembalian: string | null;
  rhk: { deskripsi: string; iki: Iki[] }[];
}

interface Submitted {
  skp: Skp;
  setujui: string;
  kembalikan: string;
  /** "3 Desember 2026 pukul 01.35 WIB", as the mail words the expiry. */
  berlakuSampai: string;
}

interface AuditEntry {
  action: string;
  channel: string;
}

beforeAll(async () => {
  await signIn(ADMIN);
  hendraId = (await signIn(PENILAI)).employeeId;
  sariId = (await signIn(PEGAWAI)).employeeId;
  const periods = await call<{ items: { id: string; tahun: number; nama: string }[] }>(
    ADMIN,
    'GET',
    '/api/periods',
  );
  const period = periods.body.items.find((p) => p.tahun === 2025);
  if (!period) throw new Error('Periode 2025 tidak ada di data demo.');
  periodId = period.id;
  periodNama = period.nama;
  others = await subordinatesOfHendra();
  expect(others.length, 'bawahan Hendra selain Sari').toBeGreaterThanOrEqual(4);
}, 180_000);

async function subordinatesOfHendra(): Promise<Person[]> {
  const sari = await ok<{ unitId: string }>(ADMIN, 'GET', `/api/employees/${sariId}`);
  const members = await ok<{ items: Person[] }>(ADMIN, 'GET', `/api/units/${sari.unitId}/members?limit=100`);
  const found: Person[] = [];
  for (const member of members.items) {
    if (member.id === hendraId || member.id === sariId) continue;
    const chain = await ok<{ penilai: { id: string } | null }>(
      ADMIN,
      'GET',
      `/api/employees/${member.id}/penilai`,
    );
    if (chain.penilai?.id === hendraId) found.push(member);
  }
  return found;
}

const getSkp = (skp: Skp) => ok<Skp>(ADMIN, 'GET', skpPath(skp));

async function auditActions(skp: Skp): Promise<AuditEntry[]> {
  const stream = encodeURIComponent(`EMP#${skp.employeeId}|SKP#${skp.id}`);
  return (await ok<{ items: AuditEntry[] }>(ADMIN, 'GET', `/api/audit/stream?stream=${stream}`)).items;
}

const decisions = (entries: AuditEntry[]) =>
  entries.filter((e) => e.action === 'skp.setujui' || e.action === 'skp.kembalikan' || e.channel === 'email');

/**
 * Fills and submits (as HR) the 2025 SKP of one of Hendra's people: a new draft, or the one they have (a
 * submitted one is taken back first, a returned one resubmitted), so a test works whatever ran before it.
 */
async function ajukan(employeeId: string, deskripsi: string): Promise<Skp> {
  const created = await call<Skp>(ADMIN, 'POST', `/api/employees/${employeeId}/skp`, { periodId });
  let draft = created.body;
  if (created.status === 409) {
    const { items } = await ok<{ items: (Skp & { periodId: string; revision: number })[] }>(
      ADMIN,
      'GET',
      `/api/employees/${employeeId}/skp`,
    );
    const current = items
      .filter((skp) => skp.periodId === periodId)
      .sort((a, b) => b.revision - a.revision)[0];
    if (!current) throw new Error(`SKP 2025 pegawai ${employeeId} tidak ditemukan.`);
    draft =
      current.status === 'DIAJUKAN'
        ? await ok<Skp>(ADMIN, 'POST', `${skpPath(current)}/transitions`, {
            version: current.version,
            action: 'tarik',
          })
        : current;
  } else {
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  const kind = draft.format === 'JPT' ? { perspektif: 'PROSES_BISNIS' } : { aspek: 'KUANTITAS' };
  const filled = await ok<Skp>(ADMIN, 'PATCH', skpPath(draft), {
    version: draft.version,
    rhk: [
      {
        jenis: 'TAMBAHAN',
        deskripsi,
        intervensi: null,
        iki: [{ deskripsi: 'Laporan triwulanan yang selesai', ...kind, target: '4', satuan: 'laporan' }],
      },
    ],
  });
  const skp = await ok<Skp>(ADMIN, 'POST', `${skpPath(draft)}/transitions`, {
    version: filled.version,
    action: 'ajukan',
  });
  expect(skp.status).toBe('DIAJUKAN');
  return skp;
}

/** Submits an SKP and reads the links of the one mail its penilai gets. */
async function submitSkp(
  employeeId: string,
  deskripsi = 'Menyusun laporan analisis kinerja SDM',
): Promise<Submitted> {
  const before = await outbox.files();
  const skp = await ajukan(employeeId, deskripsi);
  const mails = await outbox.newMailTo(before, PENILAI);
  expect(mails.map((m) => m.subject)).toHaveLength(1);
  const text = mails[0]?.text ?? '';
  return {
    skp,
    setujui: linkIn(text, 'Setujui'),
    kembalikan: linkIn(text, 'Kembalikan (dengan catatan)'),
    berlakuSampai: text.match(/Berlaku sampai (.+? WIB)/)?.[1] ?? '',
  };
}

const tokenOf = (link: string) => new URL(link).hash.replace(/^#t=/, '');

const previewShown = (page: Page) => page.getByRole('heading', { level: 2, name: 'Ringkasan SKP' }).waitFor();
const outcome = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: title }).waitFor();

/** Opens an approval link in a tab that was elsewhere, so the page loads afresh (not just a new fragment). */
async function openLink(page: Page, link: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(link);
}

describe('Persetujuan SKP lewat tautan surel', () => {
  it('only previews when a mail scanner opens the Setujui link and runs its scripts', async () => {
    const submitted = await submitSkp(others[0]?.id ?? '');
    // A scanner: a fresh headless browser, no cookies; it loads the page, runs its scripts, waits for the network.
    const page = await pages.newPage();
    const writes = writesOf(page);
    const previewRequest = page.waitForRequest((r) => r.url().endsWith('/api/email-approvals/preview'));
    await page.goto(submitted.setujui);
    const request = await previewRequest;
    await previewShown(page);
    await page.waitForLoadState('networkidle');
    // What scanners do besides: scroll, hover the buttons, fire the load events again.
    await page.mouse.wheel(0, 4000);
    await page.getByRole('button', { name: 'Setujui SKP' }).hover();
    await page.evaluate(`
      document.dispatchEvent(new Event('DOMContentLoaded'));
      window.dispatchEvent(new Event('load'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    `);
    await page.waitForLoadState('networkidle');

    // The token travelled in a header, never in a URL; the address bar no longer holds it.
    expect(request.headers()['x-approval-token']).toBe(tokenOf(submitted.setujui));
    expect(request.url()).toBe(url('/api/email-approvals/preview'));
    expect(page.url()).toBe(url('/persetujuan/'));
    expect(writes).toEqual([]);

    const after = await getSkp(submitted.skp);
    expect(after.status).toBe('DIAJUKAN');
    expect(after.version).toBe(submitted.skp.version);
    expect(decisions(await auditActions(submitted.skp))).toEqual([]);
    // The link still works for the penilai: the scanner did not use it up.
    const again = await fetch(url('/api/email-approvals/preview'), {
      headers: { 'x-approval-token': tokenOf(submitted.setujui) },
    });
    expect(again.status).toBe(200);
    await checkAtWidths(page, 'persetujuan-pratinjau-pemindai');
  });

  it('lets the penilai, signed in, approve after reading the summary; the link then says it was used', async () => {
    const submitted = await submitSkp(sariId);
    const page = await pages.newPage();
    await pages.signIn(page, PENILAI);
    await page.goto(submitted.setujui);
    await previewShown(page);
    await page.locator('#account-name', { hasText: PENILAI_NAMA }).waitFor();
    expect(page.url()).toBe(url('/persetujuan/'));

    const summary = (await page.locator('#summary-list').textContent()) ?? '';
    for (const expected of [
      'Sari Puspitasari',
      '198601012010011049',
      'Analis SDM Aparatur Ahli Pertama',
      'Subbagian Kinerja SDM',
      periodNama,
      PENILAI_NAMA,
    ]) {
      expect(summary).toContain(expected);
    }
    // Berlaku sampai: the same WIB time as the mail says.
    expect(submitted.berlakuSampai).toMatch(/WIB$/);
    expect(summary).toContain(`Tautan berlaku sampai${submitted.berlakuSampai}`);
    const rhk = (await page.locator('#rhk-list').textContent()) ?? '';
    expect(rhk).toContain('Menyusun laporan analisis kinerja SDM');
    expect(rhk).toContain('Laporan triwulanan yang selesai');
    expect(rhk).toContain('4 laporan');
    expect(rhk).toContain('Kuantitas');
    expect(await page.getByText('Anda diminta menyetujui SKP berikut').isVisible()).toBe(true);
    expect(await page.getByLabel('Catatan pengembalian').isVisible()).toBe(false);
    await checkAtWidths(page, 'persetujuan-setujui');

    const before = await outbox.files();
    const decision = page.waitForResponse((r) => r.url().endsWith('/api/email-approvals/decision'));
    await page.getByRole('button', { name: 'Setujui SKP' }).click();
    expect((await decision).status()).toBe(200);
    await outcome(page, 'Keputusan tercatat');
    expect(await page.locator('#done-detail').textContent()).toContain('Sari Puspitasari');
    expect(await page.getByRole('link', { name: 'Buka portal PIAWAI' }).getAttribute('href')).toBe('/');
    expect(await page.locator('#approval-done:focus').count(), 'focus on the outcome').toBe(1);
    await checkAtWidths(page, 'persetujuan-tercatat');

    const approved = await getSkp(submitted.skp);
    expect(approved.status).toBe('DISETUJUI');
    expect(decisions(await auditActions(submitted.skp))).toEqual([
      expect.objectContaining({ action: 'skp.setujui', channel: 'email' }),
    ]);

    // The same link again: refused, and the refusal says why, with the way to the portal.
    await openLink(page, submitted.setujui);
    await outcome(page, 'Tautan sudah digunakan');
    expect(await page.locator('#refusal-detail').textContent()).toContain('sudah digunakan');
    expect(await page.getByRole('link', { name: 'Buka portal PIAWAI' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Setujui SKP' }).isVisible()).toBe(false);
    await checkAtWidths(page, 'persetujuan-sudah-digunakan');
    expect((await getSkp(submitted.skp)).version).toBe(approved.version);

    // The employee hears of it by mail.
    const notices = await outbox.newMailTo(before, PEGAWAI);
    expect(notices.map((m) => m.subject)).toEqual([`SKP ${periodNama} Anda disetujui`]);
    expect(notices[0]?.text).toContain(`${PENILAI_NAMA} telah menyetujui SKP ${periodNama} Anda.`);
  });

  it('asks for a note before returning (beside the field, from the page and from the API), then returns signed out', async () => {
    const submitted = await submitSkp(others[1]?.id ?? '');
    const page = await pages.newPage();
    const writes = writesOf(page);
    await page.goto(submitted.kembalikan);
    await previewShown(page);
    const note = page.getByLabel('Catatan pengembalian');
    await note.waitFor();
    await checkAtWidths(page, 'persetujuan-kembalikan');

    // Empty: the page says so beside the field and sends nothing.
    await page.getByRole('button', { name: 'Kembalikan SKP' }).click();
    const fieldError = page.locator('#catatan-error');
    await fieldError.filter({ hasText: 'wajib diisi' }).waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(await note.getAttribute('aria-describedby')).toContain('catatan-error');
    expect(await note.evaluate((field) => field.matches(':focus')), 'focus on the note').toBe(true);
    expect(writes).toEqual([]);
    await checkAtWidths(page, 'persetujuan-catatan-wajib');

    // The API's own refusal (the note lost on the way) shows beside the field too, and changes nothing.
    await page.route('**/api/email-approvals/decision', (route) =>
      route.continue({ postData: JSON.stringify({ token: tokenOf(submitted.kembalikan), catatan: null }) }),
    );
    await note.fill('Target perlu dirinci.');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/email-approvals/decision'));
    await page.getByRole('button', { name: 'Kembalikan SKP' }).click();
    const refusedResponse = await refused;
    expect(refusedResponse.status()).toBe(422);
    expect((await refusedResponse.json()).code).toBe('skp.note_required');
    await fieldError.filter({ hasText: 'Catatan pengembalian wajib diisi.' }).waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await page.unroute('**/api/email-approvals/decision');
    let skp = await getSkp(submitted.skp);
    expect(skp.status).toBe('DIAJUKAN');
    expect(skp.version).toBe(submitted.skp.version);
    expect(decisions(await auditActions(submitted.skp))).toEqual([]);

    const catatan = 'Target laporan perlu dirinci per triwulan, dan satuannya disesuaikan.';
    await note.fill(catatan);
    expect(await fieldError.textContent()).toBe('');
    const decided = page.waitForResponse((r) => r.url().endsWith('/api/email-approvals/decision'));
    await page.getByRole('button', { name: 'Kembalikan SKP' }).click();
    expect((await decided).status()).toBe(200);
    await outcome(page, 'Keputusan tercatat');
    expect(await page.locator('#done-detail').textContent()).toContain('dikembalikan');
    await checkAtWidths(page, 'persetujuan-dikembalikan');
    skp = await getSkp(submitted.skp);
    expect(skp.status).toBe('DIKEMBALIKAN');
    expect(skp.catatanPengembalian).toBe(catatan);

    // The other link of the same mail is now out of date.
    await openLink(page, submitted.setujui);
    await outcome(page, 'SKP sudah berubah');
    expect(await page.locator('#refusal-detail').textContent()).toContain('sudah berubah');
    await checkAtWidths(page, 'persetujuan-sudah-berubah');
  });

  it('explains a missing, broken or unknown link, and a link meant for someone else', async () => {
    const page = await pages.newPage();
    await page.goto(url('/persetujuan/'));
    await outcome(page, 'Tautan persetujuan tidak ada');
    expect(await page.getByRole('link', { name: 'Buka portal PIAWAI' }).getAttribute('href')).toBe('/');
    await checkAtWidths(page, 'persetujuan-tanpa-tautan');

    await openLink(page, url('/persetujuan/#t=terpotong'));
    await outcome(page, 'Tautan tidak lengkap');
    expect(page.url()).toBe(url('/persetujuan/'));

    await openLink(page, url(`/persetujuan/#t=${'A'.repeat(43)}`));
    await outcome(page, 'Tautan tidak dikenal');
    expect(await page.locator('#refusal-detail').textContent()).toContain('tidak dikenal');
    await checkAtWidths(page, 'persetujuan-tidak-dikenal');

    // HR signed in, holding the penilai's link: refused (the link is bound to the penilai), nothing decided.
    const submitted = await submitSkp(others[2]?.id ?? '', 'Menyusun pedoman penilaian kinerja');
    await pages.signIn(page, ADMIN);
    await openLink(page, submitted.setujui);
    await outcome(page, 'Tautan ini bukan untuk akun Anda');
    expect(await page.locator('#refusal-detail').textContent()).toContain('akun berbeda');
    await checkAtWidths(page, 'persetujuan-akun-lain');
    expect((await getSkp(submitted.skp)).status).toBe('DIAJUKAN');

    // A new link opened in the same tab (only the fragment changes) is previewed afresh.
    await page.context().clearCookies();
    await page.goto(submitted.kembalikan);
    await previewShown(page);
    expect(await page.getByLabel('Catatan pengembalian').isVisible()).toBe(true);
    expect(page.url()).toBe(url('/persetujuan/'));
  });

  it('serves /persetujuan/, /kotak-keluar/ and /surel/ with the strict CSP and no referrer beyond the site', async () => {
    for (const path of ['/persetujuan/', '/kotak-keluar/', '/surel/']) {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      const html = await response.text();
      expect(html, path).toContain('<meta name="referrer" content="same-origin"');
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});

describe('Kotak keluar dan konsol surel SDM', () => {
  it('shows HR empty lists, then a bounced address and its failed mail, fixed and sent again', async () => {
    await e2e.stack.mailIdle();
    const page = await pages.newPage();
    await pages.signIn(page, ADMIN);
    await page.goto(url('/surel/'));
    await page.locator('#failed-status', { hasText: 'Tidak ada surel yang gagal terkirim.' }).waitFor();
    await page.locator('#due-status', { hasText: 'Tidak ada surel yang menunggu dikirim.' }).waitFor();
    await page.locator('#undeliverable-status', { hasText: 'Tidak ada alamat yang diblokir.' }).waitFor();
    expect(await page.locator('#failed-table').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Surel', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    await checkAtWidths(page, 'surel-kosong');

    // SES reports that the penilai's address bounced: the next approval request to it fails at once.
    await markUndeliverable(e2e.stack.deps, PENILAI, 'BOUNCE', 'Bounce permanen (General)', {
      actor: { id: 'ses', nama: 'Amazon SES' },
      channel: 'job',
      requestId: 'e2e-bounce',
    });
    const before = await outbox.files();
    const person = others[3];
    await ajukan(person?.id ?? '', 'Memutakhirkan data kinerja pegawai');
    expect(await outbox.newMailTo(before, PENILAI)).toEqual([]);

    await page.getByRole('button', { name: 'Muat ulang semua' }).click();
    const failedRow = page.locator('#failed-body tr', { hasText: PENILAI });
    await failedRow.waitFor();
    expect(await failedRow.textContent()).toContain('Permintaan persetujuan SKP');
    expect(await failedRow.textContent()).toContain('bounce');
    const blockedRow = page.locator('#undeliverable-body tr', { hasText: PENILAI });
    await blockedRow.waitFor();
    expect(await blockedRow.textContent()).toContain('Ditolak server penerima (bounce)');
    await page.locator('#failed-status', { hasText: 'Menampilkan 1 surel' }).waitFor();
    await checkAtWidths(page, 'surel-gagal');

    // First the address (else the retry fails again at once), then the mail.
    await blockedRow.getByRole('button', { name: `Sudah diperbaiki (${PENILAI})` }).click();
    await page.locator('#undeliverable-action-status', { hasText: 'dapat menerima surel lagi' }).waitFor();
    await page.locator('#undeliverable-status', { hasText: 'Tidak ada alamat yang diblokir.' }).waitFor();
    await failedRow.getByRole('button', { name: `Kirim ulang surel untuk ${PENILAI}` }).click();
    await page.locator('#failed-action-status', { hasText: 'dijadwalkan ulang' }).waitFor();
    await page.locator('#failed-status', { hasText: 'Tidak ada surel yang gagal terkirim.' }).waitFor();
    const resent = await outbox.newMailTo(before, PENILAI);
    expect(resent.map((m) => m.subject)).toHaveLength(1);
    expect(resent[0]?.text).toContain(`NIP ${person?.nip}`);
  });

  it('lists the local outbox, shows a mail with its headers, text and links, and its Setujui link previews', async () => {
    const submitted = await submitSkp(others[2]?.id ?? '', 'Menyelenggarakan sosialisasi SKP');
    const newest = (await outbox.files()).at(-1) ?? '';
    const mail = await outbox.read(newest);
    const page = await pages.newPage();
    await page.goto(url('/kotak-keluar/'));
    await page.locator('#outbox-status', { hasText: /Menampilkan \d+ surel/ }).waitFor();
    const first = page.locator('#outbox-list button').first();
    expect(await first.textContent()).toContain(mail.subject);
    await page.locator('#mail-hint').waitFor();
    await checkAtWidths(page, 'kotak-keluar');

    await first.click();
    await page.getByRole('heading', { level: 2, name: mail.subject }).waitFor();
    expect(await first.getAttribute('aria-current')).toBe('true');
    expect(page.url()).toBe(url(`/kotak-keluar/?surel=${encodeURIComponent(newest)}`));
    const headers = (await page.locator('#mail-headers').textContent()) ?? '';
    expect(headers).toContain(PENILAI);
    expect(headers).toContain('WIB');
    expect(await page.locator('pre#mail-text').textContent()).toBe(mail.text);
    const setujui = page.getByRole('link', { name: 'Setujui', exact: true });
    expect(await setujui.getAttribute('href')).toBe(submitted.setujui);
    expect(await page.getByRole('link', { name: 'Kembalikan (dengan catatan)' }).getAttribute('href')).toBe(
      submitted.kembalikan,
    );
    await checkAtWidths(page, 'kotak-keluar-surel');

    // A developer follows the link from the mail: the approval page previews (and decides nothing).
    await setujui.click();
    await previewShown(page);
    expect(page.url()).toBe(url('/persetujuan/'));
    expect((await getSkp(submitted.skp)).status).toBe('DIAJUKAN');
    // Back on the outbox, the address still names the mail it showed.
    await page.goto(url(`/kotak-keluar/?surel=${encodeURIComponent(newest)}`));
    await page.getByRole('heading', { level: 2, name: mail.subject }).waitFor();
  });

  it('says when the outbox is empty, and that it exists only locally where the API answers 404 (AWS)', async () => {
    const page = await pages.newPage();
    await page.route('**/api/dev/outbox', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [] }) }),
    );
    await page.goto(url('/kotak-keluar/'));
    await page.locator('#outbox-status', { hasText: 'Kotak keluar kosong.' }).waitFor();
    await checkAtWidths(page, 'kotak-keluar-kosong');

    await page.unroute('**/api/dev/outbox');
    await page.route('**/api/dev/outbox', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ code: 'route.not_found', detail: 'Alamat API tidak ditemukan.' }),
      }),
    );
    await page.reload();
    await page
      .locator('#outbox-error', { hasText: 'hanya ada saat PIAWAI berjalan di komputer pengembang' })
      .waitFor();
    expect(await page.locator('#outbox-list').isVisible()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('explains to a penilai (no HR powers) that the mail console is not theirs, without the Surel link', async () => {
    const page = await pages.newPage();
    await pages.signIn(page, PENILAI);
    await page.goto(url('/surel/'));
    await page.getByText('Tindakan ini khusus admin SDM tingkat kementerian.').waitFor();
    expect(await page.locator('#mail-sections').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Surel', exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe('every message in the outbox', () => {
  it('parses as MIME with an HTML and a text part, and every link works against the running server', async () => {
    await e2e.stack.mailIdle();
    const names = await outbox.files();
    expect(names.length).toBeGreaterThan(3);
    const links = new Set<string>();
    for (const name of names) {
      const mail = await outbox.parse(name);
      expect(mail.subject, name).toBeTruthy();
      expect(mail.text?.length, name).toBeGreaterThan(20);
      expect(typeof mail.html === 'string' && mail.html.includes('<html lang="id">'), name).toBe(true);
      expect(String(mail.html), name).not.toMatch(/<script|<img|src="http/i);
      for (const [, href] of String(mail.html).matchAll(/href="([^"]+)"/g))
        links.add((href ?? '').replaceAll('&amp;', '&'));
      for (const [url] of (mail.text ?? '').matchAll(/https?:\/\/\S+/g)) links.add(url);
    }
    expect([...links].some((l) => l.includes('/persetujuan/#t='))).toBe(true);
    for (const link of links) {
      expect(link.startsWith(e2e.stack.baseUrl), link).toBe(true);
      // The fragment never leaves the browser: the server sees the page itself, which only previews.
      const res = await fetch(link, { redirect: 'manual' });
      expect(res.status, link).toBe(200);
    }
  });
});
