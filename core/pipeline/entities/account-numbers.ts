// Customer account numbers after an account word: "account 100-2231", "acct #100-2231",
// "Kundennummer 210-0457", "Kd.-Nr. 210-0457", "numéro de client 225-0140", "compte 100-2232",
// "n.º de cliente 220-0733", "klantnummer 220-0801".
import { ACCOUNT_WORDS, B, E, NUMBER_MARK } from './keywords.js';
import { digitCount, matchesOf, type ClaimedSpans, type Found } from './scan-text.js';

const VALUE = '([A-Z0-9](?:[A-Z0-9./-]*[A-Z0-9])?)';
const ACCOUNT_RE = new RegExp(`${B}(?:${ACCOUNT_WORDS})(?:\\s*${NUMBER_MARK})?(?:\\s+(?:is|was))?\\s*[:#]?\\s*${VALUE}${E}`, 'giu');

/** Finds account numbers outside claimed spans and claims them. */
export function findAccountNumbers(text: string, claimed: ClaimedSpans): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  for (const m of matchesOf(ACCOUNT_RE, text)) {
    const value = m[1] ?? '';
    const end = m.index + m[0].length;
    const start = end - value.length;
    if (digitCount(value) < 3 || value.length > 24 || claimed.overlaps(start, end)) continue;
    out.push({ start, end, value });
    claimed.claim(start, end);
  }
  return out;
}
