// The customer record: who the customer is, what they owe (per currency, aged), what they are
// owed (unapplied credits), who speaks for them, and what happened lately — built from the SoR
// collections plus arbot's own state (notes, merges, archive) and mail links.
import type { Customer } from '../../core/domain/customer.js';
import type { Invoice } from '../../core/domain/invoice.js';
import { agingBuckets, daysPastDue } from '../../core/replies/aging.js';
import { roundCents } from '../../core/replies/cents.js';
import { buildStatement, isOpenItem } from '../../core/replies/statement.js';
import type { AuditEvent } from '../../core/domain/audit-event.js';
import type { CustomerLocalState } from '../../storage/repositories/index.js';
import { authorize } from '../authorize.js';
import type { ChatIdentity } from '../identity.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import type { RecordDeps } from './record-deps.js';
import type { CustomerRecordView, MoneyView, NoteView, OpenInvoiceLine, TimelineEntry, TimelineKind } from './views.js';

export const OPEN_INVOICES_SHOWN = 25;
export const TIMELINE_SHOWN = 20;

/** The customer record of `sorId` (a merged-away duplicate answers with where it went). */
export async function viewCustomerRecord(deps: RecordDeps, identity: ChatIdentity, sorId: string): Promise<UseCaseResult<CustomerRecordView>> {
  const who = await authorize(deps, identity, 'task.view', 'view_customer', { type: 'customer', id: sorId });
  if (!who.ok) return who;
  const customer = await deps.repos.customers.findBySorId(sorId);
  if (customer === null) return failure('not_found', `There is no customer ${sorId}.`);
  return success(await buildCustomerRecord(deps, customer));
}

/** The whole timeline of a customer (with merged duplicates), newest first. */
export async function customerTimeline(deps: RecordDeps, identity: ChatIdentity, sorId: string, limit = 100): Promise<UseCaseResult<TimelineEntry[]>> {
  const who = await authorize(deps, identity, 'task.view', 'customer_timeline', { type: 'customer', id: sorId });
  if (!who.ok) return who;
  const customer = await deps.repos.customers.findBySorId(sorId);
  if (customer === null) return failure('not_found', `There is no customer ${sorId}.`);
  const local = await deps.repos.customerRecords.get(sorId);
  return success(await buildTimeline(deps, customer, local, limit));
}

/** The record's view model (no authorization: for use cases that checked already). */
export async function buildCustomerRecord(deps: RecordDeps, customer: Customer): Promise<CustomerRecordView> {
  const asOf = deps.sor.asOf();
  const local = await deps.repos.customerRecords.get(customer.sorId);
  const [invoices, contacts, payments, memos, openTasks, lastSent, timeline, mergedFrom, mergedInto, authors] = await Promise.all([
    deps.repos.invoices.listByCustomer(customer.sorId),
    deps.repos.contacts.listByCustomer(customer.sorId),
    deps.repos.payments.listByCustomer(customer.sorId),
    deps.repos.creditMemos.listByCustomer(customer.sorId),
    deps.repos.tasks.countOpen({ customerSorId: customer.sorId }),
    deps.repos.customerLinks.lastSentAt(aliasesOf(customer.sorId, local)),
    buildTimeline(deps, customer, local, TIMELINE_SHOWN),
    Promise.all(local.mergedFrom.map(async (id) => ({ sorId: id, name: (await deps.repos.customers.findBySorId(id))?.name ?? id }))),
    local.mergedInto ? deps.repos.customers.findBySorId(local.mergedInto.sorId) : Promise.resolve(null),
    userNames(deps, local.notes.map((n) => n.by)),
  ]);
  const open = invoices.filter((i) => isOpenItem(i) && i.balance > 0);
  const statement = buildStatement(invoices, memos, asOf, customer.currency);
  const [last] = payments; // newest first
  const billingOwner = customer.billingOwner ?? local.filled?.billingOwner;
  return {
    sorId: customer.sorId,
    displayName: customer.name,
    accountNumber: customer.accountNumber,
    status: customer.status,
    archived: local.archived !== undefined,
    currency: customer.currency,
    domains: customer.domains.length > 0 ? customer.domains : (local.filled?.domains ?? []),
    ...(billingOwner ? { billingOwner } : {}),
    ...(customer.billingOwner === undefined && local.filled?.billingOwner ? { ownerFilledByMerge: true } : {}),
    contactsReadOnly: contacts.some((c) => c.source === 'sor'),
    contacts: contacts.map((c) => ({ ...(c.name ? { name: c.name } : {}), email: c.email, ...(c.role ? { role: c.role } : {}), source: c.source, readOnly: c.source === 'sor' })),
    outstanding: sumByCurrency(open.map((i) => ({ amount: i.balance, currency: i.currency }))),
    unappliedCredits: sumByCurrency(memos.filter((m) => m.balance > 0).map((m) => ({ amount: m.balance, currency: m.currency }))),
    net: statement.totals,
    ...(last ? { lastPayment: { date: day(last.date), amount: { amount: last.amount, currency: last.currency }, reference: last.reference, method: last.method } } : {}),
    ...(lastSent ? { lastContacted: lastSent.toISOString() } : {}),
    openInvoiceCount: open.length,
    openInvoices: open
      .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.number.localeCompare(b.number))
      .slice(0, OPEN_INVOICES_SHOWN)
      .map((i) => openLine(i, asOf)),
    aging: agingBuckets(open, asOf),
    openTasks,
    timeline,
    notes: [...local.notes].reverse().map((n): NoteView => ({ id: n.id, at: n.at.toISOString(), by: authors.get(n.by) ?? n.by, text: n.text, ...(n.movedFrom ? { movedFrom: n.movedFrom } : {}) })),
    mergedFrom,
    ...(local.mergedInto ? { mergedInto: { sorId: local.mergedInto.sorId, name: mergedInto?.name ?? local.mergedInto.sorId, at: local.mergedInto.at.toISOString() } } : {}),
    asOf: day(asOf),
  };
}

