// Invoice and PO number keys: how a reference as a customer writes it ("inv 204518",
// "000204518", "INV_204518") is turned into the key the SoR indexes invoices by, and which
// relaxed variants (one mistyped or transposed digit) may be tried when the exact key misses.
import type { InvoiceMatchRule } from './match-result.js';

/** Which relaxations invoice matching may use; every one defaults to true. */
export interface RelaxedMatchingOptions {
  /** "inv 204518" or "INV204518" for "INV-204518". */
  caseAndSeparators: boolean;
  /** "204518" for "INV-204518". */
  missingPrefix: boolean;
  /** "000204518" for "INV-204518". */
  leadingZeros: boolean;
  /** One digit substituted: "204528" for "204518" (only when it resolves to one invoice). */
  oneTypo: boolean;
  /** Two adjacent digits swapped: "204581" for "204518" (only when it resolves to one invoice). */
  transposition: boolean;
  /** Resolve PO numbers to the invoice(s) raised against them. */
  poNumbers: boolean;
}

/** Every relaxation on. */
export const DEFAULT_RELAXED_MATCHING: Readonly<RelaxedMatchingOptions> = Object.freeze({
  caseAndSeparators: true,
  missingPrefix: true,
  leadingZeros: true,
  oneTypo: true,
  transposition: true,
  poNumbers: true,
});

/** A lookup key with the relaxation that produced it. */
export interface CandidateKey {
  key: string;
  rule: Extract<InvoiceMatchRule, 'exact' | 'one_digit_typo' | 'transposed_digits'>;
}

/** Prefixes that only say "invoice" or "number" and stand for whatever prefix the SoR uses. */
const GENERIC_PREFIXES: ReadonlySet<string> = new Set(['INV', 'INVOICE', 'INVNO', 'INVNR', 'NO', 'NR', 'NUM']);

/**
 * Prefixes that name another document than an invoice (credit notes, orders, payments): never
 * taken for a prefix of the customer's own on an invoice number the SoR writes without letters.
 */
const NON_INVOICE_PREFIXES: ReadonlySet<string> = new Set(['CM', 'CN', 'NC', 'GS', 'AV', 'CR', 'KN', 'PO', 'OC', 'BC', 'ODA', 'ORD', 'RMA', 'PMT', 'PAY', 'ACH', 'CHK', 'SO', 'DN', 'LS']);

/** Fuzzy (typo, transposition) variants are only tried on numbers at least this long. */
const MIN_FUZZY_DIGITS = 5;

/** Upper-case letters and digits only: "inv.204-518" → "INV204518". */
export function alphanumericKey(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Splits "INV204518" into a letter prefix and the rest ("INV", "204518"). */
function splitPrefix(compact: string): { prefix: string; rest: string } {
  const m = /^([A-Z]*)(.*)$/.exec(compact);
  return { prefix: m?.[1] ?? '', rest: m?.[2] ?? compact };
}

/**
 * The key invoices are looked up by: when the number is a letter prefix followed by digits
 * ("INV-204518", "000204518", "204518"), the digits without leading zeros ("204518");
 * otherwise the upper-case alphanumerics ("2026A0042").
 */
export function invoiceNumberKey(s: string): string {
  const compact = alphanumericKey(s);
  const { rest } = splitPrefix(compact);
  if (rest.length > 0 && /^\d+$/.test(rest)) return rest.replace(/^0+(?=\d)/, '');
  return compact;
}

/**
 * The key of a number's last group of digits when the number has several ("2026-001743" →
 * "1743", "INV-2026-0042" → "42"), so a reference written without its year or series part can
 * be found; undefined for numbers with a single digit group.
 */
export function invoiceSerialKey(s: string): string | undefined {
  const groups = s.match(/\d+/g) ?? [];
  if (groups.length < 2) return undefined;
  return (groups[groups.length - 1] as string).replace(/^0+(?=\d)/, '');
}

/** The key PO numbers are looked up by: upper-case alphanumerics without a leading "PO" marker. */
export function poNumberKey(s: string): string {
  const compact = alphanumericKey(s);
  const stripped = compact.replace(/^PO(?=\d)/, '');
  return stripped.length > 0 ? stripped : compact;
}

/** True when the key is all digits (fuzzy variants only make sense for those). */
function isNumericKey(key: string): boolean {
  return /^\d+$/.test(key);
}

/**
 * The letter prefixes the SoR's invoice numbers use ("INV" for "INV-204518", "IN" for "IN2026-1"),
 * upper-case, most frequent first; for entity extraction's `invoicePrefixes`.
 */
export function invoicePrefixesOf(numbers: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const n of numbers) {
    const prefix = /^([A-Za-z]+)[-_./ ]?\d/.exec(n.trim())?.[1]?.toUpperCase();
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/** Keys with exactly one digit replaced by another (no new leading zero). */
export function oneTypoKeys(key: string): string[] {
  if (!isNumericKey(key) || key.length < MIN_FUZZY_DIGITS) return [];
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const c = String(d);
      if (c === key[i] || (i === 0 && c === '0')) continue;
      out.push(key.slice(0, i) + c + key.slice(i + 1));
    }
  }
  return out;
}

