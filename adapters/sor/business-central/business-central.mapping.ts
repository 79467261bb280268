// Business Central API v2.0 records → arbot's wire records. Follows the resource types
// documented at learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0
// (customer, salesInvoice, customerPayment, salesCreditMemo). Mapping decisions:
// - customers: `number` is the account number; `blocked` "All" means archived; `email` is the
//   customer's contact and its domain the customer's domain.
// - salesInvoices: amount = totalAmountIncludingTax, balance = remainingAmount; status Paid →
//   paid, Canceled/Corrective → void, Open → open, or partially_paid when something was paid;
//   the invoice's `email` is its invoice-level contact; the PDF is the pdfDocument navigation.
// - customerPayments are payment journal lines: one application each (appliesToInvoiceNumber);
//   they carry no currency or method, so the configured defaults apply.
// - salesCreditMemos have no remaining amount in the API: Paid/Canceled/Corrective → balance 0,
//   otherwise the whole amount.
// An empty currencyCode is the company's local currency (the configured default).

type Item = Record<string, unknown>;

export interface BusinessCentralDefaults {
  /** The company's local currency, for records whose currencyCode is empty. */
  currency: string;
  paymentMethod: 'ACH' | 'wire' | 'check' | 'card';
}

const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const currencyOf = (item: Item, d: BusinessCentralDefaults): string => s(item['currencyCode']) ?? d.currency;

export function customerToWire(c: Item, d: BusinessCentralDefaults): Item {
  const email = s(c['email']);
  const domain = email?.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : undefined;
  return {
    id: c['id'],
    accountNumber: c['number'],
    name: c['displayName'],
    currency: currencyOf(c, d),
    domains: domain ? [domain] : [],
    status: s(c['blocked']) === 'All' ? 'archived' : 'active',
    modifiedAt: c['lastModifiedDateTime'],
  };
}

/** The customer's own email as its contact (BC keeps one address on the customer card). */
export function customerContactsToWire(c: Item): Item[] {
  const email = s(c['email']);
  return email === undefined ? [] : [{ customerId: c['id'], name: c['displayName'] ?? '', email, modifiedAt: c['lastModifiedDateTime'] }];
}

export function invoiceStatus(i: Item): string | undefined {
  const status = s(i['status']);
  if (status === 'Paid') return 'paid';
  if (status === 'Canceled' || status === 'Corrective') return 'void';
  if (status === 'Open') {
    const total = Number(i['totalAmountIncludingTax']);
    const remaining = Number(i['remainingAmount']);
    return remaining > 0 && remaining < total ? 'partially_paid' : 'open';
  }
  return status; // Draft, In Review …: refused by validation, reported
}

export function invoiceToWire(i: Item, d: BusinessCentralDefaults, companyUrl: string): Item {
  const email = s(i['email']);
  return {
    id: i['id'],
    number: i['number'],
    customerId: i['customerId'],
    poNumber: s(i['customerPurchaseOrderReference']) ?? s(i['externalDocumentNumber']) ?? null,
    issueDate: i['invoiceDate'],
    dueDate: i['dueDate'],
    currency: currencyOf(i, d),
    amount: i['totalAmountIncludingTax'],
    balance: i['remainingAmount'],
    status: invoiceStatus(i),
    contactEmails: email ? [email] : [],
    pdfUrl: `${companyUrl}/salesInvoices(${String(i['id'])})/pdfDocument/pdfDocumentContent`,
    modifiedAt: i['lastModifiedDateTime'],
  };
}

export function paymentToWire(p: Item, d: BusinessCentralDefaults): Item {
  const invoiceNumber = s(p['appliesToInvoiceNumber']);
  // Journal lines may hold a payment as a negative amount (a credit to the customer).
  const amount = typeof p['amount'] === 'number' ? Math.abs(p['amount']) : p['amount'];
  return {
    id: p['id'],
    customerId: p['customerId'],
    date: p['postingDate'],
    amount,
    currency: d.currency,
    method: d.paymentMethod,
    reference: s(p['externalDocumentNumber']) ?? s(p['documentNumber']) ?? s(p['description']) ?? '',
    applications: invoiceNumber === undefined ? [] : [{ invoiceNumber, amount }],
    modifiedAt: p['lastModifiedDateTime'],
  };
}

export function creditMemoToWire(m: Item, d: BusinessCentralDefaults): Item {
  const status = s(m['status']);
  const closed = status === 'Paid' || status === 'Canceled' || status === 'Corrective';
  return {
    id: m['id'],
    number: m['number'],
    customerId: m['customerId'],
    date: m['creditMemoDate'],
    amount: m['totalAmountIncludingTax'],
    balance: closed ? 0 : m['totalAmountIncludingTax'],
    currency: currencyOf(m, d),
    modifiedAt: m['lastModifiedDateTime'],
  };
}
