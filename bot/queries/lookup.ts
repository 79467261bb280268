// The lookup commands (`customer`, `invoice`, `tasks`, `stats`) as read-only use cases shared
// by Teams, Slack and the tab. Anyone with a role may look things up (task.view); unknown
// people get the same "not registered" answer as everywhere else.
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import type { SorCustomer, SorInvoice, SorLookup } from '../../core/pipeline/sor.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { authorize } from '../authorize.js';
import { searchServiceFor } from '../search/search-service.js';
import type { ChatIdentity } from '../identity.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import type { CustomerSummaryView, InvoiceSummaryView, MoneyView, StatsView, TaskListItemView, TaskListView } from './views.js';

export interface QueryDeps {
  repos: Pick<Repositories, 'customers' | 'tasks' | 'users' | 'teams' | 'emails' | 'outbox' | 'audit' | 'contacts' | 'invoices' | 'searchIndex' | 'customerRecords'>;
  sor: SorLookup;
  clock: () => Date;
}

const DAY_MS = 86_400_000;
const LIST_LIMIT = 15;

/** Customers matching what was typed (see bot/search: name, account number, email, domain, invoice or PO number; at most 10), with their open items. */
export async function lookupCustomer(deps: QueryDeps, identity: ChatIdentity, text: string): Promise<UseCaseResult<CustomerSummaryView[]>> {
  const who = await authorize(deps, identity, 'task.view', 'lookup_customer', { type: 'customer', id: text });
  if (!who.ok) return who;
  const query = text.trim();
  if (query === '') return failure('invalid_input', 'Say which customer: a name or an account number, e.g. "customer Acme".');
  const result = await searchServiceFor(deps.repos, deps.clock).search(query, { limit: 10 });
  const [top] = result.customers;
  // A clear identifier match (account, email, invoice …) answers alone; names list every close match.
  const found = top && !result.ambiguous && top.score >= 90 ? [top] : result.customers;
  const views: CustomerSummaryView[] = [];
  for (const hit of found) {
    const sorCustomer = await deps.sor.customer(hit.customer.sorId);
    if (sorCustomer) views.push(await customerSummary(deps, sorCustomer));
  }
  return success(views);
}

/** One invoice by its number as a person types it ("inv 204518", "#204518", "INV-0204518", a PO number), or null: the search service's reading (bot/search). */
export async function lookupInvoice(deps: QueryDeps, identity: ChatIdentity, text: string): Promise<UseCaseResult<InvoiceSummaryView | null>> {
  const who = await authorize(deps, identity, 'task.view', 'lookup_invoice', { type: 'invoice', id: text });
  if (!who.ok) return who;
  const typed = text.trim();
  if (typed === '') return failure('invalid_input', 'Say which invoice, e.g. "invoice INV-204518".');
  const hit = await searchServiceFor(deps.repos, deps.clock).invoice(typed);
  return success(hit === null ? null : await invoiceSummary(deps, hit.invoice, typed));
}

/** The invoice's summary with its customer and payments; `typed` is how the person wrote the number. */
export async function invoiceSummary(deps: Pick<QueryDeps, 'sor'>, invoice: SorInvoice, typed: string = invoice.number): Promise<InvoiceSummaryView> {
  const customer = await deps.sor.customer(invoice.customerSorId);
  const payments = (await deps.sor.paymentsOfCustomer(invoice.customerSorId))
    .flatMap((p) => p.applications.filter((a) => a.invoiceNumber === invoice.number).map((a) => ({ reference: p.reference, date: iso(p.date), amount: money(a.amount, p.currency) })))
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    number: invoice.number,
    customer: { sorId: invoice.customerSorId, name: customer?.name ?? invoice.customerSorId, accountNumber: customer?.accountNumber ?? '' },
    poNumber: invoice.poNumber,
    issueDate: iso(invoice.issueDate),
    dueDate: iso(invoice.dueDate),
    amount: money(invoice.amount, invoice.currency),
    balance: money(invoice.balance, invoice.currency),
    status: invoice.status,
    daysPastDue: daysPastDue(invoice, deps.sor.asOf()),
    payments,
    contactEmails: invoice.contactEmails,
    ...(invoice.number !== typed ? { matchedAs: `${typed} → ${invoice.number}` } : {}),
  };
}

/** Open tasks: the person's own, or their teams' queue. */
export async function listTasks(deps: QueryDeps, identity: ChatIdentity, scope: 'mine' | 'team'): Promise<UseCaseResult<TaskListView>> {
  const who = await authorize(deps, identity, 'task.view', 'list_tasks', { type: 'task', id: scope });
  if (!who.ok) return who;
  const user = who.value;
  let tasks: Task[];
  let total: number;
  if (scope === 'mine') {
    tasks = await deps.repos.tasks.listByAssignee(user.id, ['new', 'assigned', 'in_review', 'reprocessing']);
    total = tasks.length;
  } else {
    const teamIds = (await deps.repos.teams.findByMember(user.id)).map((t) => t.id);
    tasks = teamIds.length === 0 ? [] : await deps.repos.tasks.listOpenForTeams(teamIds, LIST_LIMIT);
    total = teamIds.length === 0 ? 0 : await deps.repos.tasks.countOpen({ teamIds });
  }
  const shown = tasks.slice(0, LIST_LIMIT);
  const items = await Promise.all(shown.map((t) => taskItem(deps, t)));
  return success({ scope, items, more: Math.max(0, total - shown.length) });
}

