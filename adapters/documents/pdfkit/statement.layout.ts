// The pages of an account statement: open items, unapplied credits, aging per currency, totals.
import type { Language } from '../../../core/pipeline/intents.js';
import type { AgingBuckets, InvoiceView, MoneyView, StatementView } from '../../../core/replies/reply-model.js';
import type { DocumentContext } from '../document-context.js';
import { drawText } from './draw-text.js';
import { drawFields, drawHeading } from './fields.js';
import { formatCount, formatDate, formatMoney } from './format.js';
import { labelsFor, type DocumentLabels } from './labels.js';
import { drawLetterhead } from './letterhead.js';
import { PageFlow } from './page-flow.js';
import { drawTable, type TableRow } from './table.js';

function continuationHeader(doc: PDFKit.PDFDocument, line: string): number {
  const { margins, width } = doc.page;
  drawText(doc, line, margins.left, margins.top, { width: width - margins.left - margins.right, size: 8.5, color: '#52606D' });
  return margins.top + 20;
}

function openItemRow(item: InvoiceView, language: Language): TableRow {
  const days = item.daysPastDue > 0 ? formatCount(item.daysPastDue, language) : '–';
  return {
    cells: [
      item.number,
      item.poNumber ?? '',
      formatDate(item.issueDate, language),
      formatDate(item.dueDate, language),
      days,
      formatMoney(item.amount, language),
      formatMoney(item.balance, language),
    ],
  };
}

function agingRow(row: AgingBuckets, language: Language): TableRow {
  const money = (amount: number): string => formatMoney({ amount, currency: row.currency }, language);
  return {
    cells: [row.currency, money(row.current), money(row.days1to30), money(row.days31to60), money(row.days61to90), money(row.days90plus), money(row.total)],
  };
}

function drawOpenItems(flow: PageFlow, statement: StatementView, labels: DocumentLabels, language: Language): void {
  drawHeading(flow, labels.openItems);
  if (statement.openItems.length === 0) {
    drawText(flow.doc, labels.noOpenItems, flow.left, flow.y, { size: 9.5 });
    flow.advance(16);
    return;
  }
  drawTable(flow, [
    { header: labels.invoiceNumber, weight: 17 },
    { header: labels.poNumber, weight: 14 },
    { header: labels.issueDate, weight: 13 },
    { header: labels.dueDate, weight: 13 },
    { header: labels.daysPastDue, weight: 9, align: 'right' },
    { header: labels.amount, weight: 17, align: 'right' },
    { header: labels.balance, weight: 17, align: 'right' },
  ], statement.openItems.map((item) => openItemRow(item, language)));
}

function drawCredits(flow: PageFlow, statement: StatementView, labels: DocumentLabels, language: Language): void {
  if (statement.credits.length === 0) return;
  drawHeading(flow, labels.credits);
  // Credits reduce what is owed; shown negative whichever sign the view model stores them with.
  const rows = statement.credits.map((c) => ({
    cells: [c.number, formatDate(c.date, language), formatMoney({ amount: -Math.abs(c.balance.amount), currency: c.balance.currency }, language)],
  }));
  drawTable(flow, [
    { header: labels.creditNumber, weight: 40 },
    { header: labels.date, weight: 30 },
    { header: labels.balance, weight: 30, align: 'right' },
  ], rows);
}

function drawAging(flow: PageFlow, statement: StatementView, labels: DocumentLabels, language: Language): void {
  if (statement.aging.length === 0) return;
  drawHeading(flow, labels.aging);
  drawTable(flow, [
    { header: labels.currency, weight: 10 },
    { header: labels.current, weight: 15, align: 'right' },
    { header: labels.days1to30, weight: 15, align: 'right' },
    { header: labels.days31to60, weight: 15, align: 'right' },
    { header: labels.days61to90, weight: 15, align: 'right' },
    { header: labels.days90plus, weight: 15, align: 'right' },
    { header: labels.total, weight: 15, align: 'right' },
  ], statement.aging.map((row) => agingRow(row, language)));
}

function drawTotals(flow: PageFlow, totals: readonly MoneyView[], labels: DocumentLabels, language: Language): void {
  if (totals.length === 0) return;
  flow.advance(12);
  const x = flow.left + flow.width * 0.45;
  drawFields(flow, totals.map((t) => ({ label: `${labels.totalBalance} (${t.currency})`, value: formatMoney(t, language), bold: true })), x, flow.width * 0.55, 'right');
}

/** Draws the statement over as many pages as it needs; footers are added by the caller. */
export function drawStatement(doc: PDFKit.PDFDocument, statement: StatementView, ctx: DocumentContext): void {
  const { language } = ctx;
  const labels = labelsFor(language);
  const asOf = `${labels.asOf} ${formatDate(statement.asOf, language)}`;
  const flow = new PageFlow(doc, (d) => continuationHeader(d, `${ctx.company.name} · ${labels.statementTitle} · ${ctx.customer.name} · ${asOf}`));

  drawLetterhead(flow, { company: ctx.company, title: labels.statementTitle, reference: asOf }, labels);
  drawFields(flow, [
    { label: labels.customer, value: ctx.customer.name, bold: true },
    { label: labels.accountNumber, value: ctx.customer.accountNumber },
  ], flow.left, flow.width * 0.7);

  drawOpenItems(flow, statement, labels, language);
  drawCredits(flow, statement, labels, language);
  drawAging(flow, statement, labels, language);
  drawTotals(flow, statement.totals, labels, language);
}