/** Keys with two different adjacent digits swapped (no new leading zero). */
export function transpositionKeys(key: string): string[] {
  if (!isNumericKey(key) || key.length < MIN_FUZZY_DIGITS) return [];
  const out = new Set<string>();
  for (let i = 0; i < key.length - 1; i++) {
    const a = key[i] as string;
    const b = key[i + 1] as string;
    if (a === b || (i === 0 && b === '0')) continue;
    out.add(key.slice(0, i) + b + a + key.slice(i + 2));
  }
  return [...out];
}

/**
 * The keys to try for a reference as written, exact key first: the exact key already covers
 * case, separators, a missing prefix and leading zeros (which of those applied is told apart
 * afterwards by `classifyNumberMatch`); then one-typo and transposition variants as enabled.
 */
export function candidateKeys(raw: string, rules: Partial<RelaxedMatchingOptions> = {}): CandidateKey[] {
  const opts = { ...DEFAULT_RELAXED_MATCHING, ...rules };
  const key = invoiceNumberKey(raw);
  const out: CandidateKey[] = [{ key, rule: 'exact' }];
  const seen = new Set([key]);
  const add = (keys: string[], rule: CandidateKey['rule']): void => {
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ key: k, rule });
    }
  };
  if (opts.transposition) add(transpositionKeys(key), 'transposed_digits');
  if (opts.oneTypo) add(oneTypoKeys(key), 'one_digit_typo');
  return out;
}

/**
 * Which rule makes `raw` (as written) equal to the SoR `number`, given that both share a key:
 * 'exact', 'case_or_separators', 'missing_prefix' or 'leading_zeros'; undefined when they differ
 * in some other way (e.g. a different letter prefix).
 */
export function classifyNumberMatch(
  raw: string,
  number: string,
): Extract<InvoiceMatchRule, 'exact' | 'case_or_separators' | 'missing_prefix' | 'leading_zeros' | 'added_prefix'> | undefined {
  if (raw.trim() === number.trim()) return 'exact';
  const a = alphanumericKey(raw);
  const b = alphanumericKey(number);
  if (a === b) return 'case_or_separators';
  const pa = splitPrefix(a);
  const pb = splitPrefix(b);
  // A short prefix of the customer's own ("NF", "FA", "RE") on a number the SoR writes with digits only.
  const ownPrefix = pb.prefix === '' && /^\d+$/.test(pb.rest) && pa.prefix.length <= 5 && !GENERIC_PREFIXES.has(pa.prefix) && !NON_INVOICE_PREFIXES.has(pa.prefix);
  if (ownPrefix && pa.prefix !== '') return pa.rest.replace(/^0+/, '') === pb.rest.replace(/^0+/, '') ? 'added_prefix' : undefined;
  if (pa.prefix !== '' && pa.prefix !== pb.prefix && !GENERIC_PREFIXES.has(pa.prefix)) return undefined;
  if (pa.rest === pb.rest) return 'missing_prefix';
  if (pa.rest.replace(/^0+/, '') === pb.rest.replace(/^0+/, '')) return 'leading_zeros';
  return undefined;
}

/** Whether the options allow a match made by `rule`. */
export function ruleAllowed(rule: InvoiceMatchRule, rules: Partial<RelaxedMatchingOptions> = {}): boolean {
  const opts = { ...DEFAULT_RELAXED_MATCHING, ...rules };
  switch (rule) {
    case 'exact':
      return true;
    case 'case_or_separators':
    case 'added_prefix':
    case 'regrouped_digits':
      return opts.caseAndSeparators;
    case 'missing_prefix':
    case 'last_digits':
      return opts.missingPrefix;
    case 'leading_zeros':
      return opts.leadingZeros;
    case 'one_digit_typo':
      return opts.oneTypo;
    case 'transposed_digits':
      return opts.transposition;
    case 'po_number':
      return opts.poNumbers;
    case 'amount':
      // Evidence for a person only (decide never answers on it), so no option turns it off.
      return true;
  }
}

/** One shape the SoR's invoice numbers take, as a serializable anchored regex source ("^\\d{4}-\\d{6}$"). */
export interface InvoiceShape {
  /** Anchored regex source, matched case-insensitively against a whole token. */
  pattern: string;
  /** Share of the SoR's invoice numbers with this shape (0–1). */
  share: number;
}

/** Invoice numbers of one exact shape: how many, and the lexicographically first and last. */
export interface NumberShapeGroup {
  /** As given by `numberShapeOf`. */
  shape: string;
  count: number;
  min: string;
  max: string;
}

