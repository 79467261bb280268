// Resolves the invoice references and PO numbers an email quotes to SoR invoices. An exact
// key always beats a relaxed one; a one-typo or transposition guess counts only when it
// points to a single invoice (or a single invoice of the customer already identified).
import {
  candidateKeys,
  classifyNumberMatch,
  invoiceNumberKey,
  poNumberKey,
  ruleAllowed,
  type RelaxedMatchingOptions,
} from '../invoice-number.js';
import type { InvoiceMatch, InvoiceMatchRule, MatchResult } from '../match-result.js';
import type { SorInvoice, SorLookup } from '../sor.js';
import type { MoneyAmount } from '../understanding.js';
import { isSuffixReference } from '../entities/invoice-refs.js';
import { invoicesWithoutGroupZeros } from './group-zeros.js';
import { labelledPoKeys } from './po-label-keys.js';

export interface InvoiceResolution {
  invoices: InvoiceMatch[];
  unresolved: MatchResult['unresolved'];
}

export interface ResolveInput {
  invoiceRefs: readonly string[];
  poNumbers: readonly string[];
  /** Customers the sender is already tied to: break ties between relaxed candidates. */
  preferredCustomers: readonly string[];
  rules?: Partial<RelaxedMatchingOptions>;
}

const RULE_TEXT: Record<InvoiceMatchRule, string> = {
  exact: 'exact number',
  case_or_separators: 'same number written with other case or separators',
  missing_prefix: 'same number without its prefix',
  leading_zeros: 'same number with leading zeros',
  one_digit_typo: 'one mistyped digit',
  transposed_digits: 'two adjacent digits swapped',
  added_prefix: "same number with a prefix of the customer's own",
  regrouped_digits: 'same digits written in other groups',
  last_digits: 'its last digits',
  po_number: 'PO number on the invoice',
  amount: 'matched by amount',
};

function toMatch(raw: string, inv: SorInvoice, rule: InvoiceMatchRule, note = ''): InvoiceMatch {
  return {
    raw,
    number: inv.number,
    invoiceId: inv.sorId,
    customerId: inv.customerSorId,
    rule,
    evidence: `"${raw}" → ${inv.number} of ${inv.customerSorId} (${RULE_TEXT[rule]}${note})`,
  };
}

/** Invoices sharing the exact key whose spelling difference the rules allow. */
function exactCandidates(raw: string, found: SorInvoice[], rules: Partial<RelaxedMatchingOptions>): Array<{ inv: SorInvoice; rule: InvoiceMatchRule }> {
  const key = invoiceNumberKey(raw);
  const out: Array<{ inv: SorInvoice; rule: InvoiceMatchRule }> = [];
  for (const inv of found) {
    if (invoiceNumberKey(inv.number) !== key) continue;
    const rule = classifyNumberMatch(raw, inv.number);
    if (rule && ruleAllowed(rule, rules)) out.push({ inv, rule });
  }
  const order: InvoiceMatchRule[] = ['exact', 'case_or_separators', 'missing_prefix', 'leading_zeros'];
  return out.sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
}

