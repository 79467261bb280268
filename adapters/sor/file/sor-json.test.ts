import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_DATASET_DIR } from '../../../test/fixtures/dev-dataset.js';
import { syncFor, tempStorage } from '../../../test/fixtures/sor-sync.js';
import { SorJsonConnector } from './sor-json.connector.js';
import { describeSkipped, loadSorJson, parseSorJson, SorFileError } from './sor-json.js';

function sorFile(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    asOf: '2026-11-20',
    company: { name: 'Northwind Supply Co.', arMailbox: 'AR@Northwind.example' },
    customers: [
      {
        id: 'C1001',
        accountNumber: '100-2231',
        name: 'Acme Industrial LLC',
        currency: 'USD',
        domains: ['Acme-Industrial.example'],
        contacts: [{ name: 'Jane Roe', email: 'Jane.Roe@Acme-Industrial.example', role: 'AP Clerk' }],
        billingOwner: 'sam.lee@northwind.example',
        status: 'active',
      },
    ],
    invoices: [
      {
        id: 'I50001',
        number: 'INV-204518',
        customerId: 'C1001',
        poNumber: 'PO-88213',
        issueDate: '2026-09-14',
        dueDate: '2026-10-14',
        currency: 'USD',
        amount: 12450,
        balance: 12450,
        status: 'open',
        contactEmails: ['JANE.ROE@acme-industrial.example'],
      },
    ],
    payments: [
      {
        id: 'P9001',
        customerId: 'C1001',
        date: '2026-11-02',
        amount: 5000,
        currency: 'USD',
        method: 'ACH',
        reference: 'ACH 000123998',
        applications: [{ invoiceNumber: 'INV-204511', amount: 5000 }],
      },
    ],
    creditMemos: [{ id: 'CM301', number: 'CM-3011', customerId: 'C1001', date: '2026-10-01', amount: 250, balance: 250, currency: 'USD' }],
    ...over,
  };
}

describe('parseSorJson', () => {
  it('maps the dataset format onto a SorSnapshot', () => {
    const snap = parseSorJson(sorFile());
    expect(snap.asOf).toEqual(new Date('2026-11-20T00:00:00Z'));
    expect(snap.company.arMailbox).toBe('ar@northwind.example');
    expect(snap.customers).toEqual([
      {
        sorId: 'C1001',
        accountNumber: '100-2231',
        name: 'Acme Industrial LLC',
        currency: 'USD',
        domains: ['acme-industrial.example'],
        billingOwner: 'sam.lee@northwind.example',
        status: 'active',
        enrolled: true,
      },
    ]);
    expect(snap.contacts).toEqual([{ customerSorId: 'C1001', name: 'Jane Roe', email: 'jane.roe@acme-industrial.example', role: 'AP Clerk' }]);
    expect(snap.invoices[0]).toMatchObject({ sorId: 'I50001', customerSorId: 'C1001', issueDate: new Date('2026-09-14T00:00:00Z'), contactEmails: ['jane.roe@acme-industrial.example'] });
    expect(snap.payments[0]).toMatchObject({ sorId: 'P9001', customerSorId: 'C1001', method: 'ACH', date: new Date('2026-11-02T00:00:00Z') });
    expect(snap.creditMemos[0]).toMatchObject({ sorId: 'CM301', number: 'CM-3011', customerSorId: 'C1001' });
  });

  it('keeps an explicit enrolled flag and defaults missing optional lists', () => {
    const base = sorFile();
    const customers = base.customers as Array<Record<string, unknown>>;
    const snap = parseSorJson({ ...base, customers: [{ ...customers[0], enrolled: false, domains: undefined, contacts: undefined }], invoices: undefined, payments: undefined, creditMemos: undefined });
    expect(snap.customers[0]?.enrolled).toBe(false);
    expect(snap.customers[0]?.domains).toEqual([]);
    expect(snap.invoices).toEqual([]);
  });

  it('skips a malformed record with validateRecord\'s reasons and keeps the rest', () => {
    const base = sorFile();
    const invoices = base.invoices as Array<Record<string, unknown>>;
    const snap = parseSorJson({
      ...base,
      invoices: [
        { ...invoices[0], amount: -12450 },
        { ...invoices[0], id: 'I50002', number: 'INV-2', dueDate: '2026-02-30' },
        { ...invoices[0], id: 'I50003', number: 'INV-3', status: 'closed', currency: 'XYZ' },
        { ...invoices[0], id: undefined, number: 'INV-4' },
        { ...invoices[0], id: 'I50005', number: 'INV-5' },
      ],
    });
    expect(snap.invoices.map((i) => i.sorId)).toEqual(['I50005']);
    expect(snap.skipped).toEqual([
      { entity: 'invoices', at: 'invoices[0]', key: 'I50001', reasons: ['amount: must not be negative'] },
      { entity: 'invoices', at: 'invoices[1]', key: 'I50002', reasons: ['dueDate: not a valid date: "2026-02-30"'] },
      { entity: 'invoices', at: 'invoices[2]', key: 'I50003', reasons: ['currency: unknown currency "XYZ"', 'status: must be open, partially_paid, paid or void'] },
      { entity: 'invoices', at: 'invoices[3]', reasons: ['id: missing'] },
    ]);
    expect(describeSkipped(snap.skipped)[0]).toBe('invoices[0] (I50001): amount: must not be negative');
  });

  it('skips records the file contradicts: unknown customers, duplicate ids and numbers, unknown invoice ids', () => {
    const base = sorFile();
    const customers = base.customers as Array<Record<string, unknown>>;
    const invoices = base.invoices as Array<Record<string, unknown>>;
    const payments = base.payments as Array<Record<string, unknown>>;
    const snap = parseSorJson({
      ...base,
      customers: [customers[0], { ...customers[0], accountNumber: '100-9' }, { ...customers[0], id: 'C1002', enrolled: 'yes', contacts: [] }],
      invoices: [invoices[0], { ...invoices[0], id: 'I50002' }, { ...invoices[0], id: 'I50003', number: 'INV-3', customerId: 'C9999' }],
      payments: [
        { ...payments[0], applications: [{ invoiceId: 'I50001', amount: 10 }] },
        { ...payments[0], id: 'P9002', applications: [{ invoiceId: 'I77777', amount: 10 }] },
      ],
    });
    expect(snap.skipped.map((s) => [s.at, s.reasons])).toEqual([
      ['customers[1]', ['id: duplicate id C1001']],
      ['customers[2]', ['accountNumber: duplicate accountNumber 100-2231', 'enrolled: must be true or false']],
      ['customers[1].contacts[0]', ['email: listed twice for customer C1001']],
      ['invoices[1]', ['number: duplicate number INV-204518']],
      ['invoices[2]', ['customerId: unknown customer C9999 (not in the file, or skipped)']],
      ['payments[1]', ['applications: invoice id I77777 is not in the file']],
    ]);
    expect(snap.payments).toEqual([expect.objectContaining({ sorId: 'P9001', applications: [{ invoiceNumber: 'INV-204518', amount: 10 }] })]);
  });

  it('refuses a file that is not a snapshot at all', () => {
    expect(() => parseSorJson({ ...sorFile(), asOf: 'soon' }, 'x/sor.json')).toThrowError(/x\/sor\.json: invalid SoR snapshot: asOf: not a valid date: "soon"/);
    expect(() => parseSorJson({ ...sorFile(), customers: undefined })).toThrowError(SorFileError);
    expect(() => parseSorJson([])).toThrowError(SorFileError);
  });
});

