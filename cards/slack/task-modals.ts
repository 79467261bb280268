// The modals a task message's buttons open (views.open with the click's trigger_id): change the
// intents, fix the extracted data, edit the draft, reassign, close with a reason, add a note.
// Each has a callback_id and private_metadata naming the task, inputs whose block_id/action_id
// are listed in TASK_MODALS, and a parse function from `view.state.values` to the use case's
// input that answers invalid input with Slack's `response_action: 'errors'`.
import type { AnyBlock, InputBlock, KnownBlock, ModalView, PlainTextInput, PlainTextOption } from '@slack/types';
import { INTENTS, isIntent } from '../../core/pipeline/intents.js';
import { intentLabel, type TaskCardView } from '../../bot/task-view.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeMrkdwn, mentionOf, mrkdwn, plain, truncatePlain } from './text.js';

/** One input of a modal: where its value is in `view.state.values[blockId][actionId]`. */
export interface ModalInput {
  blockId: string;
  actionId: string;
}

/** Every modal's callback_id and inputs, for the adapter's `app.view(...)` handlers. */
export const TASK_MODALS = {
  intents: { callbackId: 'task.intents.submit', inputs: { intents: { blockId: 'intents', actionId: 'intents' } } },
  fix: {
    callbackId: 'task.fix.submit',
    inputs: {
      customer: { blockId: 'customer', actionId: 'customer' },
      invoices: { blockId: 'invoices', actionId: 'invoices' },
      amounts: { blockId: 'amounts', actionId: 'amounts' },
    },
  },
  edit: {
    callbackId: 'task.edit.submit',
    inputs: {
      subject: { blockId: 'subject', actionId: 'subject' },
      to: { blockId: 'to', actionId: 'to' },
      cc: { blockId: 'cc', actionId: 'cc' },
      text: { blockId: 'text', actionId: 'text' },
      attachInvoices: { blockId: 'attach', actionId: 'attach' },
    },
  },
  reassign: {
    callbackId: 'task.reassign.submit',
    inputs: { user: { blockId: 'user', actionId: 'user' }, team: { blockId: 'team', actionId: 'team' } },
  },
  close: { callbackId: 'task.close.submit', inputs: { reason: { blockId: 'reason', actionId: 'reason' } } },
  note: { callbackId: 'task.note.submit', inputs: { note: { blockId: 'note', actionId: 'note' } } },
} as const satisfies Record<string, { callbackId: string; inputs: Record<string, ModalInput> }>;

/** Where the modal came from, so the submission can update that message. */
export interface TaskModalContext {
  channelId?: string;
  messageTs?: string;
}

/** The modal's private_metadata. */
export interface TaskModalMetadata extends TaskModalContext {
  taskId: string;
  version: number;
}

/** One submitted input as Slack sends it (a structural subset of Bolt's ViewStateValue). */
export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

/** `view.state.values` of a view_submission. */
export type SlackStateValues = Record<string, Record<string, SlackStateValue>>;

/** What to `ack()` when a submission is refused: Slack shows each message under its input block. */
export interface SubmissionErrors {
  response_action: 'errors';
  errors: Record<string, string>;
}

export type Submission<T> = { ok: true; value: T } | { ok: false; response: SubmissionErrors };

/** The longest close reason the modal takes. */
export const CLOSE_REASON_MAX = 1000;
/** Slack's input maximum (the note use case takes up to 4,000). */
export const NOTE_MAX = SLACK_LIMITS.textInput;

/** An error response for `errors` keyed by block_id (also for use-case failures after submit). */
export function modalErrors(errors: Record<string, string>): SubmissionErrors {
  return { response_action: 'errors', errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, truncatePlain(v, 300)])) };
}

