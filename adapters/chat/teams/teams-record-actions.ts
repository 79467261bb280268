// The Teams entry point of the customer and invoice records (bot/records): the `customer` and
// `invoice` commands' record cards, and every Action.Execute of a record card (verbs
// `record.*` / `invoice.*`, cards/teams/record-cards.ts) as one use case call for the person
// who clicked. The answer replaces the card: the refreshed record with a short confirmation on
// top ("Note added."), or with the refusal on top (RBAC, send guard, bad input), which the use
// case has audited. RBAC lives in the use cases; this file only translates.
import { randomUUID } from 'node:crypto';
import { resolveUser, type ChatIdentity } from '../../../bot/identity.js';
import type { CustomerResyncSummary } from '../../../bot/ports/customer-resync.js';
import { customerTimeline, viewCustomerRecord } from '../../../bot/records/customer-record.js';
import { invoicePdf, viewInvoiceRecord } from '../../../bot/records/invoice-record.js';
import { mergeCustomers, previewMerge } from '../../../bot/records/merge.js';
import { addCustomerNote, archiveCustomer, generateStatement, resyncCustomer, sendInvoiceCopies, sendStatement } from '../../../bot/records/record-actions.js';
import type { RecordActionDeps } from '../../../bot/records/record-deps.js';
import type { MergeResult } from '../../../bot/records/views.js';
import type { UseCaseError, UseCaseResult } from '../../../bot/use-case-result.js';
import { rolesGrant } from '../../../core/review/permissions.js';
import {
  customerRecordCard,
  errorCard,
  invoiceRecordCard,
  mergePreviewCard,
  RECORD_INPUTS,
  RECORD_VERBS,
  statementCard,
  timelineCard,
  type RecordNotice,
} from '../../../cards/teams/index.js';
import { dataList, dataText as str } from './action-data.js';

export interface RecordActionContext {
  deps: RecordActionDeps;
  /** arbot's public URL (server.publicUrl): cards link to the tab's record pages under it. */
  publicUrl?: string;
  /** A fresh id for each rendered card's send buttons (a double click queues one message). */
  newRequestId?: () => string;
}

export interface RecordActionInput {
  identity: ChatIdentity;
  verb: string;
  /** The invoke's `action.data`: the button's data plus the card's inputs by id. */
  data: Record<string, unknown>;
}

/** What one click did: the card the person sees next, and whether the use case refused. */
export interface RecordActionResult {
  card: object;
  refused?: { code: string; message: string };
}

/** Whether a card verb belongs to the records (routed here rather than to the task actions). Pure. */
export function isRecordVerb(verb: string): boolean {
  return verb.startsWith('record.') || verb.startsWith('invoice.');
}

/** The tab page of a customer record (`?statement=1` opens its statement), or undefined without a public URL. Pure. */
export function customerTabUrl(publicUrl: string | undefined, sorId: string, statement = false): string | undefined {
  const base = publicUrl?.replace(/\/+$/, '');
  return base ? `${base}/tab/customers/${encodeURIComponent(sorId)}${statement ? '?statement=1' : ''}` : undefined;
}

/** The tab page of an invoice record (its PDF is opened from there), or undefined without a public URL. Pure. */
export function invoiceTabUrl(publicUrl: string | undefined, number: string): string | undefined {
  const base = publicUrl?.replace(/\/+$/, '');
  return base ? `${base}/tab/invoices/${encodeURIComponent(number)}` : undefined;
}

/** The customer record card as `identity` may use it (Archive and Merge for managers), with `notice` on top. */
export async function customerRecordReply(ctx: RecordActionContext, identity: ChatIdentity, sorId: string, notice?: RecordNotice): Promise<{ card: object; summary: string }> {
  const view = await viewCustomerRecord(ctx.deps, identity, sorId);
  if (!view.ok) return { card: errorCard(joined(notice, view.error)), summary: view.error.message };
  const user = await resolveUser(ctx.deps.repos.users, identity);
  const canManage = user !== null && rolesGrant(user.roles, 'customer.manage');
  const card = customerRecordCard(view.value, { canManage, requestId: requestId(ctx), ...(notice ? { notice } : {}) });
  return { card, summary: `Customer ${view.value.displayName}` };
}

