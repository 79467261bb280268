// The customer and invoice records in Slack (Block Kit): the record with its action buttons
// (action_id `record.*` / `invoice.*`, the customer or invoice as the value), the timeline, the
// merge preview, and the modals the buttons open (note, send, merge) with their parsers. Pure:
// view model in, blocks out; sizes kept within Slack's limits.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { RECORD_VERBS } from '../../bot/records/record-verbs.js';
import type { CustomerRecordView, InvoiceRecordView, MergePreview, TimelineEntry } from '../../bot/records/views.js';
import { SLACK_LIMITS } from './limits.js';
import type { SlackMessage } from './task-message.js';
import { option, refuse, selectedOf, textOf, type ModalInput, type SlackStateValues, type Submission } from './task-modals.js';
import { boundedLines, escapeMrkdwn, formatMoney, mrkdwn, plain, plural } from './text.js';

/** The action_ids of the record buttons: the record verbs ("Open" is next to each customer of a `/ar customer` list), and the link. */
export const RECORD_ACTIONS = {
  ...RECORD_VERBS,
  /** The link to the record in the arbot tab (Slack opens the URL; the click is only acknowledged). */
  link: 'record.link',
} as const;

/** Links and who is looking: what the record messages show besides the view model. */
export interface RecordBlockOptions {
  /** Manager actions (merge, archive) are offered; the use cases check the role again. */
  canManage?: boolean;
  /** The record's page in the arbot tab, when there is a public URL. */
  recordUrl?: string;
}

const e = escapeMrkdwn;
const money = (ms: ReadonlyArray<{ amount: number; currency: string }>, none = '—') => (ms.length > 0 ? ms.map(formatMoney).join(' · ') : none);

function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger') {
  return { type: 'button' as const, action_id: actionId, text: plain(label, SLACK_LIMITS.buttonText), value, ...(style ? { style } : {}) };
}

function linkButton(label: string, url: string) {
  return { type: 'button' as const, action_id: RECORD_ACTIONS.link, text: plain(label, SLACK_LIMITS.buttonText), url };
}

/** Slack's own "are you sure?" dialog before the click is sent. */
function confirm(title: string, text: string, yes: string) {
  return { title: plain(title, SLACK_LIMITS.confirmTitle), text: plain(text, SLACK_LIMITS.confirmText), confirm: plain(yes, SLACK_LIMITS.confirmButton), deny: plain('Cancel', SLACK_LIMITS.confirmButton), style: 'danger' as const };
}

