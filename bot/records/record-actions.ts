// The customer record's actions as use cases shared by Teams, Slack and the tab: add a note,
// generate a statement (for the chat) or send it, send invoice copies, re-sync, archive.
// Every refusal is audited (authorize, send guard); every action is audited on the customer,
// which is also what the record's timeline shows. Mail goes out only through the send guard
// and the outbox, exactly like an approved draft (bot/use-cases/draft.ts).
import { createHash } from 'node:crypto';
import type { ReplyDisclosure, ReplyMessage, ReplyMessageAttachment } from '../../core/domain/draft.js';
import type { User } from '../../core/domain/user.js';
import { guardSend } from '../../core/policy/send-guard.js';
import type { Permission } from '../../core/review/permissions.js';
import type { CustomerNote } from '../../storage/repositories/index.js';
import { authorize } from '../authorize.js';
import type { ChatIdentity } from '../identity.js';
import type { CustomerResyncSummary } from '../ports/customer-resync.js';
import { SearchIndexer } from '../search/search-indexer.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import type { RecordActionDeps, RecordDeps } from './record-deps.js';

const NOTE_MAX = 4000;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The acting user and the (active, not merged-away) customer, or why not. */
async function begin(deps: RecordDeps, identity: ChatIdentity, permission: Permission, useCase: string, sorId: string) {
  const subject = { type: 'customer', id: sorId };
  const who = await authorize(deps, identity, permission, useCase, subject);
  if (!who.ok) return who;
  const customer = await deps.repos.customers.findBySorId(sorId);
  if (customer === null) return failure('not_found', `There is no customer ${sorId}.`);
  const local = await deps.repos.customerRecords.get(sorId);
  return success({ user: who.value, customer, local, subject });
}

async function audit(deps: RecordDeps, user: User, action: string, sorId: string, after: Record<string, unknown>, before?: Record<string, unknown>): Promise<void> {
  await deps.repos.audit.append({ at: deps.clock(), actor: { kind: 'user', id: user.id }, action, subject: { type: 'customer', id: sorId }, ...(before ? { before } : {}), after });
}

/** Adds an internal note to a customer. */
export async function addCustomerNote(deps: RecordDeps, identity: ChatIdentity, sorId: string, text: string): Promise<UseCaseResult<CustomerNote>> {
  const started = await begin(deps, identity, 'customer.work', 'add_customer_note', sorId);
  if (!started.ok) return started;
  const { user, local } = started.value;
  const trimmed = text.trim();
  if (trimmed === '') return failure('invalid_input', 'The note is empty.');
  if (trimmed.length > NOTE_MAX) return failure('invalid_input', `A note holds at most ${NOTE_MAX} characters.`);
  if (local.mergedInto) return failure('invalid_state', `This customer was merged into ${local.mergedInto.sorId}; add the note there.`);
  const note = await deps.repos.customerRecords.addNote(sorId, { by: user.id, at: deps.clock(), text: trimmed }, deps.clock());
  await audit(deps, user, 'customer_note_added', sorId, { noteId: note.id, text: trimmed });
  return success(note);
}

/** The statement of account as a PDF for the chat (nothing is sent). */
export async function generateStatement(deps: RecordActionDeps, identity: ChatIdentity, sorId: string, language = 'en'): Promise<UseCaseResult<ReplyMessageAttachment>> {
  const started = await begin(deps, identity, 'customer.work', 'generate_statement', sorId);
  if (!started.ok) return started;
  const pdf = await deps.statements.statementAttachment(sorId, language);
  await audit(deps, started.value.user, 'statement_generated', sorId, { filename: pdf.filename, asOf: deps.sor.asOf() });
  return success(pdf);
}

export interface RecordSendRequest {
  /** Known contacts of the customer (or, for invoice copies, of every invoice sent). */
  to: string[];
  cc?: string[];
  language?: string;
  /** The click's id (card action, Slack trigger): the same click twice queues one message. */
  requestId?: string;
}

/** Sends the statement of account to known contacts of the customer: send guard, then the outbox. */
export async function sendStatement(deps: RecordActionDeps, identity: ChatIdentity, sorId: string, request: RecordSendRequest): Promise<UseCaseResult<{ outboxItemId: string; queued: boolean }>> {
  const started = await begin(deps, identity, 'customer.work', 'send_statement', sorId);
  if (!started.ok) return started;
  const { user, customer } = started.value;
  const disclosure: ReplyDisclosure = { customerId: sorId, scope: 'account', invoiceNumbers: [] };
  const asOf = deps.sor.asOf().toISOString().slice(0, 10);
  return send(deps, user, 'send_statement', disclosure, request, async () => ({
    subject: `Statement of account ${customer.accountNumber} as of ${asOf}`,
    text: `Hello,\n\nPlease find attached the statement of account of ${customer.name} (account ${customer.accountNumber}) as of ${asOf}.\n\nKind regards,\n${deps.from.name ?? deps.from.address}`,
    attachments: [await deps.statements.statementAttachment(sorId, request.language ?? 'en')],
    audit: { action: 'statement_sent', after: { asOf } },
  }));
}

