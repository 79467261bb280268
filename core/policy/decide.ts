// Stage 5: auto-reply, review or no action. An automatic reply is the exception that must
// be earned: every condition of FORMAT.md "Expected action" must hold, and the send guard
// must agree. Anything else goes to a person with the reasons listed.
import { SOR_ANSWERABLE, type Intent } from '../pipeline/intents.js';
import type { MatchResult } from '../pipeline/match-result.js';
import type { NormalizedEmail } from '../pipeline/normalized-email.js';
import type { ParsedEmail } from '../pipeline/parsed-email.js';
import { poNumberKey } from '../pipeline/invoice-number.js';
import { labelledPoKeys } from '../pipeline/match/po-label-keys.js';
import type { SorInvoice, SorLookup } from '../pipeline/sor.js';
import type { Understanding } from '../pipeline/understanding.js';
import { thresholdFor } from './automation-policy.js';
import type { AutomationPolicy, Decision, DecisionReason } from './decision.js';
import { findEmbeddedInstructions } from './embedded-instructions.js';
import { isThanksOnly, machineHeaderReason, machineSentReason } from './machine-sent.js';
import { dataScopeOf } from './data-scope.js';
import { guardSend } from './send-guard.js';
import { tripwires } from './tripwires.js';

export interface DecideInput {
  parsed: ParsedEmail;
  normalized: NormalizedEmail;
  understanding: Understanding;
  match: MatchResult;
}

const reason = (code: string, message: string): DecisionReason => ({ code, message });

/** Decides what happens to one email. Pure apart from SoR reads. */
export async function decide(input: DecideInput, policy: AutomationPolicy, sor: SorLookup): Promise<Decision> {
  const { parsed, normalized, understanding, match } = input;
  const intents = understanding.intents;
  const base = { intents, customerId: match.customerId, invoiceNumbers: match.invoices.map((i) => i.number), recipients: [] as string[] };

  const machine = machineSentReason(parsed) ?? (match.sender.systemSender ? `system sender ${match.sender.address}` : undefined);
  if (machine) {
    // Headers that mark an automatic reply, bounce or receipt say what it is, whatever words of the
    // message it reports on the model read; a no-reply address alone does not (phishing uses one).
    const machineIntents: Intent[] = machineHeaderReason(parsed) && intents.every((i) => i === 'other') ? ['auto_reply'] : intents;
    return { ...base, intents: machineIntents, action: 'no_action', reasons: [reason('machine_sent', `machine-sent message: ${machine}`)] };
  }
  if (intents.length === 1 && intents[0] === 'auto_reply') {
    return { ...base, action: 'no_action', reasons: [reason('machine_sent', 'reads as an automatic reply (out-of-office, receipt or delivery notice)')] };
  }
  if (intents.every((i) => i === 'other') && isThanksOnly(normalized.newText) && normalized.problems.length === 0 && parsed.problems.length === 0) {
    return { ...base, action: 'no_action', reasons: [reason('thanks_only', 'a thank-you note with no request')] };
  }

  const blockers = await autoReplyBlockers(input, policy, sor);
  if (blockers.length > 0) return { ...base, action: 'review', reasons: blockers };

  const customerId = match.customerId as string;
  const recipients = [match.sender.address];
  const verdict = await guardSend({ customerId, scope: dataScopeOf(intents), invoiceNumbers: base.invoiceNumbers, recipients }, sor);
  if (!verdict.allowed) {
    return { ...base, action: 'review', reasons: verdict.violations.map((v) => reason(`send_guard_${v.code}`, `send guard: ${v.message}`)) };
  }
  return {
    ...base,
    action: 'auto_reply',
    recipients,
    reasons: [reason('auto_reply_checks_passed', `known contact of ${customerId} asks only for ${intents.join(' and ')}; references resolved; sender authenticated; send guard passed`)],
  };
}