/** private_metadata read back, or null when it is not one of ours. */
export function parseTaskModalMetadata(metadata: string | undefined): TaskModalMetadata | null {
  if (metadata === undefined || metadata === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    // Not ours (or mangled): the caller answers that the form is out of date.
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { taskId, version, channelId, messageTs } = parsed as Record<string, unknown>;
  if (typeof taskId !== 'string' || taskId === '' || typeof version !== 'number' || !Number.isInteger(version)) return null;
  return {
    taskId,
    version,
    ...(typeof channelId === 'string' ? { channelId } : {}),
    ...(typeof messageTs === 'string' ? { messageTs } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Intents

/** Pick the task's intents from the taxonomy; the current ones are preselected. */
export function intentsModal(view: TaskCardView, context: TaskModalContext = {}): ModalView {
  const { intents } = TASK_MODALS.intents.inputs;
  const options = INTENTS.map((intent) => intentOption(intent, view.intents.find((i) => i.intent === intent)?.confidence));
  const current = new Set(view.intents.map((i) => i.intent));
  const initial = options.filter((o) => current.has(o.value as string));
  return modal(view, context, TASK_MODALS.intents.callbackId, 'Change intents', 'Save', [
    {
      type: 'input',
      block_id: intents.blockId,
      label: plain('What does the email ask or tell?', SLACK_LIMITS.inputLabel),
      hint: plain('Choose one or more. A reprocess drafts the reply again from them.', SLACK_LIMITS.inputHint),
      element: {
        type: 'multi_static_select',
        action_id: intents.actionId,
        placeholder: plain('Choose intents', SLACK_LIMITS.placeholder),
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    },
  ]);
}

export function parseIntentsSubmission(values: SlackStateValues): Submission<{ intents: string[] }> {
  const { intents } = TASK_MODALS.intents.inputs;
  const chosen = [...new Set(selectedOf(values, intents))];
  if (chosen.length === 0) return refuse(intents, 'Choose at least one intent.');
  const unknown = chosen.filter((i) => !isIntent(i));
  if (unknown.length > 0) return refuse(intents, `Unknown intent ${unknown.join(', ')}.`);
  return { ok: true, value: { intents: chosen } };
}

// ---------------------------------------------------------------------------------------------
// Extracted data

export interface DataFixInput {
  customerSorId?: string;
  /** The corrected list; [] when the person wrote "none". */
  invoiceNumbers?: string[];
  amounts?: { value: number; currency?: string }[];
}

/** The word that clears the invoice list (an empty field leaves it as it is). */
const NONE = 'none';
const MAX_INVOICE_NUMBERS = 100;

/** Correct the customer, the invoice numbers and the amounts; the current values are prefilled. */
export function fixDataModal(view: TaskCardView, context: TaskModalContext = {}): ModalView {
  const { customer, invoices, amounts } = TASK_MODALS.fix.inputs;
  const found = view.invoices.filter((i) => i.found).map((i) => i.number);
  const listed = found.join('\n');
  const prefill = found.length > 0 && listed.length <= SLACK_LIMITS.textInput;
  const unresolved = view.invoices.filter((i) => !i.found);
  const blocks: KnownBlock[] = [
    textInput(customer, 'Customer (system-of-record id)', {
      initial: view.customer?.sorId,
      optional: true,
      hint: 'For example C1001. Find it with /ar customer <name or account>.',
      max: 200,
    }),
    textInput(invoices, 'Invoice numbers', {
      initial: prefill ? listed : undefined,
      multiline: true,
      optional: true,
      hint: prefill || found.length === 0
        ? `One per line or separated by commas. Write "${NONE}" to remove them all.`
        : `The ${found.length} current numbers are too many to show here: leave empty to keep them, write "${NONE}" to remove them all.`,
    }),
    textInput(amounts, 'Amounts', {
      multiline: true,
      optional: true,
      hint: 'One per line, e.g. "1250.00 USD". Leave empty to keep what was read.',
      max: 1000,
    }),
  ];
  if (unresolved.length > 0) {
    const lines = unresolved.map((u) => `• ${escapeMrkdwn(u.number)}${u.evidence ? ` — ${escapeMrkdwn(u.evidence)}` : ''}`);
    blocks.splice(1, 0, { type: 'context', elements: [mrkdwn(`*Not resolved:*\n${lines.join('\n')}`, SLACK_LIMITS.contextText)] });
  }
  return modal(view, context, TASK_MODALS.fix.callbackId, 'Fix extracted data', 'Save', blocks);
}

/**
 * The correction as fixExtractedData takes it. An empty field changes nothing. With `sentBlocks`
 * (the submitted view's `blocks`, which carry the prefilled values) a field left as it was is
 * left out too, so saving one field does not also confirm the others.
 */
export function parseFixDataSubmission(values: SlackStateValues, sentBlocks?: readonly AnyBlock[]): Submission<DataFixInput> {
  const { customer, invoices, amounts } = TASK_MODALS.fix.inputs;
  const errors: Record<string, string> = {};
  const out: DataFixInput = {};

  const customerId = textOf(values, customer)?.trim();
  if (customerId && !unchanged(sentBlocks, customer, customerId)) {
    if (/\s/.test(customerId)) errors[customer.blockId] = 'A customer id has no spaces. Look it up with /ar customer <name>.';
    else out.customerSorId = customerId;
  }

  const typed = textOf(values, invoices)?.trim();
  if (typed) {
    const numbers = typed.toLowerCase() === NONE ? [] : splitList(typed, /[\n,;]+/);
    if (numbers.length > MAX_INVOICE_NUMBERS) errors[invoices.blockId] = `At most ${MAX_INVOICE_NUMBERS} invoice numbers.`;
    else if (numbers.some((n) => n.length > 64)) errors[invoices.blockId] = 'One of the lines is too long for an invoice number: put one number per line.';
    else if (!unchangedList(sentBlocks, invoices, numbers)) out.invoiceNumbers = [...new Set(numbers)];
  }

  const amountText = textOf(values, amounts)?.trim();
  if (amountText) {
    const parsed = splitList(amountText, /\n+/).map(parseAmount);
    const bad = parsed.findIndex((a) => a === null);
    if (bad >= 0) errors[amounts.blockId] = `Line ${bad + 1} is not an amount. Write e.g. 1250.00 USD.`;
    else out.amounts = parsed as { value: number; currency?: string }[];
  }

  if (Object.keys(errors).length > 0) return { ok: false, response: modalErrors(errors) };
  return { ok: true, value: out };
}

// ---------------------------------------------------------------------------------------------
// Draft

export interface EditDraftOptions extends TaskModalContext {
  /** The draft's full text (the view only has a preview); without it the text field starts empty. */
  draftText?: string;
  /** The invoices the draft attaches; without it they are read from the attachment names. */
  attachInvoices?: string[];
}

export interface DraftEditInput {
  subject?: string;
  text?: string;
  to?: string[];
  cc?: string[];
  attachInvoices?: string[];
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Edit the reply's subject, recipients, text and invoice attachments. */
export function editDraftModal(view: TaskCardView, options: EditDraftOptions = {}): ModalView {
  const { subject, to, cc, text, attachInvoices } = TASK_MODALS.edit.inputs;
  const d = view.draft;
  const body = options.draftText?.replace(/\r\n?/g, '\n');
  const bodyFits = body !== undefined && body.length <= SLACK_LIMITS.textInput;
  const blocks: KnownBlock[] = [];
  if (d && !bodyFits && d.bodyPreview.trim() !== '') {
    blocks.push({ type: 'section', text: mrkdwn(`*Current text*\n${quoteLines(escapeMrkdwn(d.bodyPreview))}`, SLACK_LIMITS.sectionText) });
  }
  blocks.push(
    textInput(subject, 'Subject', { initial: d?.subject, optional: d === undefined, max: 998 }),
    textInput(to, 'To', {
      initial: d ? d.to.map(addressOf).join(', ') : undefined,
      optional: d === undefined,
      hint: d ? 'Email addresses, separated by commas.' : 'Email addresses, separated by commas. Empty: the sender.',
    }),
    textInput(cc, 'Cc', { initial: d && d.cc.length > 0 ? d.cc.map(addressOf).join(', ') : undefined, optional: true, hint: 'Email addresses, separated by commas.' }),
    textInput(text, 'Text', {
      initial: bodyFits ? body : undefined,
      multiline: true,
      optional: d !== undefined && !bodyFits,
      hint: d !== undefined && !bodyFits
        ? body !== undefined
          ? 'The reply is longer than Slack can edit here: leave empty to keep it, or edit it in arbot.'
          : 'Leave empty to keep the current text.'
        : undefined,
    }),
  );
  const found = [...new Set(view.invoices.filter((i) => i.found).map((i) => i.number))].filter((n) => n.length <= SLACK_LIMITS.optionValue);
  if (found.length > 0) {
    const invoiceOptions = found.slice(0, SLACK_LIMITS.selectOptions).map((n) => option(n, n));
    const attached = new Set(options.attachInvoices ?? found.filter((n) => d?.attachments.some((file) => file === `${n}.pdf` || file.startsWith(`${n} (`))));
    const initial = invoiceOptions.filter((o) => attached.has(o.value as string));
    blocks.push({
      type: 'input',
      block_id: attachInvoices.blockId,
      optional: true,
      label: plain('Attach invoice PDFs', SLACK_LIMITS.inputLabel),
      element: {
        type: 'multi_static_select',
        action_id: attachInvoices.actionId,
        placeholder: plain('Choose invoices', SLACK_LIMITS.placeholder),
        options: invoiceOptions,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    });
  }
  return modal(view, options, TASK_MODALS.edit.callbackId, 'Edit draft reply', 'Save draft', blocks);
}

/**
 * The edit as editDraft takes it: an empty subject, To or text keeps the draft's; Cc and the
 * attachments are taken as shown. With `sentBlocks` (the submitted view's `blocks`) fields left
 * as prefilled are left out, so an unchanged text keeps the draft's HTML version.
 */
export function parseEditDraftSubmission(values: SlackStateValues, sentBlocks?: readonly AnyBlock[]): Submission<DraftEditInput> {
  const { subject, to, cc, text, attachInvoices } = TASK_MODALS.edit.inputs;
  const errors: Record<string, string> = {};
  const out: DraftEditInput = {};

  const s = textOf(values, subject)?.trim();
  if (s && !unchanged(sentBlocks, subject, s)) out.subject = s;

  for (const field of [to, cc]) {
    // Slack sends null for an emptied input: for Cc that means "nobody".
    if (values[field.blockId] === undefined) continue;
    const raw = textOf(values, field) ?? '';
    const addresses = splitList(raw, /[\s,;]+/);
    const bad = addresses.filter((a) => !EMAIL.test(a));
    if (bad.length > 0) {
      errors[field.blockId] = `Not an email address: ${bad.join(', ')}`;
      continue;
    }
    if (unchangedList(sentBlocks, field, addresses, (v) => splitList(v, /[\s,;]+/))) continue;
    if (field === to) {
      if (addresses.length > 0) out.to = addresses;
    } else {
      out.cc = addresses;
    }
  }

  const body = textOf(values, text);
  if (body !== undefined && body.trim() !== '' && !unchanged(sentBlocks, text, body)) out.text = body.replace(/\r\n?/g, '\n');

  if (values[attachInvoices.blockId] !== undefined) {
    const chosen = selectedOf(values, attachInvoices);
    if (!unchangedList(sentBlocks, attachInvoices, chosen)) out.attachInvoices = chosen;
  }

  if (Object.keys(errors).length > 0) return { ok: false, response: modalErrors(errors) };
  return { ok: true, value: out };
}

// ---------------------------------------------------------------------------------------------
// Reassign

export interface ReassignOptions extends TaskModalContext {
  /** arbot users (id = arbot user id). Slack shows at most 100; pass the likely ones first. */
  users: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

export type ReassignInput = { userId: string } | { teamId: string };

/** Hand the task to a person or to a team (whose round-robin picks the person). */
export function reassignModal(view: TaskCardView, options: ReassignOptions): ModalView {
  const { user, team } = TASK_MODALS.reassign.inputs;
  const now = [view.assignee ? `Assigned to ${mentionOf(view.assignee)}` : 'Unassigned', ...(view.team ? [`team ${escapeMrkdwn(view.team.name)}`] : [])].join(', ');
  const blocks: KnownBlock[] = [{ type: 'context', elements: [mrkdwn(`Now: ${now}`, SLACK_LIMITS.contextText)] }];
  const people = choices(options.users.filter((u) => u.id !== view.assignee?.userId));
  const teams = choices(options.teams);
  if (people.length > 0) blocks.push(select(user, 'A person', 'Choose a person', people, teams.length > 0 ? 'Or leave this empty and choose a team.' : undefined));
  if (teams.length > 0) blocks.push(select(team, people.length > 0 ? 'Or a team' : 'A team', 'Choose a team', teams, "The team's rotation picks who gets it."));
  if (people.length === 0 && teams.length === 0) {
    blocks.push({ type: 'section', text: mrkdwn('There is nobody to reassign the task to: ask an admin to add people or teams.', SLACK_LIMITS.sectionText) });
    return modal(view, options, TASK_MODALS.reassign.callbackId, 'Reassign task', undefined, blocks);
  }
  return modal(view, options, TASK_MODALS.reassign.callbackId, 'Reassign task', 'Reassign', blocks);
}

export function parseReassignSubmission(values: SlackStateValues): Submission<ReassignInput> {
  const { user, team } = TASK_MODALS.reassign.inputs;
  const userId = selectedOf(values, user)[0];
  const teamId = selectedOf(values, team)[0];
  // Errors go under an input the modal has (it leaves out an empty list).
  const on = values[user.blockId] !== undefined ? user : team;
  if (userId !== undefined && teamId !== undefined) return refuse(user, 'Choose a person or a team, not both.');
  if (userId !== undefined) return { ok: true, value: { userId } };
  if (teamId !== undefined) return { ok: true, value: { teamId } };
  return refuse(on, 'Choose a person or a team.');
}

// ---------------------------------------------------------------------------------------------
// Close, note

/** Close without a reply: the reason is required and kept on the task. */
export function closeModal(view: TaskCardView, context: TaskModalContext = {}): ModalView {
  const { reason } = TASK_MODALS.close.inputs;
  return modal(view, context, TASK_MODALS.close.callbackId, 'Close without reply', 'Close task', [
    { type: 'section', text: mrkdwn('The customer gets no answer. The reason is kept with the task.', SLACK_LIMITS.sectionText) },
    textInput(reason, 'Reason', { multiline: true, max: CLOSE_REASON_MAX, placeholder: 'e.g. Duplicate of an answered email' }),
  ]);
}

export function parseCloseSubmission(values: SlackStateValues): Submission<{ reason: string }> {
  const { reason } = TASK_MODALS.close.inputs;
  const text = textOf(values, reason)?.trim() ?? '';
  if (text === '') return refuse(reason, 'Say why the task is closed without a reply.');
  if (text.length > CLOSE_REASON_MAX) return refuse(reason, `At most ${CLOSE_REASON_MAX} characters.`);
  return { ok: true, value: { reason: text } };
}

/** An internal note (never sent to the customer). */
export function noteModal(view: TaskCardView, context: TaskModalContext = {}): ModalView {
  const { note } = TASK_MODALS.note.inputs;
  return modal(view, context, TASK_MODALS.note.callbackId, 'Add internal note', 'Add note', [
    textInput(note, 'Note', { multiline: true, max: NOTE_MAX, hint: 'Only your colleagues see it; it is never sent to the customer.' }),
  ]);
}

export function parseNoteSubmission(values: SlackStateValues): Submission<{ text: string }> {
  const { note } = TASK_MODALS.note.inputs;
  const text = textOf(values, note)?.trim() ?? '';
  if (text === '') return refuse(note, 'The note is empty.');
  if (text.length > NOTE_MAX) return refuse(note, `At most ${NOTE_MAX} characters.`);
  return { ok: true, value: { text } };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function modal(view: TaskCardView, context: TaskModalContext, callbackId: string, title: string, submit: string | undefined, blocks: KnownBlock[]): ModalView {
  const metadata: TaskModalMetadata = {
    taskId: view.taskId,
    version: view.version,
    ...(context.channelId !== undefined ? { channelId: context.channelId } : {}),
    ...(context.messageTs !== undefined ? { messageTs: context.messageTs } : {}),
  };
  const sender = view.from.name ?? view.from.address;
  const about = `*${escapeMrkdwn(view.subject.trim() || '(no subject)')}*\nfrom ${escapeMrkdwn(sender)}${view.customer ? ` · ${escapeMrkdwn(view.customer.name)}` : ''}`;
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(metadata),
    title: plain(title, SLACK_LIMITS.modalTitle),
    ...(submit !== undefined ? { submit: plain(submit, SLACK_LIMITS.modalButton) } : {}),
    close: plain(submit !== undefined ? 'Cancel' : 'OK', SLACK_LIMITS.modalButton),
    blocks: [{ type: 'context', elements: [mrkdwn(about, SLACK_LIMITS.contextText)] }, ...blocks],
  };
}

interface TextInputSpec {
  initial?: string;
  multiline?: boolean;
  /** Inputs are required unless this says otherwise. */
  optional?: boolean;
  hint?: string;
  placeholder?: string;
  max?: number;
}

function textInput(input: ModalInput, label: string, spec: TextInputSpec): InputBlock {
  const max = Math.min(spec.max ?? SLACK_LIMITS.textInput, SLACK_LIMITS.textInput);
  const element: PlainTextInput = { type: 'plain_text_input', action_id: input.actionId, max_length: max };
  if (spec.multiline) element.multiline = true;
  // An initial value longer than the input takes would be cut on submit: leave it out instead.
  if (spec.initial !== undefined && spec.initial !== '' && spec.initial.length <= max) element.initial_value = spec.initial;
  if (spec.placeholder) element.placeholder = plain(spec.placeholder, SLACK_LIMITS.placeholder);
  return {
    type: 'input',
    block_id: input.blockId,
    optional: spec.optional ?? false,
    label: plain(label, SLACK_LIMITS.inputLabel),
    ...(spec.hint ? { hint: plain(spec.hint, SLACK_LIMITS.inputHint) } : {}),
    element,
  };
}

function select(input: ModalInput, label: string, placeholder: string, options: PlainTextOption[], hint: string | undefined): InputBlock {
  return {
    type: 'input',
    block_id: input.blockId,
    optional: true,
    label: plain(label, SLACK_LIMITS.inputLabel),
    ...(hint ? { hint: plain(hint, SLACK_LIMITS.inputHint) } : {}),
    element: { type: 'static_select', action_id: input.actionId, placeholder: plain(placeholder, SLACK_LIMITS.placeholder), options },
  };
}

/** Options for people or teams, at most Slack's 100; ids too long for an option value are left out. */
function choices(items: readonly { id: string; name: string }[]): PlainTextOption[] {
  return items
    .filter((i) => i.id !== '' && i.id.length <= SLACK_LIMITS.optionValue)
    .slice(0, SLACK_LIMITS.selectOptions)
    .map((i) => option(i.name, i.id));
}

/** A select option, its texts cut to Slack's limits. */
export function option(text: string, value: string, description?: string): PlainTextOption {
  return { text: plain(text, SLACK_LIMITS.optionText), value, ...(description ? { description: plain(description, SLACK_LIMITS.optionDescription) } : {}) };
}

function intentOption(intent: string, confidence: number | undefined): PlainTextOption {
  return option(intentLabel(intent), intent, confidence === undefined ? undefined : `${Math.round(confidence * 100)}% confident`);
}

/** A text input's submitted value. */
export function textOf(values: SlackStateValues, input: ModalInput): string | undefined {
  const v = values[input.blockId]?.[input.actionId]?.value;
  return typeof v === 'string' ? v : undefined;
}

/** The values chosen in a select or multi-select. */
export function selectedOf(values: SlackStateValues, input: ModalInput): string[] {
  const v = values[input.blockId]?.[input.actionId];
  if (v === undefined) return [];
  if (v.selected_options) return v.selected_options.map((o) => o.value);
  return v.selected_option ? [v.selected_option.value] : [];
}

/** A refused submission with `message` under `input`. */
export function refuse(input: ModalInput, message: string): { ok: false; response: SubmissionErrors } {
  return { ok: false, response: modalErrors({ [input.blockId]: message }) };
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "1250.00 USD", "USD 1,250.00", "1250" → value and currency; null when it is no amount. */
function parseAmount(line: string): { value: number; currency?: string } | null {
  const m = /^(?:([A-Za-z]{3})\s*)?([0-9][0-9,]*(?:\.[0-9]+)?)(?:\s*([A-Za-z]{3}))?$/.exec(line.trim());
  if (!m || (m[1] && m[3])) return null;
  const value = Number((m[2] as string).replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const currency = (m[1] ?? m[3])?.toUpperCase();
  return currency ? { value, currency } : { value };
}

/** "Jane Roe <jane@x.example>" → "jane@x.example". */
function addressOf(formatted: string): string {
  const m = /<([^<>]+)>\s*$/.exec(formatted);
  return (m ? (m[1] as string) : formatted).trim();
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}

/** The prefilled value of an input in the submitted blocks (text, or the chosen option values). */
function initialOf(blocks: readonly AnyBlock[], input: ModalInput): string | string[] | undefined {
  const block = blocks.find((b) => b.type === 'input' && b.block_id === input.blockId) as InputBlock | undefined;
  if (block === undefined) return undefined;
  const e = block.element as unknown as Record<string, unknown>;
  if (typeof e.initial_value === 'string') return e.initial_value;
  if (Array.isArray(e.initial_options)) return (e.initial_options as PlainTextOption[]).map((o) => o.value ?? '');
  return undefined;
}

/** Whether a text field was submitted as it was prefilled (unknown without the blocks: no). */
function unchanged(blocks: readonly AnyBlock[] | undefined, input: ModalInput, value: string): boolean {
  if (blocks === undefined) return false;
  const initial = initialOf(blocks, input);
  return typeof initial === 'string' && initial.replace(/\r\n?/g, '\n').trim() === value.replace(/\r\n?/g, '\n').trim();
}

/** Whether a list field holds the same items as prefilled (order and repeats aside). */
function unchangedList(blocks: readonly AnyBlock[] | undefined, input: ModalInput, items: readonly string[], split?: (v: string) => string[]): boolean {
  if (blocks === undefined) return false;
  const initial = initialOf(blocks, input);
  const before = initial === undefined ? [] : typeof initial === 'string' ? (split ?? ((v: string) => splitList(v, /[\n,;]+/)))(initial) : initial;
  const a = new Set(before.map((s) => s.toLowerCase()));
  const b = new Set(items.map((s) => s.toLowerCase()));
  return a.size === b.size && [...a].every((x) => b.has(x));
}
