// The customer and invoice records in Slack (Block Kit): the record with its action buttons
// (action_id `record.*` / `invoice.*`, the customer or invoice as the value) and the merge
// preview. Pure: view model in, blocks out; sizes kept within Slack's limits.
import type { KnownBlock } from '@slack/types';
import type { CustomerRecordView, InvoiceRecordView, MergePreview } from '../../bot/records/views.js';
import { SLACK_LIMITS } from './limits.js';
import type { SlackMessage } from './task-message.js';
import { boundedLines, escapeMrkdwn, formatMoney, mrkdwn, plain, plural } from './text.js';

export const RECORD_ACTIONS = {
  statement: 'record.statement',
  sendStatement: 'record.sendStatement',
  sendInvoices: 'record.sendInvoices',
  note: 'record.note',
  resync: 'record.resync',
  timeline: 'record.timeline',
  archive: 'record.archive',
  mergePreview: 'record.mergePreview',
  mergeConfirm: 'record.mergeConfirm',
  invoiceCopy: 'invoice.sendCopy',
  invoicePdf: 'invoice.pdf',
} as const;

const e = escapeMrkdwn;
const money = (ms: ReadonlyArray<{ amount: number; currency: string }>, none = '—') => (ms.length > 0 ? ms.map(formatMoney).join(' · ') : none);

function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger') {
  return { type: 'button' as const, action_id: actionId, text: plain(label, SLACK_LIMITS.buttonText), value, ...(style ? { style } : {}) };
}

/** The customer record as a message. */
export function customerRecordBlocks(v: CustomerRecordView, options: { canManage?: boolean } = {}): SlackMessage {
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
        ...(options.canManage ? [button(a.mergePreview, 'Merge a duplicate…', v.sorId), ...(v.archived ? [] : [button(a.archive, 'Archive', v.sorId, 'danger')])] : []),
      ],
    });
  }
  return { text: `${e(v.displayName)} (account ${e(v.accountNumber)})`, blocks };
}

/** The invoice record as a message. */
export function invoiceRecordBlocks(v: InvoiceRecordView): SlackMessage {
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
    elements: [button(RECORD_ACTIONS.invoiceCopy, 'Send copy', v.number, 'primary'), v.pdfUrl ? { type: 'button', action_id: RECORD_ACTIONS.invoicePdf, text: plain('Open PDF', SLACK_LIMITS.buttonText), url: v.pdfUrl } : button(RECORD_ACTIONS.invoicePdf, 'PDF', v.number)],
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
