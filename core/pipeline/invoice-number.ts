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
): Extract<InvoiceMatchRule, 'exact' | 'case_or_separators' | 'missing_prefix' | 'leading_zeros'> | undefined {
  if (raw.trim() === number.trim()) return 'exact';
  const a = alphanumericKey(raw);
  const b = alphanumericKey(number);
  if (a === b) return 'case_or_separators';
  const pa = splitPrefix(a);
  const pb = splitPrefix(b);
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
      return opts.caseAndSeparators;
    case 'missing_prefix':
      return opts.missingPrefix;
    case 'leading_zeros':
      return opts.leadingZeros;
    case 'one_digit_typo':
      return opts.oneTypo;
    case 'transposed_digits':
      return opts.transposition;
    case 'po_number':
      return opts.poNumbers;
  }
}
