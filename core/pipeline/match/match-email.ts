// Stage 4: who sent the email and which SoR records it refers to, each with evidence.
// Composed of small pure steps; the SoR is only read through the SorLookup port.
import type { RelaxedMatchingOptions } from '../invoice-number.js';
import type { MatchResult } from '../match-result.js';
import type { ParsedEmail } from '../parsed-email.js';
import type { SorLookup } from '../sor.js';
import type { Entities } from '../understanding.js';
import { resolveAccounts } from './accounts.js';
import { bouncedRecipients, isDeliveryFailure } from './bounce.js';
import { decideCustomer, referencedCustomers } from './customer.js';
import { domainOf } from './domains.js';
import { resolveByAmount, resolveInvoices } from './invoices.js';
import { matchSender } from './sender.js';

export interface MatchInput {
  parsed: ParsedEmail;
  entities: Entities;
  /** Our own addresses (AR mailbox and aliases), lower-cased. */
  ownAddresses: string[];
  /** Failed recipients of a delivery failure report, when the caller already knows them; else read from the report. */
  bouncedRecipients?: string[];
}

export interface MatchOptions {
  /** Relaxed invoice-number matching; every relaxation is on by default. */
  relaxedMatching?: Partial<RelaxedMatchingOptions>;
  /** Free-mail domains on top of the built-in list. */
  freeMailDomains?: ReadonlySet<string>;
  /** Hosts whose Authentication-Results are trusted; default: the domains of ownAddresses. */
  trustedAuthservDomains?: readonly string[];
}

/** Customers a failed recipient belongs to: as a contact, else as an invoice contact, else through a domain only one customer has. */
async function customersOfRecipient(address: string, sor: SorLookup): Promise<string[]> {
  const contactOf = [...new Set((await sor.contactsByEmail(address)).map((c) => c.customerSorId))];
  if (contactOf.length > 0) return contactOf;
  const invoiceContactOf = [...new Set((await sor.invoicesWithContact(address)).map((i) => i.customerSorId))];
  if (invoiceContactOf.length > 0) return invoiceContactOf;
  const byDomain = await sor.customersByDomain(domainOf(address));
  return byDomain.length === 1 && byDomain[0] ? [byDomain[0].sorId] : [];
}

/** Matches an email's sender and references against the SoR. */
export async function matchEmail(input: MatchInput, sor: SorLookup, options: MatchOptions = {}): Promise<MatchResult> {
  const { parsed, entities } = input;
  const ownAddresses = input.ownAddresses.map((a) => a.toLowerCase());
  const sender = await matchSender(parsed, sor, {
    ownAddresses,
    ...(options.freeMailDomains ? { freeMailDomains: options.freeMailDomains } : {}),
    ...(options.trustedAuthservDomains ? { trustedAuthservDomains: options.trustedAuthservDomains } : {}),
  });

  // Ties between relaxed candidates go to the customer the sender is most surely tied to.
  const invoiceContactCustomers = [...new Set(sender.invoiceContactOf.map((c) => c.customerId))];
  const preferredCustomers =
    sender.contactOf.length > 0 ? sender.contactOf : invoiceContactCustomers.length > 0 ? invoiceContactCustomers : sender.domainCustomers;
  const { invoices, unresolved } = await resolveInvoices(
    {
      invoiceRefs: entities.invoiceNumbers,
      poNumbers: entities.poNumbers,
      preferredCustomers,
      ...(options.relaxedMatching ? { rules: options.relaxedMatching } : {}),
    },
    sor,
  );
  const accounts = await resolveAccounts(entities.accountNumbers, sor);

  const bouncedAddresses =
    input.bouncedRecipients ?? (isDeliveryFailure(parsed, sender.systemSender) ? bouncedRecipients(parsed, ownAddresses) : []);
  const bounced = await Promise.all(bouncedAddresses.map(async (address) => ({ address, customerIds: await customersOfRecipient(address, sor) })));

  const names = new Map<string, string>();
  const ids = new Set([
    ...sender.contactOf,
    ...sender.invoiceContactOf.map((c) => c.customerId),
    ...sender.domainCustomers,
    ...(sender.lookalike?.customerIds ?? []),
    ...invoices.map((i) => i.customerId),
    ...accounts.map((a) => a.customerId),
    ...bounced.flatMap((b) => b.customerIds),
  ]);
  for (const id of ids) {
    const c = await sor.customer(id);
    names.set(id, c ? `${id} ${c.name}` : id);
  }
  const decision = decideCustomer({ sender, invoices, accounts, bounced, label: (id) => names.get(id) ?? id });
  const customerId = decision.customerId;
  // No invoice reference quoted at all: an amount may still name one invoice of the customer.
  const quotedReference = invoices.length > 0 || unresolved.some((u) => u.kind !== 'po');
  const byAmount = customerId !== null && !quotedReference && entities.amounts.length > 0 ? resolveByAmount(entities.amounts, await sor.invoicesOfCustomer(customerId)) : [];
  invoices.push(...byAmount);
  const knownContact =
    customerId !== null && (sender.contactOf.includes(customerId) || sender.invoiceContactOf.some((c) => c.customerId === customerId));

  return {
    sender,
    customerId,
    customerEvidence: [...decision.evidence, ...invoices.map((i) => i.evidence), ...accounts.map((a) => `account ${a.raw} belongs to ${names.get(a.customerId) ?? a.customerId}`)],
    customerBasis: decision.basis,
    knownContact,
    ...(bouncedAddresses.length > 0 ? { bouncedRecipients: bouncedAddresses } : {}),
    referencedCustomers: referencedCustomers({ invoices, accounts }),
    invoices,
    unresolved,
    accounts,
  };
}
