// Invoice references in the shapes AR customers write them:
//   1. an "INV" abbreviation (or another prefix the SoR uses) glued to the number: "INV-204518",
//      "inv 204535", "inv.204900", "INV_204760";
//   2. an invoice word in any language, optionally with a number mark: "Invoice #204518",
//      "facture n° 204518", "Rechnung Nr. 204518", "fattura n. INV-204853", "invoice nos. 000204752";
//   3. a bare 6–12 digit number whose context makes it an invoice (see invoice-context.ts): "#204634",
//      "copies of 204518 and inv 204535", a row under an "Invoice" column;
//   4. a token of a shape the SoR's numbers take, even without prefix or invoice word: "2026-001743",
//      "9004512" (see invoiceNumberShapes), unless a word before it makes it something else;
// and lists after any of them ("invoices 204518, 204535 and 204540", "INV-204518/204535", "2026-001743/1790").
// Runs last, so dates, amounts, phones, payment references, PO and account numbers are already claimed.
import { isoDate } from './dates.js';
import { bareNumberContext, type Span } from './invoice-context.js';
import { B, INVOICE_WORDS, NUMBER_MARK } from './keywords.js';
import { digitCount, matchesOf, type ClaimedSpans, type Found } from './scan-text.js';
import { escapeRegExp } from '../escape-regexp.js';

const DIGITS = '\\d(?:[\\d/-]*\\d)?';
const NOT_AMOUNT_AFTER = '(?![\\p{L}\\p{N}_]|[.,]\\d)';
/** Letter prefixes glued to invoice numbers that count as invoice references on their own. */
export const DEFAULT_INVOICE_PREFIXES: readonly string[] = ['INV'];

const prefixRegexCache = new Map<string, RegExp>();

/** "INV-204518", "inv 204518", "INV204518", "inv.204518", "INV_204518" for each prefix. */
function prefixedRe(prefixes: readonly string[]): RegExp {
  const key = prefixes.join('|');
  let re = prefixRegexCache.get(key);
  if (!re) {
    if (prefixRegexCache.size > 32) prefixRegexCache.clear();
    const alternatives = [...prefixes].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    re = new RegExp(`${B}(?:${alternatives})(?:\\s?[-_.#:/]\\s?|\\s)?(?:(?:no|nr)\\.?\\s?|#\\s?)?${DIGITS}${NOT_AMOUNT_AFTER}`, 'giu');
    prefixRegexCache.set(key, re);
  }
  return re;
}

const KEYWORD_RE = new RegExp(
  `${B}(?:${INVOICE_WORDS})(?:\\s*${NUMBER_MARK})?\\s*[:#]?\\s*((?:[A-Z]{1,6}[-_./]?)?${DIGITS})${NOT_AMOUNT_AFTER}`,
  'giu',
);
const BARE_RE = /(?<![\p{L}\p{N}_$€£¥.,/-])(#\s?)?(\d{6,12})(?![\p{L}\p{N}_]|[.,]\d|[/-]\d)/gu;
// A whole token ("2026-001743", "9004512", "2026-001743/1790"), not part of a longer one.
const TOKEN_RE = /(?<![\p{L}\p{N}_$€£¥.,/-])[\p{L}\p{N}]+(?:[-_./][\p{L}\p{N}]+)*/gu;
const LIST_SEP = '\\s*(?:,|;|&|\\+|/|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b|\\bor\\b|\\bou\\b|\\bo\\b|\\bas well as\\b)\\s*';
const CONTINUATION_RE = new RegExp(
  `^${LIST_SEP}(?:(?!inv[\\s\\-_.#:/]*\\d)(?:${INVOICE_WORDS})\\s*)?(?:${NUMBER_MARK}\\s*)?((?:INV\\s?[-_.#:/]?\\s?)?${DIGITS})${NOT_AMOUNT_AFTER}`,
  'iu',
);

/** Splits "204518/204535" into two references when both halves are full numbers. */
function splitSlashList(raw: string, start: number): Array<Found<string>> {
  const parts = raw.split('/');
  const numeric = parts.map((p) => p.replace(/^\D+/, ''));
  if (parts.length < 2 || !numeric.every((p) => /^\d{5,}$/.test(p) && p.length === numeric[0]?.length)) {
    return [{ start, end: start + raw.length, value: raw }];
  }
  const out: Array<Found<string>> = [];
  let offset = start;
  for (const p of parts) {
    out.push({ start: offset, end: offset + p.length, value: p });
    offset += p.length + 1;
  }
  return out;
}

/** Whether a token is a real calendar date ("2026-11-18", "18.11.2026", "11/18/26"), whatever its shape. */
function isCalendarDate(token: string): boolean {
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(token);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) !== undefined;
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(token);
  if (!dmy) return false;
  const year = Number(dmy[3]) + ((dmy[3] ?? '').length === 2 ? 2000 : 0);
  return isoDate(year, Number(dmy[2]), Number(dmy[1])) !== undefined || isoDate(year, Number(dmy[1]), Number(dmy[2])) !== undefined;
}