/** Resolves one invoice reference. */
async function resolveRef(
  raw: string,
  sor: SorLookup,
  preferred: readonly string[],
  rules: Partial<RelaxedMatchingOptions>,
): Promise<{ match?: InvoiceMatch; unresolved?: MatchResult['unresolved'][number] }> {
  const keys = candidateKeys(raw, rules);
  const exactKey = keys[0]?.key ?? invoiceNumberKey(raw);
  const sameKey = await sor.invoicesByNumberKeys([exactKey]);
  if (isSuffixReference(raw)) return resolveLastDigits(raw, raw.replace(/\D/g, ''), sor, preferred, rules, 4);
  const exact = regroupedWhereSplit(raw, exactCandidates(raw, sameKey, rules), rules);
  if (exact.length === 0 && sameKey.length > 0) {
    // The number exists but written in a way the rules do not accept: no guessing at other numbers.
    return { unresolved: { raw, reason: 'not_found', candidates: sameKey.map((i) => i.number), kind: 'invoice' } };
  }
  if (exact.length > 0) {
    // The most literal spelling wins ("INV-1" over "IN-1" for "INV-1"); a tie goes to the preferred customer.
    const bestRule = exact[0]?.rule;
    const best = exact.filter((c) => c.rule === bestRule);
    const pick = best.length === 1 ? best : best.filter((c) => preferred.includes(c.inv.customerSorId));
    if (pick.length === 1 && pick[0]) return { match: toMatch(raw, pick[0].inv, pick[0].rule, best.length > 1 ? ', preferred: invoice of the sender\'s customer' : '') };
    return { unresolved: { raw, reason: 'ambiguous', candidates: best.map((c) => c.inv.number), kind: 'invoice' } };
  }

  const bySerial = await resolveSerial(raw, sor, preferred, rules);
  if (bySerial) return bySerial;
  const byGroups = await resolveGroupZeros(raw, sor, preferred, rules);
  if (byGroups) return byGroups;
  const byPo = await resolveAsPo(raw, sor, rules);
  if (byPo) return byPo;

  const fuzzy = keys.slice(1);
  if (fuzzy.length === 0) return (await resolveShortNumber(raw, sor, preferred, rules)) ?? { unresolved: { raw, reason: 'not_found', kind: 'invoice' } };
  const ruleOfKey = new Map(fuzzy.map((k) => [k.key, k.rule] as const));
  const found = (await sor.invoicesByNumberKeys(fuzzy.map((k) => k.key))).map((inv) => ({
    inv,
    rule: ruleOfKey.get(invoiceNumberKey(inv.number)),
  }));
  const candidates = found.filter((c): c is { inv: SorInvoice; rule: 'one_digit_typo' | 'transposed_digits' } => c.rule !== undefined);
  if (candidates.length === 0) return (await resolveShortNumber(raw, sor, preferred, rules)) ?? { unresolved: { raw, reason: 'not_found', kind: 'invoice' } };
  if (candidates.length === 1 && candidates[0]) return { match: toMatch(raw, candidates[0].inv, candidates[0].rule, ', the only invoice within one edit') };
  const ofPreferred = candidates.filter((c) => preferred.includes(c.inv.customerSorId));
  if (ofPreferred.length === 1 && ofPreferred[0]) {
    return {
      match: toMatch(
        raw,
        ofPreferred[0].inv,
        ofPreferred[0].rule,
        `; ${candidates.length} invoices are within one edit, preferred the only one of the sender's customer ${ofPreferred[0].inv.customerSorId}`,
      ),
    };
  }
  return { unresolved: { raw, reason: 'ambiguous', candidates: candidates.map((c) => c.inv.number), kind: 'invoice' } };
}

type Resolved = { match?: InvoiceMatch; unresolved?: MatchResult['unresolved'][number] };

/** The digit groups of a reference: "904 125 77" → ["904", "125", "77"]. */
const digitGroups = (s: string): string[] => s.match(/\d+/g) ?? [];

/**
 * "904 125 77" for 90412577, "RF 0060 555" for RF-0060555: the same digits, but split by spaces
 * into groups the SoR number does not have. The reading is likely but not literal: the match is
 * kept under its own rule, for a person to confirm.
 */
function regroupedWhereSplit(
  raw: string,
  candidates: Array<{ inv: SorInvoice; rule: InvoiceMatchRule }>,
  rules: Partial<RelaxedMatchingOptions>,
): Array<{ inv: SorInvoice; rule: InvoiceMatchRule }> {
  if (!/\d\s+\d/.test(raw)) return candidates;
  return candidates.flatMap((c) => {
    const same = digitGroups(raw).join(' ') === digitGroups(c.inv.number).join(' ');
    if (same) return [c];
    return ruleAllowed('regrouped_digits', rules) ? [{ inv: c.inv, rule: 'regrouped_digits' as const }] : [];
  });
}

/**
 * A reference that is only the last digits of an invoice number ("the invoice ending in 415209"):
 * it names an invoice only when exactly one invoice of the sender's customer(s) ends in them.
 * Without a customer to search, or with several candidates, a person decides.
 */
