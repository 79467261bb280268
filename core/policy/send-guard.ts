// THE send guard. Every path that sends mail to a customer calls `guardSend` right before
// sending (automatic replies, analyst-approved drafts, record actions), so one function
// decides whose data may go to whom: an address may receive a customer's data only if it
// is a contact of that customer, or — for invoice documents only — an invoice-level
// contact of every invoice in the message.
import { invoiceNumberKey } from '../pipeline/invoice-number.js';
import type { SorInvoice, SorLookup } from '../pipeline/sor.js';

/** What a message would disclose. */
export type DataScope =
  /** Balances, statements, payments, open items: customer-level data. */
  | 'account'
  /** Copies or facts of the listed invoices only. */
  | 'invoices';

export interface SendRequest {
  customerId: string;
  scope: DataScope;
  /** Invoice numbers whose data the message carries (may be empty for account scope). */
  invoiceNumbers: readonly string[];
  /** Every To and Cc address. */
  recipients: readonly string[];
}

export interface GuardVerdict {
  allowed: boolean;
  violations: Array<{ code: string; message: string }>;
}

/** Decides whether `request` may be sent. Denies on anything it cannot prove safe. */
export async function guardSend(request: SendRequest, sor: SorLookup): Promise<GuardVerdict> {
  const violations: GuardVerdict['violations'] = [];
  const deny = (code: string, message: string) => violations.push({ code, message });

  const customer = await sor.customer(request.customerId);
  if (!customer) {
    deny('unknown_customer', `customer ${request.customerId} is not in the system of record`);
    return { allowed: false, violations };
  }
  if (customer.status !== 'active') deny('customer_not_active', `customer ${customer.sorId} is ${customer.status}`);
  if (request.recipients.length === 0) deny('no_recipient', 'the message has no recipient');

  const invoices = await Promise.all(request.invoiceNumbers.map((n) => findInvoice(sor, n)));
  for (const [i, invoice] of invoices.entries()) {
    const number = request.invoiceNumbers[i] as string;
    if (!invoice) deny('unknown_invoice', `invoice ${number} is not in the system of record`);
    else if (invoice.customerSorId !== customer.sorId) deny('foreign_invoice', `invoice ${number} belongs to another customer`);
  }

  const own = new Set(await sor.ownAddresses());
  const contacts = new Set((await sor.contactsOfCustomer(customer.sorId)).map((c) => c.email.toLowerCase()));
  for (const raw of request.recipients) {
    const address = raw.trim().toLowerCase();
    if (own.has(address)) continue; // our own mailbox in Cc is not a disclosure
    if (contacts.has(address)) continue;
    const invoiceContact =
      request.scope === 'invoices' &&
      invoices.length > 0 &&
      invoices.every((inv) => inv !== undefined && inv.contactEmails.some((e) => e.toLowerCase() === address));
    if (!invoiceContact) {
      deny('recipient_not_known_contact', `${address} is not a known contact of ${customer.sorId}${request.scope === 'invoices' ? ' or of every invoice sent' : ''}`);
    }
  }
  return { allowed: violations.length === 0, violations };
}

/** The invoice with exactly this number (the key lookup may return near-namesakes). */
async function findInvoice(sor: SorLookup, number: string): Promise<SorInvoice | undefined> {
  const matches = await sor.invoicesByNumberKeys([invoiceNumberKey(number)]);
  return matches.find((inv) => inv.number === number);
}
