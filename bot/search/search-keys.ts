// Which index keys a customer, contact or invoice contributes, and how refs are written.
// Key kinds: w: name word → customers (with their names); g: padded trigram → name words; a: compact account
// number → customers; d: domain → customers; e: contact email → customers; n:/s:/p: invoice
// number key, serial key, PO key → invoices ("number<TAB>customer"); al: account list chunks.
import { invoiceNumberKey, invoiceSerialKey, poNumberKey } from '../../core/pipeline/invoice-number.js';
import { compactKey, nameWords, paddedTrigrams } from './normalize.js';

export const KEY = {
  word: (w: string) => `w:${w}`,
  gram: (g: string) => `g:${g}`,
  account: (compact: string) => `a:${compact}`,
  domain: (d: string) => `d:${d.toLowerCase()}`,
  email: (e: string) => `e:${e.toLowerCase()}`,
  invoiceNumber: (k: string) => `n:${k}`,
  invoiceSerial: (k: string) => `s:${k}`,
  po: (k: string) => `p:${k}`,
  accountChunk: (i: number | 'new') => `al:${i}`,
} as const;

/** Postings longer than this are kept short: such a word or key says little about who is meant. */
export const CAPS = { customers: 5000, words: 50_000, invoices: 200 } as const;

export interface CustomerFields {
  sorId: string;
  name: string;
  accountNumber: string;
  domains: readonly string[];
}

export interface InvoiceFields {
  number: string;
  customerSorId: string;
  poNumber: string | null;
  contactEmails: readonly string[];
}

/** Keys collected with their refs, deduplicated. */
export class KeyCollector {
  readonly lists = new Map<string, Set<string>>();

  add(key: string, ref: string): void {
    let set = this.lists.get(key);
    if (!set) this.lists.set(key, (set = new Set()));
    set.add(ref);
  }

  /** The lists as plain arrays (for incremental writes). */
  arrays(): Map<string, string[]> {
    return new Map([...this.lists].map(([k, v]) => [k, [...v]]));
  }
}

/** "INV-204518<TAB>C1": an invoice ref carries its customer, so a hit needs no second lookup to group. */
export function invoiceRef(number: string, customerSorId: string): string {
  return `${number}\t${customerSorId}`;
}

export function parseInvoiceRef(ref: string): { number: string; customerSorId: string } {
  const tab = ref.indexOf('\t');
  return tab < 0 ? { number: ref, customerSorId: '' } : { number: ref.slice(0, tab), customerSorId: ref.slice(tab + 1) };
}

/** "C1<TAB>Acme Industrial LLC": a name-word ref carries the name, so candidates are ranked without reading each customer. */
export function nameRef(sorId: string, name: string): string {
  return `${sorId}\t${name}`;
}

export function parseNameRef(ref: string): { sorId: string; name: string } {
  const tab = ref.indexOf('\t');
  return tab < 0 ? { sorId: ref, name: '' } : { sorId: ref.slice(0, tab), name: ref.slice(tab + 1) };
}

/** An account-list entry: compact account number and customer. */
export function accountEntry(c: Pick<CustomerFields, 'sorId' | 'accountNumber'>): string {
  return `${compactKey(c.accountNumber)}\t${c.sorId}`;
}

export function addCustomerKeys(keys: KeyCollector, c: CustomerFields): void {
  for (const word of new Set(nameWords(c.name))) {
    keys.add(KEY.word(word), nameRef(c.sorId, c.name));
    for (const g of paddedTrigrams(word)) keys.add(KEY.gram(g), word);
  }
  const account = compactKey(c.accountNumber);
  if (account !== '') keys.add(KEY.account(account), c.sorId);
  for (const d of c.domains) keys.add(KEY.domain(d), c.sorId);
}

export function addContactKeys(keys: KeyCollector, contact: { customerSorId: string; email: string }): void {
  keys.add(KEY.email(contact.email), contact.customerSorId);
}

export function addInvoiceKeys(keys: KeyCollector, inv: InvoiceFields): void {
  const ref = invoiceRef(inv.number, inv.customerSorId);
  keys.add(KEY.invoiceNumber(invoiceNumberKey(inv.number)), ref);
  const serial = invoiceSerialKey(inv.number);
  if (serial !== undefined) keys.add(KEY.invoiceSerial(serial), ref);
  if (inv.poNumber !== null && inv.poNumber.trim() !== '') keys.add(KEY.po(poNumberKey(inv.poNumber)), ref);
  for (const e of inv.contactEmails) keys.add(KEY.email(e), inv.customerSorId);
}

/** The cap a key's posting list is written with. */
export function capOf(key: string): number {
  if (key.startsWith('g:')) return CAPS.words;
  if (key.startsWith('n:') || key.startsWith('s:') || key.startsWith('p:')) return CAPS.invoices;
  if (key.startsWith('al:')) return Number.MAX_SAFE_INTEGER;
  return CAPS.customers;
}