/** The invoice record card (number exactly as stored), with `notice` on top. */
export async function invoiceRecordReply(ctx: RecordActionContext, identity: ChatIdentity, number: string, notice?: RecordNotice): Promise<{ card: object; summary: string }> {
  const view = await viewInvoiceRecord(ctx.deps, identity, number);
  if (!view.ok) return { card: errorCard(joined(notice, view.error)), summary: view.error.message };
  const pdfUrl = invoiceTabUrl(ctx.publicUrl, view.value.number);
  const card = invoiceRecordCard(view.value, { requestId: requestId(ctx), ...(pdfUrl ? { pdfUrl } : {}), ...(notice ? { notice } : {}) });
  return { card, summary: `Invoice ${view.value.number}` };
}

type Handler = (ctx: RecordActionContext, who: ChatIdentity, data: Record<string, unknown>) => Promise<RecordActionResult>;

/** One line per verb: the use case it calls with the card's inputs, and the card it answers with. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  [RECORD_VERBS.open]: async (c, who, d) => ({ card: (await customerRecordReply(c, who, sorIdOf(d))).card }),
  [RECORD_VERBS.note]: (c, who, d) => onCustomer(c, who, d, addCustomerNote(c.deps, who, sorIdOf(d), str(d[RECORD_INPUTS.note]) ?? ''), () => 'Note added.'),
  [RECORD_VERBS.sendStatement]: (c, who, d) => {
    const to = list(d[RECORD_INPUTS.statementTo]);
    const sent = sendStatement(c.deps, who, sorIdOf(d), { to, ...requestOf(d) });
    return onCustomer(c, who, d, sent, (r) => (r.queued ? `Statement queued to ${to.join(', ')}.` : `Statement already queued to ${to.join(', ')}.`));
  },
  [RECORD_VERBS.sendInvoices]: (c, who, d) => {
    const to = list(d[RECORD_INPUTS.invoicesTo]);
    const numbers = list(d[RECORD_INPUTS.invoiceNumbers]);
    const sent = sendInvoiceCopies(c.deps, who, sorIdOf(d), { to, invoiceNumbers: numbers, ...requestOf(d) });
    return onCustomer(c, who, d, sent, (r) => `${r.queued ? 'Queued' : 'Already queued'}: ${numbers.length === 1 ? 'invoice' : 'invoices'} ${numbers.join(', ')} to ${to.join(', ')}.`);
  },
  [RECORD_VERBS.resync]: (c, who, d) => onCustomer(c, who, d, resyncCustomer(c.deps, who, sorIdOf(d)), resyncMessage),
  [RECORD_VERBS.archive]: (c, who, d) => onCustomer(c, who, d, archiveCustomer(c.deps, who, sorIdOf(d)), () => 'Archived in arbot: the customer stays findable, marked archived.'),
  [RECORD_VERBS.statement]: async (c, who, d) => {
    const sorId = sorIdOf(d);
    const pdf = await generateStatement(c.deps, who, sorId);
    if (!pdf.ok) return refusedOn(c, who, sorId, pdf.error);
    const customer = await c.deps.repos.customers.findBySorId(sorId);
    const url = customerTabUrl(c.publicUrl, sorId, true);
    const asOf = c.deps.sor.asOf().toISOString().slice(0, 10);
    return { card: statementCard({ sorId, customerName: customer?.name ?? sorId, filename: pdf.value.filename, asOf, ...(url ? { url } : {}) }) };
  },
  [RECORD_VERBS.timeline]: async (c, who, d) => {
    const sorId = sorIdOf(d);
    const entries = await customerTimeline(c.deps, who, sorId);
    if (!entries.ok) return refusedOn(c, who, sorId, entries.error);
    const name = (await c.deps.repos.customers.findBySorId(sorId))?.name ?? sorId;
    return { card: timelineCard(name, entries.value, { sorId }) };
  },
  [RECORD_VERBS.mergePreview]: async (c, who, d) => {
    const target = str(d.target) ?? sorIdOf(d);
    const typed = str(d[RECORD_INPUTS.mergeSource]);
    const source = typed === undefined ? undefined : await customerIdOf(c, typed);
    if (source === undefined) {
      const message = typed === undefined ? 'Say which duplicate to merge: its SoR id or account number.' : `No customer has the SoR id or account number "${typed}".`;
      return refusedOn(c, who, target, { code: 'invalid_input', message });
    }
    const preview = await previewMerge(c.deps, who, { source, target });
    return preview.ok ? { card: mergePreviewCard(preview.value) } : refusedOn(c, who, target, preview.error);
  },
  [RECORD_VERBS.mergeConfirm]: async (c, who, d) => {
    const request = { source: str(d.source) ?? '', target: str(d.target) ?? '', token: str(d.token) ?? '', typed: str(d[RECORD_INPUTS.mergeTyped]) ?? '' };
    const merged = await mergeCustomers(c.deps, who, request);
    if (merged.ok) {
      const source = (await c.deps.repos.customers.findBySorId(request.source))?.name ?? request.source;
      return { card: (await customerRecordReply(c, who, request.target, { text: mergedMessage(source, merged.value), tone: 'done' })).card };
    }
    if (merged.error.code === 'invalid_input') {
      // A mistyped account number: the same preview again, the reason on top.
      const preview = await previewMerge(c.deps, who, { source: request.source, target: request.target });
      if (preview.ok) return { card: mergePreviewCard(preview.value, { notice: { text: refusal(merged.error), tone: 'refused' } }), refused: refusedOf(merged.error) };
    }
    return refusedOn(c, who, request.target, merged.error);
  },
  [RECORD_VERBS.invoiceCopy]: async (c, who, d) => {
    const number = str(d.number) ?? '';
    const to = list(d[RECORD_INPUTS.copyTo]);
    const sent = await sendInvoiceCopies(c.deps, who, sorIdOf(d), { to, invoiceNumbers: [number], ...requestOf(d) });
    if (!sent.ok) return { card: (await invoiceRecordReply(c, who, number, { text: refusal(sent.error), tone: 'refused' })).card, refused: refusedOf(sent.error) };
    const text = `${sent.value.queued ? 'Copy queued' : 'Copy already queued'} to ${to.join(', ')}.`;
    return { card: (await invoiceRecordReply(c, who, number, { text, tone: 'done' })).card };
  },
  [RECORD_VERBS.invoicePdf]: async (c, who, d) => {
    const number = str(d.number) ?? '';
    const pdf = await invoicePdf(c.deps, who, number);
    if (!pdf.ok) return { card: (await invoiceRecordReply(c, who, number, { text: refusal(pdf.error), tone: 'refused' })).card, refused: refusedOf(pdf.error) };
    // Teams bots cannot hand a file to a chat without Graph; the tab serves it.
    const text = invoiceTabUrl(c.publicUrl, number)
      ? `${pdf.value.filename} is ready: Open PDF opens the invoice in the arbot tab.`
      : `${pdf.value.filename} is ready, but Teams cannot receive it from arbot here: open the invoice in the arbot dashboard, or use Send copy to email it to a contact.`;
    return { card: (await invoiceRecordReply(c, who, number, { text, tone: 'info' })).card };
  },
};

/** Runs a record card's action and returns the card the person sees next. */
export async function runRecordAction(ctx: RecordActionContext, input: RecordActionInput): Promise<RecordActionResult> {
  const handler = Object.hasOwn(HANDLERS, input.verb) ? HANDLERS[input.verb] : undefined;
  if (handler === undefined) {
    const message = `Unknown action "${input.verb}".`;
    return { card: errorCard(message), refused: { code: 'invalid_input', message } };
  }
  const needsCustomer = input.verb !== RECORD_VERBS.mergeConfirm && !input.verb.startsWith('invoice.');
  if (needsCustomer && str(input.data.sorId) === undefined && str(input.data.target) === undefined) {
    const message = 'This card does not name a customer.';
    return { card: errorCard(message), refused: { code: 'invalid_input', message } };
  }
  if (input.verb.startsWith('invoice.') && str(input.data.number) === undefined) {
    const message = 'This card does not name an invoice.';
    return { card: errorCard(message), refused: { code: 'invalid_input', message } };
  }
  return handler(ctx, input.identity, input.data);
}