async function resolveLastDigits(
  raw: string,
  digits: string,
  sor: SorLookup,
  preferred: readonly string[],
  rules: Partial<RelaxedMatchingOptions>,
  minDigits: number,
): Promise<Resolved> {
  if (!ruleAllowed('last_digits', rules) || digits.length < minDigits || preferred.length === 0) {
    return { unresolved: { raw, reason: 'not_found', kind: 'invoice' } };
  }
  const own = (await Promise.all(preferred.map((c) => sor.invoicesOfCustomer(c)))).flat();
  const found = own.filter((i) => {
    const d = i.number.replace(/\D/g, '');
    return d.length > digits.length && d.endsWith(digits);
  });
  const only = found.length === 1 ? found[0] : undefined;
  if (only) return { match: toMatch(raw, only, 'last_digits', `, the only invoice of ${only.customerSorId} ending in ${digits}`) };
  if (found.length === 0) return { unresolved: { raw, reason: 'not_found', kind: 'invoice' } };
  return { unresolved: { raw, reason: 'ambiguous', candidates: found.map((i) => i.number), kind: 'invoice' } };
}

/**
 * A bare number shorter than the invoice numbers it could end ("415209" for 90415209), quoted
 * where a whole number matches nothing: its last digits, under the same rule as a marked suffix.
 */