/** Sends copies of invoices to known contacts (of the customer, or invoice-level contacts of every invoice sent). */
export async function sendInvoiceCopies(
  deps: RecordActionDeps,
  identity: ChatIdentity,
  sorId: string,
  request: RecordSendRequest & { invoiceNumbers: string[] },
): Promise<UseCaseResult<{ outboxItemId: string; queued: boolean }>> {
  const started = await begin(deps, identity, 'customer.work', 'send_invoices', sorId);
  if (!started.ok) return started;
  const { user, customer } = started.value;
  const numbers = [...new Set(request.invoiceNumbers.map((n) => n.trim()).filter((n) => n !== ''))].sort();
  if (numbers.length === 0) return failure('invalid_input', 'Say which invoices to send.');
  const disclosure: ReplyDisclosure = { customerId: sorId, scope: 'invoices', invoiceNumbers: numbers };
  return send(deps, user, 'send_invoices', disclosure, request, async () => ({
    subject: numbers.length === 1 ? `Invoice ${numbers[0]}` : `Invoices ${numbers.join(', ')}`,
    text: `Hello,\n\nPlease find attached a copy of ${numbers.length === 1 ? `invoice ${numbers[0]}` : `invoices ${numbers.join(', ')}`} for ${customer.name}.\n\nKind regards,\n${deps.from.name ?? deps.from.address}`,
    attachments: await deps.documents.invoiceAttachments(sorId, numbers, request.language ?? 'en'),
    audit: { action: 'invoices_sent', after: { invoiceNumbers: numbers } },
  }));
}

interface Composed {
  subject: string;
  text: string;
  attachments: ReplyMessageAttachment[];
  audit: { action: string; after: Record<string, unknown> };
}

/** The one sending path of record actions: addresses checked, the send guard, then one outbox item per request. */
async function send(
  deps: RecordActionDeps,
  user: User,
  useCase: string,
  disclosure: ReplyDisclosure,
  request: RecordSendRequest,
  compose: () => Promise<Composed>,
): Promise<UseCaseResult<{ outboxItemId: string; queued: boolean }>> {
  const subject = { type: 'customer', id: disclosure.customerId };
  const to = [...new Set(request.to.map((a) => a.trim().toLowerCase()))].filter((a) => a !== '');
  const cc = [...new Set((request.cc ?? []).map((a) => a.trim().toLowerCase()))].filter((a) => a !== '' && !to.includes(a));
  const bad = [...to, ...cc].filter((a) => !ADDRESS.test(a));
  if (to.length === 0) return failure('invalid_input', 'Choose at least one contact to send to.');
  if (bad.length > 0) return failure('invalid_input', `Not an email address: ${bad.join(', ')}.`);
  const recipients = [...to, ...cc];
  const verdict = await guardSend({ ...disclosure, recipients }, deps.sor);
  if (!verdict.allowed) {
    const details = verdict.violations.map((v) => v.message);
    await deps.repos.audit.append({ at: deps.clock(), actor: { kind: 'user', id: user.id }, action: 'send_blocked', subject, after: { useCase, recipients, disclosure, violations: verdict.violations } });
    return failure('send_blocked', `Not sent: ${details.join('; ')}.`, details);
  }
  const composed = await compose();
  // Without a click id, the same content to the same people on the same SoR day is one message.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([useCase, disclosure, recipients.slice().sort(), deps.sor.asOf().toISOString().slice(0, 10)]))
    .digest('hex')
    .slice(0, 24);
  const idempotencyKey = `record:${useCase}:${disclosure.customerId}:${request.requestId ?? fingerprint}`;
  const message: ReplyMessage = {
    to: to.map((address) => ({ address })),
    cc: cc.map((address) => ({ address })),
    subject: composed.subject,
    text: composed.text,
    attachInvoices: disclosure.scope === 'invoices' ? disclosure.invoiceNumbers : [],
    attachments: composed.attachments,
    disclosure,
    from: deps.from,
    messageId: deps.newMessageId(),
    automatic: false,
  };
  // Record actions answer no inbound email: the outbox item names the customer instead.
  const { item, enqueued } = await deps.repos.outbox.enqueue({ idempotencyKey, emailId: `record:${disclosure.customerId}`, replyVersion: 1, message }, deps.clock());
  await audit(deps, user, composed.audit.action, disclosure.customerId, { ...composed.audit.after, recipients, idempotencyKey, outboxItemId: item.id, queued: enqueued });
  return success({ outboxItemId: item.id, queued: enqueued });
}

/** Re-reads one customer from the SoR (through the sync's port), then re-indexes it for search. */
export async function resyncCustomer(deps: RecordActionDeps, identity: ChatIdentity, sorId: string): Promise<UseCaseResult<CustomerResyncSummary>> {
  const started = await begin(deps, identity, 'customer.work', 'resync_customer', sorId);
  if (!started.ok) return started;
  const summary = await deps.resync.resync(sorId);
  if (summary.outcome === 'done') await new SearchIndexer(deps.repos, deps.clock).indexCustomer(sorId);
  await audit(deps, started.value.user, 'customer_resynced', sorId, { outcome: summary.outcome, ...(summary.runId ? { runId: summary.runId } : {}), ...(summary.counts ? { counts: summary.counts } : {}), ...(summary.message ? { message: summary.message } : {}) });
  if (summary.outcome === 'busy') return failure('conflict', summary.message ?? 'Another sync is running; try again in a minute.');
  if (summary.outcome === 'failed') return failure('invalid_state', summary.message ?? 'The system of record could not be read; try again later.');
  return success(summary);
}

/** Archives a customer record in arbot (Manager): it stays findable, marked archived. */
export async function archiveCustomer(deps: RecordDeps, identity: ChatIdentity, sorId: string): Promise<UseCaseResult<{ archived: true }>> {
  const started = await begin(deps, identity, 'customer.manage', 'archive_customer', sorId);
  if (!started.ok) return started;
  const { user, local } = started.value;
  if (local.archived) return failure('invalid_state', `This customer was already archived on ${local.archived.at.toISOString().slice(0, 10)}.`);
  const changed = await deps.repos.customerRecords.archive(sorId, user.id, deps.clock());
  if (!changed) return failure('invalid_state', 'This customer was archived meanwhile.');
  await audit(deps, user, 'customer_archived', sorId, { archived: true }, { archived: false });
  return success({ archived: true });
}
