// The reply of a task: edit the draft (every save is a new version) and approve it for
// sending. Both run THE send guard on the recipients and on whose data the reply carries, so
// an analyst cannot address one customer's data to a stranger either; the outbox sender runs
// it once more right before sending.
import type { Draft, ReplyDisclosure, ReplyMessage } from '../../core/domain/draft.js';
import type { EmailAddress } from '../../core/domain/email.js';
import type { Task } from '../../core/domain/task.js';
import { isIntent, SOR_ANSWERABLE, type Intent } from '../../core/pipeline/intents.js';
import { planTransition } from '../../core/review/task-lifecycle.js';
import { isReplySubject } from '../../core/pipeline/entities/reference-text.js';
import { dataScopeOf } from '../../core/policy/data-scope.js';
import { guardSend } from '../../core/policy/send-guard.js';
import { authorize } from '../authorize.js';
import type { BotDeps } from '../bot-deps.js';
import type { ChatIdentity } from '../identity.js';
import type { ReplyDocuments } from '../ports/reply-documents.js';
import { runAsUser } from '../task-command.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';

export interface DraftDeps extends BotDeps {
  documents: ReplyDocuments;
  /** Our AR mailbox, the From of every reply. */
  from: EmailAddress;
  /** A new Message-ID for a reply sent from `from` (fixed when it is queued, so retries are the same message). */
  newMessageId: () => string;
}

export interface DraftEdit {
  subject?: string;
  text?: string;
  to?: string[];
  cc?: string[];
  /** Invoice numbers whose PDFs go with the reply. */
  attachInvoices?: string[];
}

/** Saves a new version of the task's reply after checking it with the send guard. */
export async function editDraft(deps: DraftDeps, identity: ChatIdentity, taskId: string, edit: DraftEdit): Promise<UseCaseResult<{ task: Task; draft: Draft }>> {
  const subject = { type: 'task', id: taskId };
  const who = await authorize(deps, identity, 'task.work', 'edit_draft', subject);
  if (!who.ok) return who;
  const user = who.value;
  const task = await deps.repos.tasks.get(taskId);
  if (task === null) return failure('not_found', `There is no task ${taskId}.`);
  const allowed = planTransition(task, { kind: 'edit' }, { kind: 'user', userId: user.id, roles: user.roles }, deps.clock());
  if (!allowed.ok) {
    // Let the runner phrase and audit the refusal the same way as every other command.
    const refused = await runAsUser(deps, user, taskId, { useCase: 'edit_draft', command: { kind: 'edit' } });
    return refused.ok ? failure('conflict', 'The task changed meanwhile; please try again.') : refused;
  }
  const current = (await deps.repos.drafts.latest(taskId)) ?? null;
  const base = current?.message ?? (await blankReply(deps, task));
  if (base === null) return failure('not_found', `The email of task ${taskId} is missing.`);
  const problems = validateEdit(edit);
  if (problems.length > 0) return failure('invalid_input', `The draft was not saved: ${problems.join('; ')}.`, problems);

  const message: ReplyMessage = {
    ...base,
    ...(edit.subject !== undefined ? { subject: edit.subject.trim() } : {}),
    ...(edit.text !== undefined ? { text: edit.text, html: undefined } : {}),
    ...(edit.to !== undefined ? { to: edit.to.map(addressOf) } : {}),
    ...(edit.cc !== undefined ? { cc: edit.cc.map(addressOf) } : {}),
  };
  if (message.html === undefined) delete message.html;
  if (edit.attachInvoices !== undefined) {
    const numbers = [...new Set(edit.attachInvoices.map((n) => n.trim()).filter((n) => n !== ''))];
    const customerSorId = task.customerSorId;
    if (numbers.length > 0 && customerSorId === undefined) return failure('invalid_input', 'Set the customer before attaching invoices.');
    const kept = (base.attachments ?? []).filter((a) => a.kind !== 'invoice' || (a.invoiceNumber !== undefined && numbers.includes(a.invoiceNumber)));
    const missing = numbers.filter((n) => !kept.some((a) => a.invoiceNumber === n));
    const added = customerSorId && missing.length > 0 ? await deps.documents.invoiceAttachments(customerSorId, missing, task.language ?? 'en') : [];
    message.attachInvoices = numbers;
    message.attachments = [...kept, ...added];
  }
  const disclosure = disclosureOf(task, message);
  if (disclosure !== null) {
    message.disclosure = disclosure;
    const verdict = await guardSend({ ...disclosure, recipients: recipientsOf(message) }, deps.sor);
    if (!verdict.allowed) {
      const details = verdict.violations.map((v) => v.message);
      await deps.repos.audit.append({ at: deps.clock(), actor: { kind: 'user', id: user.id }, action: 'send_blocked', subject, after: { useCase: 'edit_draft', violations: verdict.violations } });
      return failure('send_blocked', `The draft was not saved: ${details.join('; ')}.`, details);
    }
  } else if (message.attachInvoices.length > 0) {
    return failure('invalid_input', 'Set the customer before attaching invoices.');
  }

  const draft = await deps.repos.drafts.save(taskId, message, user.id, deps.clock());
  const result = await runAsUser(deps, user, taskId, {
    useCase: 'edit_draft',
    command: { kind: 'edit' },
    event: 'draft_edited',
    touch: true,
    detail: () => draftAudit(current, draft),
  });
  return result.ok ? success({ task: result.value, draft }) : result;
}

