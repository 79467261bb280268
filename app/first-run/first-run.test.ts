// The first run on a real embedded store: the demo company is imported, its inbox goes through
// the real inbound path, the automatic replies are written to the outbox folder, the summary
// matches demo/expected.json, every automatic reply went only to that customer's own contacts,
// and a second start does nothing again.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfflineModel } from '../../adapters/llm/offline/load-model.js';
import { OPEN_TASK_STATUSES } from '../../core/domain/task.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { silent } from '../../test/support/bot-world.js';
import { configFixture } from '../config/config.fixture.js';
import { loadDemoCompany, loadDemoExpectations, type DemoCompany, type DemoExpectations } from './demo-company.js';
import { DEMO_TEAM } from './demo-people.js';
import { demoBlockedBy, runFirstRun, type FirstRunOptions } from './first-run.js';

let dir: string;
let storage: StorageHandle;
let demo: DemoCompany;
let expected: DemoExpectations;
const model = loadOfflineModel();

function sink(): { write(text: string): void; text: string } {
  return { text: '', write(text: string) { this.text += text; } };
}

function options(overrides: Partial<FirstRunOptions> = {}): FirstRunOptions {
  return { config: configFixture(), db: storage.db, logger: silent, cwd: dir, serverUrl: 'http://127.0.0.1:3978', out: sink(), progress: sink(), model, tabDist: join(dir, 'no-tab'), ...overrides };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-first-run-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
  [demo, expected] = await Promise.all([loadDemoCompany(), loadDemoExpectations()]);
}, 30_000);
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('first run', () => {
  it('loads the demo company, processes its inbox and prints the expected summary', { timeout: 90_000 }, async () => {
    const out = sink();
    const progress = sink();
    const result = await runFirstRun(options({ out, progress }));
    expect(result).toEqual({ kind: 'demo', summary: expected });
    expect(progress.text.split('\n').filter((l) => l.startsWith('demo inbox: ') && l.includes('.eml → '))).toHaveLength(demo.inbox.length);
    expect(out.text).toContain(`Emails processed    ${expected.processed}`);
    expect(out.text).toContain('is not built in this checkout: run `npm run build:tab`');
    expect(out.text).toContain('npm run teams:playground');
    expect((await readdir(join(dir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(expected.outboxFiles);

    // Tasks are placed with the demo team's analysts.
    const team = await storage.repos.teams.findByName(DEMO_TEAM);
    const open = await storage.repos.tasks.listByStatus(OPEN_TASK_STATUSES, 1000);
    expect(open).toHaveLength(expected.tasks);
    expect(open.every((t) => t.assignee !== undefined && team?.members.includes(t.assignee))).toBe(true);
  });

  it('sent every automatic reply only to contacts of the customer the email is about, about that customer\'s invoices', async () => {
    const sent = await storage.repos.outbox.listByStatus('sent', 1000);
    expect(sent).toHaveLength(expected.autoReplied);
    for (const item of sent) {
      const decision = (await storage.repos.analyses.findByEmailId(item.emailId))?.decision;
      const customer = decision?.customerId;
      expect(customer).toBeTruthy();
      const invoices = demo.sor.invoices.filter((i) => decision?.invoiceNumbers.includes(i.number));
      expect(invoices.every((i) => i.customerSorId === customer)).toBe(true);
      const allowed = new Set([...demo.sor.contacts.filter((c) => c.customerSorId === customer).map((c) => c.email), ...invoices.flatMap((i) => i.contactEmails)]);
      const recipients = [...item.message.to, ...item.message.cc].map((a) => a.address.toLowerCase());
      expect(recipients.filter((r) => !allowed.has(r))).toEqual([]);
    }
  });

  it('does not import or process again on the next start, and says the demo is loaded', async () => {
    const out = sink();
    const result = await runFirstRun(options({ out }));
    expect(result).toEqual({ kind: 'already_loaded', summary: expected });
    expect(out.text).toContain(`The demo company ${demo.sor.company.name} is already loaded in this store: ${expected.processed} emails processed`);
    expect((await readdir(join(dir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(expected.outboxFiles);
  });

  it('stays off with ARBOT_DEMO=off, MongoDB, a mailbox, or SoR data already in the store', async () => {
    expect(demoBlockedBy(configFixture({ demo: { mode: 'off' } }))).toBe('ARBOT_DEMO=off');
    expect(demoBlockedBy(configFixture({ storage: { mongodbUri: 'mongodb://db:27017' } }))).toMatch(/^MONGODB_URI is set/);
    expect(demoBlockedBy(configFixture({ mail: { provider: 'imap' } }))).toBe('a mailbox is configured (ARBOT_MAIL_PROVIDER=imap)');
    expect(demoBlockedBy(configFixture({ company: { arMailbox: 'ar@acme.example' } }))).toBe('a mailbox is configured (ARBOT_AR_MAILBOX)');
    expect(demoBlockedBy(configFixture())).toBeNull();

    const other = await openStorage({ dataDir: join(dir, 'data-real'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
    try {
      await importSnapshot(other.repos, { ...demo.sor, customers: demo.sor.customers.slice(0, 1), contacts: [], invoices: [], payments: [], creditMemos: [] }, new Date());
      const out = sink();
      expect(await runFirstRun(options({ db: other.db, out }))).toEqual({ kind: 'skipped', reason: 'the store holds SoR data' });
      expect(out.text).toBe('');
    } finally {
      await other.close();
    }
  });
});
