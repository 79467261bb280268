// A review task as the analyst sees it, in real headless Chromium (the system's /usr/bin/chromium
// through playwright-core): the Teams card built by cards/teams/task-card.ts and drawn by the
// Adaptive Cards library itself (its dist bundle, with a host config after Teams' light theme),
// and the Slack message built by cards/slack/task-message.ts, drawn by arbot's Block Kit preview
// (test/browser/block-kit-preview.ts; Slack's client cannot run here). The task is one of the
// demo company's (demo/): a price dispute with a payment question from Cedar Point Logistics.
// Screenshots go to test-artifacts/; with UPDATE_SCREENSHOTS=1 also to docs/screenshots/
// (the README's pictures), so an ordinary run leaves the tracked images alone.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Button, KnownBlock } from '@slack/types';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskCardView } from '../../bot/task-view.js';
import type { AdaptiveCard, CardAction } from '../../cards/teams/adaptive-card.js';
import { taskCard } from '../../cards/teams/task-card.js';
import { taskMessage } from '../../cards/slack/task-message.js';
import { validateAdaptiveCard } from '../support/adaptivecards-node.js';
import { blockKitPreviewPage, UNSUPPORTED_MARKER } from './block-kit-preview.js';

const ROOT = join(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DOCS = join(ROOT, 'docs/screenshots');
const UPDATE_DOCS = process.env['UPDATE_SCREENSHOTS'] === '1';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const AC_BUNDLE = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');
const WAIT = { timeout: 15_000 };
/** The README's pictures stay small enough for the repository. */
const PNG_MAX_BYTES = 300 * 1024;

const TAB_URL = 'https://arbot.lakeshore-supply.example/tab';
const theo = { userId: 'u-theo', displayName: 'Theo Marsh', teamsAadObjectId: '3f2a9c1e-7b4d-4e0a-9d61-5c8e2f7a1b34', slackUserId: 'U07THEOMRSH' };

/** Email 012 of the demo inbox, with a payment question added, as the task card's view. */
const view: TaskCardView = {
  taskId: 'T-1042',
  version: 4,
  status: 'in_review',
  statusLabel: 'In review',
  priority: 'high',
  dueAt: '2026-11-23T17:00:00.000Z',
  overdue: false,
  subject: 'Pricing discrepancy on LS-30420 and our ACH payment',
  from: { name: 'Tanya Feld', address: 'tanya.feld@cedarpointlogistics.example' },
  receivedAt: '2026-11-20T19:47:55.000Z',
  language: 'en',
  customer: { sorId: 'C102', name: 'Cedar Point Logistics Inc.', accountNumber: '40-1102' },
  intents: [
    { intent: 'dispute', label: 'Dispute', confidence: 0.94 },
    { intent: 'payment_status', label: 'Payment status', confidence: 0.81 },
  ],
  reasons: [{ code: 'intent_needs_person', message: 'dispute needs a person' }],
  invoices: [
    { number: 'LS-30420', found: true, evidence: '"LS-30420" → LS-30420 of C102 (exact number)' },
    { number: 'LS-30418', found: true, evidence: '"PO-1102-560" → LS-30418 of C102 (PO number on the invoice)' },
  ],
  excerpt:
    'Hi, Invoice LS-30420 bills the copy paper at $52.90 per case, but our agreed contract price is $46.50 per case. ' +
    'We will not be able to pay this invoice until a corrected invoice or a credit memo for the difference is issued. ' +
    'Also, can you confirm you received our ACH payment for PO-1102-560? Tanya Feld Controller, Cedar Point Logistics Inc.',
  attachments: ['contract-pricing-2026.pdf'],
  assignee: theo,
  team: { id: 'team-collections', name: 'Collections' },
  draft: {
    version: 2,
    subject: 'RE: Pricing discrepancy on LS-30420 and our ACH payment',
    to: ['Tanya Feld <tanya.feld@cedarpointlogistics.example>'],
    cc: [],
    bodyPreview: [
      'Dear Tanya,',
      '',
      'Thank you for your message about account 40-1102 (Cedar Point Logistics Inc.).',
      '',
      'We received $491.00 on Oct 31, 2026 by ACH, reference ACH 700450311, and applied it to invoice LS-30418; $491.17 of it is still open.',
      '',
      'We are checking the copy-paper price on LS-30420 against your contract and will send a corrected invoice or a credit memo.',
      '',
      'Kind regards,',
      'Accounts Receivable',
      'Lakeshore Office Supply Co.',
    ].join('\n'),
    attachments: [],
  },
  notes: 1,
  actions: ['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note'],
};

/**
 * A host config after Teams' light theme: Segoe UI (the machine's sans-serif when absent), Teams'
 * text and accent colours, its spacing and six buttons per row.
 */
const teamsColors = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#252424', subtle: '#484644' },
  light: { default: '#ffffff', subtle: '#f3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#237b4b', subtle: '#2e8b57' },
  warning: { default: '#835c00', subtle: '#a67c00' },
  attention: { default: '#c4314b', subtle: '#d25d72' },
};
const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif",
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors: teamsColors },
    emphasis: { backgroundColor: '#f5f5f5', foregroundColors: teamsColors },
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 12, style: 'emphasis' },
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  factSet: {
    title: { color: 'Default', size: 'Default', isSubtle: true, weight: 'Default', wrap: true, maxWidth: 120 },
    value: { color: 'Default', size: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 12,
  },
};

