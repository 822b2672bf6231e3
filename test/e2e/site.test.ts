// The built admin site in headless Chromium against the seeded local stack: sign-in and sign-out, who sees what,
// tree, members, employees, API reference. Every page runs under the site's CSP with no console errors.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousA11yViolations } from './browser.ts';
import { ADMIN, PEGAWAI, PENILAI } from './demo.ts';
import { siteDir } from './local-stack.ts';
import { waitForStatus } from './page-checks.ts';
import { useE2eSuite } from './suite.ts';

const widths = [1280, 375] as const;

const e2e = useE2eSuite({
  // The API's refusals the pages handle on purpose (401 → sign-in, 403/404/429 → message); Chromium logs each.
  handledStatuses: [401, 403, 404, 429],
});
const { pages, url } = e2e;

const waitForUrl = (page: Page, path: string) => page.waitForURL((current) => current.href === url(path));

/** Opens a page without signing in (public pages, and the redirect to the sign-in page). */
const openSignedOut = (path: string, width = 1280) => pages.open(path, { width });

/** Clicks a demo account on the sign-in page (its button names the email). */
const chooseAccount = (page: Page, email: string) => page.getByRole('button', { name: email }).click();

/** Signs in through /masuk/ as a demo account; the sign-in page then opens `path` (its ?next=). */
async function open(path: string, width = 1280, account = ADMIN): Promise<Page> {
  const page = await pages.newPage(width);
  await page.goto(url(`/masuk/?next=${encodeURIComponent(path)}`));
  await chooseAccount(page, account);
  await waitForUrl(page, path);
  return page;
}

/** The header once GET /api/me answered: the signed-in person's name. */
const signedInAs = (page: Page, nama: string) => page.locator('#account-name', { hasText: nama }).waitFor();

const meStatus = async (page: Page) => (await page.request.get(url('/api/me'))).status();

const rowNames = (page: Page) => page.locator('tbody th[scope="row"] a').allTextContents();
/** Name and NIP of each row (names repeat in the demo, NIPs do not; the Minister has none). */
const rowKeys = (page: Page) =>
  page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));

