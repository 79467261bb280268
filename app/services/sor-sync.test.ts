import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SorJsonConnector } from '../../adapters/sor/file/sor-json.connector.js';
import { DEV_DATASET_DIR } from '../../test/fixtures/dev-dataset.js';
import { dumpSor, syncFor, tempStorage } from '../../test/fixtures/sor-sync.js';
import { applyEnrollmentRule } from './sor-sync-enrollment.js';
import { parseEnrollmentRule } from '../../core/sor/enrollment.js';

type Storage = Awaited<ReturnType<typeof tempStorage>>;
const open: Storage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.dispose();
});
async function storage(): Promise<Storage> {
  const s = await tempStorage();
  open.push(s);
  return s;
}

function sorFile(over: Record<string, unknown> = {}) {
  return {
    asOf: '2026-11-20',
    company: { name: 'Northwind', arMailbox: 'ar@northwind.example' },
    customers: [
      { id: 'C1', accountNumber: '100-1', name: 'Acme', currency: 'USD', domains: ['acme.example'], contacts: [{ name: 'Jane', email: 'Jane@Acme.example' }], status: 'active' },
      { id: 'C2', accountNumber: '100-2', name: 'Bolt', currency: 'EUR', domains: [], contacts: [], status: 'archived' },
    ],
    invoices: [
      { id: 'I1', number: 'INV-1', customerId: 'C1', poNumber: null, issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'USD', amount: 100, balance: 60, status: 'partially_paid', contactEmails: [] },
      { id: 'I2', number: 'INV-2', customerId: 'C1', poNumber: 'PO-9', issueDate: '2026-09-02', dueDate: '2026-10-02', currency: 'USD', amount: 50, balance: 50, status: 'open', contactEmails: ['x@acme.example'] },
    ],
    payments: [{ id: 'P1', customerId: 'C1', date: '2026-10-05', amount: 40, currency: 'USD', method: 'ACH', reference: 'ACH 1', applications: [{ invoiceNumber: 'INV-1', amount: 40 }] }],
    creditMemos: [{ id: 'M1', number: 'CM-1', customerId: 'C2', date: '2026-10-01', amount: 10, balance: 10, currency: 'EUR' }],
    ...over,
  };
}

async function fileWith(dir: string, content: unknown, name = 'sor.json'): Promise<SorJsonConnector> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  return new SorJsonConnector(path);
}

