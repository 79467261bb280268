// A table of single-line rows whose header is drawn again at the top of every page it continues on.
import { FONT, drawText } from './draw-text.js';
import { toWinAnsi } from './win-ansi.js';
import type { PageFlow } from './page-flow.js';

/** A column: its heading, its share of the content width and how its cells align. */
export interface TableColumn {
  header: string;
  /** Relative width; the columns' weights are scaled to the content width. */
  weight: number;
  align?: 'left' | 'right';
}

/** A row of cells, one per column. */
export interface TableRow {
  cells: string[];
  bold?: boolean;
}

const FONT_SIZE = 8.5;
const MIN_HEADING_SIZE = 6.5;
const ROW_HEIGHT = 15;
const PAD = 3;

interface Placed {
  column: TableColumn;
  x: number;
  width: number;
}

function place(flow: PageFlow, columns: readonly TableColumn[]): Placed[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  let x = flow.left;
  return columns.map((column) => {
    const width = (flow.width * column.weight) / total;
    const placed = { column, x, width };
    x += width;
    return placed;
  });
}

// pdfkit splits a word wider than its column mid-word ("Rechnungsnumme r"), so a heading whose
// longest word does not fit is set smaller instead.
function headingSize(doc: PDFKit.PDFDocument, text: string, width: number): number {
  const words = text.split(/\s+/);
  let size = FONT_SIZE;
  while (size > MIN_HEADING_SIZE && words.some((w) => doc.font(FONT.bold).fontSize(size).widthOfString(w) > width)) size -= 0.25;
  return size;
}

function headerHeight(doc: PDFKit.PDFDocument, placed: readonly Placed[]): number {
  const heights = placed.map((p) => {
    const text = toWinAnsi(p.column.header);
    const width = p.width - 2 * PAD;
    return doc.font(FONT.bold).fontSize(headingSize(doc, text, width)).heightOfString(text, { width });
  });
  return Math.max(...heights) + 2 * PAD + 2;
}

function drawHeader(flow: PageFlow, placed: readonly Placed[]): void {
  const { doc } = flow;
  const height = headerHeight(doc, placed);
  doc.rect(flow.left, flow.y, flow.width, height).fill('#E8ECF1');
  for (const p of placed) {
    const text = toWinAnsi(p.column.header);
    const width = p.width - 2 * PAD;
    // Headings may wrap onto a second line, so they use pdfkit's wrapping (room was ensured above).
    doc.font(FONT.bold).fontSize(headingSize(doc, text, width)).fillColor('#000000');
    doc.text(text, p.x + PAD, flow.y + PAD, { width, align: p.column.align ?? 'left' });
  }
  flow.advance(height);
}

function drawRow(flow: PageFlow, placed: readonly Placed[], row: TableRow, shaded: boolean): void {
  const { doc } = flow;
  if (shaded) doc.rect(flow.left, flow.y, flow.width, ROW_HEIGHT).fill('#F6F7F9');
  placed.forEach((p, i) => {
    drawText(doc, row.cells[i] ?? '', p.x + PAD, flow.y + 4, { width: p.width - 2 * PAD, align: p.column.align ?? 'left', bold: row.bold ?? false, size: FONT_SIZE });
  });
  flow.advance(ROW_HEIGHT);
}

/** Draws the header and rows at the flow's cursor, breaking pages between rows and repeating the header. */
export function drawTable(flow: PageFlow, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
  const placed = place(flow, columns);
  flow.ensure(headerHeight(flow.doc, placed) + ROW_HEIGHT);
  drawHeader(flow, placed);
  rows.forEach((row, i) => {
    if (flow.ensure(ROW_HEIGHT)) drawHeader(flow, placed);
    drawRow(flow, placed, row, i % 2 === 1);
  });
  flow.doc.moveTo(flow.left, flow.y).lineTo(flow.left + flow.width, flow.y).lineWidth(0.5).stroke('#9AA5B1');
}
