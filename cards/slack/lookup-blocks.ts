// Answers of the `/ar` slash command as Block Kit (the adapter sends them ephemeral): customer
// and invoice lookups, task lists, queue statistics, help, and a helpful answer to input it
// does not understand.
import type { KnownBlock, SectionBlock } from '@slack/types';
import type { CustomerSummaryView, InvoiceSummaryView, StatsView, TaskListItemView, TaskListView } from '../../bot/queries/views.js';
import { intentLabel, readableCode } from '../../bot/task-view.js';
import { SLACK_LIMITS } from './limits.js';
import { RECORD_ACTIONS } from './record-blocks.js';
import type { SlackMessage } from './task-message.js';
import { boundedLines, escapeMrkdwn, formatMoney, isoDay, mrkdwn, mrkdwnLink, plain, plural, slackDateTime, truncatePlain } from './text.js';

/** One slash command as help lists it. */
export interface SlashCommandHelp {
  /** "/ar customer <name|account>" */
  usage: string;
  description: string;
}

/** The `/ar` commands everyone has (admin commands are added by the caller for admins). */
export const AR_COMMANDS: readonly SlashCommandHelp[] = [
  { usage: '/ar customer <name|account>', description: "A customer's open balance, overdue invoices, contacts and open tasks." },
  { usage: '/ar invoice <number>', description: 'An invoice: amount, balance, due date, payments.' },
  { usage: '/ar tasks [mine]', description: "The team's open review tasks, or yours." },
  { usage: '/ar stats', description: 'Open tasks by status, overdue tasks, the last 24 hours.' },
  { usage: '/ar help', description: 'This list.' },
];

/** Customers listed before "n more: narrow the search". */
const MAX_CUSTOMERS = 10;
/** Tasks listed in one answer (each takes a block). */
export const MAX_LISTED_TASKS = 20;

/** One customer's summary. */
export function customerBlocks(v: CustomerSummaryView): SlackMessage {
  const balance = v.openBalance.length > 0 ? v.openBalance.map(formatMoney).join(' · ') : formatMoney({ amount: 0, currency: v.currency });
  const fields = [
    `*Account*\n${escapeMrkdwn(v.accountNumber)} (${escapeMrkdwn(v.sorId)})`,
    `*Status*\n${v.status === 'active' ? 'Active' : 'Archived'}`,
    `*Open balance*\n${escapeMrkdwn(balance)}`,
    `*Open invoices*\n${v.openInvoices}`,
    `*Overdue*\n${v.overdueInvoices === 0 ? 'Nothing overdue' : `${plural(v.overdueInvoices, 'invoice')}, oldest ${plural(v.oldestDaysPastDue, 'day')} past due`}`,
    `*Open review tasks*\n${v.openTasks}`,
  ];
  if (v.billingOwner) fields.push(`*Billing owner*\n${escapeMrkdwn(v.billingOwner)}`);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(v.name, SLACK_LIMITS.headerText) },
    { type: 'section', fields: fields.map((f) => mrkdwn(f, SLACK_LIMITS.sectionFieldText)) },
  ];
  if (v.contacts.length > 0) {
    const lines = v.contacts.map((c) => `• ${c.name ? `${escapeMrkdwn(c.name)} ` : ''}${mrkdwnLink(`mailto:${c.email}`, c.email)}${c.role ? ` (${escapeMrkdwn(c.role)})` : ''}`);
    blocks.push(section(`*Contacts*\n${boundedLines(lines, SLACK_LIMITS.sectionText - 20, (n) => `_…and ${n} more_`)}`));
  }
  return { text: escapeMrkdwn(`${truncatePlain(v.name, 200)} (${v.accountNumber}): open balance ${balance}`), blocks };
}

/** The customers a search found: one is shown in full, none gets a hint, several a short list. */
export function customerListBlocks(vs: readonly CustomerSummaryView[], query: string): SlackMessage {
  const q = truncatePlain(query.trim(), 100);
  const first = vs[0];
  if (first === undefined) {
    return {
      text: escapeMrkdwn(`No customer matches "${q}".`),
      blocks: [
        section(`No customer matches *${escapeMrkdwn(q)}*.`),
        context('Search by part of the name (`/ar customer acme`) or by the account number (`/ar customer 100-2231`).'),
      ],
    };
  }
  if (vs.length === 1) return customerBlocks(first);
  const shown = vs.slice(0, MAX_CUSTOMERS);
  const blocks: KnownBlock[] = [section(`${plural(vs.length, 'customer')} match *${escapeMrkdwn(q)}*:`)];
  for (const c of shown) {
    const balance = c.openBalance.length > 0 ? c.openBalance.map(formatMoney).join(' · ') : 'no open balance';
    const overdue = c.overdueInvoices > 0 ? ` · ${plural(c.overdueInvoices, 'overdue invoice')}` : '';
    const line = section(`*${escapeMrkdwn(c.name)}* · ${escapeMrkdwn(c.accountNumber)}${c.status === 'archived' ? ' · _archived_' : ''}\n${escapeMrkdwn(balance)}${overdue}`);
    // "Open" answers with the customer's record (the adapter routes record.open).
    blocks.push(c.sorId.length <= SLACK_LIMITS.buttonValue ? { ...line, accessory: { type: 'button', action_id: RECORD_ACTIONS.open, text: plain('Open', SLACK_LIMITS.buttonText), value: c.sorId } } : line);
  }
  if (vs.length > shown.length) blocks.push(context(`…and ${vs.length - shown.length} more: narrow the search.`));
  blocks.push(context('Open one, or show it with `/ar customer <account number>`.'));
  return { text: escapeMrkdwn(`${plural(vs.length, 'customer')} match "${q}".`), blocks };
}

