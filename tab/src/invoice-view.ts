// The invoice record (/tab/invoices/<number>): amounts, dates and aging, payments, the
// customer's credits, its PDF and "Send copy" to known contacts (through the send guard).
import type { InvoiceRecordView } from '../../bot/records/views.js';
import type { Api } from './api.js';
import { h, replace } from './dom.js';
import { formatCell } from './format.js';
import { customerHref, facts, money, openPdf, outcome, recipientChooser, requestId, section } from './records.js';

export async function renderInvoice(root: HTMLElement, api: Api, number: string, status: HTMLElement): Promise<void> {
  status.textContent = 'Loading the invoice…';
  const v = await api.get<InvoiceRecordView>(`/records/invoices/${encodeURIComponent(number)}`);
  const pdfOut = outcome();
  const pdf = h('button', { type: 'button' }, 'Open the PDF');
  pdf.onclick = async () => {
    pdf.disabled = true;
    try {
      await openPdf(api, `/records/invoices/${encodeURIComponent(v.number)}/pdf`, pdfOut.el);
    } catch (err) {
      pdfOut.fail(err);
    } finally {
      pdf.disabled = false;
    }
  };

  const sendOut = outcome();
  const recipients = recipientChooser('copy', v.contacts);
  let click = requestId();
  const send = h('form', { class: 'stack' }, recipients.el, h('div', {}, h('button', { type: 'submit' }, 'Send copy')), sendOut.el);
  send.onsubmit = async (ev) => {
    ev.preventDefault();
    const { to, cc } = recipients.value();
    try {
      const r = await api.post<{ queued: boolean }>(`/records/customers/${encodeURIComponent(v.customer.sorId)}/send-invoices`, { invoiceNumbers: [v.number], to, cc, requestId: click });
      sendOut.ok(r.queued ? `Queued: a copy of ${v.number} to ${[...to, ...cc].join(', ')}.` : 'Already queued: this was sent once.');
      click = requestId();
    } catch (err) {
      sendOut.fail(err);
    }
  };

  const table = (cols: string[], rows: Array<Array<Node | string>>, empty: string): HTMLElement =>
    rows.length === 0 ? h('p', { class: 'empty' }, empty) : h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c)))))));

  replace(root,
    h('p', {}, h('a', { href: customerHref(v.customer.sorId) }, `← ${v.customer.name}`)),
    h('article', { class: 'record', 'aria-labelledby': 'record-title' },
      h('h2', { id: 'record-title', tabindex: -1 }, `Invoice ${v.number}`),
      section('inv-summary-h', 'Invoice', facts([
        ['Customer', h('a', { href: customerHref(v.customer.sorId) }, `${v.customer.name} (${v.customer.accountNumber})`)],
        ['PO number', v.poNumber], ['Issued', v.issueDate], ['Due', v.dueDate],
        ['Amount', money(v.amount)], ['Balance', money(v.balance)], ['Status', v.status.replace(/_/g, ' ')],
        ['Days past due', String(v.daysPastDue)], ['Aging', v.agingBucket], ['As of', v.asOf],
      ])),
      section('inv-pdf-h', 'PDF', pdf, pdfOut.el),
      section('inv-send-h', 'Send copy', send),
      section('inv-pay-h', 'Payments', table(['Reference', 'Date', 'Method', 'Applied'], v.payments.map((p) => [p.reference, p.date, p.method, money(p.applied)]), 'No payments applied.')),
      section('inv-cred-h', 'Available credits', table(['Credit memo', 'Date', 'Balance'], v.availableCredits.map((c) => [c.number, c.date, money(c.balance)]), 'No unapplied credits in this currency.')),
      section('inv-mail-h', 'Related emails', table(['Received', 'From', 'Subject'], v.relatedEmails.map((e) => [formatCell(e.at, 'date'), e.from, e.subject]), 'No emails mention it.')),
      section('inv-task-h', 'Related tasks', table(['Task', 'Status', 'Created', 'Intents'], v.relatedTasks.map((t) => [h('a', { href: `/tab/tasks/${encodeURIComponent(t.taskId)}` }, t.taskId), t.status.replace(/_/g, ' '), formatCell(t.createdAt, 'date'), t.intents.join(', ')]), 'No tasks.')),
    ));
  status.textContent = `Invoice ${v.number} loaded.`;
  document.body.dataset['state'] = 'ready';
}
