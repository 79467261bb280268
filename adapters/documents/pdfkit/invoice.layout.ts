// The page of a rendered invoice copy. InvoiceView carries no line items, so the copy shows the
// invoice's header data, its amount and open balance, and how far it is settled.
import type { InvoiceView } from '../../../core/replies/reply-model.js';
import type { DocumentContext } from '../document-context.js';
import { drawText } from './draw-text.js';
import { drawFields } from './fields.js';
import { formatDate, formatMoney, documentLocale } from './format.js';
import { labelsFor } from './labels.js';
import { drawLetterhead } from './letterhead.js';
import { PageFlow } from './page-flow.js';

const MARK_COLORS: Partial<Record<InvoiceView['status'], string>> = {
  paid: '#2F855A',
  void: '#C53030',
  partially_paid: '#B7791F',
};

function drawMarking(flow: PageFlow, text: string, color: string): void {
  const { doc } = flow;
  const width = 190;
  const x = flow.left + flow.width - width;
  doc.roundedRect(x, flow.y, width, 34, 4).lineWidth(2).stroke(color);
  drawText(doc, text, x, flow.y + 10, { width, align: 'center', bold: true, size: 15, color });
}

/** Draws the invoice copy onto `doc`'s first page. */
export function drawInvoice(doc: PDFKit.PDFDocument, invoice: InvoiceView, ctx: DocumentContext): void {
  const labels = labelsFor(ctx.language);
  const money = (m: InvoiceView['amount']): string => formatMoney(m, ctx.language);
  const date = (d: Date): string => formatDate(d, ctx.language);
  const flow = new PageFlow(doc, (d) => d.page.margins.top);

  drawLetterhead(flow, { company: ctx.company, title: labels.invoice, reference: invoice.number }, labels);

  const top = flow.y;
  drawText(doc, labels.customer, flow.left, flow.y, { size: 9.5, color: '#52606D' });
  drawText(doc, ctx.customer.name, flow.left, flow.y + 14, { width: flow.width * 0.55, bold: true, size: 11 });
  drawText(doc, `${labels.accountNumber}: ${ctx.customer.accountNumber}`, flow.left, flow.y + 30, { width: flow.width * 0.55, size: 9.5 });
  const color = MARK_COLORS[invoice.status];
  if (color) drawMarking(flow, labels.statuses[invoice.status].toLocaleUpperCase(documentLocale(ctx.language)), color);
  flow.y = top + 62;

  drawFields(flow, [
    { label: labels.invoiceNumber, value: invoice.number, bold: true },
    { label: labels.poNumber, value: invoice.poNumber ?? '–' },
    { label: labels.issueDate, value: date(invoice.issueDate) },
    { label: labels.dueDate, value: date(invoice.dueDate) },
    { label: labels.status, value: labels.statuses[invoice.status] },
  ], flow.left, flow.width * 0.6);

  flow.advance(16);
  doc.moveTo(flow.left, flow.y).lineTo(flow.left + flow.width, flow.y).lineWidth(0.5).stroke('#9AA5B1');
  flow.advance(10);
  const totalsX = flow.left + flow.width * 0.45;
  drawFields(flow, [
    { label: labels.amount, value: money(invoice.amount) },
    { label: labels.balance, value: money(invoice.balance), bold: true },
  ], totalsX, flow.width * 0.55, 'right');

  flow.advance(24);
  drawText(doc, labels.invoiceCopyNote, flow.left, flow.y, { width: flow.width, size: 8.5, color: '#52606D' });
}
