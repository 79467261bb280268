// Cards answering the bot's commands in Teams: `customer`, `invoice`, `tasks [mine|team]`,
// `stats`, `help`, and the card for a command that failed. Pure: view model in, JSON out.
import type { CustomerSummaryView, InvoiceSummaryView, MoneyView, StatsView, TaskListItemView, TaskListView } from '../../bot/queries/views.js';
import { intentLabel, readableCode } from '../../bot/task-view.js';
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { bullets, cardDateTime, displayAddress, formatMoney, listWithMore, plural, untrusted } from './format.js';
import { RECORD_VERBS } from './record-cards.js';
import { TASK_VERBS } from './task-card-actions.js';

// Lists are capped so every answer stays far below Teams' 28 KB.
const CUSTOMERS_MAX = 10;
const CONTACTS_MAX = 10;
const PAYMENTS_MAX = 10;
const TASKS_MAX = 20;
const ASSIGNEES_MAX = 15;
const COMMANDS_MAX = 30;
const TEXT_MAX = 300;

const INVOICE_STATUS: Readonly<Record<InvoiceSummaryView['status'], string>> = {
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

/** "Partially paid" for `partially_paid`. */
export function invoiceStatusLabel(status: InvoiceSummaryView['status']): string {
  return INVOICE_STATUS[status] ?? readableCode(status);
}

/** One customer: balances, aging, contacts. */
export function customerCard(v: CustomerSummaryView): AdaptiveCard {
  const body: CardElement[] = [
    title(v.name),
    textBlock(`Account ${t(v.accountNumber)} · ${t(v.sorId)}${v.status === 'archived' ? ' · archived' : ''}`, { isSubtle: true, spacing: 'None' }),
    factSet([
      ['Open balance', balances(v.openBalance, v.currency)],
      ['Open invoices', String(v.openInvoices)],
      ['Overdue invoices', v.overdueInvoices > 0 ? `${v.overdueInvoices} (oldest ${plural(v.oldestDaysPastDue, 'day')} past due)` : '0'],
      ['Currency', t(v.currency)],
      ['Billing owner', v.billingOwner ? t(v.billingOwner) : undefined],
      ['Open review tasks', String(v.openTasks)],
    ]),
  ];
  if (v.contacts.length > 0) {
    const lines = v.contacts.map((c) => {
      const who = c.name ? `${t(c.name)} (${t(c.email)})` : t(c.email);
      return c.role ? `${who}, ${t(c.role)}` : who;
    });
    body.push(heading('Contacts'), textBlock(bullets(lines, CONTACTS_MAX), { spacing: 'Small' }));
  }
  return adaptiveCard(body);
}

/** The answer to `customer <query>`: one customer's card, a short list of matches, or none. */
export function customerListCard(vs: CustomerSummaryView[], query: string): AdaptiveCard {
  const [only] = vs;
  if (vs.length === 1 && only) return customerCard(only);
  if (vs.length === 0) {
    return adaptiveCard([
      title('No customer found'),
      textBlock(`No customer matches “${t(query)}”. Try the account number, the SoR id or part of the name.`),
    ]);
  }
  const body: CardElement[] = [title(`${vs.length} customers match “${t(query)}”`)];
  for (const v of vs.slice(0, CUSTOMERS_MAX)) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        textBlock(`**${t(v.name)}**${v.status === 'archived' ? ' (archived)' : ''}`),
        textBlock(`Account ${t(v.accountNumber)} · ${t(v.sorId)} · ${balances(v.openBalance, v.currency)} open · ${plural(v.overdueInvoices, 'overdue invoice')}`, {
          isSubtle: true,
          spacing: 'None',
        }),
        // Opens the customer record in place of this list (routed to bot/records).
        { type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Execute', title: 'Open', verb: RECORD_VERBS.open, data: { sorId: v.sorId } }] },
      ],
    });
  }
  if (vs.length > CUSTOMERS_MAX) body.push(textBlock(`and ${vs.length - CUSTOMERS_MAX} more: narrow the search.`, { isSubtle: true }));
  body.push(textBlock('Open one, or ask `customer <account number>`.', { isSubtle: true, spacing: 'Medium' }));
  return adaptiveCard(body);
}

/** One invoice: amounts, dates, payments. */
export function invoiceCard(v: InvoiceSummaryView): AdaptiveCard {
  const body: CardElement[] = [title(`Invoice ${t(v.number)}`)];
  if (v.matchedAs) body.push(textBlock(`Read “${t(v.matchedAs)}” as ${t(v.number)}.`, { isSubtle: true, spacing: 'None' }));
  body.push(
    factSet([
      ['Customer', `${t(v.customer.name)} (account ${t(v.customer.accountNumber)})`],
      ['Status', invoiceStatusLabel(v.status)],
      ['Amount', formatMoney(v.amount)],
      ['Balance', formatMoney(v.balance)],
      ['Issued', t(v.issueDate)],
      ['Due', v.daysPastDue > 0 ? `${t(v.dueDate)} (${plural(v.daysPastDue, 'day')} past due)` : t(v.dueDate)],
      ['PO number', v.poNumber ? t(v.poNumber) : undefined],
      ['Contacts', v.contactEmails.length > 0 ? listWithMore(v.contactEmails.map(t), CONTACTS_MAX) : undefined],
    ]),
  );
  if (v.payments.length > 0) {
    body.push(heading('Payments'));
    body.push(factSet(v.payments.slice(0, PAYMENTS_MAX).map((p) => [`${t(p.date)} · ${t(p.reference)}`, formatMoney(p.amount)])));
    if (v.payments.length > PAYMENTS_MAX) body.push(textBlock(`and ${v.payments.length - PAYMENTS_MAX} more payments`, { isSubtle: true }));
  }
  return adaptiveCard(body);
}