/** A customer action: on success the refreshed record with `done(value)` on top; on refusal the record with the reason. */
async function onCustomer<T>(ctx: RecordActionContext, who: ChatIdentity, data: Record<string, unknown>, run: Promise<UseCaseResult<T>>, done: (value: T) => string): Promise<RecordActionResult> {
  const result = await run;
  if (!result.ok) return refusedOn(ctx, who, sorIdOf(data), result.error);
  return { card: (await customerRecordReply(ctx, who, sorIdOf(data), { text: done(result.value), tone: 'done' })).card };
}

async function refusedOn(ctx: RecordActionContext, who: ChatIdentity, sorId: string, error: UseCaseError): Promise<RecordActionResult> {
  const { card } = await customerRecordReply(ctx, who, sorId, { text: refusal(error), tone: 'refused' });
  return { card, refused: refusedOf(error) };
}

/** The use case's message with any details it does not already say. */
function refusal(error: UseCaseError): string {
  return [error.message, ...(error.details ?? []).filter((d) => !error.message.includes(d))].join(' ');
}

function refusedOf(error: UseCaseError): { code: string; message: string } {
  return { code: error.code, message: refusal(error) };
}

/** A notice followed by why the record itself cannot be shown. */
function joined(notice: RecordNotice | undefined, error: UseCaseError): string {
  return notice && notice.text !== error.message ? `${notice.text} ${error.message}` : error.message;
}