/** The desk's numbers right now. */
export async function deskStats(deps: QueryDeps, identity: ChatIdentity): Promise<UseCaseResult<StatsView>> {
  const who = await authorize(deps, identity, 'task.view', 'stats', { type: 'desk', id: 'stats' });
  if (!who.ok) return who;
  const now = deps.clock();
  const since = new Date(now.getTime() - DAY_MS);
  const [counts, overdue, closed, autoReplies, byAssignee] = await Promise.all([
    deps.repos.tasks.openStatusCounts(),
    deps.repos.tasks.countOpen({ overdueAt: now }),
    deps.repos.tasks.countClosedSince(since),
    deps.repos.outbox.recentAutomaticReplies(since),
    deps.repos.tasks.openByAssignee(),
  ]);
  const names = await Promise.all([...byAssignee.keys()].map(async (id) => [id, (await deps.repos.users.get(id))?.displayName ?? id] as const));
  const nameOf = new Map(names);
  return success({
    open: { new: counts.new ?? 0, assigned: counts.assigned ?? 0, in_review: counts.in_review ?? 0, reprocessing: counts.reprocessing ?? 0 },
    overdue,
    closedLast24h: closed,
    autoRepliesLast24h: autoReplies.length,
    byAssignee: [...byAssignee.entries()].map(([id, open]) => ({ name: nameOf.get(id) ?? id, open })).sort((a, b) => b.open - a.open || a.name.localeCompare(b.name)),
  });
}

/** A customer's summary: open balance per currency, aging, contacts, open review tasks. */
export async function customerSummary(deps: QueryDeps, customer: SorCustomer): Promise<CustomerSummaryView> {
  const asOf = deps.sor.asOf();
  const [invoices, contacts, openTasks] = await Promise.all([
    deps.sor.invoicesOfCustomer(customer.sorId),
    deps.sor.contactsOfCustomer(customer.sorId),
    deps.repos.tasks.countOpen({ customerSorId: customer.sorId }),
  ]);
  const open = invoices.filter((i) => (i.status === 'open' || i.status === 'partially_paid') && i.balance > 0);
  const balances = new Map<string, number>();
  for (const i of open) balances.set(i.currency, Math.round(((balances.get(i.currency) ?? 0) + i.balance) * 100) / 100);
  const overdue = open.filter((i) => daysPastDue(i, asOf) > 0);
  return {
    sorId: customer.sorId,
    name: customer.name,
    accountNumber: customer.accountNumber,
    status: customer.status,
    currency: customer.currency,
    openBalance: [...balances.entries()].map(([currency, amount]) => ({ amount, currency })),
    openInvoices: open.length,
    overdueInvoices: overdue.length,
    oldestDaysPastDue: overdue.reduce((max, i) => Math.max(max, daysPastDue(i, asOf)), 0),
    contacts: contacts.map((c) => ({ email: c.email, ...(c.name ? { name: c.name } : {}), ...(c.role ? { role: c.role } : {}) })),
    ...(customer.billingOwner ? { billingOwner: customer.billingOwner } : {}),
    openTasks,
  };
}

async function taskItem(deps: QueryDeps, task: Task): Promise<TaskListItemView> {
  const [email, assignee, customer] = await Promise.all([
    deps.repos.emails.get(task.emailId),
    task.assignee ? deps.repos.users.get(task.assignee) : Promise.resolve<User | null>(null),
    task.customerSorId ? deps.sor.customer(task.customerSorId) : Promise.resolve(undefined),
  ]);
  const now = deps.clock();
  return {
    taskId: task.id,
    status: task.status,
    subject: email?.subject ?? '(email missing)',
    from: email?.from.address ?? '',
    ...(customer ? { customerName: customer.name } : {}),
    intents: task.intents,
    priority: task.priority ?? 'normal',
    ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
    overdue: task.dueAt !== undefined && task.dueAt.getTime() <= now.getTime(),
    ...(assignee ? { assigneeName: assignee.displayName } : {}),
  };
}

function daysPastDue(invoice: Pick<SorInvoice, 'dueDate' | 'status' | 'balance'>, asOf: Date): number {
  if (invoice.status === 'paid' || invoice.status === 'void' || invoice.balance <= 0) return 0;
  return Math.max(0, Math.floor((asOf.getTime() - invoice.dueDate.getTime()) / DAY_MS));
}

function money(amount: number, currency: string): MoneyView {
  return { amount, currency };
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
