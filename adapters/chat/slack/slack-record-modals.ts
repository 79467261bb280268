// The customer and invoice records in Slack, the forms side: the record messages themselves
// (shared with `/ar customer|invoice` and the buttons), answering through the record message's
// response_url, the forms the record buttons open (note, send statement / invoices / copy,
// merge) and their submissions. As with the task forms, a submission waits for its use case up
// to a deadline under Slack's 3 s, so a refusal the person can fix ("not a known contact")
// appears under the field; refusals they cannot fix (role) close the form and are told.
import type { App, ViewResponseAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { resolveUser, type ChatIdentity } from '../../../bot/identity.js';
import { viewCustomerRecord } from '../../../bot/records/customer-record.js';
import { viewInvoiceRecord } from '../../../bot/records/invoice-record.js';
import { mergeCustomers, previewMerge } from '../../../bot/records/merge.js';
import { addCustomerNote, sendInvoiceCopies, sendStatement } from '../../../bot/records/record-actions.js';
import type { RecordActionDeps } from '../../../bot/records/record-deps.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import { rolesGrant } from '../../../core/review/permissions.js';
import {
  customerRecordBlocks,
  invoiceRecordBlocks,
  mergeConfirmModal,
  mergePreviewModal,
  mergeSourceModal,
  modalErrors,
  parseMergeConfirmSubmission,
  parseMergeSourceSubmission,
  parseRecordModalMetadata,
  parseRecordNoteSubmission,
  parseRecordSendSubmission,
  RECORD_MODALS,
  recordNoteModal,
  recordSendModal,
  type RecordModalMetadata,
  type SlackMessage,
  type SlackStateValues,
} from '../../../cards/slack/index.js';
import { slackIdentity, tellUser, type SlackHandlerContext } from './slack-context.js';
import { withinDeadline } from './slack-modals.js';
import { escapeSlack } from './slack-text.js';
import type { SlackWebClient } from './slack-workspaces.js';

/** The Slack handlers' context with the record use cases' dependencies (ReviewDesk.records). */
export interface SlackRecordContext extends SlackHandlerContext {
  records: RecordActionDeps;
}

/** Where a click or form came from: who, which conversation, and the record message's response_url. */
export interface RecordOrigin {
  user: string;
  channel?: string;
  responseUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// The record messages

/** The customer record as a message for this person, or their refusal as plain text. */
export async function customerRecordMessage(ctx: Pick<SlackRecordContext, 'desk' | 'records' | 'dashboardUrl'>, identity: ChatIdentity, sorId: string): Promise<SlackMessage> {
  const result = await viewCustomerRecord(ctx.records, identity, sorId);
  if (!result.ok) return plainMessage(result.error.message);
  // Offering the manager buttons is presentation only: archive and merge check the role again.
  const user = await resolveUser(ctx.desk.repos.users, identity);
  const canManage = user !== null && rolesGrant(user.roles, 'customer.manage');
  return customerRecordBlocks(result.value, { canManage, ...(ctx.dashboardUrl ? { recordUrl: `${ctx.dashboardUrl}/customers/${encodeURIComponent(sorId)}` } : {}) });
}

/** The invoice record as a message, or the refusal as plain text. */
export async function invoiceRecordMessage(ctx: Pick<SlackRecordContext, 'records' | 'dashboardUrl'>, identity: ChatIdentity, number: string): Promise<SlackMessage> {
  const result = await viewInvoiceRecord(ctx.records, identity, number);
  if (!result.ok) return plainMessage(result.error.message);
  return invoiceRecordBlocks(result.value, ctx.dashboardUrl ? { recordUrl: `${ctx.dashboardUrl}/invoices/${encodeURIComponent(number)}` } : {});
}

/** A one-section message of plain text (escaped). */
export function plainMessage(text: string): SlackMessage {
  const safe = escapeSlack(text);
  return { text: safe, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: safe.length > 3000 ? `${safe.slice(0, 2999)}…` : safe } }] };
}

/**
 * Tells the person something only they see: through the record message's response_url when
 * there is one (it works in channels the bot is not in), else ephemeral or by direct message.
 */
export async function answer(ctx: Pick<SlackHandlerContext, 'logger'>, client: SlackWebClient, origin: RecordOrigin, message: SlackMessage | string): Promise<void> {
  const m = typeof message === 'string' ? plainMessage(message) : message;
  if (origin.responseUrl !== undefined && (await postResponse(ctx.logger, origin.responseUrl, { response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks }))) return;
  await tellUser(client, ctx.logger, origin.user, origin.channel, m.text);
}

