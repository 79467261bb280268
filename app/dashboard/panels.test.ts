// Every panel's aggregation on the seeded store (test/fixtures/dashboard-world.ts), checked
// against figures worked out by hand from the seed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { DASHBOARD_NOW, seedDashboardWorld, TENANT, type DashboardWorld } from '../../test/fixtures/dashboard-world.js';
import { parseFilter, type DashboardFilter } from './filters.js';
import type { PanelResult, QueryContext, Row } from './panel.js';
import { panels } from './panels/index.js';

let dir: string;
let storage: StorageHandle;
let world: DashboardWorld;
let ctx: QueryContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-dash-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'dash', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: TENANT });
  world = await seedDashboardWorld(storage.db, storage.repos);
  ctx = { db: storage.db, tenantId: TENANT, now: DASHBOARD_NOW };
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

function filter(query: Record<string, string> = {}): DashboardFilter {
  const parsed = parseFilter(query, DASHBOARD_NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const figure = (r: PanelResult, id: string): unknown => r.figures.find((f) => f.id === id)?.value;
const dataset = (r: PanelResult, id: string): Row[] => r.datasets.find((d) => d.id === id)?.rows ?? [];

describe('mailbox activity', () => {
  it('counts received and sent per day, senders, domains, customers and languages over 7 days', async () => {
    const r = await panels.mailbox.summary(ctx, filter({ range: '7' }));
    expect(figure(r, 'received')).toBe(7);
    expect(figure(r, 'sent')).toBe(2);
    expect(figure(r, 'senders')).toBe(6);
    expect(dataset(r, 'per-day')).toEqual([
      { day: '2026-11-14', received: 0, sent: 0 },
      { day: '2026-11-15', received: 0, sent: 0 },
      { day: '2026-11-16', received: 0, sent: 0 },
      { day: '2026-11-17', received: 1, sent: 0 },
      { day: '2026-11-18', received: 1, sent: 0 },
      { day: '2026-11-19', received: 2, sent: 1 },
      { day: '2026-11-20', received: 3, sent: 1 },
    ]);
    expect(dataset(r, 'top-senders')[0]).toEqual({ sender: 'jane@acme.example', emails: 2 });
    expect(dataset(r, 'top-domains')).toEqual([
      { domain: 'acme.example', emails: 3 },
      { domain: 'globex.example', emails: 1 },
      { domain: 'initech.example', emails: 1 },
      { domain: 'system.example', emails: 1 },
      { domain: 'unknown.example', emails: 1 },
    ]);
    expect(dataset(r, 'top-customers')).toEqual([
      { customer: 'Acme Industrial (C1)', emails: 3, customerId: 'C1' },
      { customer: 'Globex (C2)', emails: 1, customerId: 'C2' },
    ]);
    expect(dataset(r, 'languages')).toEqual([
      { language: 'en', emails: 3 },
      { language: 'de', emails: 1 },
      { language: 'fr', emails: 1 },
      { language: 'und', emails: 1 },
      { language: 'unknown', emails: 1 },
    ]);
  });

  it('applies the range and the mailbox, intent, customer, team and user filters', async () => {
    expect(figure(await panels.mailbox.summary(ctx, filter({ range: '30' })), 'received')).toBe(8);
    expect(figure(await panels.mailbox.summary(ctx, filter({ range: '1' })), 'received')).toBe(3);
    expect(figure(await panels.mailbox.summary(ctx, filter({ from: '2026-11-19', to: '2026-11-19' })), 'received')).toBe(2);
    expect(figure(await panels.mailbox.summary(ctx, filter({ mailbox: 'billing@northwind.example' })), 'received')).toBe(1);
    const invoiceCopy = await panels.mailbox.summary(ctx, filter({ intent: 'invoice_copy' }));
    expect(figure(invoiceCopy, 'received')).toBe(2);
    expect(figure(invoiceCopy, 'sent')).toBe(1);
    expect(figure(await panels.mailbox.summary(ctx, filter({ customer: 'C1' })), 'received')).toBe(3);
    expect(figure(await panels.mailbox.summary(ctx, filter({ team: world.team.id })), 'received')).toBe(4);
    const ana = await panels.mailbox.summary(ctx, filter({ user: world.ana.id }));
    expect(figure(ana, 'received')).toBe(2);
    expect(figure(ana, 'sent')).toBe(1);
  });

  it('lists the emails newest first, paged', async () => {
    const page = await panels.mailbox.rows(ctx, filter({ range: '7' }), { page: 2, pageSize: 3 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r['id'])).toEqual(['e2', 'e3', 'e4']);
    expect(page.rows[0]).toMatchObject({ from: 'bob@acme.example', language: 'en', customerId: 'C1', action: 'review', receivedAt: '2026-11-19T10:00:00.000Z' });
  });
});

describe('processing outcomes', () => {
  it('splits outcomes per intent, with the automation rate, confidence and review reasons', async () => {
    const r = await panels.outcomes.summary(ctx, filter({ range: '7' }));
    expect(figure(r, 'processed')).toBe(6);
    expect(figure(r, 'auto_replied')).toBe(1);
    expect(figure(r, 'review')).toBe(3);
    expect(figure(r, 'no_action')).toBe(1);
    expect(figure(r, 'would_have_sent')).toBe(1);
    expect(figure(r, 'unprocessed')).toBe(1);
    expect(figure(r, 'automation_rate')).toBe(0.2);
    expect(dataset(r, 'by-intent')).toEqual([
      { intent: 'auto_reply', auto_replied: 0, would_have_sent: 0, review: 0, no_action: 1 },
      { intent: 'balance_statement', auto_replied: 0, would_have_sent: 0, review: 1, no_action: 0 },
      { intent: 'dispute', auto_replied: 0, would_have_sent: 0, review: 1, no_action: 0 },
      { intent: 'invoice_copy', auto_replied: 1, would_have_sent: 1, review: 0, no_action: 0 },
      { intent: 'other', auto_replied: 0, would_have_sent: 0, review: 1, no_action: 0 },
      { intent: 'payment_status', auto_replied: 0, would_have_sent: 1, review: 0, no_action: 0 },
    ]);
    expect(dataset(r, 'confidence').map((x) => x['emails'])).toEqual([0, 0, 0, 0, 1, 0, 1, 1, 1, 2]);
    expect(dataset(r, 'review-reasons')).toEqual([
      { reason: 'dispute_cue', emails: 1 },
      { reason: 'dmarc_failed', emails: 1 },
      { reason: 'intent_not_automated', emails: 1 },
      { reason: 'sender_not_known_contact', emails: 1 },
    ]);
  });

  it('lists each email with its outcome and task', async () => {
    const page = await panels.outcomes.rows(ctx, filter({ range: '7' }), { page: 1, pageSize: 50 });
    expect(page.total).toBe(7);
    const e5 = page.rows.find((r) => r['id'] === 'e5');
    expect(e5).toMatchObject({ outcome: 'would_have_sent', intents: 'payment_status, invoice_copy', confidence: 0.65, taskId: 't5' });
    expect(page.rows.find((r) => r['id'] === 'e3')).toMatchObject({ outcome: 'review', reasons: 'dispute_cue, sender_not_known_contact' });
  });
});

describe('response times', () => {
  it('gives p50/p90 of the first automatic and human responses and of the time to close', async () => {
    const r = await panels.response.summary(ctx, filter({ range: '7' }));
    expect(figure(r, 'auto_p50')).toBe(1);
    expect(figure(r, 'auto_p90')).toBe(1);
    expect(figure(r, 'human_p50')).toBe(120);
    expect(figure(r, 'close_p50')).toBe(120);
    expect(figure(r, 'close_p90')).toBe(120);
    expect(figure(r, 'unanswered')).toBe(5);
    expect(dataset(r, 'percentiles')).toEqual([
      { kind: 'First response (automatic)', count: 1, p50: 1, p90: 1 },
      { kind: 'First response (person)', count: 1, p50: 120, p90: 120 },
      { kind: 'Time to close', count: 3, p50: 120, p90: 120 },
    ]);
    const r30 = await panels.response.summary(ctx, filter({ range: '30' }));
    expect(dataset(r30, 'percentiles')[0]).toEqual({ kind: 'First response (automatic)', count: 2, p50: 1, p90: 3 });
  });

  it('lists the response times per email', async () => {
    const page = await panels.response.rows(ctx, filter({ range: '7' }), { page: 1, pageSize: 50 });
    expect(page.rows.find((r) => r['id'] === 'e1')).toMatchObject({ firstKind: 'automatic', firstMinutes: 1, closeMinutes: 2 });
    expect(page.rows.find((r) => r['id'] === 'e2')).toMatchObject({ firstKind: 'human', firstMinutes: 120, closeMinutes: 120 });
    expect(page.rows.find((r) => r['id'] === 'e3')).toMatchObject({ firstKind: null, firstMinutes: null, closeMinutes: null });
  });
});

describe('SoR insights', () => {
  it('counts customers, contacts, balances by age, shared contacts and the last sync', async () => {
    const r = await panels.sor.summary(ctx, filter());
    expect(figure(r, 'customers')).toBe(3);
    expect(figure(r, 'enrolled')).toBe(1);
    expect(figure(r, 'contacts')).toBe(5);
    expect(figure(r, 'without_contacts')).toBe(1);
    expect(figure(r, 'duplicate_contacts')).toBe(1);
    expect(figure(r, 'open_balance_USD')).toBe(300);
    expect(figure(r, 'open_balance_EUR')).toBe(350);
    expect(figure(r, 'last_sync')).toBe('2026-11-20T06:00:00.000Z');
    expect(dataset(r, 'aging')).toEqual([
      { bucket: 'current', EUR: 0, USD: 100, invoices: 1 },
      { bucket: '1-30', EUR: 0, USD: 200, invoices: 1 },
      { bucket: '31-60', EUR: 50, USD: 0, invoices: 1 },
      { bucket: '61-90', EUR: 0, USD: 0, invoices: 0 },
      { bucket: '90+', EUR: 300, USD: 0, invoices: 1 },
    ]);
    expect(dataset(r, 'duplicate-contacts')).toEqual([{ email: 'shared@partner.example', customers: 'C1, C2', count: 2 }]);
    expect(dataset(r, 'without-contacts')).toEqual([{ customerId: 'C3', name: 'Initech' }]);
    expect(r.ignoredFilters).toEqual(['mailbox', 'intent', 'team', 'user']);
  });

  it('narrows to one customer and lists customers by open balance', async () => {
    const r = await panels.sor.summary(ctx, filter({ customer: 'C2' }));
    expect(figure(r, 'customers')).toBe(1);
    expect(figure(r, 'contacts')).toBe(2);
    expect(figure(r, 'open_balance_EUR')).toBe(350);
    expect(figure(r, 'open_balance_USD')).toBeUndefined();
    const page = await panels.sor.rows(ctx, filter(), { page: 1, pageSize: 10 });
    expect(page.rows.map((x) => x['customerId'])).toEqual(['C2', 'C1', 'C3']);
    expect(page.rows[0]).toMatchObject({ name: 'Globex', contactCount: 2, openInvoices: 2, openBalance: 350, overdue90: 300, enrolled: false });
  });
});

describe('tasks and utilization', () => {
  it('counts open tasks, breaches and handled tasks per person per day', async () => {
    const r = await panels.tasks.summary(ctx, filter({ range: '7' }));
    expect(figure(r, 'open')).toBe(2);
    expect(figure(r, 'overdue')).toBe(2);
    expect(figure(r, 'breaches')).toBe(2);
    expect(figure(r, 'created')).toBe(5);
    expect(figure(r, 'handled')).toBe(3);
    expect(figure(r, 'oldest_hours')).toBe(75);
    expect(dataset(r, 'by-status')).toEqual([
      { status: 'new', tasks: 1 },
      { status: 'assigned', tasks: 0 },
      { status: 'in_review', tasks: 1 },
      { status: 'reprocessing', tasks: 0 },
    ]);
    expect(dataset(r, 'by-intent')).toEqual([
      { intent: 'dispute', tasks: 1 },
      { intent: 'invoice_copy', tasks: 1 },
      { intent: 'payment_status', tasks: 1 },
    ]);
    expect(dataset(r, 'per-user')).toEqual([
      { user: 'unassigned', tasks: 1, id: null },
      { user: 'Ana Lima', tasks: 1, id: world.ana.id },
    ]);
    expect(dataset(r, 'breaches')).toEqual([{ team: 'Collections', tasks: 2, id: world.team.id }]);
    const days = dataset(r, 'handled-per-day');
    expect(days.find((d) => d['day'] === '2026-11-19')).toEqual({ day: '2026-11-19', 'Ana Lima': 1, 'Ben Okafor': 0, unassigned: 0 });
    expect(days.find((d) => d['day'] === '2026-11-20')).toEqual({ day: '2026-11-20', 'Ana Lima': 0, 'Ben Okafor': 1, unassigned: 1 });
    expect(dataset(r, 'oldest').map((t) => t['taskId'])).toEqual(['t5', 't3']);
  });

  it('scopes to one person', async () => {
    const r = await panels.tasks.summary(ctx, filter({ range: '7', user: world.ana.id }));
    expect(figure(r, 'open')).toBe(1);
    expect(figure(r, 'handled')).toBe(1);
    const page = await panels.tasks.rows(ctx, filter({ range: '7', user: world.ana.id }), { page: 1, pageSize: 50 });
    expect(page.rows.map((t) => t['taskId'])).toEqual(['t3', 't2']);
    expect(page.rows[0]).toMatchObject({ status: 'in_review', assignee: 'Ana Lima', team: 'Collections', priority: 'high', overdue: true });
  });
});
