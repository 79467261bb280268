// Cards of the customer and invoice records in Teams: the record, its actions (Universal
// Actions, verb `record.*` / `invoice.*` with the customer or invoice in `data`), the merge's
// two confirmations, the timeline and the statement's hand-over. Pure: view model in, JSON out.
// An answer to an action carries a notice on top ("Note added.", or the refusal).
import { RECORD_VERBS } from '../../bot/records/record-verbs.js';
import type { CustomerRecordView, InvoiceRecordView, MergePreview, TimelineEntry } from '../../bot/records/views.js';
import type { AgingBuckets } from '../../core/replies/reply-model.js';
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { bullets, formatMoney, listWithMore, plural, untrusted } from './format.js';

const TEXT_MAX = 300;
const CONTACTS_MAX = 10;
const INVOICES_MAX = 10;
const TIMELINE_MAX = 10;
const NOTES_MAX = 5;

/** The verbs the record cards' Action.Execute buttons carry (one list with Slack's action_ids). */
export { RECORD_VERBS };

/** The input ids of the record cards' forms (they arrive in the action's data). */
export const RECORD_INPUTS = {
  note: 'note',
  statementTo: 'statementTo',
  invoicesTo: 'invoicesTo',
  invoiceNumbers: 'invoiceNumbers',
  mergeSource: 'mergeSource',
  mergeTyped: 'typed',
  copyTo: 'to',
} as const;

/** A line on top of a card: what an action did, or why it was refused. */
export interface RecordNotice {
  text: string;
  tone: 'done' | 'refused' | 'info';
}

export interface RecordCardOptions {
  /** Show Archive and Merge (the viewer is a Manager; the use cases check again). */
  canManage?: boolean;
  notice?: RecordNotice;
  /**
   * Put in the data of the card's send buttons: the use case queues one message per id, so a
   * double click sends once. A fresh id per rendered card lets a later, deliberate send go out.
   */
  requestId?: string;
}

const t = (s: string) => untrusted(s, TEXT_MAX);

const NOTICE_COLOR = { done: 'Good', refused: 'Attention', info: 'Default' } as const;

function noticeBlocks(notice: RecordNotice | undefined): CardElement[] {
  return notice ? [textBlock(t(notice.text), { weight: 'Bolder', color: NOTICE_COLOR[notice.tone] })] : [];
}

/** A button back to the customer record. */
function openRecord(sorId: string, title = 'Back to the record'): CardAction {
  return { type: 'Action.Execute', title, verb: RECORD_VERBS.open, data: { sorId } };
}
const money = (ms: ReadonlyArray<{ amount: number; currency: string }>, none = '—') => (ms.length > 0 ? ms.map(formatMoney).join(' · ') : none);

