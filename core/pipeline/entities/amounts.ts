// Money amounts with a currency, in US ("$12,450.00", "USD 16.25") and European
// ("12.450,00 €", "EUR 1.342,00", "CAD 3 200,50", "178,31 $") formats.
import type { MoneyAmount } from '../understanding.js';
import { B, E } from './keywords.js';
import { matchesOf, type ClaimedSpans, type Found } from './scan-text.js';

export interface AmountOptions {
  /** ISO code a bare "$" stands for (the dollar is ambiguous: USD, CAD, MXN, AUD …). */
  dollarCurrency: string;
}

/** Currency symbols and codes → ISO 4217. A bare "$" is resolved by the options. */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['us$', 'USD'], ['u$s', 'USD'], ['usd', 'USD'], ['c$', 'CAD'], ['ca$', 'CAD'], ['cad', 'CAD'], ['can$', 'CAD'],
  ['a$', 'AUD'], ['aud', 'AUD'], ['mx$', 'MXN'], ['mxn', 'MXN'], ['r$', 'BRL'], ['brl', 'BRL'],
  ['€', 'EUR'], ['eur', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'], ['£', 'GBP'], ['gbp', 'GBP'],
  ['chf', 'CHF'], ['fr.', 'CHF'], ['sek', 'SEK'], ['nok', 'NOK'], ['dkk', 'DKK'], ['pln', 'PLN'], ['jpy', 'JPY'], ['¥', 'JPY'],
  ['dollars', 'USD'], ['dollar', 'USD'],
]);

const CURRENCY_BEFORE = '(US\\$|U\\$S|CA\\$|CAN\\$|MX\\$|C\\$|A\\$|R\\$|\\$|€|£|¥|USD|EUR|CAD|GBP|CHF|AUD|MXN|BRL|SEK|NOK|DKK|PLN|JPY)';
const CURRENCY_AFTER = '(US\\$|CA\\$|\\$|€|£|USD|EUR|CAD|GBP|CHF|AUD|MXN|BRL|SEK|NOK|DKK|PLN|JPY|euros?|dollars?)';
// 12,450.00 | 12.450,00 | 3 200,50 | 1'250.00 | 16.25 | 412 — grouping must be consistent.
const NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d{1,3}(?: \\d{3})+(?:[.,]\\d{1,2})?|\\d{1,3}(?:'\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";

const BEFORE = new RegExp(`${B}${CURRENCY_BEFORE}[ \\t]?${NUMBER}(?![\\p{N}]|[.,]\\d)`, 'giu');
// Not the tail of "2026-001743 €" or "204518/204535 $" either: a number glued to digits by "-" or "/" is a reference.
const AFTER = new RegExp(`(?<![\\p{N}.,']|\\p{N}[-/])${NUMBER}[ \\t]?${CURRENCY_AFTER}${E}`, 'giu');

/** Parses "12.450,00", "12,450.00", "3 200,50", "1'250.00", "1,5" into a number. */
export function parseAmountNumber(s: string): number | undefined {
  const compact = s.replace(/[\s']/g, '');
  const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let normalized: string;
  if (lastSep === -1) normalized = compact;
  else {
    const decimals = compact.length - lastSep - 1;
    const seps = compact.replace(/[^.,]/g, '');
    // One separator followed by exactly three digits is a thousands separator ("$1,550", "1.550 €").
    const isDecimal = decimals !== 3 || (seps.length > 1 && new Set(seps).size > 1);
    normalized = isDecimal
      ? compact.slice(0, lastSep).replace(/[.,]/g, '') + '.' + compact.slice(lastSep + 1)
      : compact.replace(/[.,]/g, '');
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

function currencyOf(symbol: string, opts: AmountOptions): string | undefined {
  const s = symbol.toLowerCase();
  if (s === '$') return opts.dollarCurrency;
  return SYMBOLS.get(s);
}

/** Finds amounts with a currency outside claimed spans; claims nothing itself. */
export function findAmounts(text: string, claimed: ClaimedSpans, opts: AmountOptions): Array<Found<MoneyAmount>> {
  const out: Array<Found<MoneyAmount>> = [];
  const add = (start: number, end: number, num: string, symbol: string): void => {
    if (claimed.overlaps(start, end) || out.some((f) => start < f.end && f.start < end)) return;
    const value = parseAmountNumber(num);
    if (value === undefined) return;
    const currency = currencyOf(symbol, opts);
    out.push({ start, end, value: { value, raw: text.slice(start, end), ...(currency ? { currency } : {}) } });
  };
  for (const m of matchesOf(BEFORE, text)) add(m.index, m.index + m[0].length, m[2] ?? '', m[1] ?? '');
  for (const m of matchesOf(AFTER, text)) add(m.index, m.index + m[0].length, m[1] ?? '', m[2] ?? '');
  return out.sort((a, b) => a.start - b.start);
}