/** Every reason the email may not be answered automatically; empty means it may. */
async function autoReplyBlockers(input: DecideInput, policy: AutomationPolicy, sor: SorLookup): Promise<DecisionReason[]> {
  const { parsed, normalized, understanding, match } = input;
  const out: DecisionReason[] = [];
  const intents = understanding.intents;
  const sender = match.sender;

  for (const problem of [...parsed.problems, ...normalized.problems]) out.push(reason('unreadable_content', problem));
  for (const a of normalized.attachments.filter((x) => x.error)) {
    out.push(reason('attachment_unreadable', `attachment ${a.filename ?? '(unnamed)'} could not be read: ${a.error}`));
  }
  if (normalized.newText.trim().length === 0 && parsed.subject.trim().length === 0) out.push(reason('empty_message', 'the message has no text'));

  const needsPerson = intents.filter((i) => !SOR_ANSWERABLE.has(i));
  if (needsPerson.length > 0) out.push(reason('intent_needs_person', `${needsPerson.join(', ')} needs a person`));
  for (const t of tripwires(normalized.newText, intents)) {
    const what = t.intent === 'other' ? 'also asks something for sales (an order, a quote, prices)' : `may also be a ${t.intent.replace(/_/g, ' ')}`;
    out.push(reason(t.intent === 'other' ? 'possible_sales_question' : `possible_${t.intent}`, `${what}: “${t.cue}”`));
  }
  for (const intent of intents.filter((i) => SOR_ANSWERABLE.has(i))) {
    if (!policy.enabledIntents.has(intent)) out.push(reason('intent_not_automated', `automatic replies for ${intent} are switched off`));
    const score = understanding.scores.find((s) => s.intent === intent)?.confidence ?? 0;
    if (score < thresholdFor(policy, intent)) out.push(reason('low_confidence', `${intent} confidence ${score.toFixed(2)} is below ${thresholdFor(policy, intent)}`));
  }

  const customerId = match.customerId;
  if (!customerId) {
    out.push(reason('customer_unknown', 'the customer cannot be identified safely'));
    return out;
  }
  const customer = await sor.customer(customerId);
  if (!customer) out.push(reason('customer_unknown', `customer ${customerId} is not in the system of record`));
  else {
    if (customer.status !== 'active') out.push(reason('customer_not_active', `customer ${customerId} is ${customer.status}`));
    if (!customer.enrolled) out.push(reason('customer_not_enrolled', `customer ${customerId} is not enrolled in automatic replies`));
  }

  const isContact = sender.contactOf.includes(customerId);
  const invoiceContactFor = new Set(sender.invoiceContactOf.filter((c) => c.customerId === customerId).map((c) => c.invoiceNumber));
  const onlyInvoices = intents.length > 0 && intents.every((i) => i === 'invoice_copy');
  const invoiceContactCovers = onlyInvoices && match.invoices.length > 0 && match.invoices.every((m) => invoiceContactFor.has(m.number));
  if (!isContact && !invoiceContactCovers) out.push(reason('sender_not_known_contact', `${sender.address || 'the sender'} is not a known contact of ${customerId}`));

  // DMARC, when the receiving server evaluated it, is the verdict on the From domain (it passes
  // when SPF or DKIM passes aligned, so a DKIM signature broken in transit is no reason to stop).
  // Without a DMARC verdict, an explicit SPF or DKIM failure is.
  const auth = sender.auth;
  if (auth.dmarc !== undefined) {
    if (auth.dmarc !== 'pass' && policy.requireDmarcPass) out.push(reason('dmarc_failed', `DMARC ${auth.dmarc}`));
  } else {
    if (auth.spf === 'fail' || auth.spf === 'softfail') out.push(reason('spf_failed', `SPF ${auth.spf}`));
    if (auth.dkim === 'fail') out.push(reason('dkim_failed', 'DKIM fail'));
  }
  if (sender.lookalike) out.push(reason('lookalike_domain', `sender domain ${sender.domain} imitates ${sender.lookalike.domain}: ${sender.lookalike.reason}`));
  if (sender.replyToMismatch) out.push(reason('reply_to_mismatch', `Reply-To ${sender.replyToMismatch.address}: ${sender.replyToMismatch.reason}`));

  for (const u of match.unresolved) {
    out.push(reason(u.reason === 'ambiguous' ? 'ambiguous_reference' : 'invoice_not_found', `${u.raw} ${u.reason === 'ambiguous' ? `matches several invoices (${(u.candidates ?? []).join(', ')})` : 'matches no invoice'}`));
  }
  const ownInvoices = await sor.invoicesOfCustomer(customerId);
  for (const inv of match.invoices) {
    if (inv.customerId !== customerId) out.push(reason('foreign_invoice', `${inv.number} belongs to customer ${inv.customerId}, not ${customerId}`));
    // A corrected number is a guess about what the customer meant: a person confirms it.
    if (inv.rule === 'one_digit_typo' || inv.rule === 'transposed_digits') {
      out.push(reason('invoice_number_corrected', `${inv.raw} was read as ${inv.number} (${inv.rule.replace(/_/g, ' ')}): ${inv.evidence}`));
    }
    // Digits regrouped ("904 125 77") are a reading of the number, not the number: only another
    // reference of the same invoice quoted beside it (its PO, its amount) confirms it; else a person does.
    if (inv.rule === 'regrouped_digits' && !corroborated(inv.number, understanding, ownInvoices)) {
      out.push(reason('invoice_number_regrouped', `${inv.raw} was read as ${inv.number} and nothing else quoted confirms it: ${inv.evidence}`));
    }
    // An amount only says which invoice it probably is: a person confirms it.
    if (inv.rule === 'amount') out.push(reason('invoice_matched_by_amount_only', `no invoice number quoted; ${inv.number} was matched by amount only: ${inv.evidence}`));
  }
  // A void invoice was cancelled or replaced: which document applies is a person's explanation, not a copy.
  const referenced = match.invoices.length === 0 ? [] : await sor.invoicesOfCustomer(customerId);
  for (const inv of match.invoices) {
    if (referenced.find((r) => r.number === inv.number)?.status === 'void') out.push(reason('invoice_void', `${inv.number} is void in the system of record`));
  }
  const others = match.referencedCustomers.filter((c) => c !== customerId);
  if (others.length > 0) out.push(reason('other_customer_referenced', `the email refers to other customers' records (${others.join(', ')})`));
  if (intents.includes('invoice_copy') && match.invoices.length === 0) out.push(reason('no_invoice_referenced', 'an invoice copy is asked for but no invoice could be identified'));

  out.push(...(await paymentStatusBlockers(understanding, match, customerId, sor, normalized.newText)));
  out.push(...conflictingReferences(understanding, match, ownInvoices));

  const contacts = await sor.contactsOfCustomer(customerId);
  const allowed = new Set([sender.address, ...contacts.map((c) => c.email)]);
  const own = new Set(await sor.ownAddresses());
  for (const f of findEmbeddedInstructions({ text: `${parsed.subject}\n${normalized.newText}`, hiddenText: normalized.hiddenText, allowedAddresses: allowed, ownAddresses: own })) {
    out.push(reason(`embedded_${f.code}`, `${describeFinding(f.code)}: “${f.evidence}”`));
  }
  return out;
}

