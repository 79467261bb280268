import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { CustomerSummaryView, InvoiceSummaryView, StatsView, TaskListItemView } from '../../bot/queries/views.js';
import { checkMessageLimits, SLACK_LIMITS } from './limits.js';
import {
  AR_COMMANDS,
  customerBlocks,
  customerListBlocks,
  helpBlocks,
  invoiceBlocks,
  invoiceNotFoundBlocks,
  MAX_LISTED_TASKS,
  statsBlocks,
  taskListBlocks,
  unknownCommandBlocks,
} from './lookup-blocks.js';

function customer(overrides: Partial<CustomerSummaryView> = {}): CustomerSummaryView {
  return {
    sorId: 'C1001',
    name: 'Müller & Söhne GmbH',
    accountNumber: '100-2231',
    status: 'active',
    currency: 'EUR',
    openBalance: [{ amount: 12450, currency: 'EUR' }, { amount: 980.4, currency: 'USD' }],
    openInvoices: 4,
    overdueInvoices: 2,
    oldestDaysPastDue: 41,
    contacts: [{ name: 'Jana Müller', email: 'jana@mueller.example', role: 'AP' }],
    billingOwner: 'Ana Lima',
    openTasks: 1,
    ...overrides,
  };
}

function invoice(overrides: Partial<InvoiceSummaryView> = {}): InvoiceSummaryView {
  return {
    number: 'INV-204518',
    customer: { sorId: 'C1001', name: 'Müller & Söhne GmbH', accountNumber: '100-2231' },
    poNumber: 'PO-4471',
    issueDate: '2026-10-05',
    dueDate: '2026-11-04T00:00:00.000Z',
    amount: { amount: 3200, currency: 'USD' },
    balance: { amount: 1200, currency: 'USD' },
    status: 'partially_paid',
    daysPastDue: 16,
    payments: [{ reference: 'WIRE-88', date: '2026-11-01', amount: { amount: 2000, currency: 'USD' } }],
    contactEmails: ['ap@mueller.example'],
    ...overrides,
  };
}

function item(i: number, overrides: Partial<TaskListItemView> = {}): TaskListItemView {
  return {
    taskId: `t${i}`,
    status: 'in_review',
    subject: `Copy of INV-${i}`,
    from: 'Jane Roe <jane@acme.example>',
    customerName: 'Acme',
    intents: ['invoice_copy'],
    priority: 'normal',
    dueAt: '2026-11-20T13:00:00.000Z',
    overdue: false,
    assigneeName: 'Ana Lima',
    ...overrides,
  };
}

const text = (blocks: KnownBlock[]) => JSON.stringify(blocks);

