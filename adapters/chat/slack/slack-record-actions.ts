// Buttons on customer and invoice record messages (`record.*`, `invoice.*`). Every click is
// acknowledged first; buttons that need a form open it at once with the click's trigger_id,
// the others run their bot/records use case after the ack with the clicker's identity and
// answer only the clicker (through the record message's response_url). PDFs (statement,
// invoice) are uploaded into the conversation with Slack's external upload flow:
// files.getUploadURLExternal → POST the bytes to upload_url → files.completeUploadExternal.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { customerTimeline } from '../../../bot/records/customer-record.js';
import { invoicePdf } from '../../../bot/records/invoice-record.js';
import { archiveCustomer, generateStatement, resyncCustomer } from '../../../bot/records/record-actions.js';
import type { CustomerResyncSummary } from '../../../bot/ports/customer-resync.js';
import type { ReplyMessageAttachment } from '../../../core/domain/draft.js';
import { RECORD_ACTIONS, timelineBlocks } from '../../../cards/slack/index.js';
import { slackIdentity } from './slack-context.js';
import { slackErrorName, toSlackChatError } from './slack-errors.js';
import {
  answer,
  customerRecordMessage,
  openInvoiceCopyModal,
  openMergeModal,
  openNoteModal,
  openSendModal,
  pushMergeConfirm,
  refreshRecord,
  type RecordOrigin,
  type SlackRecordContext,
} from './slack-record-modals.js';
import type { SlackWebClient } from './slack-workspaces.js';

/** How many timeline entries the Timeline button lists. */
const TIMELINE_LIMIT = 60;
/** Uploading a PDF to Slack's upload_url: longer than a Web API call, still bounded. */
const UPLOAD_TIMEOUT_MS = 30_000;

interface RecordClick extends RecordOrigin {
  triggerId: string;
  /** The customer's sorId (record.*) or the invoice number (invoice.*). */
  value: string;
  /** Set when the button is in a modal (the merge preview). */
  viewMetadata?: string;
}

type Handler = (ctx: SlackRecordContext, client: SlackWebClient, click: RecordClick) => Promise<void>;

const a = RECORD_ACTIONS;
const HANDLERS: Readonly<Record<string, Handler>> = {
  [a.open]: async (ctx, client, c) => answer(ctx, client, c, await customerRecordMessage(ctx, slackIdentity(c.user), c.value)),
  [a.note]: (ctx, client, c) => opened(ctx, client, c, openNoteModal(ctx, client, c, c.triggerId, c.value)),
  [a.sendStatement]: (ctx, client, c) => opened(ctx, client, c, openSendModal(ctx, client, c, c.triggerId, c.value, 'statement')),
  [a.sendInvoices]: (ctx, client, c) => opened(ctx, client, c, openSendModal(ctx, client, c, c.triggerId, c.value, 'invoices')),
  [a.invoiceCopy]: (ctx, client, c) => opened(ctx, client, c, openInvoiceCopyModal(ctx, client, c, c.triggerId, c.value)),
  [a.mergePreview]: (ctx, client, c) => opened(ctx, client, c, openMergeModal(ctx, client, c, c.triggerId, c.value)),
  [a.mergeConfirm]: (ctx, client, c) => opened(ctx, client, c, pushMergeConfirm(ctx, client, c.triggerId, c.viewMetadata)),
  [a.statement]: async (ctx, client, c) => {
    const pdf = await generateStatement(ctx.records, slackIdentity(c.user), c.value);
    if (!pdf.ok) return answer(ctx, client, c, pdf.error.message);
    await share(ctx, client, c, pdf.value, 'Statement of account');
  },
  [a.invoicePdf]: async (ctx, client, c) => {
    const pdf = await invoicePdf(ctx.records, slackIdentity(c.user), c.value);
    if (!pdf.ok) return answer(ctx, client, c, pdf.error.message);
    await share(ctx, client, c, pdf.value, `Invoice ${c.value}`);
  },
  [a.resync]: async (ctx, client, c) => {
    const result = await resyncCustomer(ctx.records, slackIdentity(c.user), c.value);
    if (!result.ok) return answer(ctx, client, c, result.error.message);
    await answer(ctx, client, c, resyncSummary(result.value));
    await refreshRecord(ctx, c, c.value);
  },
  [a.timeline]: async (ctx, client, c) => {
    const identity = slackIdentity(c.user);
    const result = await customerTimeline(ctx.records, identity, c.value, TIMELINE_LIMIT);
    if (!result.ok) return answer(ctx, client, c, result.error.message);
    const customer = await ctx.desk.repos.customers.findBySorId(c.value);
    await answer(ctx, client, c, timelineBlocks(customer?.name ?? c.value, result.value));
  },
  [a.archive]: async (ctx, client, c) => {
    const result = await archiveCustomer(ctx.records, slackIdentity(c.user), c.value);
    if (!result.ok) return answer(ctx, client, c, result.error.message);
    await answer(ctx, client, c, 'Archived: the customer stays findable, marked archived.');
    await refreshRecord(ctx, c, c.value);
  },
};