function describeFinding(code: string): string {
  switch (code) {
    case 'hidden_text':
      return 'text hidden from the reader';
    case 'bot_instruction':
      return 'instructions aimed at an automated system';
    case 'redirect_recipient':
      return 'asks to send data to another address';
    case 'third_party_address':
      return 'mentions addresses that are not known contacts';
    default:
      return 'asks to change bank details';
  }
}


const cents = (x: number): number => Math.round(x * 100);

/**
 * A payment-status reply can only confirm what the SoR shows. When the payment asked about is
 * not there (not applied to the invoices named, or no payment matching the amount or reference
 * quoted), a person answers: the customer may be announcing a payment rather than asking.
 */
async function paymentStatusBlockers(understanding: Understanding, match: MatchResult, customerId: string, sor: SorLookup, newText: string): Promise<DecisionReason[]> {
  if (!understanding.intents.includes('payment_status')) return [];
  const payments = await sor.paymentsOfCustomer(customerId);
  const own = match.invoices.filter((i) => i.customerId === customerId && i.rule !== 'amount');
  const hasPayment = (n: string): boolean => payments.some((p) => p.applications.some((a) => a.invoiceNumber === n));
  // With invoice copies asked for too, an invoice named with no payment word before it is a copy
  // asked for, not the payment asked about; the others must still be the SoR's to confirm.
  const asked = understanding.intents.includes('invoice_copy') ? own.filter((i) => namedWithPayment(newText, i.raw, own.map((o) => o.raw))) : own;
  const named = (asked.length > 0 && asked.some((i) => hasPayment(i.number)) ? asked : own).map((i) => i.number);
  if (named.length > 0) {
    const unpaid = named.filter((n) => !hasPayment(n));
    return unpaid.length > 0 ? [reason('payment_not_in_sor', `no payment applied to ${unpaid.join(', ')} in the system of record`)] : [];
  }
  const refs = understanding.entities.paymentReferences.map((r) => r.replace(/\D/g, '')).filter((r) => r.length >= 3);
  const amounts = understanding.entities.amounts.map((a) => cents(a.value));
  const found = payments.some(
    (p) => refs.some((r) => p.reference.replace(/\D/g, '').endsWith(r)) || amounts.includes(cents(p.amount)),
  );
  if (refs.length + amounts.length === 0) {
    return payments.length > 0 ? [] : [reason('payment_not_in_sor', 'the customer has no payment in the system of record')];
  }
  return found ? [] : [reason('payment_not_in_sor', 'no payment matching the amount or reference quoted is in the system of record')];
}