describe('lookup answers', () => {
  it('show a customer: balance per currency, overdue, contacts, owner, open tasks', () => {
    const m = customerBlocks(customer());
    const all = text(m.blocks);
    expect(all).toContain('Müller & Söhne GmbH');
    expect(all).toContain('€12,450.00 · $980.40');
    expect(all).toContain('2 invoices, oldest 41 days past due');
    expect(all).toContain('Jana Müller <mailto:jana@mueller.example|jana@mueller.example> (AP)');
    expect(all).toContain('*Billing owner*\\nAna Lima');
    expect(m.text).toBe('Müller &amp; Söhne GmbH (100-2231): open balance €12,450.00 · $980.40');
    expect(checkMessageLimits(m)).toEqual([]);
  });

  it('answer a search: none → how to search, one → the customer, several → a list', () => {
    const none = customerListBlocks([], 'zzz');
    expect(none.text).toBe('No customer matches "zzz".');
    expect(text(none.blocks)).toContain('account number');
    expect(customerListBlocks([customer()], 'mull')).toEqual(customerBlocks(customer()));
    const many = customerListBlocks(Array.from({ length: 14 }, (_, i) => customer({ name: `Acme ${i}`, accountNumber: `100-${i}` })), 'acme');
    expect(many.text).toBe('14 customers match "acme".');
    expect(many.blocks.filter((b) => b.type === 'section')).toHaveLength(11);
    expect(text(many.blocks)).toContain('…and 4 more: narrow the search.');
    expect(checkMessageLimits(many)).toEqual([]);
    const listed = many.blocks.filter((b): b is SectionBlock => b.type === 'section' && b.accessory !== undefined);
    expect(listed).toHaveLength(10);
    expect(listed[0]?.accessory).toEqual({ type: 'button', action_id: 'record.open', text: { type: 'plain_text', text: 'Open', emoji: true }, value: 'C1001' });
  });

  it('show an invoice with its payments, and what the typed number was read as', () => {
    const m = invoiceBlocks(invoice({ matchedAs: 'inv 204518' }));
    const all = text(m.blocks);
    expect(all).toContain('Invoice INV-204518');
    expect(all).toContain('You typed inv 204518');
    expect(all).toContain('Partially paid, 16 days past due');
    expect(all).toContain('*Due*\\n2026-11-04');
    expect(all).toContain('• 2026-11-01 · $2,000.00 · WIRE-88');
    expect(m.text).toBe('Invoice INV-204518: Partially paid, balance $1,200.00, due 2026-11-04');
    expect(checkMessageLimits(m)).toEqual([]);
    expect(text(invoiceBlocks(invoice({ payments: [], poNumber: null })).blocks)).toContain('No payments recorded.');
  });

  it('say an invoice was not found and how to look', () => {
    const m = invoiceNotFoundBlocks(' INV-9 ');
    expect(m.text).toBe('No invoice INV-9 in the system of record.');
    expect(text(m.blocks)).toContain('/ar customer');
  });

  it('list tasks within the message limits, however many', () => {
    const list = { scope: 'team' as const, items: Array.from({ length: 60 }, (_, i) => item(i, { overdue: i % 5 === 0, priority: i % 7 === 0 ? 'high' : 'normal' })), more: 40 };
    const m = taskListBlocks(list);
    expect(checkMessageLimits(m)).toEqual([]);
    expect(m.blocks.filter((b) => b.type === 'section')).toHaveLength(MAX_LISTED_TASKS);
    expect(text(m.blocks)).toContain('…and 80 more.');
    expect(m.text).toBe('Open tasks: 100, 12 overdue');
    const first = m.blocks[1] as SectionBlock;
    expect(first.text?.text).toBe(
      ':rotating_light: *Copy of INV-0*\nJane Roe &lt;jane@acme.example&gt; · Acme · Invoice copy\nIn review · :warning: *overdue* since <!date^1795179600^{date_short_pretty} {time}|2026-11-20 13:00 UTC> · Ana Lima',
    );
    expect(taskListBlocks({ scope: 'mine', items: [], more: 0 }).text).toBe('You have no open tasks.');
  });

  it('show the stats', () => {
    const stats: StatsView = {
      open: { new: 3, assigned: 4, in_review: 2, reprocessing: 1 },
      overdue: 2,
      closedLast24h: 9,
      autoRepliesLast24h: 31,
      byAssignee: Array.from({ length: 300 }, (_, i) => ({ name: `Person ${i} ${'x'.repeat(20)}`, open: 300 - i })),
    };
    const m = statsBlocks(stats);
    expect(m.text).toBe('10 open tasks, 2 overdue; 9 closed and 31 answered automatically in the last 24 hours.');
    expect(text(m.blocks)).toContain('*Overdue*\\n:warning: 2');
    expect(text(m.blocks)).toMatch(/…and \d+ more people/);
    expect(checkMessageLimits(m)).toEqual([]);
  });

  it('help lists every command', () => {
    const m = helpBlocks(AR_COMMANDS);
    expect(m.text).toContain('/ar customer &lt;name|account&gt;');
    for (const c of AR_COMMANDS) expect(text(m.blocks)).toContain(c.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(checkMessageLimits(m)).toEqual([]);
  });

  it('answer unknown input helpfully: a guess when close, and the list', () => {
    const typo = unknownCommandBlocks('custmer acme', AR_COMMANDS);
    expect(text(typo.blocks)).toContain('arbot does not understand `custmer acme`. Did you mean `/ar customer &lt;name|account&gt;`?');
    expect(text(typo.blocks)).toContain('/ar stats');
    expect(typo.text).toBe('arbot does not understand "custmer acme". Try /ar help.');
    const prefix = unknownCommandBlocks('inv', AR_COMMANDS);
    expect(text(prefix.blocks)).toContain('Did you mean `/ar invoice &lt;number&gt;`?');
    const nonsense = unknownCommandBlocks('<!channel> launch', AR_COMMANDS);
    expect(text(nonsense.blocks)).not.toContain('Did you mean');
    expect(text(nonsense.blocks)).not.toContain('<!channel>');
    expect(unknownCommandBlocks('', AR_COMMANDS).text).toBe('Tell arbot what to look up.');
    expect(checkMessageLimits(unknownCommandBlocks('x'.repeat(10000), AR_COMMANDS))).toEqual([]);
  });

  it('keep huge values within limits', () => {
    const huge = customer({
      name: 'N'.repeat(1000),
      contacts: Array.from({ length: 500 }, (_, i) => ({ name: `Contact ${i}`, email: `c${i}@example.com`, role: 'AP' })),
      billingOwner: 'o'.repeat(5000),
    });
    const m = customerBlocks(huge);
    expect(checkMessageLimits(m)).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    const inv = invoiceBlocks(invoice({ payments: Array.from({ length: 400 }, (_, i) => ({ reference: `R${i}`, date: '2026-01-01', amount: { amount: i, currency: 'usd' } })) }));
    expect(checkMessageLimits(inv)).toEqual([]);
    expect(text(inv.blocks)).toContain('0.00 usd');
  });
});
