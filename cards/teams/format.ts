// Text helpers shared by the Teams cards: money, times, truncation and untrusted text.
import type { MoneyView } from '../../bot/queries/views.js';

/** "USD 12,450.00": en-US digits with the currency code, so mixed currencies are never confused. */
export function formatMoney(money: MoneyView): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency, currencyDisplay: 'code' }).format(money.amount);
  } catch (err) {
    // Intl refuses codes that are not ISO 4217 (RangeError); the SoR may still use them.
    if (!(err instanceof RangeError)) throw err;
    return `${money.currency} ${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(money.amount)}`;
  }
}

/**
 * A timestamp as Adaptive Cards date/time functions, which the client renders in the reader's
 * own time zone ("Nov 20, 2026 1:00 PM"); only for TextBlock text. The functions take RFC 3339
 * without fractional seconds; anything unparseable is shown as given.
 */
export function cardDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const rfc3339 = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${rfc3339}, SHORT)}} {{TIME(${rfc3339})}}`;
}

/** At most `max` characters, the last being "…" when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Text from an email or a person, made safe to place in a card: Teams turns `<at>…</at>` into
 * mentions and `{{DATE(…)}}` into dates, so neither survives; control characters are dropped.
 * Markdown is kept.
 */
export function untrusted(text: string, max: number): string {
  const cleaned = text
    .replace(/<\/?at\b[^>]*>/gi, '')
    .replace(/\{\{/g, '{\u200B{')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return truncate(cleaned, max);
}

/**
 * "Jane Roe (jane@acme.example)" for "Jane Roe <jane@acme.example>": Teams' markdown would
 * take the angle-bracketed part for a tag or an autolink.
 */
export function displayAddress(formatted: string): string {
  return formatted.replace(/^(.*?)\s*<([^<>]+)>\s*$/, (_m, name: string, address: string) => (name.trim() === '' ? address : `${name.trim()} (${address})`));
}

/** "93%" for 0.93. */
export function percent(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** "a, b and 3 more" for a long list, keeping at most `max` items. */
export function listWithMore(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** "1 note", "2 notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A markdown bullet list of at most `max` lines, then "and N more". */
export function bullets(lines: readonly string[], max: number): string {
  const kept = lines.slice(0, max).map((l) => `- ${l}`);
  if (lines.length > max) kept.push(`- and ${lines.length - max} more`);
  return kept.join('\n');
}
