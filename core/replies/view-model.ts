// Builds the view model a reply is rendered from, out of SoR data only: the email contributes
// its intents, the customer and invoices the decision resolved, and the contact's name.
import type { Intent, Language } from '../pipeline/intents.js';
import type { SorInvoice, SorLookup } from '../pipeline/sor.js';
import type { ReplyViewModel } from './reply-model.js';
import { invoiceNumberKey } from '../pipeline/invoice-number.js';
import { toInvoiceView } from './invoice-view.js';
import { selectPayments, toPaymentView } from './payment-selection.js';
import { buildStatement } from './statement.js';

/** What the decision settled about the email a reply answers. */
export interface ReplyRequest {
  intents: Intent[];
  language: Language;
  customerId: string;
  /** SoR invoice numbers the email references (all of this customer). */
  invoiceNumbers: string[];
  contact: { name?: string; email: string };
  /** Payment references the email quotes (check number, trace id), for payment status. */
  paymentReferences?: string[];
}

/** The SoR cannot back the reply (unknown customer, an invoice not of this customer): the email needs a person. */
export class ReplyDataError extends Error {
  override readonly name = 'ReplyDataError';
}

/** The customer's invoices named in `numbers`, in that order; throws when one is not the customer's. */
function namedInvoices(numbers: readonly string[], ofCustomer: readonly SorInvoice[], customerId: string): SorInvoice[] {
  const out: SorInvoice[] = [];
  for (const n of numbers) {
    const inv = ofCustomer.find((i) => i.number === n) ?? ofCustomer.find((i) => invoiceNumberKey(i.number) === invoiceNumberKey(n));
    if (!inv) throw new ReplyDataError(`invoice ${n} is not an invoice of customer ${customerId}`);
    if (!out.includes(inv)) out.push(inv);
  }
  return out;
}

/** The reply's view model at `sor.asOf()`: invoices named, and a statement and payments when asked for. */
export async function buildReplyViewModel(
  request: ReplyRequest,
  sor: SorLookup,
  company: ReplyViewModel['company'],
): Promise<ReplyViewModel> {
  const customer = await sor.customer(request.customerId);
  if (!customer) throw new ReplyDataError(`customer ${request.customerId} is not in the system of record`);
  const asOf = sor.asOf();
  const wantsStatement = request.intents.includes('balance_statement');
  const wantsPayments = request.intents.includes('payment_status');
  const [invoices, creditMemos, payments] = await Promise.all([
    sor.invoicesOfCustomer(customer.sorId),
    wantsStatement ? sor.creditMemosOfCustomer(customer.sorId) : Promise.resolve([]),
    wantsPayments ? sor.paymentsOfCustomer(customer.sorId) : Promise.resolve([]),
  ]);
  const named = namedInvoices(request.invoiceNumbers, invoices, customer.sorId);
  return {
    language: request.language,
    intents: [...request.intents],
    company: { name: company.name, arMailbox: company.arMailbox },
    customer: { sorId: customer.sorId, name: customer.name, accountNumber: customer.accountNumber, currency: customer.currency },
    contact: request.contact.name === undefined ? { email: request.contact.email } : { name: request.contact.name, email: request.contact.email },
    invoices: named.map((inv) => toInvoiceView(inv, asOf)),
    ...(wantsStatement ? { statement: buildStatement(invoices, creditMemos, asOf, customer.currency) } : {}),
    ...(wantsPayments
      ? { payments: selectPayments(payments, { invoiceNumbers: named.map((i) => i.number), references: request.paymentReferences ?? [] }).map(toPaymentView) }
      : {}),
    asOf,
  };
}