const INVOICE_STATUS: Readonly<Record<InvoiceSummaryView['status'], string>> = {
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};

/** One invoice with its payments. */
export function invoiceBlocks(v: InvoiceSummaryView): SlackMessage {
  const status = INVOICE_STATUS[v.status] ?? v.status;
  const fields = [
    `*Customer*\n${escapeMrkdwn(v.customer.name)} (${escapeMrkdwn(v.customer.accountNumber)})`,
    `*Status*\n${escapeMrkdwn(status)}${v.daysPastDue > 0 ? `, ${plural(v.daysPastDue, 'day')} past due` : ''}`,
    `*Amount*\n${escapeMrkdwn(formatMoney(v.amount))}`,
    `*Balance*\n${escapeMrkdwn(formatMoney(v.balance))}`,
    `*Issued*\n${escapeMrkdwn(isoDay(v.issueDate))}`,
    `*Due*\n${escapeMrkdwn(isoDay(v.dueDate))}`,
    `*PO number*\n${v.poNumber ? escapeMrkdwn(v.poNumber) : '—'}`,
  ];
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(`Invoice ${v.number}`, SLACK_LIMITS.headerText) }];
  if (v.matchedAs) blocks.push(context(`You typed ${escapeMrkdwn(v.matchedAs)}; this is the invoice it matches.`));
  blocks.push({ type: 'section', fields: fields.map((f) => mrkdwn(f, SLACK_LIMITS.sectionFieldText)) });
  if (v.payments.length > 0) {
    const lines = v.payments.map((p) => `• ${escapeMrkdwn(isoDay(p.date))} · ${escapeMrkdwn(formatMoney(p.amount))} · ${escapeMrkdwn(p.reference)}`);
    blocks.push(section(`*Payments*\n${boundedLines(lines, SLACK_LIMITS.sectionText - 20, (n) => `_…and ${n} more_`)}`));
  } else {
    blocks.push(context('No payments recorded.'));
  }
  if (v.contactEmails.length > 0) blocks.push(context(`Billing contacts: ${escapeMrkdwn(v.contactEmails.join(', '))}`));
  return { text: escapeMrkdwn(`Invoice ${truncatePlain(v.number, 100)}: ${status}, balance ${formatMoney(v.balance)}, due ${isoDay(v.dueDate)}`), blocks };
}

export function invoiceNotFoundBlocks(query: string): SlackMessage {
  const q = truncatePlain(query.trim(), 100);
  return {
    text: escapeMrkdwn(`No invoice ${q} in the system of record.`),
    blocks: [
      section(`There is no invoice *${escapeMrkdwn(q)}* in the system of record.`),
      context('Check the number (e.g. `/ar invoice INV-204518`; the prefix may be left out), or look up the customer with `/ar customer <name>`.'),
    ],
  };
}

/** A list of open tasks: mine or the team's queue. */
export function taskListBlocks(list: TaskListView): SlackMessage {
  const title = list.scope === 'mine' ? 'Your open tasks' : 'Open tasks';
  if (list.items.length === 0) {
    const none = list.scope === 'mine' ? 'You have no open tasks.' : 'The queue is empty: no open tasks.';
    return { text: none, blocks: [section(`:tada: ${none}`)] };
  }
  const shown = list.items.slice(0, MAX_LISTED_TASKS);
  const more = list.more + list.items.length - shown.length;
  const total = list.items.length + list.more;
  const overdue = list.items.filter((i) => i.overdue).length;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`${title} (${total})`, SLACK_LIMITS.headerText) },
    ...shown.map(taskItemSection),
  ];
  if (more > 0) blocks.push(context(`…and ${more} more.`));
  const text = `${title}: ${total}${overdue > 0 ? `, ${overdue} overdue` : ''}`;
  return { text, blocks };
}