/** Registers the record buttons on the Bolt app. */
export function registerRecordActions(app: App, ctx: SlackRecordContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^(record|invoice)\.[A-Za-z]+$/ }, async ({ ack, body, action, client }) => {
    await ack();
    // Link buttons ("Open in arbot", the SoR's PDF): Slack opens the URL itself and still sends the click.
    if (action.action_id === a.link || action.url !== undefined) return;
    const handler = HANDLERS[action.action_id];
    if (handler === undefined || typeof action.value !== 'string' || action.value === '') {
      ctx.logger.warn({ actionId: action.action_id }, 'Slack: a record button arbot does not know; ignored');
      return;
    }
    const click: RecordClick = {
      user: body.user.id,
      triggerId: body.trigger_id,
      value: action.value,
      ...(body.channel?.id ? { channel: body.channel.id } : {}),
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      ...(body.view?.private_metadata ? { viewMetadata: body.view.private_metadata } : {}),
    };
    try {
      await handler(ctx, client, click);
    } catch (e) {
      ctx.logger.error({ err: e, actionId: action.action_id, value: action.value }, 'Slack: record button failed');
      await answer(ctx, client, click, 'Something went wrong; please try again.');
    }
  });
}

async function opened(ctx: SlackRecordContext, client: SlackWebClient, click: RecordClick, opening: Promise<{ ok: true } | { ok: false; message: string }>): Promise<void> {
  const result = await opening;
  if (!result.ok) await answer(ctx, client, click, result.message);
}

/** Uploads the PDF into the conversation of the click; says so to the clicker when that fails. */
async function share(ctx: SlackRecordContext, client: SlackWebClient, click: RecordClick, pdf: ReplyMessageAttachment, title: string): Promise<void> {
  if (click.channel === undefined) return answer(ctx, client, click, `${pdf.filename} could not be posted: there is no conversation to post it in.`);
  try {
    await uploadFile(client, click.channel, pdf, `${title}, as requested by <@${click.user}>.`);
  } catch (e) {
    const error = toSlackChatError('file upload', e);
    ctx.logger.warn({ err: error, channel: click.channel, filename: pdf.filename }, 'Slack: could not upload a PDF');
    const name = slackErrorName(e);
    const hint = name === 'not_in_channel' || name === 'channel_not_found' ? ' Invite arbot to this conversation and try again.' : '';
    await answer(ctx, client, click, `${pdf.filename} could not be posted here (${name ?? error.message}).${hint}`);
  }
}

/** Slack's external upload: ask for an upload URL, POST the bytes there, then share the file in the channel. */
export async function uploadFile(client: SlackWebClient, channel: string, file: Pick<ReplyMessageAttachment, 'filename' | 'content'>, comment: string): Promise<void> {
  const bytes = Buffer.from(file.content);
  const target = await client.files.getUploadURLExternal({ filename: file.filename, length: bytes.length });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload_url');
  const uploaded = await fetch(target.upload_url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  // fetch resolves whatever the status, so a refused upload must be turned into an error here.
  if (!uploaded.ok) throw new Error(`the upload URL answered HTTP ${uploaded.status}`);
  await client.files.completeUploadExternal({ files: [{ id: target.file_id, title: file.filename }], channel_id: channel, initial_comment: comment });
}

/** One sentence about a re-sync for the person who asked. */
export function resyncSummary(summary: CustomerResyncSummary): string {
  const counts = Object.entries(summary.counts ?? {})
    .map(([entity, c]) => ({ entity, changed: c.inserted + c.updated + c.deleted }))
    .filter((c) => c.changed > 0)
    .map((c) => `${c.entity} ${c.changed}`);
  return `Re-synced from the system of record. ${summary.message ?? ''}${counts.length > 0 ? ` Changed: ${counts.join(', ')}.` : ''}`.trim();
}
