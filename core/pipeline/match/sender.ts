// Who sent the email, as far as the SoR knows: customer contact, invoice-level contact,
// someone on a customer's domain, a free-mail or machine sender, or an impostor.
import type { SenderMatch } from '../match-result.js';
import type { ParsedEmail } from '../parsed-email.js';
import type { SorLookup } from '../sor.js';
import { authResultsFrom } from './auth-results.js';
import { domainAndParents, domainOf, registrableDomain } from './domains.js';
import { isFreeMail } from './free-mail.js';
import { detectLookalike } from './lookalike.js';
import { systemSenderReason } from './system-sender.js';

export interface SenderOptions {
  /** Our own addresses (AR mailbox and aliases), lower-cased. */
  ownAddresses: readonly string[];
  /** Extra free-mail domains (on top of the built-in list). */
  freeMailDomains?: ReadonlySet<string>;
  /** Hosts whose Authentication-Results are trusted; default: the domains of ownAddresses. */
  trustedAuthservDomains?: readonly string[];
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** "C1001 Acme Industrial LLC", or just the id when the customer is unknown. */
async function customerLabel(sor: SorLookup, id: string): Promise<string> {
  const c = await sor.customer(id);
  return c ? `${id} ${c.name}` : id;
}

/** Customers that list `domain` or a parent of it (mail.acme.example → acme.example). */
async function customersOfDomain(sor: SorLookup, domain: string): Promise<{ ids: string[]; via: string }> {
  for (const d of domainAndParents(domain)) {
    const customers = await sor.customersByDomain(d);
    if (customers.length > 0) return { ids: unique(customers.map((c) => c.sorId)), via: d };
  }
  return { ids: [], via: domain };
}

/** A Reply-To that would take an automatic reply away from the sender's own domain. */
async function replyToMismatch(
  parsed: ParsedEmail,
  fromAddress: string,
  contactOf: readonly string[],
  freeMail: boolean,
  sor: SorLookup,
): Promise<SenderMatch['replyToMismatch']> {
  const fromReg = registrableDomain(domainOf(fromAddress));
  for (const r of parsed.replyTo) {
    const address = r.address.toLowerCase();
    if (address === fromAddress) continue;
    // Same company domain is fine; the same free-mail provider is someone else's mailbox.
    if (registrableDomain(domainOf(address)) === fromReg && !freeMail) continue;
    const replyContactOf = (await sor.contactsByEmail(address)).map((c) => c.customerSorId);
    if (replyContactOf.some((id) => contactOf.includes(id))) continue;
    return { address, reason: `Reply-To ${address} is on another domain than the sender ${fromAddress} and is not a contact of the sender's customer` };
  }
  return undefined;
}

/** Matches the From address against the SoR and reads its authentication results. */
export async function matchSender(parsed: ParsedEmail, sor: SorLookup, opts: SenderOptions): Promise<SenderMatch> {
  const evidence: string[] = [];
  const address = (parsed.from?.address ?? '').trim().toLowerCase();
  const domain = domainOf(address);
  const ownDomains = unique(opts.ownAddresses.map(domainOf).filter(Boolean));

  const contacts = address ? await sor.contactsByEmail(address) : [];
  const contactOf = unique(contacts.map((c) => c.customerSorId));
  for (const id of contactOf) evidence.push(`${address} is a listed contact of ${await customerLabel(sor, id)}`);

  const invoices = address ? await sor.invoicesWithContact(address) : [];
  const invoiceContactOf = invoices.map((i) => ({ customerId: i.customerSorId, invoiceNumber: i.number }));
  if (invoices.length > 0 && contactOf.length === 0) {
    evidence.push(`${address} is an invoice-level contact on ${invoices.map((i) => i.number).join(', ')}`);
  }

  const freeMail = domain !== '' && isFreeMail(domain, opts.freeMailDomains);
  const { ids: domainCustomers, via } = domain && !freeMail ? await customersOfDomain(sor, domain) : { ids: [], via: domain };
  if (domainCustomers.length === 1 && domainCustomers[0]) {
    evidence.push(`${via} is a known domain of ${await customerLabel(sor, domainCustomers[0])}`);
  } else if (domainCustomers.length > 1) {
    evidence.push(`${via} is a domain shared by ${domainCustomers.length} customers (${domainCustomers.join(', ')})`);
  }
  if (freeMail) evidence.push(`${domain} is a free-mail provider: the address says nothing about the sender's company`);

  const lookalike = domain && !freeMail && domainCustomers.length === 0 ? detectLookalike(domain, await sor.knownDomains(), ownDomains) : undefined;
  if (lookalike) evidence.push(`lookalike domain: ${lookalike.reason}`);

  const systemReason = systemSenderReason(parsed.from);
  if (systemReason) evidence.push(systemReason);
  if (!address) evidence.push('the email has no From address');

  const { auth, evidence: authEvidence } = authResultsFrom({
    authenticationResults: parsed.headers.authenticationResults,
    receivedSpf: parsed.headers.receivedSpf,
    trustedDomains: opts.trustedAuthservDomains ?? ownDomains,
  });
  evidence.push(...authEvidence);
  if (auth.dmarcFromDomain && domain && auth.dmarcFromDomain !== domain) {
    evidence.push(`DMARC was evaluated for ${auth.dmarcFromDomain}, not for the From domain ${domain}`);
  }

  const mismatch = address ? await replyToMismatch(parsed, address, contactOf, freeMail, sor) : undefined;
  if (mismatch) evidence.push(mismatch.reason);

  return {
    address,
    domain,
    contactOf,
    invoiceContactOf,
    domainCustomers,
    ...(lookalike ? { lookalike } : {}),
    freeMail,
    systemSender: systemReason !== undefined,
    auth,
    ...(mismatch ? { replyToMismatch: mismatch } : {}),
    evidence,
  };
}