function resyncMessage(summary: CustomerResyncSummary): string {
  if (summary.message) return `Re-synced from the system of record: ${summary.message}`;
  const changed = Object.entries(summary.counts ?? {}).flatMap(([entity, n]) => {
    const parts = [n.inserted ? `${n.inserted} new` : '', n.updated ? `${n.updated} updated` : '', n.deleted ? `${n.deleted} removed` : ''].filter((p) => p !== '');
    return parts.length > 0 ? [`${entity}: ${parts.join(', ')}`] : [];
  });
  return changed.length > 0 ? `Re-synced from the system of record (${changed.join('; ')}).` : 'Re-synced from the system of record: nothing had changed.';
}

function mergedMessage(sourceName: string, r: MergeResult): string {
  const m = r.moved;
  return `Merged ${sourceName} (${r.source}) into this customer: ${m.notes} notes, ${m.contactsCopied} contacts copied, ${m.tasks} tasks and ${m.threads} threads moved.`;
}

/** The SoR id a merge form names: an SoR id, else an account number. */
async function customerIdOf(ctx: RecordActionContext, typed: string): Promise<string | undefined> {
  const customers = ctx.deps.repos.customers;
  return ((await customers.findBySorId(typed)) ?? (await customers.findByAccountNumber(typed)))?.sorId;
}

function requestId(ctx: RecordActionContext): string {
  return (ctx.newRequestId ?? randomUUID)();
}

function requestOf(d: Record<string, unknown>): { requestId?: string } {
  const id = str(d.requestId);
  return id ? { requestId: id } : {};
}

function sorIdOf(d: Record<string, unknown>): string {
  return str(d.sorId) ?? str(d.target) ?? '';
}

/** A multi-select's value ("a,b"), or a list; [] when absent. */
function list(v: unknown): string[] {
  return dataList(v) ?? [];
}
