// The context that makes a bare number ("204518", "000204752") an invoice reference: its clause
// ("copies of 204518 and inv 204535"), or, for a number leading a list item or table row, the
// rows around it and the line introducing them ("… the following invoices:\n - 204473 : 393,87").
import { B, E, INVOICE_CONTEXT_WORDS, INVOICE_WORDS } from './keywords.js';

/** Half-open [from, to) range of the text. */
export interface Span {
  from: number;
  to: number;
}

export interface BareNumberContext {
  /** The number follows a word that makes it something else ("ticket", "job", "HRB" …). */
  otherNoun: boolean;
  /** An invoice word is in its clause, or in its list/table context. */
  invoiceWord: boolean;
  /** Where sibling invoice references make it one too. */
  spans: Span[];
}

/** Words that make the number after them something other than an invoice ("ticket #123456", "job 224703"). */
const OTHER_NOUNS = new Set(
  ('ticket case job order store unit suite room apt item part sku lot batch project claim rma tracking shipment ' +
    'delivery quote quotation contract account acct customer vendor supplier check cheque id ref reference ' +
    'hrb register registre steuernummer ust-idnr vat tva iva btw nif siret siren cif kvk abn ein tax ' +
    'protocol protocollo protocolo serial model modelo pedido commande bestellung').split(' '),
);

const INVOICE_WORD_RE = new RegExp(`${B}(?:${INVOICE_WORDS}|${INVOICE_CONTEXT_WORDS}|INV)${E}`, 'iu');

/** Contexts longer than this are cut: keeps the scan linear on long text. */
const MAX_CONTEXT = 300;

/** The clause around [start, end): bounded by line breaks and sentence ends. */
function clauseAround(text: string, start: number, end: number): Span {
  const windowStart = Math.max(0, start - MAX_CONTEXT);
  let boundary = -1;
  for (const m of text.slice(windowStart, start).matchAll(/\n|[!?;]|\.(?=\s)/g)) boundary = m.index;
  const after = text.slice(end, end + MAX_CONTEXT);
  const next = after.search(/\n|[!?;]|\.(?=\s|$)/);
  return { from: windowStart + boundary + 1, to: next === -1 ? end + after.length : end + next };
}

/** Whether only a bullet, numbering or "#" precedes `start` on its line. */
function leadsLine(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*(?:[-*•·–]|\d{1,2}[.)])?[ \t]*$/.test(text.slice(lineStart, start));
}

/**
 * The paragraph around `start` (up to blank lines) and, for a number leading a list item or
 * table row, the line before the paragraph when it introduces it (ends with ":").
 */
function listContext(text: string, start: number, leading: boolean): Span[] {
  const windowStart = Math.max(0, start - MAX_CONTEXT);
  const before = text.slice(windowStart, start);
  let blank = -1;
  for (const m of before.matchAll(/\n[ \t]*\n/g)) blank = m.index + m[0].length;
  const blockFrom = blank === -1 ? windowStart : windowStart + blank;
  const after = text.slice(start, start + MAX_CONTEXT);
  const nextBlank = after.search(/\n[ \t]*\n/);
  const block: Span = { from: blockFrom, to: nextBlank === -1 ? start + after.length : start + nextBlank };
  const lines = text.slice(windowStart, blockFrom).replace(/\s+$/, '');
  const lastLineStart = lines.lastIndexOf('\n') + 1;
  const intro = lines.slice(lastLineStart);
  return leading && intro.trimEnd().endsWith(':') ? [block, { from: windowStart + lastLineStart, to: windowStart + lines.length }] : [block];
}

/** The word right before `start` in the clause, lower-cased (without a trailing "#", ":" or "No."). */
function previousWord(text: string, from: number, start: number): string | undefined {
  const m = /([\p{L}][\p{L}.-]*)\s*[:#]?\s*(?:no\.?|nr\.?)?\s*[:#]?\s*$/iu.exec(text.slice(from, start));
  return m?.[1]?.toLowerCase().replace(/\.$/, '');
}

/** What surrounds the bare number at [start, end) (start includes a leading "#"). */
export function bareNumberContext(text: string, start: number, end: number): BareNumberContext {
  const clause = clauseAround(text, start, end);
  const prev = previousWord(text, clause.from, start);
  const spans = [clause, ...listContext(text, start, leadsLine(text, start))];
  return {
    otherNoun: prev !== undefined && OTHER_NOUNS.has(prev),
    invoiceWord: spans.some((s) => INVOICE_WORD_RE.test(text.slice(s.from, s.to))),
    spans,
  };
}
