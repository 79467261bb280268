// Invoice references in the shapes AR customers write them:
//   1. an "INV" abbreviation (or another prefix the SoR uses) glued to the number: "INV-204518",
//      "inv 204535", "inv.204900", "INV_204760";
//   2. an invoice word in any language, optionally with a number mark: "Invoice #204518",
//      "facture n° 204518", "Rechnung Nr. 204518", "fattura n. INV-204853", "invoice nos. 000204752";
//   3. a bare 6–12 digit number whose context makes it an invoice (see invoice-context.ts): "#204634",
//      "copies of 204518 and inv 204535", a row under an "Invoice" column;
//   4. a token of a shape the SoR's numbers take, even without prefix or invoice word: "2026-001743",
//      "9004512" (see invoiceNumberShapes), unless a word before it makes it something else;
//   5. a number of an SoR shape written in digit groups ("904 125 77", "RF 0060 555"), or glued to a
//      letter prefix of the customer's own ("NF-90438804", "FA90438804"; see OWN_PREFIX);
//   6. the last digits of a number, marked as such ("the invoice ending in 415209", "…5209"): the
//      value is the digits after SUFFIX_MARK, which the matcher compares with number ends only;
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

/** Marks a reference that is only the last digits of an invoice number ("…415209"). */
export const SUFFIX_MARK = '…';

/** True when the reference is the last digits of a number only (see SUFFIX_MARK). */
export function isSuffixReference(raw: string): boolean {
  return raw.startsWith(SUFFIX_MARK);
}

// "ending in 415209", "...415209", "terminada en 415209", "se terminant par 415209", "endet auf 415209" …
const SUFFIX_WORDS = [
  'ending(?:\\s+(?:in|with))?', 'ends\\s+(?:in|with)', 'last\\s+(?:\\d\\s+)?digits(?:\\s+(?:are|being))?',
  'terminad[ao]\\s+en', 'que\\s+termina\\s+en', 'terminaci[oó]n', 'con\\s+terminaci[oó]n',
  'terminad[ao]\\s+em', 'que\\s+termina\\s+(?:em|com)', 'com\\s+final', 'final\\s+(?:em|de)',
  'se\\s+terminant\\s+par', 'qui\\s+se\\s+termine\\s+par', 'finissant\\s+par', 'terminant\\s+par',
  'endet\\s+(?:auf|mit)', 'endend\\s+(?:auf|mit)', 'mit\\s+(?:der\\s+)?endung', 'mit\\s+den\\s+endziffern', 'endziffern',
  'che\\s+termina\\s+(?:con|in|per)', 'terminante\\s+(?:con|in|per)', 'finisce\\s+(?:con|in|per)',
  'eindigend\\s+(?:op|met)', 'die\\s+eindigt\\s+(?:op|met)', 'eindigt\\s+(?:op|met)',
  'som\\s+slutar\\s+p[aå]', 'slutar\\s+p[aå]',
].join('|');
const SUFFIX_RE = new RegExp(
  `(?:${B}(?:${SUFFIX_WORDS})\\s*[:#]?\\s*(?:\\.{2,}|…|\\*+|x{2,})?\\s?|(?<![\\p{L}\\p{N}_])(?:\\.{3,}|…|\\*{2,}|[xX]{3,}))(\\d{4,7})(?![\\p{L}\\p{N}_]|[.,]\\d)`,
  'giu',
);

/** What else ends in digits customers quote: accounts, cards, phones ("your account ending 4471"). */
const OTHER_ENDING = /(?:account|acct|a\/c|card|iban|bank|phone|konto|karte|cuenta|tarjeta|conta|cart[aã]o|compte|carte|conto|carta|rekening|kaart|kort|tel[eé]fon\w*)\s*(?:number|no\.?|nr\.?|n[°º]|#)?\s*$/iu;

/**
 * Letter prefixes that name another document than an invoice (credit notes, orders, payments):
 * a number glued to one of them is not read as an invoice number written with a prefix of the
 * customer's own.
 */
const NOT_INVOICE_PREFIXES = new Set(['CM', 'CN', 'NC', 'GS', 'AV', 'CR', 'KN', 'PO', 'OC', 'BC', 'ODA', 'ORD', 'RMA', 'PMT', 'PAY', 'ACH', 'CHK', 'SO', 'DN', 'LS', 'SOL']);

/** "NF-90438804", "FA90438804": a short letter prefix glued to digits of an SoR shape; the digits, or undefined. */
function ownPrefixDigits(token: string, shaped: (token: string) => boolean): string | undefined {
  const m = /^([\p{L}]{1,5})[-_.#]?(\d[\d\-_./]*\d)$/u.exec(token);
  if (!m || NOT_INVOICE_PREFIXES.has((m[1] ?? '').toUpperCase())) return undefined;
  return shaped(m[2] ?? '') ? m[2] : undefined;
}

// Digit groups separated by single spaces, optionally after a letter prefix: "904 125 77", "RF 0060 555".
const SPACED_RE = /(?<![\p{L}\p{N}_$€£¥.,/-])(?:(\p{L}{1,5})[-_.#]?\s?)?(\d{2,}(?: \d{2,}){1,3})(?![\p{L}\p{N}_]|[.,]\d)/gu;

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

  // Last digits only ("ending in 415209"): recorded with SUFFIX_MARK so they are never read as a whole number.
  for (const m of matchesOf(SUFFIX_RE, text)) {
    const digits = m[1] ?? '';
    const end = m.index + m[0].length;
    if (claimed.overlaps(m.index, end) || OTHER_ENDING.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (!bareNumberContext(text, end - digits.length, end).invoiceWord) continue;
    out.push({ start: end - digits.length, end, value: SUFFIX_MARK + digits });
    claimed.claim(m.index, end);
  }
  // Digit groups of an SoR shape ("904 125 77"): before the finders below read one group as a number.
  for (const m of matchesOf(SPACED_RE, text)) {
    const letters = m[1] ?? '';
    const groups = m[2] ?? '';
    const joined = groups.replace(/ /g, '');
    const end = m.index + m[0].length;
    const withPrefix = letters !== '' && shaped(`${letters}${joined}`);
    const bare = shaped(joined) && (letters === '' || !NOT_INVOICE_PREFIXES.has(letters.toUpperCase()));
    if (!withPrefix && !bare) continue;
    const start = withPrefix ? m.index : end - groups.length;
    if (claimed.overlaps(start, end) || bareNumberContext(text, start, end).otherNoun) continue;
    out.push({ start, end, value: text.slice(start, end) });
    claimed.claim(start, end);
  }
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
    const whole = shaped(m[0]) || ownPrefixDigits(m[0], shaped) !== undefined;
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