async function resolveShortNumber(raw: string, sor: SorLookup, preferred: readonly string[], rules: Partial<RelaxedMatchingOptions>): Promise<Resolved | undefined> {
  const digits = raw.trim().replace(/^#\s*/, '');
  if (!/^\d{5,7}$/.test(digits)) return undefined;
  const r = await resolveLastDigits(raw, digits, sor, preferred, rules, 5);
  return r.match || r.unresolved?.reason === 'ambiguous' ? r : undefined;
}

/**
 * A number read as an invoice reference that is no invoice's number but exactly one invoice's
 * PO number ("our PO on it should be 4500191875"): resolved as that PO.
 */
async function resolveAsPo(raw: string, sor: SorLookup, rules: Partial<RelaxedMatchingOptions>): Promise<Resolved | undefined> {
  if (!ruleAllowed('po_number', rules) || !/\d{4,}/.test(raw)) return undefined;
  let found = await sor.invoicesByPoKeys([poNumberKey(raw)]);
  if (found.length === 0) found = await sor.invoicesByPoKeys(labelledPoKeys(raw));
  if (found.length !== 1 || !found[0]) return undefined;
  return { match: toMatch(raw, found[0], 'po_number', ', quoted where an invoice number was expected') };
}

/**
 * A bare number ("001743") that is the last digit group of SoR numbers with several groups
 * ("2026-001743"): the reference without its year or series part. Counts only when it points
 * to one invoice (or one of the sender's customer); several candidates are ambiguous.
 */
async function resolveSerial(
  raw: string,
  sor: SorLookup,
  preferred: readonly string[],
  rules: Partial<RelaxedMatchingOptions>,
): Promise<{ match?: InvoiceMatch; unresolved?: MatchResult['unresolved'][number] } | undefined> {
  const digits = raw.trim();
  if (!ruleAllowed('missing_prefix', rules) || !/^\d{4,}$/.test(digits)) return undefined;
  const found = await sor.invoicesBySerialKeys([digits.replace(/^0+(?=\d)/, '')]);
  if (found.length === 0) return undefined;
  const pick = found.length === 1 ? found : found.filter((i) => preferred.includes(i.customerSorId));
  if (pick.length === 1 && pick[0]) return { match: toMatch(raw, pick[0], 'missing_prefix', ', its serial without the year or series part') };
  return { unresolved: { raw, reason: 'ambiguous', candidates: found.map((i) => i.number), kind: 'invoice' } };
}

/** "2026-1609" for "2026-001609": zeros dropped inside a digit group; counts only when it points to one invoice (or one of the sender's customer). */
async function resolveGroupZeros(
  raw: string,
  sor: SorLookup,
  preferred: readonly string[],
  rules: Partial<RelaxedMatchingOptions>,
): Promise<{ match?: InvoiceMatch; unresolved?: MatchResult['unresolved'][number] } | undefined> {
  if (!ruleAllowed('leading_zeros', rules)) return undefined;
  const found = await invoicesWithoutGroupZeros(raw, sor);
  if (found.length === 0) return undefined;
  const pick = found.length === 1 ? found : found.filter((i) => preferred.includes(i.customerSorId));
  if (pick.length === 1 && pick[0]) return { match: toMatch(raw, pick[0], 'leading_zeros', ', zeros dropped inside a digit group') };
  return { unresolved: { raw, reason: 'ambiguous', candidates: found.map((i) => i.number), kind: 'invoice' } };
}

/** Resolves one PO number to the invoice raised against it. */
async function resolvePo(raw: string, sor: SorLookup): Promise<{ matches: InvoiceMatch[]; unresolved?: MatchResult['unresolved'][number]; live?: string[] }> {
  let found = await sor.invoicesByPoKeys([poNumberKey(raw)]);
  // Only when the PO as written finds nothing: the same value under the label the SoR stores with it.
  if (found.length === 0) found = await sor.invoicesByPoKeys(labelledPoKeys(raw));
  if (found.length === 0) return { matches: [], unresolved: { raw, reason: 'not_found', kind: 'po' } };
  if (found.length === 1 && found[0]) return { matches: [toMatch(raw, found[0], 'po_number')] };
  const live = found.filter((i) => i.status !== 'void');
  return { matches: [], unresolved: { raw, reason: 'ambiguous', candidates: found.map((i) => i.number), kind: 'po' }, live: (live.length > 0 ? live : found).map((i) => i.number) };
}

/** Resolves every invoice reference and PO number, each SoR invoice reported once. */
export async function resolveInvoices(input: ResolveInput, sor: SorLookup): Promise<InvoiceResolution> {
  const rules = input.rules ?? {};
  const invoices: InvoiceMatch[] = [];
  const unresolved: MatchResult['unresolved'] = [];
  const seen = new Set<string>();
  const addMatch = (m: InvoiceMatch): void => {
    if (seen.has(m.invoiceId)) return;
    seen.add(m.invoiceId);
    invoices.push(m);
  };
  for (const raw of input.invoiceRefs) {
    const r = await resolveRef(raw, sor, input.preferredCustomers, rules);
    if (r.match) addMatch(r.match);
    if (r.unresolved) unresolved.push(r.unresolved);
  }
  if (ruleAllowed('po_number', rules)) {
    for (const raw of input.poNumbers) {
      const r = await resolvePo(raw, sor);
      r.matches.forEach(addMatch);
      // A PO whose invoices the email already names explicitly needs no resolving; an invoice voided
      // and reissued under the same PO counts as its reissue.
      const live = r.unresolved?.reason === 'ambiguous' ? r.live ?? [] : [];
      const covered = live.length > 0 && live.every((n) => invoices.some((i) => i.number === n));
      if (r.unresolved && !covered) unresolved.push(r.unresolved);
    }
  }
  return { invoices, unresolved };
}

const cents = (x: number): number => Math.round(x * 100);

/**
 * Invoices named only by their amount ("the invoice of 4,312.50 EUR from March"): an amount the
 * email quotes that equals the amount or the open balance of exactly one invoice of the customer
 * (in the same currency when the email states one). Void invoices do not count; an amount that
 * fits several invoices names none. Call it only when the email quotes no invoice reference: the
 * match is evidence for a person, never a basis for an automatic reply (decide sees to that).
 */
export function resolveByAmount(amounts: readonly MoneyAmount[], invoices: readonly SorInvoice[]): InvoiceMatch[] {
  const out: InvoiceMatch[] = [];
  const seen = new Set<string>();
  for (const a of amounts) {
    const value = cents(a.value);
    if (value <= 0) continue;
    const fits = invoices.filter(
      (i) =>
        i.status !== 'void' &&
        (a.currency === undefined || a.currency === i.currency) &&
        (cents(i.amount) === value || (i.balance > 0 && cents(i.balance) === value)),
    );
    const only = fits.length === 1 ? fits[0] : undefined;
    if (!only || seen.has(only.sorId)) continue;
    seen.add(only.sorId);
    const what = cents(only.amount) === value ? 'its amount' : 'its open balance';
    out.push(toMatch(a.raw, only, 'amount', `: ${what}, the only invoice of ${only.customerSorId} with it`));
  }
  return out;
}