/** One task in a list: subject, sender, customer, intents, due, assignee. */
export function taskItemSection(item: TaskListItemView): SectionBlock {
  const due = item.dueAt ? (item.overdue ? `:warning: *overdue* since ${slackDateTime(item.dueAt)}` : `due ${slackDateTime(item.dueAt)}`) : '';
  const facts = [
    escapeMrkdwn(item.from),
    ...(item.customerName ? [escapeMrkdwn(item.customerName)] : []),
    ...(item.intents.length > 0 ? [escapeMrkdwn(item.intents.map(intentLabel).join(', '))] : []),
  ].join(' · ');
  const state = [escapeMrkdwn(readableCode(item.status)), ...(due ? [due] : []), item.assigneeName ? escapeMrkdwn(item.assigneeName) : 'unassigned'].join(' · ');
  const subject = escapeMrkdwn(truncatePlain(item.subject.trim() || '(no subject)', 300));
  return section(`${item.priority === 'high' ? ':rotating_light: ' : ''}*${subject}*\n${facts}\n${state}`);
}

/** Queue statistics. */
export function statsBlocks(s: StatsView): SlackMessage {
  const open = s.open.new + s.open.assigned + s.open.in_review + s.open.reprocessing;
  const fields = [
    `*New*\n${s.open.new}`,
    `*Assigned*\n${s.open.assigned}`,
    `*In review*\n${s.open.in_review}`,
    `*Reprocessing*\n${s.open.reprocessing}`,
    `*Overdue*\n${s.overdue > 0 ? `:warning: ${s.overdue}` : '0'}`,
    `*Closed (24 h)*\n${s.closedLast24h}`,
    `*Automatic replies (24 h)*\n${s.autoRepliesLast24h}`,
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`Open tasks: ${open}`, SLACK_LIMITS.headerText) },
    { type: 'section', fields: fields.map((f) => mrkdwn(f, SLACK_LIMITS.sectionFieldText)) },
  ];
  if (s.byAssignee.length > 0) {
    const lines = s.byAssignee.map((a) => `• ${escapeMrkdwn(a.name)}: ${a.open}`);
    blocks.push(section(`*Open tasks per person*\n${boundedLines(lines, SLACK_LIMITS.sectionText - 40, (n) => `_…and ${plural(n, 'more person', 'more people')}_`)}`));
  }
  return { text: `${plural(open, 'open task')}, ${s.overdue} overdue; ${s.closedLast24h} closed and ${s.autoRepliesLast24h} answered automatically in the last 24 hours.`, blocks };
}

export function helpBlocks(commands: readonly SlashCommandHelp[]): SlackMessage {
  return {
    text: escapeMrkdwn(`arbot commands: ${commands.map((c) => c.usage).join(', ')}`),
    blocks: [section('*What arbot can look up for you*'), commandList(commands)],
  };
}

/** What was typed is not a command: say so, suggest the closest one, list them all. */
export function unknownCommandBlocks(input: string, commands: readonly SlashCommandHelp[]): SlackMessage {
  const typed = truncatePlain(input.trim(), 100);
  const guess = closestCommand(typed, commands);
  const head = typed === '' ? 'Tell arbot what to look up.' : `arbot does not understand \`${escapeMrkdwn(typed.replace(/`/g, "'"))}\`.`;
  const blocks: KnownBlock[] = [section(guess ? `${head} Did you mean \`${escapeMrkdwn(guess.usage)}\`?` : head), commandList(commands)];
  return { text: typed === '' ? head : escapeMrkdwn(`arbot does not understand "${typed}". Try /ar help.`), blocks };
}

/** The command whose first word starts like the typed one (customer ← "cust", "custmer"). */
function closestCommand(typed: string, commands: readonly SlashCommandHelp[]): SlashCommandHelp | undefined {
  const word = typed.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (word.length < 2) return undefined;
  const verbOf = (c: SlashCommandHelp) => c.usage.replace(/^\/\S+\s*/, '').split(/\s+/)[0]?.toLowerCase() ?? '';
  return commands.find((c) => verbOf(c).startsWith(word)) ?? commands.find((c) => word.startsWith(verbOf(c).slice(0, 3)) && verbOf(c).length >= 3);
}

function commandList(commands: readonly SlashCommandHelp[]): SectionBlock {
  const lines = commands.map((c) => `\`${escapeMrkdwn(c.usage.replace(/`/g, "'"))}\` ${escapeMrkdwn(c.description)}`);
  return section(boundedLines(lines, SLACK_LIMITS.sectionText, (n) => `_…and ${n} more_`));
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text, SLACK_LIMITS.sectionText) };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(text, SLACK_LIMITS.contextText)] };
}
