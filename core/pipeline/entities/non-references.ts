// Digits that are never references: inside email addresses and links, and phone numbers in
// the shapes signatures use. Found first and claimed, so no later finder reads them.
import { B } from './keywords.js';
import { matchesOf, type ClaimedSpans } from './scan-text.js';

const EMAIL_OR_URL = /(?:https?:\/\/|www\.)[^\s<>"')\]]+|[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

const PHONE_DIGITS = "\\+?\\(?\\d[\\d \\t().\\-/]{5,}\\d";
const PHONE_PATTERNS: RegExp[] = [
  // After a phone word: "Tel. +49 7161 555-214", "phone: 216 555 0187", "cell 630-555-0171".
  new RegExp(
    `${B}(?:tel|tél|tel[ée]fono|telefone|telefon|téléphone|phone|ph|fax|cell|mobile|mob|móvil|movil|handy|office|direct|dir|ext|poste|tlf)\\.?\\s*:?\\s*${PHONE_DIGITS}`,
    'giu',
  ),
  // After a one-letter label at the start of a line or after a separator: "P: (216) 555-0187", "T 614.555.0139".
  new RegExp(`(?:^|[|\\n])\\s*[PTOMCFD]\\s?[:.]?\\s*${PHONE_DIGITS}`, 'gu'),
  // International: "+1 (415) 555-0170", "+33 4 72 55 01 38".
  /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}/g,
  // North American: "(216) 555-0187", "630-555-0148", "614.555.0139", "450 555-0132".
  /(?<![\p{N}.,-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\p{N}]|[.,]\d)/gu,
];

/** Claims email addresses and links. */
export function claimEmailsAndLinks(text: string, claimed: ClaimedSpans): void {
  for (const m of matchesOf(EMAIL_OR_URL, text)) claimed.claim(m.index, m.index + m[0].length);
}

/** Claims phone numbers. */
export function claimPhones(text: string, claimed: ClaimedSpans): void {
  for (const re of PHONE_PATTERNS) {
    for (const m of matchesOf(re, text)) {
      if (!claimed.overlaps(m.index, m.index + m[0].length)) claimed.claim(m.index, m.index + m[0].length);
    }
  }
}
