// The built admin site in headless Chromium against the seeded local stack: tree, members, employees, API reference.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, seriousA11yViolations } from './browser.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';

const widths = [1280, 375] as const;

let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
/** Requests that left the origin and errors thrown in pages; both must stay empty. */
let offOrigin: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startLocalStack();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(path: string, width = 1280): Promise<Page> {
  context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(stack.baseUrl) && !request.url().startsWith('data:'))
      offOrigin.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(stack.baseUrl + path);
  return page;
}

afterEach(async () => {
  await context?.close();
  expect(offOrigin, 'requests to other origins').toEqual([]);
  expect(pageErrors, 'errors thrown in the page').toEqual([]);
  offOrigin = [];
  pageErrors = [];
});

const rowNames = (page: Page) => page.locator('tbody th[scope="row"] a').allTextContents();
/** Name and NIP of each row (names repeat in the demo, NIPs do not; the Minister has none). */
const rowKeys = (page: Page) =>
  page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
const waitForStatus = (page: Page, id: string, text: string) =>
  page.locator(`#${id}-status`, { hasText: text }).waitFor();

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
    const last = Math.ceil(stack.employees / 25);
    for (let pageNo = 2; pageNo <= last; pageNo += 1) {
      await next.click();
      await waitForStatus(page, 'employees', `halaman ${pageNo}`);
      for (const row of await rowKeys(page)) seen.add(row);
    }
    expect(seen.size).toBe(stack.employees);
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
    await page.goto(`${stack.baseUrl}/pegawai/detail/`);
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
    await page.goto(`${stack.baseUrl}/pegawai/?q=Sari`);
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
      const page = await open('/referensi-api/', width);
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
    const page = await open('/tidak-ada/');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, '404');
  });
});
