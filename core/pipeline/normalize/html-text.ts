// HTML to plain text the way a person reads it: no line wrapping, link text without URLs,
// no images, Outlook's margin-less paragraphs as single lines, table rows kept on one line.
import { compile } from 'html-to-text';
import { cleanText } from './text-cleanup.js';

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Outlook's MsoNormal paragraphs have no margins: one line each, blank lines are explicit.
    { selector: 'p.MsoNormal', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'table', format: 'dataTable', options: { maxColumnWidth: 100_000, uppercaseHeaderCells: false } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
  ],
});

/** Converts HTML to cleaned plain text. */
export function htmlToText(html: string): string {
  return cleanText(convert(html));
}