/** The answer to `invoice <query>` when nothing matches. */
export function invoiceNotFoundCard(query: string): AdaptiveCard {
  return adaptiveCard([title('No invoice found'), textBlock(`No invoice matches “${t(query)}”. Check the number, with or without its prefix.`)]);
}

/** `tasks mine` / `tasks team`: open tasks, each with a button to show its card. */
export function taskListCard(v: TaskListView): AdaptiveCard {
  const body: CardElement[] = [title(v.scope === 'mine' ? 'Your open tasks' : "Your team's open tasks")];
  if (v.items.length === 0) {
    body.push(textBlock(v.scope === 'mine' ? 'You have no open tasks.' : 'Your team has no open tasks.'));
    return adaptiveCard(body);
  }
  const shown = v.items.slice(0, TASKS_MAX);
  for (const item of shown) body.push(taskItem(item));
  const more = v.more + (v.items.length - shown.length);
  if (more > 0) body.push(textBlock(`and ${plural(more, 'more open task')}`, { isSubtle: true, spacing: 'Medium' }));
  return adaptiveCard(body);
}

/** `stats`: open work by status, overdue, the last 24 hours, and open tasks per person. */
export function statsCard(v: StatsView): AdaptiveCard {
  const open = v.open.new + v.open.assigned + v.open.in_review + v.open.reprocessing;
  const body: CardElement[] = [
    title('Helpdesk stats'),
    factSet([
      ['Open tasks', String(open)],
      ['New', String(v.open.new)],
      ['Assigned', String(v.open.assigned)],
      ['In review', String(v.open.in_review)],
      ['Reprocessing', String(v.open.reprocessing)],
      ['Overdue', String(v.overdue)],
      ['Closed (24 h)', String(v.closedLast24h)],
      ['Automatic replies (24 h)', String(v.autoRepliesLast24h)],
    ]),
  ];
  if (v.overdue > 0) body.push(textBlock(`${plural(v.overdue, 'task is', 'tasks are')} past their SLA.`, { color: 'Attention', weight: 'Bolder' }));
  if (v.byAssignee.length > 0) {
    body.push(heading('Open tasks per person'));
    body.push(factSet(v.byAssignee.slice(0, ASSIGNEES_MAX).map((a) => [t(a.name), String(a.open)])));
    if (v.byAssignee.length > ASSIGNEES_MAX) body.push(textBlock(`and ${v.byAssignee.length - ASSIGNEES_MAX} more people`, { isSubtle: true }));
  }
  return adaptiveCard(body);
}

/** `help`: the commands and what they do. */
export function helpCard(commands: { command: string; description: string }[]): AdaptiveCard {
  const body: CardElement[] = [title('What I can do')];
  if (commands.length === 0) body.push(textBlock('No commands are available to you.'));
  else body.push(factSet(commands.slice(0, COMMANDS_MAX).map((c) => [`\`${c.command}\``, c.description])));
  return adaptiveCard(body);
}

/** A command or action that failed, with the reason the person can act on. */
export function errorCard(message: string, details: string[] = []): AdaptiveCard {
  const body: CardElement[] = [textBlock(t(message), { color: 'Attention', weight: 'Bolder' })];
  if (details.length > 0) body.push(textBlock(bullets(details.map(t), CONTACTS_MAX), { spacing: 'Small' }));
  return adaptiveCard(body);
}

function taskItem(item: TaskListItemView): CardElement {
  const facts = [readableCode(item.status), item.priority === 'high' ? 'high priority' : undefined, item.customerName ? t(item.customerName) : 'customer not identified']
    .filter((s): s is string => s !== undefined)
    .join(' · ');
  const items: CardElement[] = [
    textBlock(`**${t(item.subject || '(no subject)')}**`),
    textBlock(`${facts}\nFrom ${t(displayAddress(item.from))}${item.intents.length > 0 ? ` · ${item.intents.map((i) => t(intentLabel(i))).join(', ')}` : ''}`, {
      isSubtle: true,
      spacing: 'None',
    }),
  ];
  const who = item.assigneeName ? `Assigned to ${t(item.assigneeName)}` : 'Unassigned';
  if (item.dueAt) {
    items.push(
      item.overdue
        ? textBlock(`${who} · overdue: was due ${cardDateTime(item.dueAt)}`, { color: 'Attention', spacing: 'None' })
        : textBlock(`${who} · due ${cardDateTime(item.dueAt)}`, { isSubtle: true, spacing: 'None' }),
    );
  } else {
    items.push(textBlock(who, { isSubtle: true, spacing: 'None' }));
  }
  items.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Execute', title: 'Show', verb: TASK_VERBS.show, data: { taskId: item.taskId } }] });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function title(text: string): CardElement {
  return textBlock(t(text), { size: 'Medium', weight: 'Bolder' });
}

/** "USD 1,200.00 + EUR 450.00", or zero in the customer's currency. */
export function balances(open: MoneyView[], currency: string): string {
  return open.length === 0 ? formatMoney({ amount: 0, currency }) : open.map(formatMoney).join(' + ');
}

/** Untrusted text of a reasonable length. */
function t(text: string): string {
  return untrusted(text, TEXT_MAX);
}
