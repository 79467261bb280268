// The customer and invoice records in real headless Chromium (the system's /usr/bin/chromium
// through playwright-core), served by the arbot server on the records SoR fixture: the header
// search finds a customer by a misspelled name, the record shows the seeded aging, a note added
// on the page appears in its timeline, the statement is sent to a chosen contact, a manager
// merges a duplicate with both confirmations, and 360 px has no horizontal scroll.
// Screenshots go to test-artifacts/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDS_ANALYST_TOKEN, RECORDS_MANAGER_TOKEN, startRecordsServer, type RecordsServer } from '../fixtures/records-server.js';

const ROOT = join(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WAIT = { timeout: 15_000 };

let server: RecordsServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  // The page is built at install time (npm's prepare); rebuild so the test sees the current source.
  execFileSync(process.execPath, [join(ROOT, 'tab/build.mjs')], { stdio: 'pipe' });
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startRecordsServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The page's globals, typed just enough for the checks run in the page (this file is compiled without the DOM library). */
interface PageGlobals {
  document: {
    body: { dataset: Record<string, string | undefined> };
    documentElement: { scrollWidth: number; clientWidth: number };
  };
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.dataset['state'] === 'ready', undefined, WAIT);
}

/** Opens `path` in a new page of `ctx` and signs in there with an API token. */
async function signedIn(path: string, token: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${server.url}${path}`, WAIT);
  await page.getByLabel('API token').fill(token, WAIT);
  await page.getByRole('button', { name: 'Sign in' }).click(WAIT);
  await ready(page);
  return page;
}

const agingCell = (page: Page, currency: string, bucket: string): Promise<string> =>
  page.locator(`table.aging tr[data-currency="${currency}"] td[data-bucket="${bucket}"]`).innerText(WAIT);

describe('records in the tab', () => {
  it('finds a customer by a misspelled name from the header search and opens its record', async () => {
    const page = await signedIn('/tab/search', RECORDS_ANALYST_TOKEN);
    const box = page.getByRole('searchbox', { name: 'Search customers and invoices' });
    await box.fill('societe generalle', WAIT);
    await box.press('Enter');
    await page.waitForURL(/\/tab\/search\?q=societe\+generalle$/, WAIT);
    await ready(page);
    const first = page.locator('#main ul.results li a').first();
    expect(await first.innerText(WAIT)).toBe('Société Générale de Café');
    // Keyboard only: the results heading has focus, Tab reaches the first result, Enter opens it.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('results-h');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tab\/customers\/C2$/, WAIT);
    await ready(page);
    expect(await page.locator('#record-title').innerText()).toBe('Société Générale de Café');
    await page.close();
  });

  it('shows the aging of the seeded invoices, adds a note that appears in the timeline, and sends the statement to a chosen contact', async () => {
    const page = await signedIn('/tab/customers/C1', RECORDS_ANALYST_TOKEN);
    expect(await page.locator('#record-title').innerText()).toBe('Acme Industrial LLC');
    // USD: 300 current, 700 at 1–30, 1,100 at 31–60, 1,500 at 61–90, 900 beyond 90 days (test/fixtures/records-sor.ts).
    expect(await agingCell(page, 'USD', 'current')).toBe('$300.00');
    expect(await agingCell(page, 'USD', 'days1to30')).toBe('$700.00');
    expect(await agingCell(page, 'USD', 'days31to60')).toBe('$1,100.00');
    expect(await agingCell(page, 'USD', 'days61to90')).toBe('$1,500.00');
    expect(await agingCell(page, 'USD', 'days90plus')).toBe('$900.00');
    expect(await agingCell(page, 'USD', 'total')).toBe('$4,500.00');
    expect(await agingCell(page, 'EUR', 'days1to30')).toBe('€1,234.56');
    expect(await page.locator('#main').getByRole('link', { name: 'INV-70009' }).count()).toBe(1);
    // An analyst is offered no manager actions.
    expect(await page.getByText('Merge a duplicate').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'record-customer.png'), fullPage: true });

    await page.getByText('Add note', { exact: true }).click(WAIT);
    await page.getByLabel('Note (internal, not sent)').fill('Promised payment on Friday', WAIT);
    await page.getByRole('button', { name: 'Save note' }).click(WAIT);
    await expect.poll(() => page.locator('.timeline li[data-kind="note"]').allInnerTexts(), WAIT).toEqual([expect.stringContaining('Note: Promised payment on Friday')]);
    expect((await server.storage.repos.customerRecords.get('C1')).notes.map((n) => n.text)).toEqual(['Promised payment on Friday']);

    const send = page.locator('details.record-action', { has: page.locator('summary', { hasText: /^Send statement$/ }) });
    await send.locator('summary').click(WAIT);
    await send.getByLabel('Jane Roe <jane@acme.example> (AP)').selectOption('to', WAIT);
    await send.getByRole('button', { name: 'Send statement' }).click(WAIT);
    await expect.poll(() => send.getByRole('status').innerText(), WAIT).toBe('Queued for sending to jane@acme.example.');
    const queued = await server.storage.repos.outbox.listByStatus('pending');
    expect(queued.map((q) => q.message.to)).toEqual([[{ address: 'jane@acme.example' }]]);
    await page.close();
  });

  it('opens the invoice record with its figures', async () => {
    const page = await signedIn('/tab/invoices/INV-70005', RECORDS_ANALYST_TOKEN);
    expect(await page.locator('#record-title').innerText()).toBe('Invoice INV-70005');
    const text = await page.locator('#main').innerText();
    expect(text).toContain('31-60');
    expect(text).toContain('$500.00');
    expect(await page.getByRole('button', { name: 'Open the PDF' }).count()).toBe(1);
    await page.close();
  });

  it('lets a manager merge a duplicate after the preview and the typed account number', async () => {
    const page = await signedIn('/tab/customers/C1', RECORDS_MANAGER_TOKEN);
    await page.getByText('Merge a duplicate', { exact: true }).click(WAIT);
    await page.getByLabel('Find the duplicate to merge into this customer').fill('ACME Industrial', WAIT);
    await page.getByRole('button', { name: 'Find' }).click(WAIT);
    await page.getByLabel(/^ACME Industrial — account 100-9999/).check(WAIT);
    await page.getByRole('button', { name: 'Preview the merge' }).click(WAIT);
    await expect.poll(() => page.locator('#merge-preview-h').innerText(), WAIT).toBe('Merge ACME Industrial (100-9999) into Acme Industrial LLC (100-2231)');
    await page.getByRole('button', { name: 'Continue' }).click(WAIT);
    await page.getByLabel(/^Type the account number of ACME Industrial/).fill('100-9999', WAIT);
    await page.getByRole('button', { name: 'Merge for good' }).click(WAIT);
    await expect.poll(() => page.locator('.status').innerText(), WAIT).toContain('Merged C5 into C1');
    expect((await server.storage.repos.customerRecords.get('C5')).mergedInto?.sorId).toBe('C1');
    await page.close();
  });

  it('fits 360 px without horizontal scrolling (in the dark theme)', async () => {
    const mobile = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB', timezoneId: 'UTC', isMobile: true, hasTouch: true, colorScheme: 'dark' });
    try {
      for (const path of ['/tab/customers/C1', '/tab/invoices/INV-80001', '/tab/search?q=acme']) {
        const page = await signedIn(path, RECORDS_MANAGER_TOKEN, mobile);
        expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset['theme'])).toBe('dark');
        if (path === '/tab/customers/C1') await page.screenshot({ path: join(ARTIFACTS, 'record-customer-mobile.png'), fullPage: false });
        // Open every action so their forms are measured too.
        for (const summary of await page.locator('details.record-action > summary').all()) await summary.click();
        const overflow = await page.evaluate(() => {
          const root = (globalThis as unknown as PageGlobals).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflow, path).toBeLessThanOrEqual(1);
        await page.close();
      }
    } finally {
      await mobile.close();
    }
  });
});
