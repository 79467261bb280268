import { describe, expect, it } from 'vitest';
import { isDuplicateKeyError, StorageError } from '../../../storage/errors.js';
import { contactFixture, creditMemoFixture, customerFixture, invoiceFixture, paymentFixture } from '../../fixtures/sor.js';
import type { StorageTestContext } from './context.js';

const t1 = new Date('2026-11-20T00:00:00Z');
const t2 = new Date('2026-11-21T00:00:00Z');

/** Rejection reason of a promise that must reject. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

/** The SoR mirror: customers, contacts, invoices, payments and credit memos. */
export function sorGroup(ctx: StorageTestContext): void {
  describe('customers', () => {
    it('bulk-upserts by SoR id: inserts, then updates without touching local flags', async () => {
      const records = [customerFixture(), customerFixture(), customerFixture()];
      expect(await ctx.repos.customers.upsertManyBySorId(records, t1)).toEqual({ inserted: 3, matched: 0, modified: 0 });
      const first = records[0]!;
      expect(await ctx.repos.customers.setEnrolled(first.sorId, true, t1)).toBe(true);
      const renamed = records.map((r) => ({ ...r, name: `${r.name} (renamed)` }));
      const again = await ctx.repos.customers.upsertManyBySorId(renamed, t2);
      expect(again).toMatchObject({ inserted: 0, matched: 3 });
      const stored = await ctx.repos.customers.findBySorId(first.sorId);
      expect(stored).toMatchObject({ name: `${first.name} (renamed)`, enrolled: true, createdAt: t1, updatedAt: t2, tenantId: 'tenant-a' });
      expect(await ctx.db.collection('customers').countDocuments()).toBe(3);
    });

    it('finds by account number and by domain (case-insensitive), lists by status', async () => {
      const acme = customerFixture({ domains: ['Acme-Industrial.example'] });
      const old = customerFixture({ status: 'archived' });
      await ctx.repos.customers.upsertManyBySorId([acme, old], t1);
      expect(await ctx.repos.customers.findByAccountNumber(acme.accountNumber)).toMatchObject({ sorId: acme.sorId, enrolled: false });
      expect(await ctx.repos.customers.findByAccountNumber('nope')).toBeNull();
      expect((await ctx.repos.customers.findByDomain('ACME-industrial.example')).map((c) => c.sorId)).toEqual([acme.sorId]);
      expect((await ctx.repos.customers.list({ status: 'archived' })).map((c) => c.sorId)).toEqual([old.sorId]);
      expect(await ctx.repos.customers.list()).toHaveLength(2);
      expect(await ctx.repos.customers.setEnrolled('missing', true, t1)).toBe(false);
    });

    it('rejects a second customer with the same account number as a duplicate key', async () => {
      const a = customerFixture();
      await ctx.repos.customers.upsertManyBySorId([a], t1);
      const clash = customerFixture({ accountNumber: a.accountNumber });
      const fine = customerFixture();
      const err = await rejection(ctx.repos.customers.upsertManyBySorId([clash, fine], t1));
      expect(err).toBeInstanceOf(StorageError);
      expect(err).toMatchObject({ code: 'DUPLICATE_KEY' });
      expect((err as StorageError).message).toMatch(/^customers: 1 of 2 records clash with a unique key: /);
      expect(await ctx.repos.customers.findBySorId(fine.sorId)).not.toBeNull();
      expect(await ctx.repos.customers.findBySorId(clash.sorId)).toBeNull();
    });

    it('keeps tenants apart', async () => {
      const a = customerFixture();
      await ctx.repos.customers.upsertManyBySorId([a], t1);
      await ctx.reposFor('tenant-b').customers.upsertManyBySorId([a], t1);
      expect(await ctx.reposFor('tenant-c').customers.findBySorId(a.sorId)).toBeNull();
      expect(await ctx.db.collection('customers').countDocuments({ sorId: a.sorId })).toBe(2);
    });
  });

  describe('contacts', () => {
    it('upserts by (customer, email) and finds by email across customers', async () => {
      const jane = contactFixture({ customerSorId: 'C1', email: 'Jane.Roe@acme.example' });
      const janeAtOther = contactFixture({ customerSorId: 'C2', email: 'jane.roe@acme.example' });
      expect(await ctx.repos.contacts.upsertMany([jane, janeAtOther], t1)).toMatchObject({ inserted: 2 });
      expect(await ctx.repos.contacts.upsertMany([{ ...jane, role: 'Controller' }], t2)).toMatchObject({ inserted: 0, matched: 1 });
      const found = await ctx.repos.contacts.findByEmail('JANE.ROE@acme.example');
      expect(found.map((c) => [c.customerSorId, c.email, c.role])).toEqual([
        ['C1', 'jane.roe@acme.example', 'Controller'],
        ['C2', 'jane.roe@acme.example', 'AP Clerk'],
      ]);
      expect(await ctx.repos.contacts.listByCustomer('C1')).toHaveLength(1);
      expect(await ctx.repos.contacts.remove('C1', 'jane.roe@ACME.example')).toBe(true);
      expect(await ctx.repos.contacts.findByEmail('jane.roe@acme.example')).toHaveLength(1);
    });

    it('rejects a direct duplicate (customer, email) insert', async () => {
      await ctx.repos.contacts.upsertMany([contactFixture({ customerSorId: 'C1', email: 'a@x.example' })], t1);
      const raw = { _id: 'dup', tenantId: 'tenant-a', customerSorId: 'C1', email: 'a@x.example' };
      expect(isDuplicateKeyError(await rejection(ctx.db.collection<{ _id: string }>('contacts').insertOne(raw)))).toBe(true);
    });
  });

  describe('invoices', () => {
    it('upserts and finds by number, numbers, PO number and customer', async () => {
      const open = invoiceFixture({ customerSorId: 'C1', dueDate: new Date('2026-10-14T00:00:00Z') });
      const older = invoiceFixture({ customerSorId: 'C1', dueDate: new Date('2026-09-14T00:00:00Z'), status: 'partially_paid', balance: 100 });
      const paid = invoiceFixture({ customerSorId: 'C1', status: 'paid', balance: 0, poNumber: null });
      await ctx.repos.invoices.upsertManyBySorId([open, older, paid], t1);
      const found = await ctx.repos.invoices.findByNumber(open.number);
      expect(found).toMatchObject({ sorId: open.sorId, amount: 12450, currency: 'USD', poNumber: open.poNumber });
      expect(found?.issueDate).toBeInstanceOf(Date);
      expect(found?.issueDate.toISOString()).toBe('2026-09-14T00:00:00.000Z');
      expect(await ctx.repos.invoices.findByNumber('INV-000000')).toBeNull();
      const some = await ctx.repos.invoices.findByNumbers([paid.number, 'INV-UNKNOWN', open.number]);
      expect(some.map((i) => i.number).sort()).toEqual([open.number, paid.number].sort());
      expect(await ctx.repos.invoices.findByNumbers([])).toEqual([]);
      expect((await ctx.repos.invoices.findByPoNumber(open.poNumber ?? '')).map((i) => i.number)).toEqual([open.number]);
      const unpaid = await ctx.repos.invoices.listByCustomer('C1', { statuses: ['open', 'partially_paid'] });
      expect(unpaid.map((i) => i.number)).toEqual([older.number, open.number]);
      expect(await ctx.repos.invoices.listByCustomer('C1')).toHaveLength(3);
      expect((await ctx.repos.invoices.findBySorId(paid.sorId))?.poNumber).toBeNull();
    });

    it('updates balances on re-sync and rejects a number reused by another SoR id', async () => {
      const inv = invoiceFixture();
      await ctx.repos.invoices.upsertManyBySorId([inv], t1);
      await ctx.repos.invoices.upsertManyBySorId([{ ...inv, balance: 0, status: 'paid' }], t2);
      expect(await ctx.repos.invoices.findBySorId(inv.sorId)).toMatchObject({ balance: 0, status: 'paid', createdAt: t1, updatedAt: t2 });
      const clash = invoiceFixture({ number: inv.number });
      expect(await rejection(ctx.repos.invoices.upsertManyBySorId([clash], t2))).toMatchObject({ code: 'DUPLICATE_KEY' });
    });

    it('upserts a large batch in one call', async () => {
      const batch = Array.from({ length: 500 }, () => invoiceFixture());
      expect(await ctx.repos.invoices.upsertManyBySorId(batch, t1)).toMatchObject({ inserted: 500 });
      expect(await ctx.repos.invoices.upsertManyBySorId(batch, t2)).toMatchObject({ inserted: 0, matched: 500 });
      expect(await ctx.db.collection('invoices').countDocuments()).toBe(500);
    });
  });

  describe('payments and credit memos', () => {
    it('upserts payments and finds them by applied invoice and by customer', async () => {
      const p1 = paymentFixture({ customerSorId: 'C1', date: new Date('2026-11-01T00:00:00Z'), applications: [{ invoiceNumber: 'INV-1', amount: 10 }] });
      const p2 = paymentFixture({
        customerSorId: 'C1',
        date: new Date('2026-11-05T00:00:00Z'),
        applications: [
          { invoiceNumber: 'INV-1', amount: 5 },
          { invoiceNumber: 'INV-2', amount: 7 },
        ],
      });
      await ctx.repos.payments.upsertManyBySorId([p1, p2], t1);
      expect((await ctx.repos.payments.findByInvoiceNumber('INV-1')).map((p) => p.sorId)).toEqual([p2.sorId, p1.sorId]);
      expect((await ctx.repos.payments.findByInvoiceNumber('INV-2')).map((p) => p.sorId)).toEqual([p2.sorId]);
      expect((await ctx.repos.payments.listByCustomer('C1')).map((p) => p.sorId)).toEqual([p2.sorId, p1.sorId]);
      expect(await ctx.repos.payments.findBySorId(p1.sorId)).toMatchObject({ method: 'ACH', reference: p1.reference, amount: 5000 });
      expect(await ctx.repos.payments.upsertManyBySorId([], t1)).toEqual({ inserted: 0, matched: 0, modified: 0 });
    });

    it('upserts credit memos and lists them by customer', async () => {
      const cm = creditMemoFixture({ customerSorId: 'C9' });
      await ctx.repos.creditMemos.upsertManyBySorId([cm], t1);
      await ctx.repos.creditMemos.upsertManyBySorId([{ ...cm, balance: 0 }], t2);
      expect(await ctx.repos.creditMemos.findBySorId(cm.sorId)).toMatchObject({ number: cm.number, balance: 0, amount: 250 });
      expect(await ctx.repos.creditMemos.listByCustomer('C9')).toHaveLength(1);
      expect(await ctx.db.collection('creditMemos').countDocuments()).toBe(1);
    });
  });
}