describe('one set of rules: the loader and the sync refuse the same records with the same reasons', () => {
  it('on the same malformed file', async () => {
    const base = sorFile();
    const customers = base.customers as Array<Record<string, unknown>>;
    const invoices = base.invoices as Array<Record<string, unknown>>;
    const payments = base.payments as Array<Record<string, unknown>>;
    const credit = (base.creditMemos as Array<Record<string, unknown>>)[0];
    const file = {
      ...base,
      customers: [{ ...customers[0], contacts: [...(customers[0]?.['contacts'] as unknown[]), { name: 'No Mail', email: 'not-an-address' }] }, { ...customers[0], id: 'C2', accountNumber: '2', currency: 'EURO', contacts: [] }],
      invoices: [invoices[0], { ...invoices[0], id: 'I2', number: 'INV-2', issueDate: '14/09/2026' }, { ...invoices[0], id: '', number: 'INV-3' }],
      payments: [{ ...payments[0], amount: -5 }],
      creditMemos: [{ ...credit, currency: 'usd' }, { ...credit, id: 'CM302', number: 'CM-3012', date: undefined }],
    };
    const loaded = parseSorJson(file);
    const storage = await tempStorage();
    try {
      const path = join(storage.dataDir, 'sor.json');
      await writeFile(path, JSON.stringify(file));
      const outcome = await syncFor(storage, new SorJsonConnector(path)).run({ mode: 'full', trigger: 'cli' });
      if (outcome.kind !== 'done') throw new Error(`sync did not finish: ${outcome.kind}`);
      const fromLoader = loaded.skipped.map(({ at: _at, ...s }) => s);
      expect(fromLoader).toEqual(outcome.run.invalid);
      expect(fromLoader.map((s) => s.reasons[0])).toEqual([
        'currency: unknown currency "EURO"',
        'email: not an email address',
        'issueDate: not a valid date: "14/09/2026"',
        'id: missing',
        'amount: must not be negative',
        'date: missing date',
      ]);
      expect(loaded.creditMemos.map((m) => [m.sorId, m.currency])).toEqual([['CM301', 'USD']]);
      expect((await storage.repos.creditMemos.findBySorId('CM301'))?.currency).toBe('USD');
    } finally {
      await storage.dispose();
    }
  });
});

describe('loadSorJson', () => {
  it('loads the dev dataset', async () => {
    const snap = await loadSorJson(join(DEV_DATASET_DIR, 'sor.json'));
    expect(snap.customers.length).toBeGreaterThan(10);
    expect(snap.contacts.every((c) => c.email === c.email.toLowerCase())).toBe(true);
    expect(snap.invoices.every((i) => i.issueDate instanceof Date)).toBe(true);
  });

  it('every bundled sor.json (datasets and demo) loads whole: nothing skipped', async () => {
    const root = join(import.meta.dirname, '../../..');
    const dirs = [...(await readdir(join(root, 'test/fixtures/datasets'))).map((d) => join(root, 'test/fixtures/datasets', d)), join(root, 'demo')];
    expect(dirs.length).toBeGreaterThanOrEqual(6);
    for (const dir of dirs) expect(describeSkipped((await loadSorJson(join(dir, 'sor.json'))).skipped), dir).toEqual([]);
  });

  it('reports a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sor-json-'));
    const path = join(dir, 'sor.json');
    await writeFile(path, '{ not json');
    await expect(loadSorJson(path)).rejects.toThrowError(/sor\.json: invalid SoR snapshot: not valid JSON/);
  });
});