/** Approves the newest draft: checked by the send guard, then queued once in the outbox. */
export async function approveAndSend(
  deps: DraftDeps,
  identity: ChatIdentity,
  taskId: string,
  options: { draftVersion?: number } = {},
): Promise<UseCaseResult<{ task: Task; outboxItemId: string }>> {
  const subject = { type: 'task', id: taskId };
  const who = await authorize(deps, identity, 'task.work', 'approve', subject);
  if (!who.ok) return who;
  const user = who.value;
  const task = await deps.repos.tasks.get(taskId);
  if (task === null) return failure('not_found', `There is no task ${taskId}.`);
  const draft = await deps.repos.drafts.latest(taskId);
  if (draft === null) return failure('invalid_state', 'There is no draft to send yet; write one first.');
  if (options.draftVersion !== undefined && options.draftVersion !== draft.version) {
    return failure('conflict', `The draft changed since you looked at it (now version ${draft.version}); check it again.`);
  }
  const disclosure = disclosureOf(task, draft.message);
  if (disclosure === null) return failure('invalid_input', 'Set the customer this reply is about before sending it.');
  const verdict = await guardSend({ ...disclosure, recipients: recipientsOf(draft.message) }, deps.sor);
  if (!verdict.allowed) {
    const details = verdict.violations.map((v) => v.message);
    await deps.repos.audit.append({ at: deps.clock(), actor: { kind: 'user', id: user.id }, action: 'send_blocked', subject, after: { useCase: 'approve', draftVersion: draft.version, violations: verdict.violations } });
    return failure('send_blocked', `This reply cannot be sent: ${details.join('; ')}.`, details);
  }
  const email = await deps.repos.emails.get(task.emailId);
  const idempotencyKey = `${task.emailId}:v${draft.version}`;
  const approved = await runAsUser(deps, user, taskId, {
    useCase: 'approve',
    command: { kind: 'approve' },
    extra: (_task, approver) => ({ approvedBy: approver.id }),
    detail: () => ({ draftVersion: draft.version, idempotencyKey, recipients: recipientsOf(draft.message) }),
  });
  if (!approved.ok) return approved;
  const message: ReplyMessage = { ...draft.message, disclosure, from: deps.from, messageId: draft.message.messageId ?? deps.newMessageId(), automatic: false };
  const { item } = await deps.repos.outbox.enqueue(
    { idempotencyKey, emailId: task.emailId, taskId, replyVersion: draft.version, message, ...(email ? { threadKey: email.threadKey } : {}) },
    deps.clock(),
  );
  return success({ task: approved.value, outboxItemId: item.id });
}

/** Whose data the reply carries, for the send guard; null when the task has no customer yet. */
export function disclosureOf(task: Pick<Task, 'customerSorId' | 'intents' | 'invoiceNumbers'>, message: Pick<ReplyMessage, 'attachInvoices'>): ReplyDisclosure | null {
  if (task.customerSorId === undefined) return null;
  const answerable = task.intents.filter((i): i is Intent => isIntent(i) && SOR_ANSWERABLE.has(i));
  const invoiceNumbers = [...new Set([...message.attachInvoices, ...(task.invoiceNumbers ?? [])])];
  // Without an answerable intent the analyst may write anything about the account: the wider scope.
  return { customerId: task.customerSorId, scope: answerable.length > 0 ? dataScopeOf(answerable) : 'account', invoiceNumbers };
}

function recipientsOf(message: Pick<ReplyMessage, 'to' | 'cc'>): string[] {
  return [...message.to, ...message.cc].map((a) => a.address);
}

/** A first reply when the pipeline made no draft: to the sender, on the thread. */
async function blankReply(deps: BotDeps, task: Task): Promise<ReplyMessage | null> {
  const email = await deps.repos.emails.get(task.emailId);
  if (email === null) return null;
  const subject = isReplySubject(email.subject) ? email.subject : `Re: ${email.subject}`;
  return {
    to: [email.from],
    cc: [],
    subject,
    text: '',
    inReplyTo: email.messageId,
    references: [...(email.headers.references ?? []), email.messageId],
    attachInvoices: [],
  };
}

function validateEdit(edit: DraftEdit): string[] {
  const problems: string[] = [];
  const bad = [...(edit.to ?? []), ...(edit.cc ?? [])].filter((a) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(a.trim()));
  if (bad.length > 0) problems.push(`not an email address: ${bad.join(', ')}`);
  if (edit.to !== undefined && edit.to.length === 0) problems.push('a reply needs at least one recipient');
  if (edit.subject !== undefined && edit.subject.trim() === '') problems.push('the subject is empty');
  return problems;
}

function addressOf(raw: string): EmailAddress {
  return { address: raw.trim().toLowerCase() };
}

/** What changed between two draft versions, for the audit log (text as before/after). */
function draftAudit(before: Draft | null, after: Draft): Record<string, unknown> {
  const pick = (m: ReplyMessage | undefined) =>
    m && { subject: m.subject, to: m.to.map((a) => a.address), cc: m.cc.map((a) => a.address), attachInvoices: m.attachInvoices, text: m.text };
  return { draftVersion: after.version, draftBefore: pick(before?.message) ?? null, draft: pick(after.message) };
}
