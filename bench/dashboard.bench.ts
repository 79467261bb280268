// `npm run bench:dashboard`: the latency of every dashboard panel (figures and the first
// drill-down page) on 200,000 emails and 50,000 tasks in the embedded store, driver and server
// in one process as in `npm start`. Prints p50/p95 per panel over several runs, and peak RSS.
// Usage: npm run bench:dashboard [-- --emails 200000 --tasks 50000 --runs 10 --only mailbox --cpu-profile out.cpuprofile]
// (--only times one panel; --cpu-profile writes a V8 CPU profile of the timed queries, not the seeding.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import type { Db } from 'mongodb';
import pino from 'pino';
import { parseFilter, type DashboardFilter } from '../app/dashboard/filters.js';
import { PANEL_IDS, type QueryContext } from '../app/dashboard/panel.js';
import { panels } from '../app/dashboard/panels/index.js';
import { percentile, sortedNumbers } from '../app/dashboard/stats.js';
import { openStorage } from '../storage/index.js';
import { analysisDoc, emailDoc, outboxDoc, taskDoc, type EmailSpec, type TaskSpec } from '../test/fixtures/dashboard-world.js';
import { peakRssMiB } from './measure.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EMAILS = arg('emails', 200_000);
const TASKS = Math.min(arg('tasks', 50_000), EMAILS);
const RUNS = arg('runs', 5);
const textArg = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const ONLY = textArg('only');
const PROFILE = textArg('cpu-profile');
const CUSTOMERS = 2_000;
const TENANT = 'bench';
const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

const INTENTS = ['invoice_copy', 'balance_statement', 'payment_status', 'remittance_advice', 'dispute', 'other', 'auto_reply'];
const LANGS = ['en', 'en', 'en', 'fr', 'de', 'es', 'nl'];
const STATUSES = ['new', 'assigned', 'in_review', 'sent', 'sent', 'sent', 'closed_no_reply'];

