// Label–value pairs in two aligned columns.
import { drawText } from './draw-text.js';
import type { PageFlow } from './page-flow.js';

/** One printed field. */
export interface Field {
  label: string;
  value: string;
  bold?: boolean;
}

const LINE = 15;

/** Draws `fields` from `x` across `width` (labels take the first 45%) and moves the cursor below them. */
export function drawFields(flow: PageFlow, fields: readonly Field[], x: number, width: number, align: 'left' | 'right' = 'left'): void {
  const labelWidth = width * 0.45;
  flow.ensure(fields.length * LINE);
  fields.forEach((f, i) => {
    const y = flow.y + i * LINE;
    drawText(flow.doc, f.label, x, y, { width: labelWidth, size: 9.5, color: '#52606D' });
    drawText(flow.doc, f.value, x + labelWidth, y, { width: width - labelWidth, size: 9.5, bold: f.bold ?? false, align });
  });
  flow.advance(fields.length * LINE);
}

/** A section heading with some space above it; keeps `keepWith` points of what follows on the same page. */
export function drawHeading(flow: PageFlow, text: string, keepWith = 40): void {
  flow.ensure(28 + keepWith);
  flow.advance(10);
  drawText(flow.doc, text, flow.left, flow.y, { width: flow.width, bold: true, size: 11, color: '#1F3A5F' });
  flow.advance(18);
}
