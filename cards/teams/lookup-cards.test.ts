import { describe, expect, it } from 'vitest';
import {
  customerSummaryFixture,
  invoiceSummaryFixture,
  statsFixture,
  taskListFixture,
  taskListItemFixture,
} from '../../test/fixtures/cards-lookup-views.js';
import { validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { cardNodes as nodes, cardTexts as texts } from '../../test/support/teams-card-reader.js';
import { cardBytes, type AdaptiveCard } from './adaptive-card.js';
import { formatMoney } from './format.js';
import { customerCard, customerListCard, errorCard, helpCard, invoiceCard, invoiceNotFoundCard, statsCard, taskListCard } from './lookup-cards.js';
import { TASK_VERBS } from './task-card-actions.js';

const facts = (card: AdaptiveCard) =>
  Object.fromEntries(nodes(card).filter((n) => n.type === 'FactSet').flatMap((f) => (f.facts as { title: string; value: string }[]).map((x) => [x.title, x.value])));

/** "USD 13,650.00" as Intl writes it (a no-break space after the code). */
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' });

describe('lookup cards', () => {
  const many = Array.from({ length: 60 }, (_, i) => `x${i}`);
  const cards: [string, AdaptiveCard][] = [
    ['customer', customerCard(customerSummaryFixture())],
    ['customer with many contacts, archived', customerCard(customerSummaryFixture({ status: 'archived', contacts: many.map((m) => ({ email: `${m}@a.example` })), openBalance: [] }))],
    ['customer list', customerListCard([customerSummaryFixture(), customerSummaryFixture({ sorId: 'C2', name: 'Acme Logistics' })], 'acme')],
    ['customer list, none', customerListCard([], 'zebra')],
    ['customer list, 40 matches', customerListCard(many.slice(0, 40).map((m) => customerSummaryFixture({ sorId: m, name: m })), 'x')],
    ['invoice', invoiceCard(invoiceSummaryFixture({ matchedAs: 'inv 204518' }))],
    ['invoice with many payments', invoiceCard(invoiceSummaryFixture({ payments: many.map((m) => ({ reference: m, date: '2026-11-01', amount: { amount: 1, currency: 'USD' } })) }))],
    ['invoice not found', invoiceNotFoundCard('INV-9')],
    ['tasks', taskListCard(taskListFixture())],
    ['tasks, empty team', taskListCard({ scope: 'team', items: [], more: 0 })],
    ['tasks, 60', taskListCard({ scope: 'team', items: many.map(() => taskListItemFixture({ subject: 'S'.repeat(500) })), more: 5 })],
    ['stats', statsCard(statsFixture())],
    ['stats, quiet', statsCard(statsFixture({ overdue: 0, byAssignee: [] }))],
    ['help', helpCard([{ command: 'customer <name>', description: 'A customer and their balance' }])],
    ['help, none', helpCard([])],
    ['error', errorCard('This reply cannot be sent.', ['jane@other.example is not a contact of C1'])],
  ];

  it.each(cards)('%s: parses without problems in the Adaptive Cards library and stays small', (_name, card) => {
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardBytes(card)).toBeLessThan(20_000);
  });

  it('customer: balance with its currency, aging, contacts', () => {
    const card = customerCard(customerSummaryFixture({ openBalance: [{ amount: 13650, currency: 'USD' }, { amount: 450.5, currency: 'EUR' }] }));
    expect(texts(card)).toEqual(expect.arrayContaining(['Acme Industrial LLC', 'Account 100-2231 · C1']));
    expect(facts(card)).toMatchObject({
      'Open balance': `${usd(13650)} + ${formatMoney({ amount: 450.5, currency: 'EUR' })}`,
      'Open invoices': '3',
      'Overdue invoices': '1 (oldest 15 days past due)',
      'Billing owner': 'Ana Lima',
      'Open review tasks': '2',
    });
    expect(texts(card)).toContain('- Jane Roe (jane.roe@acme-industrial.example), AP clerk\n- ap@acme-industrial.example');
  });

  it('money: en-US digits and the currency code, even for codes Intl does not know', () => {
    expect(usd(13650)).toMatch(/^USD\s13,650\.00$/);
    expect(formatMoney({ amount: -750, currency: 'EUR' })).toMatch(/^-EUR\s750\.00$/);
    expect(formatMoney({ amount: 1234.5, currency: 'bad code' })).toBe('bad code 1,234.50');
  });

  it('customer list: one match is that customer, none is a friendly card, several are listed', () => {
    const one = customerSummaryFixture();
    expect(customerListCard([one], 'acme')).toEqual(customerCard(one));
    expect(texts(customerListCard([], 'zebra'))).toContain('No customer matches “zebra”. Try the account number, the SoR id or part of the name.');
    const several = customerListCard([one, customerSummaryFixture({ sorId: 'C2', name: 'Acme Logistics', accountNumber: '100-9' })], 'acme');
    expect(texts(several)).toEqual(expect.arrayContaining(['2 customers match “acme”', '**Acme Industrial LLC**', '**Acme Logistics**']));
    expect(texts(several).find((t) => t.startsWith('Account 100-9'))).toMatch(/^Account 100-9 · C2 · USD\s13,650\.00 open · 1 overdue invoice$/);
    // Each match opens its customer record (record.open with its SoR id).
    const opens = nodes(several).filter((n) => n.type === 'Action.Execute');
    expect(opens.map((n) => [n.title, n.verb, n.data])).toEqual([
      ['Open', 'record.open', { sorId: 'C1' }],
      ['Open', 'record.open', { sorId: 'C2' }],
    ]);
  });

  it('invoice: how the number was read, amounts, status, payments', () => {
    const card = invoiceCard(invoiceSummaryFixture({ matchedAs: 'inv 204518' }));
    expect(texts(card)).toEqual(expect.arrayContaining(['Invoice INV-204518', 'Read “inv 204518” as INV-204518.']));
    expect(facts(card)).toMatchObject({
      Customer: 'Acme Industrial LLC (account 100-2231)',
      Status: 'Partially paid',
      Amount: usd(12450),
      Balance: usd(11250),
      Due: '2026-11-05 (15 days past due)',
      'PO number': 'PO-4471',
      '2026-11-01 · WIRE-8812': usd(1200),
    });
    expect(texts(invoiceNotFoundCard('INV-9'))).toContain('No invoice matches “INV-9”. Check the number, with or without its prefix.');
  });

  it('tasks: each item shows its state and has a Show button carrying its task id', () => {
    const list = taskListFixture();
    const card = taskListCard(list);
    const shows = nodes(card).filter((n) => n.type === 'Action.Execute');
    expect(shows).toEqual(list.items.map((i) => ({ type: 'Action.Execute', title: 'Show', verb: TASK_VERBS.show, data: { taskId: i.taskId } })));
    const all = texts(card).join('\n');
    expect(all).toContain('In review · high priority · Acme Industrial LLC\nFrom Jane Roe (jane.roe@acme-industrial.example) · Invoice copy');
    expect(all).toContain('Assigned to Ana Lima · overdue: was due {{DATE(2026-11-20T13:00:00Z, SHORT)}}');
    expect(texts(card)[0]).toBe('Your open tasks');
  });

  it('tasks: an empty list says so; a long one is capped and counts the rest', () => {
    expect(texts(taskListCard({ scope: 'team', items: [], more: 0 }))).toEqual(["Your team's open tasks", 'Your team has no open tasks.']);
    const long = taskListCard({ scope: 'mine', items: Array.from({ length: 25 }, () => taskListItemFixture()), more: 3 });
    expect(nodes(long).filter((n) => n.type === 'Action.Execute')).toHaveLength(20);
    expect(texts(long)).toContain('and 8 more open tasks');
  });

  it('stats: open work by status, overdue highlighted, per person', () => {
    const card = statsCard(statsFixture());
    expect(facts(card)).toMatchObject({ 'Open tasks': '9', New: '3', 'In review': '3', Overdue: '2', 'Closed (24 h)': '14', 'Automatic replies (24 h)': '31', 'Ana Lima': '4', 'Bo Chen': '2' });
    expect(nodes(card).find((n) => n.text === '2 tasks are past their SLA.')).toMatchObject({ color: 'Attention' });
  });

  it('help lists the commands; error shows the message and its details', () => {
    expect(facts(helpCard([{ command: 'tasks [mine|team]', description: 'Open tasks' }]))).toEqual({ '`tasks [mine|team]`': 'Open tasks' });
    const error = errorCard('This reply cannot be sent.', ['a', 'b']);
    expect(error.body).toEqual([
      { type: 'TextBlock', text: 'This reply cannot be sent.', wrap: true, color: 'Attention', weight: 'Bolder' },
      { type: 'TextBlock', text: '- a\n- b', wrap: true, spacing: 'Small' },
    ]);
  });
});
