// extractEntities: every reference an AR email carries, found by small finders that run in a
// fixed order and claim what they take, so one span is never read twice: links and phones
// first (never references), then dates, amounts, payment references, PO numbers, account
// numbers, and invoice references last.
import type { Language } from '../intents.js';
import { invoiceNumberKey, invoiceShapeMatcher, poNumberKey, type InvoiceShape } from '../invoice-number.js';
import type { Entities } from '../understanding.js';
import { findAccountNumbers } from './account-numbers.js';
import { findAmounts } from './amounts.js';
import { findDates } from './dates.js';
import { findInvoiceRefs } from './invoice-refs.js';
import { claimEmailsAndLinks, claimPhones } from './non-references.js';
import { findPaymentRefs } from './payment-refs.js';
import { findPoNumbers } from './po-numbers.js';
import { ClaimedSpans, foldForScan, type Found } from './scan-text.js';

export interface ExtractOptions {
  /** Decides day/month order of numeric dates (English: month first with "/"); default 'und'. */
  language?: Language;
  /** When the email was written: gives dates without a year ("Nov 16", "10.11.") their year. */
  referenceDate?: Date;
  /** ISO code a bare "$" stands for; default USD. */
  dollarCurrency?: string;
  /**
   * Letter prefixes of the SoR's invoice numbers ("INV", "IN", "F"): a number glued to one is an
   * invoice reference even without an invoice word. Default ["INV"]; see invoicePrefixesOf.
   */
  invoicePrefixes?: readonly string[];
  /**
   * Shapes of the SoR's invoice numbers ("^\\d{4}-\\d{6}$"): a token of one of them is an invoice
   * reference even without an invoice word or prefix. Default none; see invoiceNumberShapes.
   */
  invoiceShapes?: readonly InvoiceShape[];
}

/**
 * Values of `found` with the original text's spelling, first occurrence per key; a value that is
 * not its span of `scan` (a completed short form: "1790" in "2026-001743/1790") is kept as is.
 */
function uniqueRaw(found: Array<Found<string>>, original: string, key: (s: string) => string, scan?: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found) {
    const completed = scan !== undefined && f.value !== scan.slice(f.start, f.end);
    const raw = (completed ? f.value : original.slice(f.start, f.end)).trim();
    const k = key(raw);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(raw);
  }
  return out;
}

/** Finds invoice, PO, account and payment references, amounts and dates in `text` (pure, deterministic). */
export function extractEntities(text: string, opts: ExtractOptions = {}): Entities {
  const scan = foldForScan(text);
  const claimed = new ClaimedSpans();
  claimEmailsAndLinks(scan, claimed);
  claimPhones(scan, claimed);

  const dates = findDates(scan, claimed, {
    language: opts.language ?? 'und',
    ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
  });
  for (const d of dates) claimed.claim(d.start, d.end);
  const amounts = findAmounts(scan, claimed, { dollarCurrency: opts.dollarCurrency ?? 'USD' });
  for (const a of amounts) claimed.claim(a.start, a.end);
  const payments = findPaymentRefs(scan, claimed);
  const shaped = invoiceShapeMatcher(opts.invoiceShapes ?? []);
  const pos = findPoNumbers(scan, claimed, opts.invoicePrefixes, shaped);
  const accounts = findAccountNumbers(scan, claimed);
  const invoices = findInvoiceRefs(scan, claimed, opts.invoicePrefixes, shaped);

  const seenDates = new Set<string>();
  return {
    invoiceNumbers: uniqueRaw(invoices, text, invoiceNumberKey, scan),
    poNumbers: uniqueRaw(pos, text, poNumberKey),
    accountNumbers: uniqueRaw(accounts, text, (s) => s.toUpperCase()),
    amounts: amounts.map((a) => ({ ...a.value, raw: text.slice(a.start, a.end) })),
    dates: dates
      .map((d) => ({ iso: d.value.iso, raw: text.slice(d.start, d.end) }))
      .filter((d) => {
        const k = `${d.iso}|${d.raw}`;
        if (seenDates.has(k)) return false;
        seenDates.add(k);
        return true;
      }),
    paymentReferences: [...new Set(payments.map((p) => p.value))],
  };
}

