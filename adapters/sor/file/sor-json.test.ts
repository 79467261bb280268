import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_DATASET_DIR } from '../../../test/fixtures/dev-dataset.js';
import { loadSorJson, parseSorJson, SorFileError } from './sor-json.js';

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

  it('names the bad record and field', () => {
    const base = sorFile();
    const invoices = base.invoices as Array<Record<string, unknown>>;
    expect(() => parseSorJson({ ...base, invoices: [{ ...invoices[0], amount: '12450' }] }, 'x/sor.json')).toThrowError(
      /x\/sor\.json: invalid SoR snapshot: invoices\[0\] \(id I50001\)\.amount/,
    );
    expect(() => parseSorJson({ ...base, invoices: [{ ...invoices[0], dueDate: '2026-02-30' }] })).toThrowError(/invoices\[0\] \(id I50001\)\.dueDate: not a real date/);
    expect(() => parseSorJson({ ...base, invoices: [{ ...invoices[0], status: 'closed' }] })).toThrowError(SorFileError);
  });

  it('rejects unknown customer ids and duplicate numbers', () => {
    const base = sorFile();
    const invoices = base.invoices as Array<Record<string, unknown>>;
    expect(() => parseSorJson({ ...base, invoices: [{ ...invoices[0], customerId: 'C9999' }] })).toThrowError(/invoices \(id I50001\): unknown customerId C9999/);
    expect(() => parseSorJson({ ...base, invoices: [invoices[0], { ...invoices[0], id: 'I50002' }] })).toThrowError(/duplicate number INV-204518/);
  });
});

describe('loadSorJson', () => {
  it('loads the dev dataset', async () => {
    const snap = await loadSorJson(join(DEV_DATASET_DIR, 'sor.json'));
    expect(snap.customers.length).toBeGreaterThan(10);
    expect(snap.contacts.every((c) => c.email === c.email.toLowerCase())).toBe(true);
    expect(snap.invoices.every((i) => i.issueDate instanceof Date)).toBe(true);
  });

  it('reports a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sor-json-'));
    const path = join(dir, 'sor.json');
    await writeFile(path, '{ not json');
    await expect(loadSorJson(path)).rejects.toThrowError(/sor\.json: invalid SoR snapshot: not valid JSON/);
  });
});