/** The customer record as a message. */
export function customerRecordBlocks(v: CustomerRecordView, options: RecordBlockOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(v.displayName, SLACK_LIMITS.headerText) },
    { type: 'context', elements: [mrkdwn(`Account ${e(v.accountNumber)} · ${e(v.sorId)} · ${v.status === 'active' ? 'Active' : 'Archived in the SoR'}${v.archived ? ' · archived in arbot' : ''}`, SLACK_LIMITS.contextText)] },
  ];
  if (v.mergedInto) blocks.push({ type: 'section', text: mrkdwn(`:warning: Merged into *${e(v.mergedInto.name)}* (${e(v.mergedInto.sorId)}): open that record.`, SLACK_LIMITS.sectionText) });
  blocks.push({
    type: 'section',
    fields: [
      mrkdwn(`*Outstanding*\n${e(money(v.outstanding, formatMoney({ amount: 0, currency: v.currency })))}`, SLACK_LIMITS.sectionFieldText),
      mrkdwn(`*Unapplied credits*\n${e(money(v.unappliedCredits))}`, SLACK_LIMITS.sectionFieldText),
      mrkdwn(`*Last payment*\n${v.lastPayment ? `${e(formatMoney(v.lastPayment.amount))} on ${v.lastPayment.date}` : 'None recorded'}`, SLACK_LIMITS.sectionFieldText),
      mrkdwn(`*Last contacted*\n${v.lastContacted ? v.lastContacted.slice(0, 10) : 'Never'}`, SLACK_LIMITS.sectionFieldText),
      mrkdwn(`*Billing owner*\n${v.billingOwner ? e(v.billingOwner) : '—'}`, SLACK_LIMITS.sectionFieldText),
      mrkdwn(`*Open review tasks*\n${v.openTasks}`, SLACK_LIMITS.sectionFieldText),
    ],
  });
  const aging = v.aging.map((r) => `*${e(r.currency)}* current ${r.current} · 1–30 ${r.days1to30} · 31–60 ${r.days31to60} · 61–90 ${r.days61to90} · 90+ ${r.days90plus} · total ${r.total}`);
  blocks.push({ type: 'section', text: mrkdwn(`*Aging as of ${v.asOf}*\n${aging.length > 0 ? aging.join('\n') : 'Nothing open.'}`, SLACK_LIMITS.sectionText) });
  if (v.contacts.length > 0) {
    const lines = v.contacts.map((c) => `• ${c.name ? `${e(c.name)} · ` : ''}${e(c.email)}${c.role ? ` · ${e(c.role)}` : ''}${c.source === 'manual' ? ' · added in arbot' : ''}`);
    blocks.push({ type: 'section', text: mrkdwn(`*Contacts${v.contactsReadOnly ? ' (managed in the SoR)' : ''}*\n${boundedLines(lines, 2500, (n) => `…and ${n} more`)}`, SLACK_LIMITS.sectionText) });
  }
  if (v.openInvoiceCount > 0) {
    const lines = v.openInvoices.map((i) => `• ${e(i.number)} · ${e(formatMoney(i.balance))} · due ${i.dueDate}${i.daysPastDue > 0 ? ` · ${plural(i.daysPastDue, 'day')} past due` : ''}`);
    blocks.push({ type: 'section', text: mrkdwn(`*Open invoices (${v.openInvoiceCount})*\n${boundedLines(lines, 2500, (n) => `…and ${n + v.openInvoiceCount - v.openInvoices.length} more`)}`, SLACK_LIMITS.sectionText) });
  }
  if (v.timeline.length > 0) {
    const lines = v.timeline.map((t) => `• ${t.at.slice(0, 10)} ${e(t.text)}`);
    blocks.push({ type: 'section', text: mrkdwn(`*Recent activity*\n${boundedLines(lines, 2500, (n) => `…and ${n} more`)}`, SLACK_LIMITS.sectionText) });
  }
  if (v.notes.length > 0) {
    const lines = v.notes.map((n) => `• ${n.at.slice(0, 10)} ${e(n.by)}: ${e(n.text)}`);
    blocks.push({ type: 'section', text: mrkdwn(`*Notes*\n${boundedLines(lines, 2500, (n) => `…and ${n} more`)}`, SLACK_LIMITS.sectionText) });
  }
  if (!v.mergedInto) {
    const a = RECORD_ACTIONS;
    blocks.push({
      type: 'actions',
      block_id: `record.actions.${v.sorId}`.slice(0, 255),
      elements: [
        button(a.statement, 'Statement PDF', v.sorId),
        button(a.sendStatement, 'Send statement', v.sorId, 'primary'),
        button(a.sendInvoices, 'Send invoices', v.sorId),
        button(a.note, 'Add note', v.sorId),
        button(a.resync, 'Re-sync', v.sorId),
        button(a.timeline, 'Timeline', v.sorId),
        ...(options.canManage
          ? [
              button(a.mergePreview, 'Merge a duplicate…', v.sorId),
              ...(v.archived ? [] : [{ ...button(a.archive, 'Archive', v.sorId, 'danger'), confirm: confirm('Archive this customer?', `${v.displayName} stays findable, marked archived.`, 'Archive') }]),
            ]
          : []),
        ...(options.recordUrl && options.recordUrl.length <= SLACK_LIMITS.url ? [linkButton('Open in arbot', options.recordUrl)] : []),
      ],
    });
  }
  return { text: `${e(v.displayName)} (account ${e(v.accountNumber)})`, blocks };
}