/** The customer record: details, balances and aging, contacts, open invoices, timeline, notes, actions. */
export function customerRecordCard(v: CustomerRecordView, options: RecordCardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [
    ...noticeBlocks(options.notice),
    textBlock(t(v.displayName), { size: 'Large', weight: 'Bolder' }),
    textBlock(`Account ${t(v.accountNumber)} · ${t(v.sorId)} · ${v.status === 'active' ? 'Active' : 'Archived in the SoR'}${v.archived ? ' · archived in arbot' : ''}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (v.mergedInto) body.push(textBlock(`Merged into **${t(v.mergedInto.name)}** (${t(v.mergedInto.sorId)}) on ${v.mergedInto.at.slice(0, 10)}: open that record.`, { color: 'Warning' }));
  body.push(
    factSet([
      ['Outstanding', money(v.outstanding, formatMoney({ amount: 0, currency: v.currency }))],
      ['Unapplied credits', money(v.unappliedCredits)],
      ['Net balance', money(v.net)],
      ['Last payment', v.lastPayment ? `${formatMoney(v.lastPayment.amount)} on ${v.lastPayment.date} (${t(v.lastPayment.reference)})` : 'None recorded'],
      ['Last contacted', v.lastContacted ? v.lastContacted.slice(0, 10) : 'Never'],
      ['Billing owner', v.billingOwner ? `${t(v.billingOwner)}${v.ownerFilledByMerge ? ' (from a merged duplicate)' : ''}` : undefined],
      ['Domains', v.domains.length > 0 ? listWithMore(v.domains.map(t), 5) : undefined],
      ['Open review tasks', String(v.openTasks)],
      ['Merged from', v.mergedFrom.length > 0 ? v.mergedFrom.map((m) => `${t(m.name)} (${t(m.sorId)})`).join(', ') : undefined],
    ]),
    heading(`Aging as of ${v.asOf}`),
    ...agingElements(v.aging),
  );
  if (v.contacts.length > 0) {
    body.push(heading(v.contactsReadOnly ? 'Contacts (managed in the SoR)' : 'Contacts'));
    body.push(textBlock(bullets(v.contacts.map((c) => `${c.name ? `${t(c.name)} · ` : ''}${t(c.email)}${c.role ? ` · ${t(c.role)}` : ''}${c.source === 'manual' ? ' · added in arbot' : ''}`), CONTACTS_MAX), { spacing: 'Small' }));
  }
  if (v.openInvoiceCount > 0) {
    body.push(heading(`Open invoices (${v.openInvoiceCount})`));
    body.push(factSet(v.openInvoices.slice(0, INVOICES_MAX).map((i) => [t(i.number), `${formatMoney(i.balance)} · due ${i.dueDate}${i.daysPastDue > 0 ? ` · ${plural(i.daysPastDue, 'day')} past due` : ''}`])));
    if (v.openInvoiceCount > INVOICES_MAX) body.push(textBlock(`and ${v.openInvoiceCount - INVOICES_MAX} more`, { isSubtle: true }));
  }
  if (v.timeline.length > 0) body.push(heading('Recent activity'), textBlock(bullets(v.timeline.slice(0, TIMELINE_MAX).map(timelineLine), TIMELINE_MAX), { spacing: 'Small' }));
  // Here rather than in the card's actions: Teams shows at most six buttons in a row.
  if (!v.mergedInto) body.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Execute', title: 'Timeline', verb: RECORD_VERBS.timeline, data: { sorId: v.sorId } }] });
  if (v.notes.length > 0) body.push(heading('Notes'), textBlock(bullets(v.notes.slice(0, NOTES_MAX).map((n) => `${n.at.slice(0, 10)} ${t(n.by)}: ${t(n.text)}`), NOTES_MAX), { spacing: 'Small' }));
  return adaptiveCard(body, v.mergedInto ? {} : { actions: customerActions(v, options) });
}

function customerActions(v: CustomerRecordView, options: RecordCardOptions): CardAction[] {
  const data = { sorId: v.sorId };
  const sendData = { sorId: v.sorId, ...(options.requestId ? { requestId: options.requestId } : {}) };
  const known = v.contacts.map((c) => ({ title: c.name ? `${c.name} <${c.email}>` : c.email, value: c.email }));
  const sendForm = (verb: string, extra: CardElement[]): CardAction => ({
    type: 'Action.ShowCard',
    title: verb === RECORD_VERBS.sendStatement ? 'Send statement' : 'Send invoices',
    card: {
      type: 'AdaptiveCard',
      // Input ids are unique per card: statementTo / invoicesTo.
      body: [...extra, { type: 'Input.ChoiceSet', id: verb === RECORD_VERBS.sendStatement ? RECORD_INPUTS.statementTo : RECORD_INPUTS.invoicesTo, label: 'To (known contacts only)', isMultiSelect: true, isRequired: true, errorMessage: 'Choose a contact', choices: known }],
      actions: [{ type: 'Action.Execute', title: 'Send', verb, data: sendData, style: 'positive' }],
    },
  });
  const actions: CardAction[] = [
    { type: 'Action.Execute', title: 'Statement PDF', verb: RECORD_VERBS.statement, data },
    sendForm(RECORD_VERBS.sendStatement, []),
    sendForm(RECORD_VERBS.sendInvoices, [
      { type: 'Input.ChoiceSet', id: RECORD_INPUTS.invoiceNumbers, label: 'Invoices', isMultiSelect: true, isRequired: true, errorMessage: 'Choose an invoice', choices: v.openInvoices.map((i) => ({ title: `${i.number} · ${formatMoney(i.balance)}`, value: i.number })) },
    ]),
    {
      type: 'Action.ShowCard',
      title: 'Add note',
      card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: RECORD_INPUTS.note, label: 'Note (internal)', isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Write the note' }], actions: [{ type: 'Action.Execute', title: 'Save note', verb: RECORD_VERBS.note, data }] },
    },
    { type: 'Action.Execute', title: 'Re-sync', verb: RECORD_VERBS.resync, data },
  ];
  if (options.canManage) {
    actions.push({
      type: 'Action.ShowCard',
      title: 'More',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.Text', id: RECORD_INPUTS.mergeSource, label: `Merge a duplicate into ${v.displayName}: its SoR id or account number`, placeholder: 'e.g. C1234' },
        ],
        actions: [
          { type: 'Action.Execute', title: 'Preview merge', verb: RECORD_VERBS.mergePreview, data: { target: v.sorId } },
          ...(v.archived ? [] : [{ type: 'Action.Execute' as const, title: 'Archive', verb: RECORD_VERBS.archive, data, style: 'destructive' as const }]),
        ],
      },
    });
  }
  return actions;
}

function agingElements(rows: readonly AgingBuckets[]): CardElement[] {
  if (rows.length === 0) return [textBlock('Nothing open.', { spacing: 'Small' })];
  return rows.map((r) =>
    factSet([
      [`${r.currency} current`, amount(r.current, r.currency)],
      ['1–30 days', amount(r.days1to30, r.currency)],
      ['31–60 days', amount(r.days31to60, r.currency)],
      ['61–90 days', amount(r.days61to90, r.currency)],
      ['90+ days', amount(r.days90plus, r.currency)],
      ['Total', amount(r.total, r.currency)],
    ]),
  );
}

const amount = (a: number, currency: string) => formatMoney({ amount: a, currency });

function timelineLine(e: TimelineEntry): string {
  return `${e.at.slice(0, 10)} ${t(e.text)}${e.via ? ` (from ${t(e.via)})` : ''}`;
}

/** The whole timeline (the Timeline action), with a way back to the record when `sorId` is given. */
export function timelineCard(name: string, entries: readonly TimelineEntry[], options: { sorId?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [textBlock(`Timeline · ${t(name)}`, { size: 'Medium', weight: 'Bolder' })];
  body.push(entries.length === 0 ? textBlock('Nothing recorded yet.') : textBlock(bullets(entries.map(timelineLine), 40), { spacing: 'Small' }));
  return adaptiveCard(body, options.sorId ? { actions: [openRecord(options.sorId)] } : {});
}

/** What the statement action hands over: a chat cannot receive arbot's file, so a link to the tab's copy, or where to get it. */
export interface StatementHandover {
  sorId: string;
  customerName: string;
  filename: string;
  asOf: string;
  /** The tab page that opens the statement PDF (absent when arbot has no public URL). */
  url?: string;
}

/** The statement's answer in the chat: the PDF is ready; open it in the tab, or send it. */
export function statementCard(s: StatementHandover): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Statement of account · ${t(s.customerName)}`, { size: 'Medium', weight: 'Bolder' }),
    textBlock(`${t(s.filename)} is ready, as of ${t(s.asOf)}.`, { spacing: 'Small' }),
    textBlock(
      s.url
        ? 'Open it in the arbot tab, or go back to the record and use Send statement to email it to a contact.'
        : 'Teams cannot receive the file from arbot here: open the customer in the arbot dashboard (Customers) to download it, or go back to the record and use Send statement to email it to a contact.',
      { isSubtle: true, spacing: 'Small' },
    ),
  ];
  const actions: CardAction[] = [...(s.url ? [{ type: 'Action.OpenUrl' as const, title: 'Open statement PDF', url: s.url }] : []), openRecord(s.sorId)];
  return adaptiveCard(body, { actions });
}

