// The top of a document's first page: issuer on the left, title and reference on the right.
import { drawText } from './draw-text.js';
import type { DocumentLabels } from './labels.js';
import type { PageFlow } from './page-flow.js';

/** What the letterhead shows. */
export interface Letterhead {
  company: { name: string; arMailbox: string };
  title: string;
  /** Under the title, e.g. the invoice number or the as-of date. */
  reference: string;
}

/** Draws the letterhead and a rule under it, and moves the cursor below them. */
export function drawLetterhead(flow: PageFlow, head: Letterhead, labels: DocumentLabels): void {
  const { doc, left, width } = flow;
  const half = width / 2;
  drawText(doc, head.company.name, left, flow.y, { width: half, bold: true, size: 15 });
  drawText(doc, head.title, left + half, flow.y, { width: half, align: 'right', bold: true, size: 18, color: '#1F3A5F' });
  drawText(doc, `${labels.accountsReceivable}: ${head.company.arMailbox}`, left, flow.y + 22, { width: half, size: 9, color: '#52606D' });
  drawText(doc, head.reference, left + half, flow.y + 24, { width: half, align: 'right', size: 10 });
  flow.advance(44);
  doc.moveTo(left, flow.y).lineTo(left + width, flow.y).lineWidth(1).stroke('#1F3A5F');
  flow.advance(14);
}