/** This customer and every customer merged into it: whose mail and history show on the record. */
export function aliasesOf(sorId: string, local: Pick<CustomerLocalState, 'mergedFrom'>): string[] {
  return [sorId, ...local.mergedFrom];
}

/** Emails in and out, tasks, notes and recorded actions (syncs, statements, merges …), newest first. */
export async function buildTimeline(deps: RecordDeps, customer: Customer, local: CustomerLocalState, limit: number): Promise<TimelineEntry[]> {
  const ids = aliasesOf(customer.sorId, local);
  const via = (id: string) => (id === customer.sorId ? {} : { via: id });
  const [inbound, outbound, taskLists, events] = await Promise.all([
    deps.repos.customerLinks.inbound(ids, limit),
    deps.repos.customerLinks.outbound(ids, limit),
    Promise.all(ids.map(async (id) => (await deps.repos.tasks.listByCustomer(id, limit)).map((t) => ({ t, id })))),
    Promise.all(ids.map(async (id) => (await deps.repos.audit.listBySubject('customer', id)).map((e) => ({ e, id })))),
  ]);
  const emails = await Promise.all(inbound.map((l) => deps.repos.emails.get(l.emailId)));
  const entries: TimelineEntry[] = [];
  inbound.forEach((l, i) => {
    const email = emails[i];
    entries.push({
      at: l.at.toISOString(),
      kind: 'email_in',
      text: email ? `Email from ${email.from.address}: “${email.subject}”${l.action ? ` (${l.action.replace(/_/g, ' ')})` : ''}` : 'Email received',
      ref: { type: 'email', id: l.emailId },
    });
  });
  for (const o of outbound) {
    entries.push({
      at: (o.sentAt ?? o.createdAt).toISOString(),
      kind: 'email_out',
      text: `${o.automatic ? 'Automatic reply' : 'Email'} “${o.subject}” to ${o.to.join(', ')} (${o.status})`,
      ref: { type: 'outbox', id: o.outboxItemId },
    });
  }
  for (const { t, id } of taskLists.flat()) {
    entries.push({ at: t.createdAt.toISOString(), kind: 'task', text: `Task ${t.status.replace(/_/g, ' ')}: ${t.intents.join(', ') || 'no intent'}`, ref: { type: 'task', id: t.id }, ...via(id) });
  }
  for (const n of local.notes) entries.push({ at: n.at.toISOString(), kind: 'note', text: `Note: ${n.text}`, ...(n.movedFrom ? { via: n.movedFrom } : {}) });
  for (const { e, id } of events.flat()) {
    const entry = auditEntry(e);
    if (entry) entries.push({ ...entry, ...via(id) });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

const AUDIT_KINDS: Readonly<Record<string, { kind: TimelineKind; text: (after: Record<string, unknown>) => string }>> = {
  customer_resynced: { kind: 'sync', text: (a) => `Re-synced from the SoR (${String(a['outcome'] ?? 'done')})` },
  statement_generated: { kind: 'statement', text: () => 'Statement generated' },
  statement_sent: { kind: 'statement', text: (a) => `Statement sent to ${list(a['recipients'])}` },
  invoices_sent: { kind: 'email_out', text: (a) => `Invoice copies ${list(a['invoiceNumbers'])} sent to ${list(a['recipients'])}` },
  customers_merged: { kind: 'merge', text: (a) => `Merged ${String(a['source'] ?? '')} into this customer` },
  customer_merged_into: { kind: 'merge', text: (a) => `Merged into ${String(a['target'] ?? '')}` },
  customer_archived: { kind: 'archive', text: () => 'Archived' },
};

function auditEntry(e: AuditEvent): TimelineEntry | undefined {
  const spec = AUDIT_KINDS[e.action];
  if (!spec) return undefined;
  const after = (typeof e.after === 'object' && e.after !== null ? e.after : {}) as Record<string, unknown>;
  return { at: e.at.toISOString(), kind: spec.kind, text: spec.text(after), ref: { type: 'audit', id: e.id } };
}

function list(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v ?? '');
}

function openLine(i: Invoice, asOf: Date): OpenInvoiceLine {
  return { number: i.number, dueDate: day(i.dueDate), balance: { amount: i.balance, currency: i.currency }, daysPastDue: daysPastDue(i.dueDate, asOf), status: i.status as OpenInvoiceLine['status'] };
}

/** Amounts summed per currency, currencies in alphabetical order. */
export function sumByCurrency(amounts: readonly MoneyView[]): MoneyView[] {
  const sums = new Map<string, number>();
  for (const m of amounts) sums.set(m.currency, roundCents((sums.get(m.currency) ?? 0) + m.amount));
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));
}

async function userNames(deps: RecordDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const users = await Promise.all(unique.map((id) => deps.repos.users.get(id)));
  return new Map(unique.map((id, i) => [id, users[i]?.displayName ?? id]));
}

export function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