/**
 * Splits "2026-001743/2026-001790" or "2026-001743/1790" by the SoR's shapes: each part is a
 * shaped number, or digits completing the first one ("1790" → "2026-001790"); undefined otherwise.
 */
function splitShapedList(raw: string, start: number, shaped: (token: string) => boolean): Array<Found<string>> | undefined {
  const parts = raw.split('/');
  const first = parts[0] ?? '';
  if (parts.length < 2 || !shaped(first)) return undefined;
  const out: Array<Found<string>> = [];
  let offset = start;
  for (const p of parts) {
    const completed = first.slice(0, Math.max(0, first.length - p.length)) + p;
    const value = shaped(p) ? p : /^\d+$/.test(p) && p.length < first.length && shaped(completed) ? completed : undefined;
    if (value === undefined) return undefined;
    out.push({ start: offset, end: offset + p.length, value });
    offset += p.length + 1;
  }
  return out;
}

/** Finds invoice references outside claimed spans, claims them, and returns them in text order. */
export function findInvoiceRefs(
  text: string,
  claimed: ClaimedSpans,
  prefixes: readonly string[] = DEFAULT_INVOICE_PREFIXES,
  shaped: (token: string) => boolean = () => false,
): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  const add = (start: number, end: number, minDigits = 4): boolean => {
    const raw = text.slice(start, end);
    if (digitCount(raw) < minDigits || raw.length > 30 || claimed.overlaps(start, end)) return false;
    for (const f of splitShapedList(raw, start, shaped) ?? splitSlashList(raw, start)) out.push(f);
    claimed.claim(start, end);
    return true;
  };
  const continueList = (from: number, firstDigits: number): void => {
    let pos = from;
    for (;;) {
      const m = CONTINUATION_RE.exec(text.slice(pos, pos + 100));
      const value = m?.[1];
      if (!m || !value || Math.abs(digitCount(value) - firstDigits) > 3) return;
      const end = pos + m[0].length;
      if (!add(end - value.length, end)) return;
      pos = end;
    }
  };

  for (const m of matchesOf(prefixedRe(prefixes.length > 0 ? prefixes : DEFAULT_INVOICE_PREFIXES), text)) {
    const end = m.index + m[0].length;
    if (add(m.index, end)) continueList(end, digitCount(m[0]));
  }
  for (const m of matchesOf(KEYWORD_RE, text)) {
    const value = m[1] ?? '';
    const end = m.index + m[0].length;
    if (add(end - value.length, end)) continueList(end, digitCount(value));
  }
  // Tokens of the SoR's shapes, unless they are dates or follow a word that makes them something else.
  for (const m of matchesOf(TOKEN_RE, text)) {
    const end = m.index + m[0].length;
    const whole = shaped(m[0]);
    if ((!whole && !splitShapedList(m[0], m.index, shaped)) || (whole && isCalendarDate(m[0])) || claimed.overlaps(m.index, end)) continue;
    if (bareNumberContext(text, m.index, end).otherNoun) continue;
    if (add(m.index, end)) continueList(end, digitCount(m[0].split('/')[0] ?? ''));
  }
  // Bare numbers: accept those marked by "#" or with an invoice word in their context, then
  // those sharing their context with an accepted reference of similar length ("#204634 and … 204506").
  const pending: Array<{ start: number; end: number; contexts: Span[] }> = [];
  for (const m of matchesOf(BARE_RE, text)) {
    const digits = m[2] ?? '';
    const end = m.index + m[0].length;
    const start = end - digits.length;
    if (claimed.overlaps(m.index, end)) continue;
    const context = bareNumberContext(text, m.index, end);
    if (context.otherNoun) continue;
    if ((m[1] ?? '') !== '' || context.invoiceWord) add(start, end, 6);
    else pending.push({ start, end, contexts: context.spans });
  }
  for (const p of pending) {
    const digits = p.end - p.start;
    const sibling = out.some((f) => p.contexts.some((c) => f.start >= c.from && f.end <= c.to) && Math.abs(digitCount(f.value) - digits) <= 3);
    if (sibling) add(p.start, p.end, 6);
  }
  return out.sort((a, b) => a.start - b.start);
}