describe('Masuk dan sesi', () => {
  it('sends a signed-out visitor of / to /masuk/?next=/, which offers the development sign-in', async () => {
    const page = await openSignedOut('/');
    await waitForUrl(page, '/masuk/?next=/');
    await page.getByRole('heading', { level: 1, name: 'Masuk ke PIAWAI' }).waitFor();
    await page.getByText('Mode pengembangan lokal — pilih pegawai demo').waitFor();
    // The demo accounts come from the local server (GET /api/dev/accounts), never from the built page.
    for (const email of [ADMIN, PENILAI, PEGAWAI, 'menteri@piawai.test']) {
      await page.getByRole('button', { name: email }).waitFor();
    }
    expect(readFileSync(resolve(siteDir, 'masuk/index.html'), 'utf8')).not.toContain('@piawai.test');
    expect(await page.getByRole('link', { name: 'Masuk dengan akun Kemensetneg' }).isVisible()).toBe(false);
    expect(await meStatus(page)).toBe(401);
  });

  it('serves every page with the strict CSP (script-src and style-src self)', async () => {
    const page = await pages.newPage(1280);
    for (const path of ['/masuk/', '/', '/pegawai/', '/pegawai/detail/', '/referensi-api/', '/tidak-ada/']) {
      const response = await page.request.get(url(path));
      const csp = response.headers()['content-security-policy'] ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
    }
  });

  it.each(widths)('passes axe without serious findings on /masuk/ at %i px', async (width) => {
    const page = await openSignedOut('/masuk/', width);
    await waitForStatus(page, 'people', 'Menampilkan 12 pegawai');
    await page.getByRole('button', { name: 'menteri@piawai.test' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'masuk');
  });

  it('signs in the HR admin from the demo account and returns to /, with name, badge, Pegawai and Keluar', async () => {
    const page = await openSignedOut('/');
    await waitForUrl(page, '/masuk/?next=/');
    await chooseAccount(page, ADMIN);
    await waitForUrl(page, '/');
    await signedInAs(page, 'Rina Kartikasari');
    expect(await page.locator('#account-admin').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Pegawai', exact: true }).isVisible()).toBe(true);
    await page.locator('.tree__unit').first().waitFor();
    await saveScreenshot(page, 'header-admin');
  });

  it('pages and searches the people list on /masuk/, and a found penilai sees the members of their unit only', async () => {
    const page = await openSignedOut('/masuk/');
    await waitForStatus(page, 'people', 'halaman 1');
    const first = await page.locator('#people-list .person__name').allTextContents();
    expect(first).toHaveLength(12);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await waitForStatus(page, 'people', 'halaman 2');
    expect(await page.locator('#people-list .person__name').allTextContents()).not.toEqual(first);
    await page.getByRole('button', { name: 'Sebelumnya' }).click();
    await waitForStatus(page, 'people', 'halaman 1');

    await page.getByLabel('Cari nama atau NIP').fill('Zzz');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await waitForStatus(page, 'people', 'Tidak ada pegawai dengan nama atau NIP berawalan “Zzz”');

    await page.getByLabel('Cari nama atau NIP').fill('Hendra W');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await waitForStatus(page, 'people', 'Menampilkan 1 pegawai');
    await page.locator('#people-list').getByRole('button', { name: 'Hendra Wijayakusuma' }).click();
    await waitForUrl(page, '/');
    await signedInAs(page, 'Hendra Wijayakusuma');
    expect(await page.locator('#account-admin').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Buka semua' }).click();
    await page.locator('.tree__unit', { hasText: 'Subbagian Kinerja SDM' }).click();
    await waitForStatus(page, 'members', 'Menampilkan');
    expect(await rowNames(page)).toContain('Sari Puspitasari');

    await page.locator('.tree__unit', { hasText: 'Biro Sumber Daya Manusia' }).click();
    await page.getByText('Anda hanya dapat melihat pegawai pada unit yang Anda pimpin.').waitFor();
    expect(await page.locator('#members-table').isVisible()).toBe(false);
  });

  it.each([
    [404, { code: 'route.not_found', detail: 'Alamat API tidak ditemukan.' }],
    [401, { message: 'Unauthorized' }],
  ])('offers only the Kemensetneg sign-in where /api/dev/people answers %i (AWS)', async (status, body) => {
    const page = await pages.newPage(1280);
    // As in AWS: the app has no development sign-in (404), or the gateway refuses a signed-out caller (401).
    await page.route('**/api/dev/people**', (route) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    await page.goto(url('/masuk/?next=/'));
    const button = page.getByRole('link', { name: 'Masuk dengan akun Kemensetneg' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/api/auth/login');
    expect(await page.getByText('Mode pengembangan lokal').isVisible()).toBe(false);
    expect(page.url()).toBe(url('/masuk/?next=/'));
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps the person on /masuk/ with the API’s message when the sign-in is refused', async () => {
    const page = await pages.newPage(1280);
    await page.route('**/api/dev/session', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        body: JSON.stringify({ code: 'auth.rate_limited', detail: 'Terlalu banyak percobaan.' }),
      }),
    );
    await page.goto(url('/masuk/?next=/'));
    await chooseAccount(page, ADMIN);
    await page.locator('#session-error', { hasText: 'Terlalu banyak percobaan.' }).waitFor();
    expect(page.url()).toBe(url('/masuk/?next=/'));
  });

  it('returns only to paths of this site: ?next=//host goes home instead', async () => {
    const page = await openSignedOut('/masuk/?next=//example.com/jebakan');
    await chooseAccount(page, PEGAWAI);
    await waitForUrl(page, '/');
    await signedInAs(page, 'Sari Puspitasari');
  });

  it('shows a pegawai no employee list, their own profile with their penilai, and nobody else’s profile', async () => {
    const page = await open('/', 1280, PEGAWAI);
    await signedInAs(page, 'Sari Puspitasari');
    expect(await page.getByRole('link', { name: 'Pegawai', exact: true }).count()).toBe(0);
    expect(await page.locator('#account-admin').isVisible()).toBe(false);

    // The tree is for everyone; a unit they do not lead explains itself instead of failing.
    await page.locator('.tree__unit', { hasText: 'Biro Sumber Daya Manusia' }).click();
    await page.getByText('Anda hanya dapat melihat pegawai pada unit yang Anda pimpin.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'beranda-pegawai');

    await page.getByRole('link', { name: 'Profil saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sari Puspitasari' }).waitFor();
    const chain = page.locator('#penilai-chain');
    await chain.getByText('Hendra Wijayakusuma').waitFor();
    expect(await page.getByRole('link', { name: 'Profil saya' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.breadcrumb').textContent()).toContain('Beranda');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'profil-saya');

    // Their penilai's profile is not theirs to see: the API's not-found message.
    await chain.getByRole('link', { name: 'Hendra Wijayakusuma' }).click();
    await page.locator('#detail-error', { hasText: 'Pegawai tidak ditemukan.' }).waitFor();
    expect(await page.locator('#profile').isVisible()).toBe(false);

    await page.goto(url('/pegawai/'));
    await page.locator('#employees-error', { hasText: 'hanya dapat dibuka oleh admin SDM' }).waitFor();
    expect(await page.locator('#employees-table').isVisible()).toBe(false);
  });

  it('ends the session with Keluar: back on /masuk/, /api/me answers 401, / asks to sign in again', async () => {
    const page = await open('/', 1280, PEGAWAI);
    await signedInAs(page, 'Sari Puspitasari');
    expect(await meStatus(page)).toBe(200);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await waitForUrl(page, '/masuk/');
    expect(await meStatus(page)).toBe(401);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('piawai_session');
    await page.goto(url('/'));
    await waitForUrl(page, '/masuk/?next=/');
  });
});

describe('Struktur Organisasi (beranda)', () => {
  it('shows the ministry and the HR bureau in the org tree, with level labels and codes', async () => {
    const page = await open('/');
    const ministry = page.locator('.tree__unit', { hasText: 'Kementerian Sekretariat Negara' });
    await ministry.waitFor();
    expect(await ministry.textContent()).toContain('Kementerian');
    expect(await ministry.textContent()).toContain('KSN');
    const bureau = page.locator('.tree__unit', { hasText: 'Biro Sumber Daya Manusia' });
    expect(await bureau.isVisible()).toBe(true);
    expect(await bureau.textContent()).toContain('Eselon II');
  });

  it('opens the HR bureau and lists the members of its Bagian, searchable by name', async () => {
    const page = await open('/');
    const toggle = page.getByRole('button', { name: 'Sub-unit Biro Sumber Daya Manusia' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.tree__unit', { hasText: 'Bagian Perencanaan, Informasi, dan Kinerja SDM' }).click();
    await waitForStatus(page, 'members', 'Menampilkan');
    const names = await rowNames(page);
    expect(names).toContain('Rina Kartikasari');
    expect(page.url()).toContain('?unit=');

    await page.getByLabel('Cari nama atau NIP').fill('Rina');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await waitForStatus(page, 'members', 'Menampilkan 1 pegawai');
    expect(await rowNames(page)).toEqual(['Rina Kartikasari']);

    await page.getByLabel('Cari nama atau NIP').fill('Zzz');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await waitForStatus(page, 'members', 'Tidak ada pegawai di unit ini');
    expect(await rowNames(page)).toEqual([]);
  });

  it.each(widths)('passes axe without serious findings at %i px', async (width) => {
    const page = await open('/', width);
    await page.getByRole('button', { name: 'Buka semua' }).click();
    await page.locator('.tree__unit', { hasText: 'Subbagian Kinerja SDM' }).click();
    await waitForStatus(page, 'members', 'Menampilkan');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'beranda');
  });
});

describe('Pegawai', () => {
  it('pages through every employee with Berikutnya and comes back with Sebelumnya', async () => {
    const page = await open('/pegawai/');
    await waitForStatus(page, 'employees', 'halaman 1');
    const first = await rowKeys(page);
    expect(first).toHaveLength(25);
    const seen = new Set(first);
    const next = page.getByRole('button', { name: 'Berikutnya' });
    const last = Math.ceil(e2e.stack.employees / 25);
    for (let pageNo = 2; pageNo <= last; pageNo += 1) {
      await next.click();
      await waitForStatus(page, 'employees', `halaman ${pageNo}`);
      for (const row of await rowKeys(page)) seen.add(row);
    }
    expect(seen.size).toBe(e2e.stack.employees);
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    for (let pageNo = last - 1; pageNo >= 1; pageNo -= 1) {
      await page.getByRole('button', { name: 'Sebelumnya' }).click();
      await waitForStatus(page, 'employees', `halaman ${pageNo}`);
    }
    expect(await rowKeys(page)).toEqual(first);
  });

  it('narrows the table to names starting with the search text, and opens a profile with its penilai', async () => {
    const page = await open('/pegawai/');
    await waitForStatus(page, 'employees', 'halaman 1');
    await page.getByLabel('Cari nama atau NIP').fill('Sari');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.locator('#employees-status', { hasText: /Menampilkan [1-9] pegawai/ }).waitFor();
    const names = await rowNames(page);
    expect(names).toContain('Sari Puspitasari');
    expect(names.every((name) => name.startsWith('Sari'))).toBe(true);
    expect(page.url()).toContain('q=Sari');

    await page.getByRole('link', { name: 'Sari Puspitasari' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sari Puspitasari' }).waitFor();
    const chain = page.locator('#penilai-chain');
    await chain.getByText('Hendra Wijayakusuma').waitFor();
    expect(await chain.textContent()).toContain('Struktural');
    expect(await page.locator('#profile-list').textContent()).toMatch(/Terakhir diperbarui.*WIB/);
  });

  it('shows the API problem detail when a profile does not exist, and asks for a person when none is named', async () => {
    const page = await open('/pegawai/detail/?id=01AAAAAAAAAAAAAAAAAAAAAAAA');
    await page.locator('#detail-error', { hasText: 'Pegawai tidak ditemukan.' }).waitFor();
    expect(await page.locator('#profile').isVisible()).toBe(false);
    await page.goto(url('/pegawai/detail/'));
    await page.locator('#detail-error', { hasText: 'Alamat profil tidak lengkap' }).waitFor();
  });

  it('sorts by NIP descending and marks the sorted column', async () => {
    const page = await open('/pegawai/');
    await waitForStatus(page, 'employees', 'halaman 1');
    await page.getByLabel('Urutkan menurut').selectOption('nip');
    await page.getByLabel('Arah urutan').selectOption('desc');
    await waitForStatus(page, 'employees', 'halaman 1');
    await page.locator('#employees-col-nip[aria-sort="descending"]').waitFor();
    const nips = (await page.locator('tbody tr td:nth-child(2)').allTextContents()).filter(
      (nip) => nip !== '—',
    );
    expect(nips).toEqual([...nips].sort().reverse());
  });

  it.each(widths)('passes axe without serious findings at %i px, list and profile', async (width) => {
    const page = await open('/pegawai/', width);
    await waitForStatus(page, 'employees', 'halaman 1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'pegawai');
    await page.goto(url('/pegawai/?q=Sari'));
    await page.getByRole('link', { name: 'Sari Puspitasari' }).click();
    await page.locator('#penilai-chain').getByText('Hendra Wijayakusuma').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'pegawai-detail');
  });
});

describe('Referensi API', () => {
  it.each(widths)(
    'renders the operations of openapi.json with Swagger UI from our origin at %i px',
    async (width) => {
      // Public: the API reference opens without signing in, and offers "Masuk" in the header.
      const page = await openSignedOut('/referensi-api/', width);
      await page.getByRole('link', { name: 'Masuk', exact: true }).waitFor();
      expect(page.url()).toBe(url('/referensi-api/'));
      await page.locator('.opblock').first().waitFor();
      const paths = await page.locator('.opblock-summary-path').allTextContents();
      expect(paths.length).toBeGreaterThan(10);
      expect(paths.map((path) => path.replace(/\u200b/g, ''))).toContain('/api/employees/{id}/penilai');
      // One operation opened, so its parameters and responses are checked too.
      await page.locator('#operations-Pegawai-get_api_employees .opblock-summary-control').click();
      await page.locator('#operations-Pegawai-get_api_employees .opblock-body').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await saveScreenshot(page, 'referensi-api');
    },
  );
});

describe('404', () => {
  it('answers an unknown address with the Indonesian not-found page', async () => {
    const page = await openSignedOut('/tidak-ada/');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, '404');
  });
});
