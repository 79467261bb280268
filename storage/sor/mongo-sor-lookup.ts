// SorLookup over the synced SoR collections in MongoDB (or the embedded store): what the
// pipeline uses in production and in `npm run eval`. Every lookup is one indexed query;
// the domain list for lookalike detection is cached briefly.
import { shapesFromGroups, type InvoiceShape } from '../../core/pipeline/invoice-number.js';
import type { SorContact, SorCreditMemo, SorCustomer, SorInvoice, SorLookup, SorPayment } from '../../core/pipeline/sor.js';
import type { Customer } from '../../core/domain/customer.js';
import type { Repositories } from '../repositories/index.js';

export interface MongoSorLookupOptions {
  ownAddresses: readonly string[];
  /** "Today" for aging and due dates; defaults to the clock. */
  asOf?: () => Date;
  /** How long the known-domain list is reused (ms). */
  domainCacheMs?: number;
  now?: () => number;
}

const toCustomer = (c: Customer): SorCustomer => ({
  sorId: c.sorId,
  accountNumber: c.accountNumber,
  name: c.name,
  currency: c.currency,
  domains: c.domains,
  ...(c.billingOwner === undefined ? {} : { billingOwner: c.billingOwner }),
  status: c.status,
  enrolled: c.enrolled,
});

export class MongoSorLookup implements SorLookup {
  private domains: { at: number; value: ReadonlyMap<string, string[]> } | undefined;
  private prefixes: { at: number; value: string[] } | undefined;
  private shapes: { at: number; value: InvoiceShape[] } | undefined;
  private readonly now: () => number;

  constructor(
    private readonly repos: Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos'>,
    private readonly options: MongoSorLookupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  asOf(): Date {
    return this.options.asOf?.() ?? new Date(this.now());
  }

  async ownAddresses(): Promise<string[]> {
    return this.options.ownAddresses.map((a) => a.toLowerCase());
  }

  async invoicePrefixes(): Promise<string[]> {
    const ttl = this.options.domainCacheMs ?? 60_000;
    if (this.prefixes && this.now() - this.prefixes.at < ttl) return this.prefixes.value;
    this.prefixes = { at: this.now(), value: await this.repos.invoices.numberPrefixes() };
    return this.prefixes.value;
  }

  async invoiceShapes(): Promise<InvoiceShape[]> {
    const ttl = this.options.domainCacheMs ?? 60_000;
    if (this.shapes && this.now() - this.shapes.at < ttl) return this.shapes.value;
    this.shapes = { at: this.now(), value: shapesFromGroups(await this.repos.invoices.numberShapeGroups()) };
    return this.shapes.value;
  }

  async customer(sorId: string): Promise<SorCustomer | undefined> {
    const c = await this.repos.customers.findBySorId(sorId);
    return c ? toCustomer(c) : undefined;
  }

  async customerByAccountNumber(accountNumber: string): Promise<SorCustomer | undefined> {
    const c = await this.repos.customers.findByAccountNumber(accountNumber.trim());
    return c ? toCustomer(c) : undefined;
  }

  async customersByDomain(domain: string): Promise<SorCustomer[]> {
    return (await this.repos.customers.findByDomain(domain.toLowerCase())).map(toCustomer);
  }

  async knownDomains(): Promise<ReadonlyMap<string, string[]>> {
    const ttl = this.options.domainCacheMs ?? 60_000;
    if (this.domains && this.now() - this.domains.at < ttl) return this.domains.value;
    const map = new Map<string, string[]>();
    for (const c of await this.repos.customers.list()) {
      for (const d of c.domains) {
        const list = map.get(d) ?? [];
        if (!list.includes(c.sorId)) list.push(c.sorId);
        map.set(d, list);
      }
    }
    this.domains = { at: this.now(), value: map };
    return map;
  }

  async contactsByEmail(email: string): Promise<SorContact[]> {
    return (await this.repos.contacts.findByEmail(email.toLowerCase())).map(({ customerSorId, name, email: e, role }) => ({ customerSorId, name, email: e, ...(role === undefined ? {} : { role }) }));
  }

  async contactsOfCustomer(customerSorId: string): Promise<SorContact[]> {
    return (await this.repos.contacts.listByCustomer(customerSorId)).map(({ customerSorId: c, name, email, role }) => ({ customerSorId: c, name, email, ...(role === undefined ? {} : { role }) }));
  }

  async invoicesByNumberKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return this.repos.invoices.findByNumberKeys(keys);
  }

  async invoicesBySerialKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return this.repos.invoices.findBySerialKeys(keys);
  }

  async invoicesByPoKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return this.repos.invoices.findByPoKeys(keys);
  }

  async invoicesWithContact(email: string): Promise<SorInvoice[]> {
    return this.repos.invoices.findByContactEmail(email);
  }

  async invoicesOfCustomer(customerSorId: string): Promise<SorInvoice[]> {
    return this.repos.invoices.listByCustomer(customerSorId);
  }

  async paymentsOfCustomer(customerSorId: string): Promise<SorPayment[]> {
    return this.repos.payments.listByCustomer(customerSorId);
  }

  async creditMemosOfCustomer(customerSorId: string): Promise<SorCreditMemo[]> {
    return this.repos.creditMemos.listByCustomer(customerSorId);
  }
}