/** Shows the customer record again in the message the person acted on (after a change). */
export async function refreshRecord(ctx: SlackRecordContext, origin: RecordOrigin, sorId: string): Promise<void> {
  if (origin.responseUrl === undefined) return;
  const message = await customerRecordMessage(ctx, slackIdentity(origin.user), sorId);
  await postResponse(ctx.logger, origin.responseUrl, { replace_original: true, text: message.text, blocks: message.blocks });
}

/** POSTs to a response_url; false (logged) when Slack did not take it (expired after 30 minutes or 5 uses). */
async function postResponse(logger: Logger, url: string, body: Record<string, unknown>): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    if (res.ok) return true;
    logger.warn({ status: res.status }, 'Slack: response_url refused the answer');
  } catch (e) {
    logger.warn({ err: e }, 'Slack: could not answer through response_url');
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Opening the forms (right after the click: the trigger expires in 3 s)

type Opened = { ok: true } | { ok: false; message: string };

/** Opens "Add note" for a customer. */
export async function openNoteModal(ctx: SlackRecordContext, client: SlackWebClient, origin: RecordOrigin, triggerId: string, sorId: string): Promise<Opened> {
  const record = await viewCustomerRecord(ctx.records, slackIdentity(origin.user), sorId);
  if (!record.ok) return { ok: false, message: record.error.message };
  await client.views.open({ trigger_id: triggerId, view: recordNoteModal(record.value.displayName, metaOf(origin, sorId)) });
  return { ok: true };
}

/** Opens "Send statement" or "Send invoices" with the customer's known contacts (and open invoices). */
export async function openSendModal(ctx: SlackRecordContext, client: SlackWebClient, origin: RecordOrigin, triggerId: string, sorId: string, send: 'statement' | 'invoices'): Promise<Opened> {
  const record = await viewCustomerRecord(ctx.records, slackIdentity(origin.user), sorId);
  if (!record.ok) return { ok: false, message: record.error.message };
  const v = record.value;
  if (v.contacts.length === 0) return { ok: false, message: `${v.displayName} has no known contacts to send to.` };
  if (send === 'invoices' && v.openInvoices.length === 0) return { ok: false, message: `${v.displayName} has no open invoices.` };
  const invoices = v.openInvoices.map((i) => ({ number: i.number, label: `${i.number} · ${i.balance.amount.toFixed(2)} ${i.balance.currency} · due ${i.dueDate}` }));
  await client.views.open({ trigger_id: triggerId, view: recordSendModal(v.displayName, { ...metaOf(origin, sorId), send }, v.contacts, invoices) });
  return { ok: true };
}

/** Opens "Send copy" of one invoice with its invoice-level and customer contacts. */
export async function openInvoiceCopyModal(ctx: SlackRecordContext, client: SlackWebClient, origin: RecordOrigin, triggerId: string, number: string): Promise<Opened> {
  const record = await viewInvoiceRecord(ctx.records, slackIdentity(origin.user), number);
  if (!record.ok) return { ok: false, message: record.error.message };
  const v = record.value;
  if (v.contacts.length === 0) return { ok: false, message: `Invoice ${v.number} has no known contacts to send to.` };
  const meta: RecordModalMetadata = { ...metaOf(origin, v.customer.sorId), send: 'invoices', invoiceNumbers: [v.number] };
  await client.views.open({ trigger_id: triggerId, view: recordSendModal(v.customer.name, meta, v.contacts) });
  return { ok: true };
}

/** Opens "Merge a duplicate…" into this customer (the merge itself checks the Manager role). */
export async function openMergeModal(ctx: SlackRecordContext, client: SlackWebClient, origin: RecordOrigin, triggerId: string, sorId: string): Promise<Opened> {
  const record = await viewCustomerRecord(ctx.records, slackIdentity(origin.user), sorId);
  if (!record.ok) return { ok: false, message: record.error.message };
  await client.views.open({ trigger_id: triggerId, view: mergeSourceModal(record.value.displayName, metaOf(origin, sorId)) });
  return { ok: true };
}

/** The preview's "Merge" button: pushes the second confirmation (type the account number). */
export async function pushMergeConfirm(ctx: SlackRecordContext, client: SlackWebClient, triggerId: string, privateMetadata: string | undefined): Promise<Opened> {
  const meta = parseRecordModalMetadata(privateMetadata);
  if (meta === null || meta.merge === undefined) return { ok: false, message: 'This merge preview is no longer valid; start the merge again.' };
  const target = await ctx.desk.repos.customers.findBySorId(meta.sorId);
  await client.views.push({ trigger_id: triggerId, view: mergeConfirmModal({ ...meta, merge: meta.merge }, target?.name ?? meta.sorId) });
  return { ok: true };
}

function metaOf(origin: RecordOrigin, sorId: string): RecordModalMetadata {
  return { sorId, ...(origin.channel ? { channelId: origin.channel } : {}), ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Submissions

/** Refusals the person can fix on the form; others (role, unknown person) close it and are told. */
const FIXABLE = new Set(['invalid_input', 'send_blocked', 'conflict', 'invalid_state', 'not_found']);

interface Submitted {
  identity: ChatIdentity;
  origin: RecordOrigin;
  meta: RecordModalMetadata;
  values: SlackStateValues;
  viewId: string;
}

type SubmitAck = (response?: ViewResponseAction) => Promise<void>;

/** Registers the submissions of the record forms. */
export function registerRecordModalSubmissions(app: App, ctx: SlackRecordContext): void {
  app.view(/^record\.[A-Za-z]+\.submit$/, async ({ ack, body, view, client }) => {
    const meta = parseRecordModalMetadata(view.private_metadata);
    if (meta === null) {
      await ack();
      ctx.logger.warn({ callbackId: view.callback_id }, 'Slack: a record form without its customer was submitted; ignored');
      return;
    }
    const s: Submitted = {
      identity: slackIdentity(body.user.id),
      origin: { user: body.user.id, ...(meta.channelId ? { channel: meta.channelId } : {}), ...(meta.responseUrl ? { responseUrl: meta.responseUrl } : {}) },
      meta,
      values: view.state.values as SlackStateValues,
      viewId: view.id,
    };
    const reply: SubmitAck = (response) => ack(response);
    try {
      switch (view.callback_id) {
        case RECORD_MODALS.note.callbackId:
          return await submitNote(ctx, client, s, reply);
        case RECORD_MODALS.send.callbackId:
          return await submitSend(ctx, client, s, reply);
        case RECORD_MODALS.mergeSource.callbackId:
          return await submitMergeSource(ctx, client, s, reply);
        case RECORD_MODALS.mergeConfirm.callbackId:
          return await submitMergeConfirm(ctx, client, s, reply);
        default:
          await ack();
          ctx.logger.warn({ callbackId: view.callback_id }, 'Slack: a record form arbot does not know was submitted; ignored');
      }
    } catch (e) {
      ctx.logger.error({ err: e, callbackId: view.callback_id, sorId: meta.sorId }, 'Slack: record form submission failed');
      await answer(ctx, client, s.origin, 'Something went wrong; please try again.');
    }
  });
}

async function submitNote(ctx: SlackRecordContext, client: SlackWebClient, s: Submitted, ack: SubmitAck): Promise<void> {
  const parsed = parseRecordNoteSubmission(s.values);
  if (!parsed.ok) return ack(parsed.response);
  await settle(ctx, client, s, ack, addCustomerNote(ctx.records, s.identity, s.meta.sorId, parsed.value.text), () => RECORD_MODALS.note.inputs.note.blockId, async () => {
    await refreshRecord(ctx, s.origin, s.meta.sorId);
  });
}

async function submitSend(ctx: SlackRecordContext, client: SlackWebClient, s: Submitted, ack: SubmitAck): Promise<void> {
  const parsed = parseRecordSendSubmission(s.values, s.meta);
  if (!parsed.ok) return ack(parsed.response);
  const { to, invoiceNumbers } = parsed.value;
  // The view id is the click's id: submitting the same form twice queues one message.
  const request = { to, requestId: s.viewId };
  const statement = s.meta.send === 'statement';
  const running = statement ? sendStatement(ctx.records, s.identity, s.meta.sorId, request) : sendInvoiceCopies(ctx.records, s.identity, s.meta.sorId, { ...request, invoiceNumbers });
  const { inputs } = RECORD_MODALS.send;
  const choosesInvoices = !statement && s.meta.invoiceNumbers === undefined;
  await settle(ctx, client, s, ack, running, (message) => (choosesInvoices && /invoice/i.test(message) && !/contact/i.test(message) ? inputs.invoices.blockId : inputs.to.blockId), async (sent) => {
    const what = statement ? 'The statement' : invoiceNumbers.length === 1 ? `A copy of ${invoiceNumbers[0]}` : `Copies of ${invoiceNumbers.join(', ')}`;
    await answer(ctx, client, s.origin, sent.queued ? `${what} is queued for ${to.join(', ')} and goes out once.` : `${what} was already queued for ${to.join(', ')}; nothing more is sent.`);
  });
}

async function submitMergeSource(ctx: SlackRecordContext, client: SlackWebClient, s: Submitted, ack: SubmitAck): Promise<void> {
  const parsed = parseMergeSourceSubmission(s.values);
  if (!parsed.ok) return ack(parsed.response);
  const field = RECORD_MODALS.mergeSource.inputs.source.blockId;
  const { customers } = ctx.desk.repos;
  const typed = parsed.value.source;
  const source = (await customers.findBySorId(typed)) ?? (await customers.findByAccountNumber(typed));
  if (source === null) return ack(modalErrors({ [field]: `No customer has the account number or SoR id ${typed}.` }));
  const result = await withinDeadline(previewMerge(ctx.records, s.identity, { source: source.sorId, target: s.meta.sorId }), ctx.submitDeadlineMs);
  if (result === undefined) return ack(modalErrors({ [field]: 'The preview is taking too long; please try again.' }));
  if (!result.ok) {
    if (FIXABLE.has(result.error.code)) return ack(modalErrors({ [field]: result.error.message }));
    await ack();
    return answer(ctx, client, s.origin, result.error.message);
  }
  const p = result.value;
  const merge = { source: p.source.sorId, token: p.confirmation.token, typeToConfirm: p.confirmation.typeToConfirm, sourceName: p.source.name };
  await ack({ response_action: 'update', view: mergePreviewModal(p, { ...s.meta, merge }) });
}

async function submitMergeConfirm(ctx: SlackRecordContext, client: SlackWebClient, s: Submitted, ack: SubmitAck): Promise<void> {
  const parsed = parseMergeConfirmSubmission(s.values);
  if (!parsed.ok) return ack(parsed.response);
  const merge = s.meta.merge;
  if (merge === undefined) {
    await ack({ response_action: 'clear' });
    return answer(ctx, client, s.origin, 'This merge preview is no longer valid; start the merge again.');
  }
  const running = mergeCustomers(ctx.records, s.identity, { source: merge.source, target: s.meta.sorId, token: merge.token, typed: parsed.value.typed });
  // Success or a refusal that cannot be fixed closes the whole stack of forms (preview and this one).
  const clear: SubmitAck = (response) => ack(response ?? { response_action: 'clear' });
  await settle(ctx, client, s, clear, running, () => RECORD_MODALS.mergeConfirm.inputs.typed.blockId, async (r) => {
    const m = r.moved;
    await answer(
      ctx,
      client,
      s.origin,
      `Merged ${merge.sourceName} into this customer: ${m.notes} note(s), ${m.tasks} task(s) and ${m.threads} thread(s) moved, ${m.contactsCopied} contact(s) copied.`,
    );
    await refreshRecord(ctx, s.origin, s.meta.sorId);
  });
}

/**
 * Acknowledges a submission by its use case's outcome: a fixable refusal within the deadline
 * goes under `fieldFor(message)`; otherwise the form closes and the outcome follows.
 */
async function settle<T>(
  ctx: SlackRecordContext,
  client: SlackWebClient,
  s: Submitted,
  ack: SubmitAck,
  promise: Promise<UseCaseResult<T>>,
  fieldFor: (message: string) => string,
  done: (value: T) => Promise<void>,
): Promise<void> {
  const running = promise.catch((e: unknown): UseCaseResult<T> => {
    ctx.logger.error({ err: e, sorId: s.meta.sorId }, 'Slack: record form use case failed');
    return { ok: false, error: { code: 'conflict', message: 'Something went wrong; please try again.' } };
  });
  const early = await withinDeadline(running, ctx.submitDeadlineMs);
  if (early !== undefined && !early.ok && FIXABLE.has(early.error.code)) {
    await ack(modalErrors({ [fieldFor(early.error.message)]: early.error.message }));
    return;
  }
  await ack();
  const result = early ?? (await running);
  if (!result.ok) await answer(ctx, client, s.origin, result.error.message);
  else await done(result.value);
}