/** Deterministic pseudo-random numbers, so every run loads the same data. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

async function seed(db: Db): Promise<void> {
  const rand = rng(42);
  // Plain documents with string ids, as the repositories store them.
  const coll = (name: string) => db.collection<{ _id: string }>(name);
  const users = Array.from({ length: 20 }, (_, i) => ({ _id: `u${i}`, tenantId: TENANT, displayName: `Analyst ${i}`, identities: {}, roles: ['Analyst'], away: false, createdAt: NOW, updatedAt: NOW }));
  await coll('users').insertMany(users);
  await coll('teams').insertMany([0, 1, 2].map((i) => ({ _id: `team${i}`, tenantId: TENANT, name: `Team ${i}`, members: [], channels: {}, createdAt: NOW, updatedAt: NOW })));
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    _id: `c${i}`, tenantId: TENANT, sorId: `C${i}`, accountNumber: `A-${i}`, name: `Customer ${i}`, currency: i % 5 === 0 ? 'EUR' : 'USD',
    domains: [`customer${i}.example`], status: 'active', enrolled: i % 3 === 0, createdAt: NOW, updatedAt: NOW,
  }));
  await coll('customers').insertMany(customers);
  await coll('contacts').insertMany(Array.from({ length: CUSTOMERS * 2 }, (_, i) => ({
    _id: `ct${i}`, tenantId: TENANT, customerSorId: `C${i % CUSTOMERS}`, name: `Contact ${i}`, email: i % 97 === 0 ? 'shared@partner.example' : `p${i}@customer${i % CUSTOMERS}.example`, source: 'sor', createdAt: NOW, updatedAt: NOW,
  })));
  for (let i = 0; i < 50_000; i += 5_000) {
    await coll('invoices').insertMany(Array.from({ length: 5_000 }, (_, j) => {
      const n = i + j;
      const open = n % 3 !== 0;
      return {
        _id: `inv${n}`, tenantId: TENANT, sorId: `S${n}`, number: `INV-${n}`, customerSorId: `C${n % CUSTOMERS}`, poNumber: null,
        issueDate: new Date(NOW.getTime() - (n % 200) * DAY), dueDate: new Date(NOW.getTime() - ((n % 200) - 60) * DAY), currency: n % 5 === 0 ? 'EUR' : 'USD',
        amount: 100 + (n % 977), balance: open ? 100 + (n % 977) : 0, status: open ? 'open' : 'paid', contactEmails: [], createdAt: NOW, updatedAt: NOW,
      };
    }));
  }
  const BATCH = 2_000;
  for (let start = 0; start < EMAILS; start += BATCH) {
    const emails: Array<{ _id: string }> = [];
    const analyses: Array<{ _id: string }> = [];
    const tasks: Array<{ _id: string }> = [];
    const replies: Array<{ _id: string }> = [];
    for (let i = start; i < Math.min(EMAILS, start + BATCH); i++) {
      const receivedAt = new Date(NOW.getTime() - Math.floor(rand() * 400 * DAY));
      const intent = INTENTS[Math.floor(rand() * INTENTS.length)] ?? 'other';
      const customer = Math.floor(rand() * CUSTOMERS);
      const hasTask = i % Math.ceil(EMAILS / TASKS) === 0;
      const action = intent === 'auto_reply' ? 'no_action' : hasTask ? 'review' : 'auto_reply';
      const spec: EmailSpec = {
        id: `e${i}`, receivedAt, from: `p${customer * 2}@customer${customer}.example`, mailbox: i % 4 === 0 ? 'billing@northwind.example' : 'ar@northwind.example',
        analysis: { language: LANGS[i % LANGS.length] ?? 'en', intents: [intent], scores: [0.3 + rand() * 0.7], customerId: `C${customer}`, action, reasons: action === 'review' ? ['dmarc_failed'] : [] },
      };
      emails.push(emailDoc(TENANT, spec));
      const analysis = analysisDoc(TENANT, spec);
      if (analysis) analyses.push(analysis);
      if (hasTask && tasks.length + start / 4 < TASKS) {
        const status = STATUSES[Math.floor(rand() * STATUSES.length)] ?? 'new';
        const closed = status === 'sent' || status === 'closed_no_reply';
        const t: TaskSpec = {
          id: `t${i}`, emailId: `e${i}`, status, createdAt: receivedAt, intents: [intent], reasons: ['dmarc_failed'], assignee: `u${i % 20}`, teamId: `team${i % 3}`,
          customerSorId: `C${customer}`, priority: intent === 'dispute' ? 'high' : 'normal', dueAt: new Date(receivedAt.getTime() + DAY),
          ...(closed ? { closedAt: new Date(receivedAt.getTime() + rand() * 2 * DAY) } : {}),
        };
        tasks.push(taskDoc(TENANT, t));
        if (status === 'sent') replies.push(outboxDoc(TENANT, { id: `o${i}`, emailId: `e${i}`, taskId: `t${i}`, automatic: false, sentAt: t.closedAt ?? receivedAt, to: spec.from }));
      } else if (action === 'auto_reply') {
        replies.push(outboxDoc(TENANT, { id: `o${i}`, emailId: `e${i}`, automatic: true, sentAt: new Date(receivedAt.getTime() + 60_000 + rand() * 120_000), to: spec.from }));
      }
    }
    await coll('emails').insertMany(emails);
    await coll('analyses').insertMany(analyses);
    if (tasks.length > 0) await coll('tasks').insertMany(tasks);
    if (replies.length > 0) await coll('outbox').insertMany(replies);
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-bench-dashboard-'));
  const storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'bench', embeddedPort: 0, journalCompactBytes: 1 << 30, logger: pino({ level: 'silent' }), tenantId: TENANT });
  try {
    const t0 = performance.now();
    await seed(storage.db);
    const counts = await Promise.all(['emails', 'analyses', 'tasks', 'outbox', 'invoices'].map(async (c) => `${c} ${await storage.db.collection(c).countDocuments({ tenantId: TENANT })}`));
    console.log(`seeded in ${Math.round((performance.now() - t0) / 1000)} s: ${counts.join(', ')}`);
    const ctx: QueryContext = { db: storage.db, tenantId: TENANT, now: NOW };
    const filterOf = (q: Record<string, string>): DashboardFilter => {
      const r = parseFilter(q, NOW);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const cases: Array<{ name: string; filter: DashboardFilter }> = [
      { name: '30 days', filter: filterOf({ range: '30' }) },
      { name: '365 days', filter: filterOf({ range: '365' }) },
      { name: '30 days, intent + team', filter: filterOf({ range: '30', intent: 'dispute', team: 'team1' }) },
    ];
    console.log(`\n| panel | filter | figures p50 ms | figures p95 ms | drill page p50 ms | drill page p95 ms |`);
    console.log('|---|---|---:|---:|---:|---:|');
    const session = PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    for (const id of PANEL_IDS) {
      if (ONLY !== undefined && id !== ONLY) continue;
      for (const c of cases) {
        if (id === 'sor' && c !== cases[0]) continue; // the SoR panel ignores the range and task filters
        const summary: number[] = [];
        const rows: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          let start = performance.now();
          await panels[id].summary(ctx, c.filter);
          summary.push(performance.now() - start);
          start = performance.now();
          await panels[id].rows(ctx, c.filter, { page: 1, pageSize: 50 });
          rows.push(performance.now() - start);
        }
        const s = sortedNumbers(summary);
        const r = sortedNumbers(rows);
        const ms = (xs: number[], p: number): number => Math.round(percentile(xs, p) ?? 0);
        console.log(`| ${id} | ${id === 'sor' ? 'as of now' : c.name} | ${ms(s, 50)} | ${ms(s, 95)} | ${ms(r, 50)} | ${ms(r, 95)} |`);
      }
    }
    if (session && PROFILE) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(PROFILE, JSON.stringify(profile));
      session.disconnect();
    }
    console.log(`\n${RUNS} runs each; peak RSS: ${peakRssMiB()} MiB (benchmark process: driver and embedded server together).`);
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
