// The dashboard page in real headless Chromium (the system's /usr/bin/chromium through
// playwright-core), served by the arbot server on a seeded store: sign-in with an API token,
// charts drawn, a filter changing the figures, the drill-down list and its CSV download, the
// task view, the Teams mobile width, and the Teams path with a simulated Teams host
// (test/browser/teams-host.ts). Screenshots go to test-artifacts/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGER_TOKEN, startDashboardServer, type DashboardServer } from '../fixtures/dashboard-server.js';
import { teamsHostMount, TEAMS_HOST_PATH, type TeamsHostState } from './teams-host.js';

const ROOT = join(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WAIT = { timeout: 15_000 };

let server: DashboardServer;
let browser: Browser;
let context: BrowserContext;
const host: TeamsHostState = { token: '', theme: 'dark', userObjectId: 'oid-ana' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  // The page is built at install time (npm's prepare); rebuild so the test sees the current source.
  execFileSync(process.execPath, [join(ROOT, 'tab/build.mjs')], { stdio: 'pipe' });
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startDashboardServer([teamsHostMount(host)]);
  host.token = await server.ssoToken({ oid: 'oid-ana' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC', acceptDownloads: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function ready(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => (globalThis as unknown as PageGlobals).document.body.dataset['state'] === 'ready', undefined, WAIT);
}

/**
 * The page's globals, typed just enough for the checks run in the page (this file is compiled
 * without the DOM library). Checks are functions, not strings: the page's CSP forbids eval.
 */
interface PageGlobals {
  document: {
    body: { dataset: Record<string, string | undefined> };
    documentElement: { dataset: Record<string, string | undefined>; scrollWidth: number; clientWidth: number };
    querySelector(selector: string): { textContent: string | null } | null;
  };
  __teamsCalls: string[];
  setTeamsTheme(theme: string): void;
}

/** Waits until a figure of a panel shows this text. */
async function figureBecomes(page: Page, panel: string, id: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, want]) => (globalThis as unknown as PageGlobals).document.querySelector(selector)?.textContent === want,
    [`#panel-${panel} [data-figure="${id}"] dd`, text] as const,
    WAIT,
  );
}

const figure = (target: Page | Frame, panel: string, id: string): Promise<string> =>
  target.locator(`#panel-${panel} [data-figure="${id}"] dd`).innerText(WAIT);

async function signedInPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${server.url}/tab`, WAIT);
  await page.getByLabel('API token').fill(MANAGER_TOKEN, WAIT);
  await page.getByRole('button', { name: 'Sign in' }).click(WAIT);
  await ready(page);
  return page;
}

describe('the dashboard in a browser', () => {
  it('signs in with an API token, draws every chart and changes the figures with a filter', async () => {
    const page = await signedInPage();
    await expect.poll(() => page.locator('canvas[data-rendered="true"]').count(), WAIT).toBeGreaterThanOrEqual(12);
    // The charts are really drawn: a canvas holds non-transparent pixels.
    interface Canvas { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } }
    const painted = await page.locator('#panel-mailbox canvas[data-dataset="per-day"]').evaluate((el) => {
      const canvas = el as unknown as Canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);
    expect(await figure(page, 'mailbox', 'received')).toBe('7');
    expect(await page.locator('header .who').innerText()).toBe('Mia Manager (Manager)');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    await page.getByLabel('Intent', { exact: true }).selectOption('invoice_copy');
    await figureBecomes(page, 'mailbox', 'received', '2');
    await ready(page);
    expect(await figure(page, 'mailbox', 'sent')).toBe('1');
    expect(page.url()).toContain('intent=invoice_copy');

    await page.getByLabel('Period', { exact: true }).selectOption('30');
    await figureBecomes(page, 'mailbox', 'received', '3');
    await page.close();
  });

  it('opens the drill-down list, pages it and downloads its CSV', async () => {
    const page = await signedInPage();
    await page.locator('#panel-mailbox').getByRole('button', { name: 'Details list' }).click(WAIT);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('status').innerText(), WAIT).toBe('7 records; page 1 of 1.');
    expect(await dialog.locator('tbody tr').count()).toBe(7);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-down.png') });
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('mailbox-list.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Received,From,Subject,Mailbox,Language,Customer,Decision');
    expect(csv.trim().split('\r\n')).toHaveLength(8);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count(), WAIT).toBe(0);

    const [datasetCsv] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Download Top sender domains as CSV' }).click(),
    ]);
    expect(await readFile(await datasetCsv.path(), 'utf8')).toBe('Domain,Emails\r\nacme.example,3\r\nglobex.example,1\r\ninitech.example,1\r\nsystem.example,1\r\nunknown.example,1\r\n');
    await page.close();
  });

  it('shows the task detail that cards link to', async () => {
    const page = await signedInPage();
    await page.goto(`${server.url}/tab/tasks/t3`, WAIT);
    await ready(page);
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('Contestation facture INV-4');
    for (const section of ['Task', 'Email', 'Understanding', 'Evidence', 'History', 'Audit trail']) {
      await expect.poll(() => page.getByRole('heading', { name: section, exact: true }).count(), WAIT).toBe(1);
    }
    expect(await page.locator('.email-text').innerText()).toContain('this is email e3');
    await page.screenshot({ path: join(ARTIFACTS, 'task-view.png'), fullPage: true });
    await page.close();
  });

  it('fits the Teams mobile width without horizontal scrolling', async () => {
    const mobile = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB', timezoneId: 'UTC', isMobile: true, hasTouch: true });
    try {
      const page = await mobile.newPage();
      await page.goto(`${server.url}/tab`, WAIT);
      await page.getByLabel('API token').fill(MANAGER_TOKEN, WAIT);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await ready(page);
      const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-mobile.png'), fullPage: false });
    } finally {
      await mobile.close();
    }
  });

  it('shows the sign-in again with the reason when a token is refused', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/tab`, WAIT);
    await page.getByLabel('API token').fill('wrong-token-0123456789abcdef', WAIT);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), WAIT).toBe('That token was refused: token not recognised');
    await page.close();
  });
});

describe('the dashboard as a Teams tab', () => {
  it('initialises teams-js, follows the Teams theme and calls the API with the SSO token', async () => {
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(`${server.url}${TEAMS_HOST_PATH}`, WAIT);
    const frame = page.frameLocator('#tab');
    const tab = page.frames().find((f) => f.url().endsWith('/tab'));
    if (!tab) throw new Error('the tab frame did not load');
    await ready(tab);
    expect(await tab.evaluate(() => {
      const { dataset } = (globalThis as unknown as PageGlobals).document.documentElement;
      return [dataset['host'], dataset['theme']];
    })).toEqual(['teams', 'dark']);
    // The analyst signed in through SSO sees only the task panel, with her own figures.
    expect(await frame.locator('header .who').innerText()).toBe('Ana Lima (Analyst)');
    expect(await tab.locator('section.panel').count()).toBe(1);
    expect(await figure(tab, 'tasks', 'open')).toBe('1');
    const calls = await page.evaluate(() => (globalThis as unknown as PageGlobals).__teamsCalls);
    expect(calls).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));
    await page.screenshot({ path: join(ARTIFACTS, 'teams-tab-dark.png'), fullPage: false });

    await page.evaluate(() => (globalThis as unknown as PageGlobals).setTeamsTheme('contrast'));
    await tab.waitForFunction(() => (globalThis as unknown as PageGlobals).document.documentElement.dataset['theme'] === 'contrast', undefined, WAIT);
    await ready(tab);
    await page.screenshot({ path: join(ARTIFACTS, 'teams-tab-contrast.png'), fullPage: false });
    await page.close();
  });
});
