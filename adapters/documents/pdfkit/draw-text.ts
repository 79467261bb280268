// Placing one line of text: WinAnsi-safe, clipped to a width, aligned by hand.
import { toWinAnsi } from './win-ansi.js';

/** The two faces used; both are PDF standard fonts, so nothing is embedded or downloaded. */
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

/** How a line is placed. */
export interface TextStyle {
  width?: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
  size?: number;
  color?: string;
}

/** `text` shortened with an ellipsis until it fits `width` at the document's current font. */
export function clip(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

/** Draws `text` as one line at (x, y). No `width` is passed to pdfkit: with one it wraps and may add pages on its own. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle = {}): void {
  doc.font(style.bold ? FONT.bold : FONT.regular).fontSize(style.size ?? 9).fillColor(style.color ?? '#000000');
  const safe = toWinAnsi(text).replace(/\n/g, ' ');
  const line = style.width === undefined ? safe : clip(doc, safe, style.width);
  const slack = style.width === undefined ? 0 : style.width - doc.widthOfString(line);
  const dx = style.align === 'right' ? slack : style.align === 'center' ? slack / 2 : 0;
  doc.text(line, x + dx, y, { lineBreak: false });
}