/** The invoice record with its actions (send a copy to a known contact, open the PDF). */
export function invoiceRecordCard(v: InvoiceRecordView, options: { pdfUrl?: string; notice?: RecordNotice; requestId?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [
    ...noticeBlocks(options.notice),
    textBlock(`Invoice ${t(v.number)}`, { size: 'Large', weight: 'Bolder' }),
    textBlock(`${t(v.customer.name)} · account ${t(v.customer.accountNumber)}`, { isSubtle: true, spacing: 'None' }),
    factSet([
      ['Status', v.status.replace('_', ' ')],
      ['Amount', formatMoney(v.amount)],
      ['Balance', formatMoney(v.balance)],
      ['Issued', v.issueDate],
      ['Due', v.daysPastDue > 0 ? `${v.dueDate} (${plural(v.daysPastDue, 'day')} past due, ${v.agingBucket})` : v.dueDate],
      ['PO number', v.poNumber ? t(v.poNumber) : undefined],
    ]),
  ];
  if (v.payments.length > 0) body.push(heading('Payments applied'), factSet(v.payments.slice(0, 10).map((p) => [`${p.date} · ${t(p.reference)}`, formatMoney(p.applied)])));
  if (v.availableCredits.length > 0) body.push(heading('Unapplied credits of the customer'), factSet(v.availableCredits.slice(0, 10).map((c) => [`${t(c.number)} · ${c.date}`, formatMoney(c.balance)])));
  if (v.contacts.length > 0) body.push(heading('Contacts'), textBlock(bullets(v.contacts.map((c) => `${c.name ? `${t(c.name)} · ` : ''}${t(c.email)} (${c.level === 'invoice' ? 'invoice contact' : 'customer contact'})`), CONTACTS_MAX), { spacing: 'Small' }));
  if (v.relatedEmails.length > 0 || v.relatedTasks.length > 0) {
    const lines = [...v.relatedEmails.map((e) => `${e.at.slice(0, 10)} email from ${t(e.from)}: “${t(e.subject)}”`), ...v.relatedTasks.map((k) => `${k.createdAt.slice(0, 10)} task ${k.status.replace(/_/g, ' ')}`)];
    body.push(heading('Related'), textBlock(bullets(lines, 10), { spacing: 'Small' }));
  }
  const data = { number: v.number, sorId: v.customer.sorId };
  const sendData = { ...data, ...(options.requestId ? { requestId: options.requestId } : {}) };
  const actions: CardAction[] = [
    {
      type: 'Action.ShowCard',
      title: 'Send copy',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.ChoiceSet', id: RECORD_INPUTS.copyTo, label: 'To (known contacts only)', isMultiSelect: true, isRequired: true, errorMessage: 'Choose a contact', choices: v.contacts.map((c) => ({ title: c.email, value: c.email })) }],
        actions: [{ type: 'Action.Execute', title: 'Send', verb: RECORD_VERBS.invoiceCopy, data: sendData, style: 'positive' }],
      },
    },
    options.pdfUrl ?? v.pdfUrl ? { type: 'Action.OpenUrl', title: 'Open PDF', url: (options.pdfUrl ?? v.pdfUrl) as string } : { type: 'Action.Execute', title: 'PDF', verb: RECORD_VERBS.invoicePdf, data },
    openRecord(v.customer.sorId, 'Customer record'),
  ];
  return adaptiveCard(body, { actions });
}