/** The invoice record as a message. */
export function invoiceRecordBlocks(v: InvoiceRecordView, options: Pick<RecordBlockOptions, 'recordUrl'> = {}): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`Invoice ${v.number}`, SLACK_LIMITS.headerText) },
    { type: 'context', elements: [mrkdwn(`${e(v.customer.name)} · account ${e(v.customer.accountNumber)}`, SLACK_LIMITS.contextText)] },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Status*\n${v.status.replace('_', ' ')}`, SLACK_LIMITS.sectionFieldText),
        mrkdwn(`*Balance*\n${e(formatMoney(v.balance))} of ${e(formatMoney(v.amount))}`, SLACK_LIMITS.sectionFieldText),
        mrkdwn(`*Issued*\n${v.issueDate}`, SLACK_LIMITS.sectionFieldText),
        mrkdwn(`*Due*\n${v.dueDate}${v.daysPastDue > 0 ? ` (${plural(v.daysPastDue, 'day')} past due)` : ''}`, SLACK_LIMITS.sectionFieldText),
        mrkdwn(`*PO*\n${v.poNumber ? e(v.poNumber) : '—'}`, SLACK_LIMITS.sectionFieldText),
        mrkdwn(`*Aging*\n${v.agingBucket}`, SLACK_LIMITS.sectionFieldText),
      ],
    },
  ];
  const lines = [
    ...v.payments.map((p) => `• payment ${p.date} ${e(p.reference)} ${e(formatMoney(p.applied))}`),
    ...v.availableCredits.map((c) => `• credit ${e(c.number)} ${e(formatMoney(c.balance))} unapplied`),
    ...v.contacts.map((c) => `• ${e(c.email)} (${c.level} contact)`),
    ...v.relatedEmails.map((m) => `• ${m.at.slice(0, 10)} email from ${e(m.from)}: “${e(m.subject)}”`),
    ...v.relatedTasks.map((k) => `• ${k.createdAt.slice(0, 10)} task ${k.status.replace(/_/g, ' ')}`),
  ];
  if (lines.length > 0) blocks.push({ type: 'section', text: mrkdwn(boundedLines(lines, 2900, (n) => `…and ${n} more`), SLACK_LIMITS.sectionText) });
  blocks.push({
    type: 'actions',
    block_id: `invoice.actions.${v.number}`.slice(0, 255),
    elements: [
      button(RECORD_ACTIONS.invoiceCopy, 'Send copy', v.number, 'primary'),
      v.pdfUrl ? { type: 'button', action_id: RECORD_ACTIONS.invoicePdf, text: plain('Open PDF', SLACK_LIMITS.buttonText), url: v.pdfUrl } : button(RECORD_ACTIONS.invoicePdf, 'PDF', v.number),
      ...(options.recordUrl && options.recordUrl.length <= SLACK_LIMITS.url ? [linkButton('Open in arbot', options.recordUrl)] : []),
    ],
  });
  return { text: `Invoice ${e(v.number)}: ${e(formatMoney(v.balance))} open`, blocks };
}

/** The merge's first confirmation (the second, typing the account number, is a modal the adapter opens). */
export function mergePreviewBlocks(p: MergePreview): SlackMessage {
  const m = p.moves;
  const text = `Merge *${e(p.source.name)}* (${e(p.source.accountNumber)}) into *${e(p.target.name)}* (${e(p.target.accountNumber)})? This cannot be undone.`;
  const facts = [
    `• notes moved: ${m.notes}`,
    `• contacts copied: ${m.contactsCopied.length > 0 ? m.contactsCopied.map(e).join(', ') : 'none'}`,
    `• contacts removed (added in arbot): ${m.manualContactsRemoved.length > 0 ? m.manualContactsRemoved.map(e).join(', ') : 'none'}`,
    `• tasks moved: ${m.tasks} · threads moved: ${m.threads}`,
    `• emails in / out shown on the target: ${m.emailsIn} / ${m.emailsOut} · timeline events: ${m.timelineEvents}`,
    ...(p.fills.billingOwner ? [`• billing owner filled: ${e(p.fills.billingOwner)}`] : []),
    ...(p.fills.domains ? [`• domains filled: ${p.fills.domains.map(e).join(', ')}`] : []),
  ];
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(text, SLACK_LIMITS.sectionText) },
      { type: 'section', text: mrkdwn(boundedLines(facts, 2900, (n) => `…and ${n} more`), SLACK_LIMITS.sectionText) },
      {
        type: 'actions',
        elements: [button(RECORD_ACTIONS.mergeConfirm, `Merge (type ${p.confirmation.typeToConfirm} next)`, JSON.stringify({ source: p.source.sorId, target: p.target.sorId, token: p.confirmation.token }), 'danger')],
      },
    ],
  };
}

/** A customer's timeline as an ephemeral answer (newest first). */
export function timelineBlocks(name: string, entries: readonly TimelineEntry[]): SlackMessage {
  const title = `Timeline of ${name}`;
  if (entries.length === 0) return { text: e(`${title}: nothing recorded yet.`), blocks: [{ type: 'section', text: mrkdwn(`*${e(title)}*\nNothing recorded yet.`, SLACK_LIMITS.sectionText) }] };
  const lines = entries.map((t) => `• ${t.at.slice(0, 16).replace('T', ' ')} ${e(t.text)}${t.via ? ` _(via ${e(t.via)})_` : ''}`);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title, SLACK_LIMITS.headerText) }];
  // Several sections so a long timeline is not cut at one section's 3,000 characters.
  for (let i = 0; i < lines.length && blocks.length < SLACK_LIMITS.messageBlocks - 1; i += 15) {
    blocks.push({ type: 'section', text: mrkdwn(boundedLines(lines.slice(i, i + 15), 2900, (n) => `…and ${n} more`), SLACK_LIMITS.sectionText) });
  }
  return { text: e(`${title}: ${plural(entries.length, 'entry', 'entries')}`), blocks };
}

// ---------------------------------------------------------------------------------------------
// Modals

/** Every record modal's callback_id and inputs, for the adapter's `app.view(...)` handlers. */
export const RECORD_MODALS = {
  note: { callbackId: 'record.note.submit', inputs: { note: { blockId: 'note', actionId: 'note' } } },
  send: { callbackId: 'record.send.submit', inputs: { invoices: { blockId: 'invoices', actionId: 'invoices' }, to: { blockId: 'to', actionId: 'to' } } },
  mergeSource: { callbackId: 'record.mergeSource.submit', inputs: { source: { blockId: 'source', actionId: 'source' } } },
  /** The first confirmation: the preview, whose button opens the second. */
  mergePreview: { callbackId: 'record.mergePreview.view', inputs: {} },
  mergeConfirm: { callbackId: 'record.mergeConfirm.submit', inputs: { typed: { blockId: 'typed', actionId: 'typed' } } },
} as const satisfies Record<string, { callbackId: string; inputs: Record<string, ModalInput> }>;

/** A record modal's private_metadata: whose record, and where to answer and refresh it. */
export interface RecordModalMetadata {
  sorId: string;
  channelId?: string;
  /** The record message's response_url (valid 30 minutes): the submission refreshes it. */
  responseUrl?: string;
  /** Send modals: the statement, or invoice copies. */
  send?: 'statement' | 'invoices';
  /** Invoice copies of these invoices only (the invoice record's "Send copy"); otherwise chosen on the form. */
  invoiceNumbers?: string[];
  /** The merge being confirmed (target = sorId). */
  merge?: { source: string; token: string; typeToConfirm: string; sourceName: string };
}

/** The metadata read back, or null when it is not one of ours. */
export function parseRecordModalMetadata(metadata: string | undefined): RecordModalMetadata | null {
  if (metadata === undefined || metadata === '') return null;
  try {
    const parsed = JSON.parse(metadata) as unknown;
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { sorId?: unknown }).sorId !== 'string') return null;
    return parsed as RecordModalMetadata;
  } catch {
    return null; // not JSON: a form of another app version; the caller ignores it
  }
}

/** A known contact offered on a send form. */
export interface ContactChoice {
  email: string;
  name?: string;
  role?: string;
}

/** "Add note" on a customer record. */
export function recordNoteModal(customerName: string, meta: RecordModalMetadata): ModalView {
  const { note } = RECORD_MODALS.note.inputs;
  return recordModal(RECORD_MODALS.note.callbackId, 'Add customer note', 'Add note', meta, customerName, [
    textInput(note, 'Note', { multiline: true, hint: 'Only your colleagues see it; it is never sent to the customer.' }),
  ]);
}

export function parseRecordNoteSubmission(values: SlackStateValues): Submission<{ text: string }> {
  const { note } = RECORD_MODALS.note.inputs;
  const text = textOf(values, note)?.trim() ?? '';
  if (text === '') return refuse(note, 'The note is empty.');
  return { ok: true, value: { text } };
}

/** "Send statement" / "Send invoices" / "Send copy": known contacts to choose, and invoices unless fixed. */
export function recordSendModal(
  customerName: string,
  meta: RecordModalMetadata,
  contacts: readonly ContactChoice[],
  invoices: ReadonlyArray<{ number: string; label: string }> = [],
): ModalView {
  const { to, invoices: invoiceInput } = RECORD_MODALS.send.inputs;
  const statement = meta.send === 'statement';
  const fixed = meta.invoiceNumbers ?? [];
  const blocks: KnownBlock[] = [];
  if (!statement && fixed.length === 0) {
    blocks.push(multiSelect(invoiceInput, 'Invoices', 'Choose invoices', invoices.filter((i) => i.number.length <= SLACK_LIMITS.optionValue).map((i) => option(i.label, i.number))));
  }
  if (fixed.length > 0) blocks.push({ type: 'section', text: mrkdwn(`*${fixed.length === 1 ? 'Invoice' : 'Invoices'}:* ${fixed.map(e).join(', ')}`, SLACK_LIMITS.sectionText) });
  blocks.push(
    multiSelect(
      to,
      'Send to',
      'Choose contacts',
      contacts.filter((c) => c.email.length <= SLACK_LIMITS.optionValue).map((c) => option(c.name ? `${c.name} <${c.email}>` : c.email, c.email, c.role)),
      'Known contacts of the customer only; the send guard checks them again before anything goes out.',
    ),
  );
  const title = statement ? 'Send statement' : fixed.length === 1 ? 'Send invoice copy' : 'Send invoices';
  return recordModal(RECORD_MODALS.send.callbackId, title, 'Send', meta, customerName, blocks);
}

export function parseRecordSendSubmission(values: SlackStateValues, meta: RecordModalMetadata): Submission<{ to: string[]; invoiceNumbers: string[] }> {
  const { to, invoices } = RECORD_MODALS.send.inputs;
  const recipients = selectedOf(values, to);
  const numbers = meta.send === 'statement' ? [] : (meta.invoiceNumbers ?? selectedOf(values, invoices));
  if (meta.send === 'invoices' && numbers.length === 0) return refuse(invoices, 'Choose at least one invoice.');
  if (recipients.length === 0) return refuse(to, 'Choose at least one contact.');
  return { ok: true, value: { to: recipients, invoiceNumbers: numbers } };
}

/** "Merge a duplicate…": which customer is merged into this one. */
export function mergeSourceModal(targetName: string, meta: RecordModalMetadata): ModalView {
  const { source } = RECORD_MODALS.mergeSource.inputs;
  return recordModal(RECORD_MODALS.mergeSource.callbackId, 'Merge a duplicate', 'Preview', meta, targetName, [
    textInput(source, 'Duplicate to merge into this customer', { placeholder: 'Account number or SoR id', hint: 'Nothing changes yet: the next step shows what would move.', max: 100 }),
  ]);
}

export function parseMergeSourceSubmission(values: SlackStateValues): Submission<{ source: string }> {
  const { source } = RECORD_MODALS.mergeSource.inputs;
  const typed = textOf(values, source)?.trim() ?? '';
  if (typed === '') return refuse(source, 'Type the account number or SoR id of the duplicate.');
  return { ok: true, value: { source: typed } };
}

/** The first confirmation: the preview; its button opens the second confirmation. */
export function mergePreviewModal(preview: MergePreview, meta: RecordModalMetadata): ModalView {
  const { blocks } = mergePreviewBlocks(preview);
  return {
    type: 'modal',
    callback_id: RECORD_MODALS.mergePreview.callbackId,
    private_metadata: metadataJson(meta),
    title: plain('Merge preview', SLACK_LIMITS.modalTitle),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    blocks,
  };
}

/** The second confirmation: the source's account number typed again. */
export function mergeConfirmModal(meta: RecordModalMetadata & { merge: NonNullable<RecordModalMetadata['merge']> }, targetName: string): ModalView {
  const { typed } = RECORD_MODALS.mergeConfirm.inputs;
  return recordModal(RECORD_MODALS.mergeConfirm.callbackId, 'Confirm the merge', 'Merge', meta, targetName, [
    { type: 'section', text: mrkdwn(`Merge *${e(meta.merge.sourceName)}* into *${e(targetName)}*. This cannot be undone.`, SLACK_LIMITS.sectionText) },
    textInput(typed, `Type ${meta.merge.typeToConfirm} to confirm`, { max: 100 }),
  ]);
}

export function parseMergeConfirmSubmission(values: SlackStateValues): Submission<{ typed: string }> {
  const { typed } = RECORD_MODALS.mergeConfirm.inputs;
  const text = textOf(values, typed)?.trim() ?? '';
  if (text === '') return refuse(typed, 'Type the account number to confirm.');
  return { ok: true, value: { typed: text } };
}

function recordModal(callbackId: string, title: string, submit: string, meta: RecordModalMetadata, customerName: string, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadataJson(meta),
    title: plain(title, SLACK_LIMITS.modalTitle),
    submit: plain(submit, SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    blocks: [{ type: 'context', elements: [mrkdwn(`*${e(customerName)}*`, SLACK_LIMITS.contextText)] }, ...blocks],
  };
}

/** The metadata as JSON; the response_url is left out rather than overflow Slack's 3,000 characters. */
function metadataJson(meta: RecordModalMetadata): string {
  const json = JSON.stringify(meta);
  if (json.length <= SLACK_LIMITS.privateMetadata) return json;
  const { responseUrl: _dropped, ...rest } = meta;
  return JSON.stringify(rest);
}

function textInput(input: ModalInput, label: string, spec: { multiline?: boolean; hint?: string; placeholder?: string; max?: number }): InputBlock {
  return {
    type: 'input',
    block_id: input.blockId,
    label: plain(label, SLACK_LIMITS.inputLabel),
    ...(spec.hint ? { hint: plain(spec.hint, SLACK_LIMITS.inputHint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: input.actionId,
      max_length: Math.min(spec.max ?? SLACK_LIMITS.textInput, SLACK_LIMITS.textInput),
      ...(spec.multiline ? { multiline: true } : {}),
      ...(spec.placeholder ? { placeholder: plain(spec.placeholder, SLACK_LIMITS.placeholder) } : {}),
    },
  };
}

function multiSelect(input: ModalInput, label: string, placeholder: string, options: PlainTextOption[], hint?: string): InputBlock {
  return {
    type: 'input',
    block_id: input.blockId,
    label: plain(label, SLACK_LIMITS.inputLabel),
    ...(hint ? { hint: plain(hint, SLACK_LIMITS.inputHint) } : {}),
    element: { type: 'multi_static_select', action_id: input.actionId, placeholder: plain(placeholder, SLACK_LIMITS.placeholder), options: options.slice(0, SLACK_LIMITS.selectOptions) },
  };
}
