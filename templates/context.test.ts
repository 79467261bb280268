import { describe, expect, it } from 'vitest';
import type { InvoiceView } from '../core/replies/reply-model.js';
import { replyViewModel } from '../test/fixtures/reply-view-model.js';
import { invoiceRow, toTemplateContext } from './context.js';

const inv = (status: InvoiceView['status'], balance: number): InvoiceView => ({
  number: 'INV-1', poNumber: null, issueDate: new Date(0), dueDate: new Date(0), amount: { amount: 100, currency: 'USD' },
  balance: { amount: balance, currency: 'USD' }, status, daysPastDue: 0,
});

describe('invoiceRow', () => {
  it.each([
    ['open', 100, 'isOpen'],
    ['partially_paid', 40, 'isPartiallyPaid'],
    ['paid', 0, 'isPaid'],
    ['void', 0, 'isVoid'],
    ['open', 0, 'isPaid'],
    ['partially_paid', 0, 'isPaid'],
    ['paid', 5, 'isPaid'],
  ] as const)('words a %s invoice with balance %d as %s only', (status, balance, flag) => {
    const row = invoiceRow(inv(status, balance));
    const flags = { isOpen: row.isOpen, isPartiallyPaid: row.isPartiallyPaid, isPaid: row.isPaid, isVoid: row.isVoid };
    expect(Object.entries(flags).filter(([, on]) => on).map(([name]) => name)).toEqual([flag]);
  });
});

describe('toTemplateContext', () => {
  it('makes one section per answerable intent, in the email\'s order, and skips the rest', async () => {
    const vm = await replyViewModel({ intents: ['payment_status', 'dispute', 'invoice_copy', 'payment_status'], invoiceNumbers: ['INV-1001'] });
    expect(toTemplateContext(vm).sections.map((s) => s.partial)).toEqual(['payment_status', 'invoice_copy']);
  });

  it('marks each statement total as due, settled or credit, and a statement with nothing open as settled', async () => {
    const [due] = toTemplateContext(await replyViewModel({ intents: ['balance_statement'] })).sections;
    expect(due).toMatchObject({ settled: false, totals: [{ isDue: true }, { isDue: true }] });
    const [settled] = toTemplateContext(await replyViewModel({ customerId: 'C2', intents: ['balance_statement'] })).sections;
    expect(settled).toMatchObject({ settled: true, totals: [{ isSettled: true, isDue: false, isCredit: false }] });
    const [credit] = toTemplateContext(await replyViewModel({ customerId: 'C3', intents: ['balance_statement'] })).sections;
    expect(credit).toMatchObject({ settled: false, totals: [{ isCredit: true, magnitude: { amount: 300, currency: 'USD' } }] });
  });

  it('puts the contact\'s name on one short line, or null', async () => {
    const vm = await replyViewModel();
    expect(toTemplateContext({ ...vm, contact: { name: ' Jane\r\n\tRoe\u2028X ', email: 'j@x' } }).contactName).toBe('Jane Roe X');
    expect(toTemplateContext({ ...vm, contact: { name: '  ', email: 'j@x' } }).contactName).toBeNull();
    expect(toTemplateContext({ ...vm, contact: { name: 'x'.repeat(200), email: 'j@x' } }).contactName).toHaveLength(80);
  });
});