describe('SorSync', () => {
  it('a full sync stores every entity and records the run with counts', async () => {
    const s = await storage();
    const outcome = await syncFor(s, await fileWith(s.dataDir, sorFile())).run({ mode: 'full', trigger: 'cli' });
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.run).toMatchObject({ status: 'succeeded', mode: 'full', invalidTotal: 0, problemsTotal: 0 });
    expect(outcome.run.counts.customers).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, deleted: 0, invalid: 0 });
    expect(outcome.run.counts.invoices.inserted).toBe(2);
    expect((await s.repos.contacts.findByEmail('jane@acme.example'))[0]).toMatchObject({ customerSorId: 'C1', source: 'sor' });
    expect(await s.repos.payments.findByInvoiceNumber('INV-1')).toHaveLength(1);
    expect((await s.repos.customers.findBySorId('C2'))?.status).toBe('archived');
  });

  it('a second sync counts unchanged and updated records, and a full sync deletes what the SoR dropped', async () => {
    const s = await storage();
    const file = sorFile();
    await syncFor(s, await fileWith(s.dataDir, file)).run({ mode: 'full', trigger: 'cli' });
    const changed = sorFile({ invoices: [{ ...file.invoices[0], balance: 60 }], creditMemos: [] });
    (changed.invoices as Array<Record<string, unknown>>)[0]!['balance'] = 20;
    const outcome = await syncFor(s, await fileWith(s.dataDir, changed)).run({ mode: 'full', trigger: 'cli' });
    if (outcome.kind !== 'done') throw new Error('busy');
    expect(outcome.run.counts.customers).toMatchObject({ unchanged: 2, updated: 0, inserted: 0 });
    expect(outcome.run.counts.invoices).toMatchObject({ updated: 1, deleted: 1 });
    expect(outcome.run.counts.creditMemos.deleted).toBe(0); // none read: the store keeps them
    expect((await s.repos.invoices.findBySorId('I1'))?.balance).toBe(20);
    expect(await s.repos.invoices.findBySorId('I2')).toBeNull();
  });

  it('reports malformed records per record with reasons, skips them, keeps their stored version', async () => {
    const s = await storage();
    await syncFor(s, await fileWith(s.dataDir, sorFile())).run({ mode: 'full', trigger: 'cli' });
    const bad = sorFile({
      invoices: [
        { ...sorFile().invoices[0], amount: -5 },
        { ...sorFile().invoices[1], issueDate: '2026-02-30' },
        { number: 'INV-3', customerId: 'C1', issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'USD', amount: 1, balance: 1, status: 'open' },
        { id: 'I4', number: 'INV-4', customerId: 'C1', issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'XYZ', amount: 1, balance: 1, status: 'open' },
        { id: 'I5', number: 'INV-5', customerId: 'C1', issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'usd', amount: '7.50', balance: 7.5, status: 'open' },
      ],
    });
    const outcome = await syncFor(s, await fileWith(s.dataDir, bad)).run({ mode: 'full', trigger: 'cli' });
    if (outcome.kind !== 'done') throw new Error('busy');
    expect(outcome.run.status).toBe('succeeded');
    expect(outcome.run.counts.invoices).toMatchObject({ read: 5, invalid: 4, inserted: 1, deleted: 0 });
    expect(outcome.run.invalid).toEqual([
      { entity: 'invoices', key: 'I1', reasons: ['amount: must not be negative'] },
      { entity: 'invoices', key: 'I2', reasons: ['issueDate: not a valid date: "2026-02-30"'] },
      { entity: 'invoices', reasons: ['id: missing'] },
      { entity: 'invoices', key: 'I4', reasons: ['currency: unknown currency "XYZ"'] },
    ]);
    // Nothing stored is lost: I1 and I2 keep their earlier version; the sweep is skipped (a record had no id).
    expect((await s.repos.invoices.findBySorId('I1'))?.amount).toBe(100);
    expect((await s.repos.invoices.findBySorId('I2'))?.issueDate).toEqual(new Date('2026-09-02T00:00:00Z'));
    expect((await s.repos.invoices.findBySorId('I5'))).toMatchObject({ currency: 'USD', amount: 7.5 });
  });

  it('reports balance ≠ amount − applications without changing the data', async () => {
    const s = await storage();
    const file = sorFile();
    (file.invoices[0] as Record<string, unknown>)['balance'] = 70; // 100 − 40 = 60
    const outcome = await syncFor(s, await fileWith(s.dataDir, file)).run({ mode: 'full', trigger: 'cli' });
    if (outcome.kind !== 'done') throw new Error('busy');
    expect(outcome.run.problems).toEqual([
      { entity: 'invoices', key: 'INV-1', kind: 'balance_mismatch', message: 'invoice INV-1: balance 70.00 ≠ amount 100.00 − applications 40.00 (= 60.00)' },
    ]);
    expect((await s.repos.invoices.findBySorId('I1'))?.balance).toBe(70);
  });

  it('re-syncs one customer only, and applies the enrollment rule to new customers', async () => {
    const s = await storage();
    await applyEnrollmentRule(s.repos, parseEnrollmentRule('currency=USD') as never, new Date());
    await syncFor(s, await fileWith(s.dataDir, sorFile())).run({ mode: 'full', trigger: 'cli' });
    expect((await s.repos.customers.findBySorId('C1'))?.enrolled).toBe(true);
    expect((await s.repos.customers.findBySorId('C2'))?.enrolled).toBe(false);
    const file = sorFile();
    (file.invoices[1] as Record<string, unknown>)['balance'] = 0;
    (file.invoices[1] as Record<string, unknown>)['status'] = 'paid';
    (file.creditMemos[0] as Record<string, unknown>)['balance'] = 0;
    const outcome = await syncFor(s, await fileWith(s.dataDir, file)).run({ mode: 'auto', customerSorId: 'C1', trigger: 'chat' });
    if (outcome.kind !== 'done') throw new Error('busy');
    expect(outcome.run.mode).toBe('customer');
    expect(outcome.run.counts.invoices).toMatchObject({ read: 2, updated: 1, unchanged: 1 });
    expect(outcome.run.counts.creditMemos.read).toBe(0);
    expect((await s.repos.creditMemos.findBySorId('M1'))?.balance).toBe(10);
  });

  it('syncs the dev dataset to the same data as the eval import', async () => {
    const a = await storage();
    const outcome = await syncFor(a, new SorJsonConnector(join(DEV_DATASET_DIR, 'sor.json')), { batchSize: 37 }).run({ mode: 'full', trigger: 'import' });
    if (outcome.kind !== 'done') throw new Error('busy');
    expect(outcome.run.invalidTotal).toBe(0);
    expect(outcome.run.counts.invoices.inserted).toBe(414);
    expect(outcome.run.problemsTotal).toBeGreaterThan(0); // the dataset has a few real balance mismatches
    const again = await syncFor(a, new SorJsonConnector(join(DEV_DATASET_DIR, 'sor.json'))).run({ mode: 'full', trigger: 'import' });
    if (again.kind !== 'done') throw new Error('busy');
    expect(again.run.counts.invoices).toMatchObject({ unchanged: 414, updated: 0, inserted: 0, deleted: 0 });
    expect((await dumpSor(a.db)).invoices).toHaveLength(414);
  });

  it('one sync at a time: a second claimer is told the lock is held', async () => {
    const s = await storage();
    const now = new Date();
    const held = await s.repos.syncRuns.tryLock({ worker: 'other', host: 'h', pid: 9 }, now, 60_000, () => false);
    expect('lock' in held).toBe(true);
    const outcome = await syncFor(s, await fileWith(s.dataDir, sorFile())).run({ mode: 'full', trigger: 'cli' });
    expect(outcome.kind).toBe('busy');
  });
});