/** Payment words in the languages the pipeline reads. */
const PAYMENT_WORD =
  /(?<![\p{L}\p{N}_])(?:pay|paid|payments?|remit\w*|wire[ds]?|ach|eft|transfers?|checks?|cheques?|deposits?|pag[oa]s?|pagamos|pagad[oa]s?|pagamentos?|transferencias?|transferência|depósitos?|depositos?|abonos?|ted|pix|boletos?|comprovantes?|comprobantes?|paiements?|payée?s?|réglée?s?|règlements?|reglements?|virements?|versements?|chèques?|zahlung\w*|bezahlt|beglichen|überweisung\w*|ueberweisung\w*|lastschrift\w*|schecks?|pagat[oa]|bonifici?o?|assegn[oi]|versament[oi]|betaling\w*|betaald|overboeking\w*|overschrijving\w*|betalning\w*|betalat|inbetalning\w*)(?![\p{L}\p{N}_])/iu;

/**
 * Whether a payment word stands in the stretch of text leading up to reference `raw`: from the
 * start of its sentence, or from the reference before it in the same sentence. A reference not
 * found in the text counts as named with a payment (the strict reading).
 */
function namedWithPayment(text: string, raw: string, all: readonly string[]): boolean {
  const at = text.indexOf(raw);
  if (at < 0) return true;
  const before = text.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(/[!?\n]|\.(?!\d)/g)) from = m.index + 1;
  for (const other of all) {
    if (other === raw) continue;
    const o = before.lastIndexOf(other);
    if (o >= from) from = o + other.length;
  }
  return PAYMENT_WORD.test(text.slice(from, at));
}

/** Whether a PO number or an amount the email quotes belongs to invoice `number` (of `invoices`). */
function corroborated(number: string, understanding: Understanding, invoices: readonly SorInvoice[]): boolean {
  const inv = invoices.find((i) => i.number === number);
  if (!inv) return false;
  const po = inv.poNumber ? poNumberKey(inv.poNumber) : undefined;
  const byPo = po !== undefined && understanding.entities.poNumbers.some((p) => poNumberKey(p) === po || labelledPoKeys(p).includes(po));
  const byAmount = understanding.entities.amounts.some((a) => a.value > 0 && (cents(a.value) === cents(inv.amount) || cents(a.value) === cents(inv.balance)));
  return byPo || byAmount;
}

/**
 * References that point at different invoices (a number, and a PO or an amount that belong to
 * another invoice) mean the customer may have mistyped: a person checks which one is meant.
 */
function conflictingReferences(understanding: Understanding, match: MatchResult, invoices: readonly SorInvoice[]): DecisionReason[] {
  const out: DecisionReason[] = [];
  const byNumber = match.invoices.filter((i) => i.rule !== 'po_number' && i.rule !== 'amount').map((i) => i.number);
  const byPo = match.invoices.filter((i) => i.rule === 'po_number' && !byNumber.includes(i.number));
  if (byNumber.length > 0 && byPo.length > 0) {
    out.push(reason('conflicting_references', `the PO number points at ${byPo.map((i) => i.number).join(', ')}, the invoice number at ${byNumber.join(', ')}`));
  }
  if (understanding.intents.includes('invoice_copy') && byNumber.length > 0) {
    const referenced = invoices.filter((i) => byNumber.includes(i.number));
    const stated = understanding.entities.amounts.map((a) => cents(a.value));
    const known = new Set(invoices.flatMap((i) => [cents(i.amount), cents(i.balance)]));
    const fits = referenced.some((i) => stated.includes(cents(i.amount)) || stated.includes(cents(i.balance)));
    // Only amounts that belong to some other invoice of the customer count as a contradiction.
    if (stated.length > 0 && !fits && stated.some((a) => known.has(a))) {
      out.push(reason('amount_mismatch', `the amount quoted belongs to another invoice than ${byNumber.join(', ')}`));
    }
  }
  return out;
}
