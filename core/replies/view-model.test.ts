import { describe, expect, it } from 'vitest';
import { InMemorySor } from '../pipeline/in-memory-sor.js';
import { replyInvoice, replySnapshot, REPLY_AS_OF } from '../../test/fixtures/reply-snapshot.js';
import { buildReplyViewModel, ReplyDataError, type ReplyRequest } from './view-model.js';

const company = { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' };
const contact = { name: 'Jane Roe', email: 'jane@acme.example' };

function build(over: Partial<ReplyRequest>, sor = new InMemorySor(replySnapshot())) {
  return buildReplyViewModel({ intents: ['invoice_copy'], language: 'en', customerId: 'C1', invoiceNumbers: [], contact, ...over }, sor, company);
}

describe('buildReplyViewModel', () => {
  it('describes the named invoices in the order asked, with days past due at the SoR date', async () => {
    const vm = await build({ invoiceNumbers: ['INV-1003', 'inv 1001', 'INV-1006'] });
    expect(vm.asOf).toEqual(REPLY_AS_OF);
    expect(vm.customer).toEqual({ sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231', currency: 'USD' });
    expect(vm.contact).toEqual(contact);
    expect(vm.invoices.map((i) => [i.number, i.status, i.balance.amount, i.daysPastDue])).toEqual([
      ['INV-1003', 'partially_paid', 300, 31],
      ['INV-1001', 'open', 1200, 0],
      ['INV-1006', 'paid', 0, 0],
    ]);
    expect(vm.statement).toBeUndefined();
    expect(vm.payments).toBeUndefined();
  });

  it('refuses an invoice of another customer or an unknown customer', async () => {
    await expect(build({ invoiceNumbers: ['INV-2001'] })).rejects.toThrow(ReplyDataError);
    await expect(build({ invoiceNumbers: ['INV-2001'] })).rejects.toThrow('invoice INV-2001 is not an invoice of customer C1');
    await expect(build({ customerId: 'C404' })).rejects.toThrow('customer C404 is not in the system of record');
  });

  it('builds a multi-currency statement: open items oldest due first, unapplied credits, aging and totals', async () => {
    const vm = await build({ intents: ['balance_statement'] });
    const s = vm.statement;
    expect(s?.openItems.map((i) => i.number)).toEqual(['INV-1004', 'INV-1005', 'INV-1003', 'INV-1002', 'INV-1001']);
    expect(s?.credits).toEqual([{ number: 'CM-501', date: new Date('2026-10-01T00:00:00Z'), balance: { amount: 150, currency: 'USD' } }]);
    expect(s?.aging).toEqual([
      { currency: 'EUR', current: 0, days1to30: 0, days31to60: 2000.5, days61to90: 0, days90plus: 0, total: 2000.5 },
      { currency: 'USD', current: 1200, days1to30: 500, days31to60: 300, days61to90: 0, days90plus: 250, total: 2250 },
    ]);
    expect(s?.totals).toEqual([{ amount: 2000.5, currency: 'EUR' }, { amount: 2100, currency: 'USD' }]);
  });

  it('gives a settled account a zero total in its currency and no open items', async () => {
    const vm = await build({ customerId: 'C2', intents: ['balance_statement'] });
    expect(vm.statement).toMatchObject({ openItems: [], credits: [], aging: [], totals: [{ amount: 0, currency: 'USD' }] });
  });

  it('shows a credit larger than what is open as a negative total', async () => {
    const vm = await build({ customerId: 'C3', intents: ['balance_statement'] });
    expect(vm.statement?.totals).toEqual([{ amount: -300, currency: 'USD' }]);
  });

  it('answers payment status with the payments applied to the named invoices', async () => {
    const vm = await build({ intents: ['payment_status'], invoiceNumbers: ['INV-1006'] });
    expect(vm.payments).toEqual([
      {
        reference: 'ACH 000123998', date: new Date('2026-11-02T00:00:00Z'), method: 'ACH', amount: { amount: 1140, currency: 'USD' },
        applications: [
          { invoiceNumber: 'INV-1006', amount: { amount: 640, currency: 'USD' } },
          { invoiceNumber: 'INV-1003', amount: { amount: 500, currency: 'USD' } },
        ],
      },
    ]);
  });

  it('finds a payment by the reference the customer quotes', async () => {
    const vm = await build({ intents: ['payment_status'], paymentReferences: ['37730'] });
    expect(vm.payments?.map((p) => p.reference)).toEqual(['Check 37730']);
  });

  it('lists the most recent payments, newest first and at most five, when nothing is named', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      sorId: `PX${i}`, customerSorId: 'C1', date: new Date(Date.UTC(2026, 9, 1 + i)), amount: 10, currency: 'USD', method: 'card' as const,
      reference: `CARD ${i}`, applications: [],
    }));
    const sor = new InMemorySor(replySnapshot({ payments: many }));
    const vm = await build({ intents: ['payment_status'] }, sor);
    expect(vm.payments?.map((p) => p.reference)).toEqual(['CARD 6', 'CARD 5', 'CARD 4', 'CARD 3', 'CARD 2']);
  });

  it('answers every asked intent in one view model and never includes another customer\'s payments', async () => {
    const vm = await build({ intents: ['balance_statement', 'payment_status', 'invoice_copy'], invoiceNumbers: ['INV-1003'] });
    expect(vm.intents).toEqual(['balance_statement', 'payment_status', 'invoice_copy']);
    expect(vm.statement).toBeDefined();
    expect(vm.payments?.map((p) => p.reference)).toEqual(['ACH 000123998']);
    expect(JSON.stringify(vm)).not.toContain('WIRE 5521');
  });

  it('is not past due when void or settled, whatever the due date', async () => {
    const sor = new InMemorySor(replySnapshot({ invoices: [replyInvoice('INV-9', 50, { status: 'void', balance: 0 })] }));
    const vm = await build({ invoiceNumbers: ['INV-9'] }, sor);
    expect(vm.invoices[0]?.daysPastDue).toBe(0);
  });
});