/** Shapes covering less than this share of the SoR's numbers are dropped. */
const MIN_SHAPE_SHARE = 0.05;
/** At most this many shapes are kept, most common first. */
const MAX_SHAPES = 5;
/** A shape's digit runs must hold at least this many digits in all to be matched without an invoice word. */
const MIN_SHAPE_DIGITS = 5;

/** Regex-escapes one character. */
function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
}

/** The exact shape of one number as a regex source: "2026-001743" → "\d{4}-\d{6}", "inv-204518" → "INV-\d{6}". */
export function numberShapeOf(number: string): string {
  return [...number.trim().toUpperCase().matchAll(/\d+|[A-Z]+|./gsu)]
    .map(([run]) => (/^\d/.test(run) ? `\\d{${run.length}}` : /^[A-Z]/.test(run) ? run : escapeChar(run)))
    .join('');
}

/** Groups numbers by exact shape (for `shapesFromGroups`). */
export function numberShapeGroups(numbers: Iterable<string>): NumberShapeGroup[] {
  const groups = new Map<string, NumberShapeGroup>();
  for (const raw of numbers) {
    const n = raw.trim().toUpperCase();
    if (n === '') continue;
    const shape = numberShapeOf(n);
    const g = groups.get(shape);
    if (!g) groups.set(shape, { shape, count: 1, min: n, max: n });
    else {
      g.count++;
      if (n < g.min) g.min = n;
      if (n > g.max) g.max = n;
    }
  }
  return [...groups.values()];
}

/** Longest common leading digits of a and b, at most `cap` long. */
function commonLeadingDigits(a: string, b: string, cap: number): string {
  let i = 0;
  while (i < cap && i < a.length && a[i] === b[i] && /\d/.test(a[i] ?? '')) i++;
  return a.slice(0, i);
}

/** Merges exact shapes differing only in digit-run lengths ("INV-\d{5}", "INV-\d{6}") into one anchored pattern. */
function mergedPattern(groups: readonly NumberShapeGroup[]): string {
  const lengths = groups.map((g) => [...g.shape.matchAll(/\\d\{(\d+)\}/g)].map((m) => Number(m[1])));
  const runs = (lengths[0] ?? []).map((_, i) => lengths.map((l) => l[i] ?? 0));
  const min = groups.map((g) => g.min).sort()[0] ?? '';
  const max = groups.map((g) => g.max).sort().at(-1) ?? '';
  // Numbers that start with digits keep the leading digits they all share (at most half the run): "90\d{5}".
  const lead = commonLeadingDigits(min, max, Math.floor(Math.min(...(runs[0] ?? [0])) / 2));
  let run = 0;
  const body = (groups[0]?.shape ?? '').replace(/\\d\{\d+\}/g, () => {
    const ls = runs[run] ?? [0];
    const cut = run === 0 ? lead.length : 0;
    run++;
    const lo = Math.min(...ls) - cut;
    const hi = Math.max(...ls) - cut;
    return lo === hi ? `\\d{${lo}}` : `\\d{${lo},${hi}}`;
  });
  return `^${lead}${body}$`;
}

/** Summarises exact-shape groups into the few shapes that cover a meaningful share of the numbers. */
export function shapesFromGroups(groups: Iterable<NumberShapeGroup>): InvoiceShape[] {
  const byLoose = new Map<string, NumberShapeGroup[]>();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    const loose = g.shape.replace(/\\d\{\d+\}/g, '\\d');
    byLoose.set(loose, [...(byLoose.get(loose) ?? []), g]);
  }
  return [...byLoose.values()]
    .map((gs) => ({ gs, count: gs.reduce((s, g) => s + g.count, 0) }))
    .filter(({ gs, count }) => total > 0 && count / total >= MIN_SHAPE_SHARE && digitsInShape(gs[0]?.shape ?? '') >= MIN_SHAPE_DIGITS)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_SHAPES)
    .map(({ gs, count }) => ({ pattern: mergedPattern(gs), share: Math.round((count / total) * 1000) / 1000 }));
}

/** Digits a shape's digit runs hold in all. */
function digitsInShape(shape: string): number {
  return [...shape.matchAll(/\\d\{(\d+)\}/g)].reduce((s, m) => s + Number(m[1]), 0);
}

/** The shapes the SoR's invoice numbers take ("^\d{4}-\d{6}$", "^INV-\d{6}$", "^90\d{5}$"), most common first. */
export function invoiceNumberShapes(numbers: Iterable<string>): InvoiceShape[] {
  return shapesFromGroups(numberShapeGroups(numbers));
}

/**
 * A test for whether a whole token has one of the shapes, in any case and with any or no separator
 * where the shape has one ("2026/001743", "2026001743" for "^\\d{4}-\\d{6}$"); never true without shapes.
 */
export function invoiceShapeMatcher(shapes: readonly InvoiceShape[]): (token: string) => boolean {
  const res = shapes.map((s) => new RegExp(s.pattern.replace(/\\\.|[-_/ ]/g, '[-_./ ]?'), 'i'));
  return (token) => res.some((re) => re.test(token));
}
