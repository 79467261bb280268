// SorLookup over a whole SoR snapshot held in memory, with a Map index per lookup: used for
// datasets (npm run eval), tests and small deployments.
import { invoiceNumberKey, invoiceSerialKey, invoiceNumberShapes, invoicePrefixesOf, poNumberKey, type InvoiceShape } from './invoice-number.js';
import type { SorContact, SorCreditMemo, SorCustomer, SorInvoice, SorLookup, SorPayment, SorSnapshot } from './sor.js';

/** Options for building an in-memory SoR. */
export interface InMemorySorOptions {
  /** Extra addresses of our own (aliases of the AR mailbox); the snapshot's arMailbox is always included. */
  ownAddresses?: readonly string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** Adds `value` to `map[key]` unless the same value is already there. */
function pushUnique<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list?.includes(value)) return;
  push(map, key, value);
}

/** A SorLookup answering every query from Map indexes built once from a snapshot. */
export class InMemorySor implements SorLookup {
  private readonly customersById = new Map<string, SorCustomer>();
  private readonly customersByAccount = new Map<string, SorCustomer>();
  private readonly customersByDomainIndex = new Map<string, SorCustomer[]>();
  private readonly domainIndex = new Map<string, string[]>();
  private readonly contactsByAddress = new Map<string, SorContact[]>();
  private readonly contactsByCustomer = new Map<string, SorContact[]>();
  private readonly invoicesByKey = new Map<string, SorInvoice[]>();
  private readonly invoicesBySerial = new Map<string, SorInvoice[]>();
  private readonly invoicesByPo = new Map<string, SorInvoice[]>();
  private readonly invoicesByContact = new Map<string, SorInvoice[]>();
  private readonly invoicesByCustomer = new Map<string, SorInvoice[]>();
  private readonly paymentsByCustomer = new Map<string, SorPayment[]>();
  private readonly creditMemosByCustomer = new Map<string, SorCreditMemo[]>();
  private readonly own: string[];
  private prefixes: string[] | undefined;
  private shapes: InvoiceShape[] | undefined;

  constructor(
    private readonly snapshot: SorSnapshot,
    options: InMemorySorOptions = {},
  ) {
    for (const c of snapshot.customers) {
      this.customersById.set(c.sorId, c);
      this.customersByAccount.set(c.accountNumber.trim(), c);
      for (const d of c.domains) {
        pushUnique(this.customersByDomainIndex, lower(d), c);
        pushUnique(this.domainIndex, lower(d), c.sorId);
      }
    }
    for (const ct of snapshot.contacts) {
      push(this.contactsByAddress, lower(ct.email), ct);
      push(this.contactsByCustomer, ct.customerSorId, ct);
    }
    for (const inv of snapshot.invoices) {
      push(this.invoicesByKey, invoiceNumberKey(inv.number), inv);
      const serial = invoiceSerialKey(inv.number);
      if (serial !== undefined) push(this.invoicesBySerial, serial, inv);
      if (inv.poNumber) push(this.invoicesByPo, poNumberKey(inv.poNumber), inv);
      for (const e of new Set(inv.contactEmails.map(lower))) push(this.invoicesByContact, e, inv);
      push(this.invoicesByCustomer, inv.customerSorId, inv);
    }
    for (const p of snapshot.payments) push(this.paymentsByCustomer, p.customerSorId, p);
    for (const m of snapshot.creditMemos) push(this.creditMemosByCustomer, m.customerSorId, m);
    this.own = [...new Set([snapshot.company.arMailbox, ...(options.ownAddresses ?? [])].map(lower))];
  }

  asOf(): Date {
    return this.snapshot.asOf;
  }

  async ownAddresses(): Promise<string[]> {
    return [...this.own];
  }

  async invoicePrefixes(): Promise<string[]> {
    this.prefixes ??= invoicePrefixesOf(this.snapshot.invoices.map((inv) => inv.number));
    return this.prefixes;
  }

  async invoiceShapes(): Promise<InvoiceShape[]> {
    this.shapes ??= invoiceNumberShapes(this.snapshot.invoices.map((inv) => inv.number));
    return this.shapes;
  }

  async customer(sorId: string): Promise<SorCustomer | undefined> {
    return this.customersById.get(sorId);
  }

  async customerByAccountNumber(accountNumber: string): Promise<SorCustomer | undefined> {
    return this.customersByAccount.get(accountNumber.trim());
  }

  async customersByDomain(domain: string): Promise<SorCustomer[]> {
    return [...(this.customersByDomainIndex.get(lower(domain)) ?? [])];
  }

  async knownDomains(): Promise<ReadonlyMap<string, string[]>> {
    return this.domainIndex;
  }

  async contactsByEmail(email: string): Promise<SorContact[]> {
    return [...(this.contactsByAddress.get(lower(email)) ?? [])];
  }

  async contactsOfCustomer(customerSorId: string): Promise<SorContact[]> {
    return [...(this.contactsByCustomer.get(customerSorId) ?? [])];
  }

  async invoicesByNumberKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return collect(this.invoicesByKey, keys);
  }

  async invoicesBySerialKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return collect(this.invoicesBySerial, keys);
  }

  async invoicesByPoKeys(keys: readonly string[]): Promise<SorInvoice[]> {
    return collect(this.invoicesByPo, keys);
  }

  async invoicesWithContact(email: string): Promise<SorInvoice[]> {
    return [...(this.invoicesByContact.get(lower(email)) ?? [])];
  }

  async invoicesOfCustomer(customerSorId: string): Promise<SorInvoice[]> {
    return [...(this.invoicesByCustomer.get(customerSorId) ?? [])];
  }

  async paymentsOfCustomer(customerSorId: string): Promise<SorPayment[]> {
    return [...(this.paymentsByCustomer.get(customerSorId) ?? [])];
  }

  async creditMemosOfCustomer(customerSorId: string): Promise<SorCreditMemo[]> {
    return [...(this.creditMemosByCustomer.get(customerSorId) ?? [])];
  }
}

/** Every invoice under any of `keys`, each once, in key order. */
function collect(index: ReadonlyMap<string, SorInvoice[]>, keys: readonly string[]): SorInvoice[] {
  const out = new Set<SorInvoice>();
  for (const k of keys) for (const inv of index.get(k) ?? []) out.add(inv);
  return [...out];
}