/** The merge's first confirmation: what moves; the second is typing the source's account number. */
export function mergePreviewCard(p: MergePreview, options: { notice?: RecordNotice } = {}): AdaptiveCard {
  const m = p.moves;
  const body: CardElement[] = [
    ...noticeBlocks(options.notice),
    textBlock('Merge duplicate customers', { size: 'Large', weight: 'Bolder' }),
    textBlock(`**${t(p.source.name)}** (${t(p.source.accountNumber)}) will be merged into **${t(p.target.name)}** (${t(p.target.accountNumber)}). This cannot be undone.`, { color: 'Attention' }),
    factSet([
      ['Notes moved', String(m.notes)],
      ['Contacts copied', m.contactsCopied.length > 0 ? listWithMore(m.contactsCopied.map(t), 10) : 'none'],
      ['Contacts removed (added in arbot)', m.manualContactsRemoved.length > 0 ? listWithMore(m.manualContactsRemoved.map(t), 10) : 'none'],
      ['Tasks moved', String(m.tasks)],
      ['Threads moved', String(m.threads)],
      ['Emails in / out shown on the target', `${m.emailsIn} / ${m.emailsOut}`],
      ['Timeline events shown on the target', String(m.timelineEvents)],
      ['Billing owner filled', p.fills.billingOwner ? t(p.fills.billingOwner) : undefined],
      ['Domains filled', p.fills.domains ? p.fills.domains.map(t).join(', ') : undefined],
    ]),
    { type: 'Input.Text', id: RECORD_INPUTS.mergeTyped, label: `Type ${p.confirmation.typeToConfirm} to confirm`, isRequired: true, errorMessage: 'Type the account number of the duplicate' },
  ];
  return adaptiveCard(body, {
    actions: [
      { type: 'Action.Execute', title: 'Merge for good', verb: RECORD_VERBS.mergeConfirm, style: 'destructive', data: { source: p.source.sorId, target: p.target.sorId, token: p.confirmation.token } },
      openRecord(p.target.sorId, 'Cancel'),
    ],
  });
}