/** The page around the card: a Teams chat message from the bot (avatar, name, time) in light theme. */
const TEAMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams card</title><style>
body { margin: 0; background: #f5f5f5; font-family: 'Segoe UI', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; color: #242424; }
#message { display: flex; gap: 8px; width: 560px; padding: 16px 16px 20px 12px; box-sizing: border-box; background: #f5f5f5; }
.avatar { flex: 0 0 32px; height: 32px; border-radius: 50%; background: #6264a7; color: #fff; font-weight: 600; font-size: 14px; display: flex; align-items: center; justify-content: center; }
.bubble { flex: 1; min-width: 0; }
.meta { font-size: 12px; color: #616161; margin: 0 0 4px 2px; }
.meta .name { font-weight: 600; color: #424242; margin-right: 8px; }
#card { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
#card p, #card ul, #card ol { margin: 0 0 6px; }
/* The library sets a markdown block's first element to width 100%: keep list padding inside it. */
#card ul, #card ol { padding-left: 20px; box-sizing: border-box; }
#card a { color: #6264a7; text-decoration: none; }
#card .mention { color: #6264a7; font-weight: 600; }
.ac-pushButton { font: 600 14px 'Segoe UI', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; height: 32px; padding: 0 12px; min-width: 0;
  border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; color: #242424; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto !important; }
.ac-pushButton.style-positive { background: #6264a7; border-color: #6264a7; color: #fff; }
.ac-pushButton.style-destructive { color: #c4314b; border-color: #c4314b; }
.ac-pushButton.expanded { background: #e8ebfa; border-color: #6264a7; }
.ac-actionSet > div, .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
.ac-textInput, .ac-input input, .ac-input textarea { font: 14px 'Segoe UI', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; color: #242424; background: #fff; padding: 5px 8px; border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; }
</style></head>
<body><div id="message"><div class="avatar" aria-hidden="true">a</div><div class="bubble">
<div class="meta"><span class="name">arbot</span><span class="time">11/20 1:52 PM</span></div>
<div id="card"></div></div></div></body></html>`;

/**
 * Runs in the page after the Adaptive Cards bundle: parses the card with a 1.5 serialization
 * context (collecting the library's parse events), validates it against the host config, and
 * renders it into #card. Markdown is Teams' subset (bold, italic, links, lists), and `<at>`
 * mentions are drawn as Teams does; the library leaves markdown to its host.
 */
const TEAMS_HOST_SCRIPT = `
function esc(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
function inline(s) {
  return esc(s)
    .replace(/&lt;at&gt;(.*?)&lt;\\/at&gt;/g, '<span class="mention">$1</span>')
    .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>')
    .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
    .replace(/(^|[\\s(])_(\\S(?:.*?\\S)?)_(?=[\\s.,;:!?)]|$)/g, '$1<em>$2</em>');
}
function teamsMarkdown(text) {
  return text.split(/\\n{2,}/).map((para) => {
    const lines = para.split('\\n');
    if (lines.every((l) => /^[-*] /.test(l))) return '<ul>' + lines.map((l) => '<li>' + inline(l.slice(2)) + '</li>').join('') + '</ul>';
    if (lines.every((l) => /^\\d+\\. /.test(l))) return '<ol>' + lines.map((l) => '<li>' + inline(l.replace(/^\\d+\\. /, '')) + '</li>').join('') + '</ol>';
    return '<p>' + lines.map(inline).join('<br>') + '</p>';
  }).join('');
}
window.renderTeamsCard = (json, hostConfig) => {
  const AC = window.AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = teamsMarkdown(text); result.didProcess = true; };
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(AC.ValidationEvent[e.event] + ': ' + e.message);
  }
  const validation = card.validateProperties().validationEvents.map((e) => AC.ValidationEvent[e.event] + ': ' + e.message);
  const rendered = card.render();
  if (!rendered) return { events, validation: [...validation, 'render returned nothing'] };
  document.getElementById('card').appendChild(rendered);
  return { events, validation };
};
`;

/** The card's functions in the page, typed just enough (this file is compiled without the DOM library). */
interface TeamsPageGlobals {
  renderTeamsCard(card: unknown, hostConfig: unknown): { events: string[]; validation: string[] };
}

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  await mkdir(ARTIFACTS, { recursive: true });
  if (UPDATE_DOCS) await mkdir(DOCS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  // The analyst reads in Chicago (Lakeshore's time zone); the card's {{DATE}}/{{TIME}} and Slack's date tokens follow it.
  context = await browser.newContext({ viewport: { width: 720, height: 900 }, deviceScaleFactor: 1.5, locale: 'en-US', timezoneId: 'America/Chicago' });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Screenshots `target` into test-artifacts/ (and, for a README picture, docs/screenshots/ when updating); returns the PNG's size. */
async function screenshot(target: Locator, name: string, readme = false): Promise<number> {
  const path = join(ARTIFACTS, name);
  await target.screenshot({ path, animations: 'disabled' });
  if (readme && UPDATE_DOCS) await copyFile(path, join(DOCS, name));
  return (await stat(path)).size;
}

/** A button is shown whole: visible and its label not cut off. */
async function expectWholeButton(button: Locator): Promise<void> {
  await expect.poll(() => button.isVisible(), WAIT).toBe(true);
  const clipped = await button.evaluate((el) => {
    const box = el as unknown as { scrollWidth: number; clientWidth: number };
    return box.scrollWidth - box.clientWidth;
  });
  expect(clipped).toBeLessThanOrEqual(1);
}

function titles(actions: readonly CardAction[] | undefined): string[] {
  return (actions ?? []).flatMap((a) => (a.title ? [a.title] : []));
}

/** The buttons a reader sees without opening anything: the card's actions and its ActionSets'. */
function visibleButtons(card: AdaptiveCard): CardAction[] {
  const inBody = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
  return [...inBody, ...(card.actions ?? [])];
}

describe('the task card in the Adaptive Cards renderer (Teams light theme)', () => {
  it('parses without events, shows the task facts and every button whole, and opens each form', async () => {
    const card = taskCard(view, { viewer: { userId: theo.userId, roles: ['Analyst'] }, tabUrl: TAB_URL, refreshUserIds: ['29:theo'] });
    expect(validateAdaptiveCard(card)).toEqual([]);

    const page: Page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setContent(TEAMS_PAGE);
    await page.addScriptTag({ path: AC_BUNDLE });
    await page.addScriptTag({ content: TEAMS_HOST_SCRIPT });
    const result = await page.evaluate(([json, config]) => (globalThis as unknown as TeamsPageGlobals).renderTeamsCard(json, config), [card as unknown, TEAMS_HOST_CONFIG as unknown] as const);
    expect(result).toEqual({ events: [], validation: [] });
    expect(pageErrors).toEqual([]);

    const rendered = page.locator('#card');
    const text = await rendered.innerText();
    for (const fact of ['Cedar Point Logistics Inc.', 'account 40-1102', 'Tanya Feld (tanya.feld@cedarpointlogistics.example)', 'Dispute (94%)', 'Payment status (81%)', 'dispute needs a person', 'Draft reply (version 2)']) {
      expect(text).toContain(fact);
    }
    for (const invoice of view.invoices) expect(text).toContain(invoice.number);
    expect(text).toContain('"PO-1102-560" → LS-30418 of C102 (PO number on the invoice)');
    // Markdown and templates were processed: bold invoice numbers, the mention, dates in the reader's zone.
    expect(await rendered.locator('strong', { hasText: 'LS-30420' }).count()).toBe(1);
    expect(await rendered.locator('.mention').innerText()).toBe('Theo Marsh');
    expect(text).toContain('Received Fri, Nov 20, 2026 1:47 PM');
    expect(text).not.toMatch(/\{\{|<at>|\*\*/);
    expect(await rendered.getByRole('link', { name: 'Open in arbot' }).getAttribute('href')).toBe(`${TAB_URL}/tasks/T-1042`);

    const buttons = visibleButtons(card);
    expect(titles(buttons)).toEqual(['Intents', 'Fix data', 'Edit draft', 'Reassign', 'Close', 'Note', 'Unclaim', 'Approve & send', 'Reprocess']);
    for (const title of titles(buttons)) await expectWholeButton(rendered.getByRole('button', { name: title, exact: true }));
    expect(await screenshot(page.locator('#message'), 'teams-task-card.png', true)).toBeLessThan(PNG_MAX_BYTES);

    // Each form opens under its button with its own submit button, and closes again.
    for (const form of buttons) {
      if (form.type !== 'Action.ShowCard') continue;
      // The opener is the button with aria-expanded (the Reassign form's submit is also "Reassign").
      const opener = rendered.locator('[aria-expanded]').getByText(form.title, { exact: true });
      // The library draws a form as a card nested in the card; getByRole skips hidden ones.
      const formButton = (title: string) => rendered.locator('.ac-adaptiveCard .ac-adaptiveCard').getByRole('button', { name: title, exact: true });
      await opener.click(WAIT);
      expect(await rendered.locator('[aria-expanded="true"]').innerText()).toBe(form.title);
      for (const title of titles(form.card.actions)) await expectWholeButton(formButton(title));
      if (form.title === 'Edit draft') await screenshot(page.locator('#message'), 'teams-task-card-edit-draft.png');
      await opener.click(WAIT);
      for (const title of titles(form.card.actions)) await expect.poll(() => formButton(title).count(), WAIT).toBe(0);
    }
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('the task message in the Block Kit preview (Slack light theme)', () => {
  it('draws every block, the task facts and every button, with nothing unsupported', async () => {
    const message = taskMessage(view, { tabUrl: `${TAB_URL}/tasks/T-1042` });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setContent(blockKitPreviewPage(message, { appName: 'arbot', time: '1:52 PM', users: { [theo.slackUserId]: theo.displayName }, timeZone: 'America/Chicago' }));

    const shown = page.locator('#message');
    const text = await shown.innerText();
    expect(text).not.toContain(UNSUPPORTED_MARKER);
    expect(await page.locator('.bk-unsupported').count()).toBe(0);
    expect(await page.locator('.bk-header').innerText()).toBe(view.subject);
    for (const fact of ['Cedar Point Logistics Inc. (40-1102 · C102)', 'Tanya Feld tanya.feld@cedarpointlogistics.example', 'Dispute (94% confident)', 'Payment status (81% confident)', 'dispute needs a person', '@Theo Marsh', 'Nov 20, 2026 1:47 PM', 'contract-pricing-2026.pdf']) {
      expect(text).toContain(fact);
    }
    for (const invoice of view.invoices) expect(text).toContain(invoice.number);
    // The mrkdwn was drawn, not shown as source: bold, quotes, links, emoji and entities.
    expect(await shown.locator('b', { hasText: 'LS-30420' }).count()).toBe(1);
    expect(await shown.locator('blockquote').count()).toBe(2);
    expect(await shown.locator('.bk-emoji[title=":white_check_mark:"]').count()).toBe(2);
    expect(await shown.getByRole('link', { name: 'tanya.feld@cedarpointlogistics.example' }).getAttribute('href')).toBe('mailto:tanya.feld@cedarpointlogistics.example');
    expect(text).toContain('Tanya Feld <tanya.feld@cedarpointlogistics.example>');
    expect(text).not.toMatch(/<[@!#]|&(amp|lt|gt);|(^|\s)\*\S|:[a-z_]+:/m);

    const labels = message.blocks
      .filter((b): b is Extract<KnownBlock, { type: 'actions' }> => b.type === 'actions')
      .flatMap((b) => (b.elements as Button[]).map((e) => e.text.text));
    expect(labels).toEqual(['Unclaim', 'Approve & send', 'Close without reply', 'Reprocess', 'Change intents', 'Fix data', 'Edit draft', 'Reassign', 'Add note', 'Open in arbot']);
    for (const label of labels) await expectWholeButton(shown.getByRole('button', { name: label, exact: true }));
    expect(await shown.locator('.bk-button-primary').innerText()).toBe('Approve & send');
    expect(await screenshot(shown, 'slack-task-message.png', true)).toBeLessThan(PNG_MAX_BYTES);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
