// Footers are written last, once the page count is known (the document buffers its pages).
import { drawText } from './draw-text.js';
import { pageLabel, type DocumentLabels } from './labels.js';

/** Writes `left` and "Page n of N" at the foot of every page. */
export function drawFooters(doc: PDFKit.PDFDocument, left: string, labels: DocumentLabels): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const y = height - margins.bottom - 10;
    const content = width - margins.left - margins.right;
    drawText(doc, left, margins.left, y, { width: content * 0.7, size: 8, color: '#52606D' });
    drawText(doc, pageLabel(labels, i - start + 1, count), margins.left + content * 0.7, y, { width: content * 0.3, align: 'right', size: 8, color: '#52606D' });
  }
}
