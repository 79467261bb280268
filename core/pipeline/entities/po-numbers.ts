// PO numbers: "PO-88213", "PO# 4500123", "P.O. 4500123", "purchase order 4500123",
// "Bestellnummer 4500123", "bon de commande BC-2231", "orden de compra OC-4471",
// "encomenda ENC/2026/0530", "inkoopordernummer 7781", and lists after one keyword.
import { B, E, NUMBER_MARK, PO_WORDS } from './keywords.js';
import { digitCount, matchesOf, type ClaimedSpans, type Found } from './scan-text.js';
import { escapeRegExp } from '../escape-regexp.js';

const VALUE = '([A-Z0-9](?:[A-Z0-9._/-]*[A-Z0-9])?)';
const LIST_SEP = '\\s*(?:,|;|&|\\+|/|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\ben\\b|\\bor\\b|\\bou\\b|\\bo\\b)\\s*';
const PO_ABBREV = '(?:P\\.\\s?O\\.?|PO|OC|BC|OdA)';

// "PO", "P.O." and the like are upper-case only: "po" is a word in several languages.
const ABBREV_RE = new RegExp(`${B}${PO_ABBREV}(?:\\s*(?:#|No\\.?|no\\.?|Nr\\.?|number|Number))?(?:\\s+(?:is|was))?(\\s*[:#-]?\\s*)${VALUE}${E}`, 'gu');
const WORD_RE = new RegExp(`${B}(?:${PO_WORDS})(?:\\s*${NUMBER_MARK})?(?:\\s+(?:is|was))?\\s*[:#-]?\\s*${VALUE}${E}`, 'giu');
const CONTINUATION_RE = new RegExp(`^${LIST_SEP}(?:${PO_ABBREV}\\s*[:#-]?\\s*)?${VALUE}${E}`, 'u');

/** A PO value must carry a digit and look like an identifier, not a date or amount. */
function plausible(value: string): boolean {
  return digitCount(value) >= 3 && value.length <= 30 && !/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(value);
}

/** Finds PO numbers outside claimed spans, claims them, and returns them in text order. */
export function findPoNumbers(
  text: string,
  claimed: ClaimedSpans,
  invoicePrefixes: readonly string[] = [],
  invoiceShaped: (token: string) => boolean = () => false,
): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  // A number written with the SoR's invoice prefix is an invoice number even under a "PO" heading.
  const escaped = invoicePrefixes.map(escapeRegExp);
  const invoiceLike = escaped.length > 0 ? new RegExp(`^(?:${escaped.join('|')})[-_./ ]?\\d`, 'i') : undefined;
  const tryAdd = (start: number, end: number, raw: string, labelAt = start): boolean => {
    if (!plausible(raw) || claimed.overlaps(start, end) || invoiceLike?.test(raw)) return false;
    // A number of the SoR's invoice shape on the line below a "PO" column heading is an invoice row.
    if (text.slice(labelAt, start).includes('\n') && invoiceShaped(raw)) return false;
    out.push({ start, end, value: raw });
    claimed.claim(start, end);
    return true;
  };
  const continueList = (from: number): void => {
    let pos = from;
    for (;;) {
      const m = CONTINUATION_RE.exec(text.slice(pos, pos + 80));
      if (!m || !m[1]) return;
      const end = pos + m[0].length;
      if (!tryAdd(end - m[1].length, end, m[1])) return;
      pos = end;
    }
  };
  for (const m of matchesOf(ABBREV_RE, text)) {
    const value = m[2] ?? '';
    const end = m.index + m[0].length;
    // "PO-88213" / "PO88213" are written as one token: keep the prefix in the raw value.
    const attached = /^-?$/.test(m[1] ?? '');
    const start = attached ? m.index : end - value.length;
    if (tryAdd(start, end, text.slice(start, end), m.index)) continueList(end);
  }
  for (const m of matchesOf(WORD_RE, text)) {
    const value = m[1] ?? '';
    const end = m.index + m[0].length;
    if (tryAdd(end - value.length, end, value, m.index)) continueList(end);
  }
  return out.sort((a, b) => a.start - b.start);
}
