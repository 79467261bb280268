// Which customer an email is about, and on what basis. The basis matters as much as the answer:
// only 'contact' and 'invoice_contact' say the sender may receive that customer's data; the
// others ('bounce', 'domain', 'lookalike', 'references') only say what the email concerns.
import type { CustomerBasis, InvoiceMatch, SenderMatch } from '../match-result.js';

export interface CustomerDecision {
  customerId: string | null;
  basis: CustomerBasis;
  evidence: string[];
}

export interface CustomerInput {
  sender: SenderMatch;
  invoices: readonly InvoiceMatch[];
  accounts: ReadonlyArray<{ raw: string; customerId: string }>;
  /** For a delivery failure: each failed recipient with the customers it belongs to. */
  bounced: ReadonlyArray<{ address: string; customerIds: string[] }>;
  /** "C1001 Acme Industrial LLC" for evidence. */
  label: (customerId: string) => string;
}

/** Every customer an account number or invoice in the email belongs to, in first-seen order. */
export function referencedCustomers(input: Pick<CustomerInput, 'invoices' | 'accounts'>): string[] {
  return [...new Set([...input.accounts.map((a) => a.customerId), ...input.invoices.map((i) => i.customerId)])];
}

/** The one customer among `candidates` that the email's references point to, if exactly one. */
function singleReferenced(candidates: readonly string[], referenced: readonly string[]): string | undefined {
  const hits = candidates.filter((c) => referenced.includes(c));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Decides the customer, strongest basis first:
 * 1. the sender is a listed contact (of several: the one the references single out);
 * 2. a delivery failure: the customer of the failed recipient;
 * 3. the sender is an invoice-level contact (more specific than a shared domain);
 * 4. the sender's domain belongs to exactly one customer (or the references pick one of several);
 * 5. the sender's domain imitates one customer's domain (the email is about the imitated customer);
 * 6. the references (account numbers, invoices) point to exactly one customer;
 * otherwise null.
 */
export function decideCustomer(input: CustomerInput): CustomerDecision {
  const { sender, label } = input;
  const referenced = referencedCustomers(input);
  const decided = (customerId: string, basis: CustomerBasis, why: string): CustomerDecision => ({
    customerId,
    basis,
    evidence: [why],
  });

  if (sender.contactOf.length === 1 && sender.contactOf[0]) {
    return decided(sender.contactOf[0], 'contact', `the sender is a listed contact of ${label(sender.contactOf[0])}`);
  }
  if (sender.contactOf.length > 1) {
    const pick = singleReferenced(sender.contactOf, referenced);
    if (pick) return decided(pick, 'contact', `the sender is a contact of ${sender.contactOf.length} customers; the email's references point to ${label(pick)}`);
    return {
      customerId: null,
      basis: 'none',
      evidence: [`the sender is a contact of ${sender.contactOf.map(label).join(', ')} and the email's references do not single one out`],
    };
  }

  const bouncedCustomers = [...new Set(input.bounced.flatMap((b) => b.customerIds))];
  if (bouncedCustomers.length === 1 && bouncedCustomers[0]) {
    const who = input.bounced.filter((b) => b.customerIds.length > 0).map((b) => b.address).join(', ');
    return decided(bouncedCustomers[0], 'bounce', `delivery failed to ${who}, of ${label(bouncedCustomers[0])}`);
  }

  const invoiceContactCustomers = [...new Set(sender.invoiceContactOf.map((c) => c.customerId))];
  const invoiceContactPick =
    invoiceContactCustomers.length === 1 ? invoiceContactCustomers[0] : singleReferenced(invoiceContactCustomers, referenced);
  if (invoiceContactPick) {
    const numbers = sender.invoiceContactOf.filter((c) => c.customerId === invoiceContactPick).map((c) => c.invoiceNumber);
    const conflict =
      sender.domainCustomers.length === 1 && sender.domainCustomers[0] !== invoiceContactPick
        ? ` (the sender's domain belongs to ${label(sender.domainCustomers[0] ?? '')})`
        : '';
    return decided(invoiceContactPick, 'invoice_contact', `the sender is an invoice-level contact on ${numbers.join(', ')} of ${label(invoiceContactPick)}${conflict}`);
  }

  const domainPick = sender.domainCustomers.length === 1 ? sender.domainCustomers[0] : singleReferenced(sender.domainCustomers, referenced);
  if (domainPick) {
    const shared = sender.domainCustomers.length > 1 ? `, one of ${sender.domainCustomers.length} customers on that domain, singled out by the email's references` : '';
    return decided(domainPick, 'domain', `the sender is not a listed contact, but ${sender.domain} belongs to ${label(domainPick)}${shared}`);
  }

  const imitated = sender.lookalike?.customerIds ?? [];
  const lookalikePick = imitated.length === 1 ? imitated[0] : singleReferenced(imitated, referenced);
  if (lookalikePick) {
    return decided(lookalikePick, 'lookalike', `the sender's domain ${sender.domain} imitates ${label(lookalikePick)}'s; the email is about that customer but the sender is not its contact`);
  }

  if (referenced.length === 1 && referenced[0]) {
    return decided(referenced[0], 'references', `the sender is unknown; the email's account number or invoices belong to ${label(referenced[0])}`);
  }
  const why =
    referenced.length > 1
      ? `the sender is unknown and the email refers to several customers (${referenced.map(label).join(', ')})`
      : 'the sender is unknown and the email refers to no customer record';
  return { customerId: null, basis: 'none', evidence: [why] };
}
