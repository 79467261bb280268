// View models the templates are checked against at load time. Between them they take every
// branch the bundled templates have (each invoice state, due / settled / credit totals, every
// payment method, empty lists, a contact without a name), so a reference to a missing field in
// any branch fails at load, not when a reply is sent.
import type { InvoiceView, ReplyViewModel } from '../core/replies/reply-model.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const usd = (amount: number) => ({ amount, currency: 'USD' });

function invoice(number: string, status: InvoiceView['status'], balance: number, daysPastDue: number, poNumber: string | null = null): InvoiceView {
  return { number, poNumber, issueDate: d('2026-09-01'), dueDate: d('2026-10-01'), amount: usd(1000), balance: usd(balance), status, daysPastDue };
}

const company = { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' };
const customer = { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231', currency: 'USD' };

const everything: ReplyViewModel = {
  language: 'en',
  intents: ['balance_statement', 'invoice_copy', 'payment_status'],
  company,
  customer,
  contact: { name: 'Jane Roe', email: 'jane@acme.example' },
  invoices: [
    invoice('INV-1', 'open', 1000, 50, 'PO-1'),
    invoice('INV-2', 'open', 1000, 0),
    invoice('INV-3', 'partially_paid', 400, 10),
    invoice('INV-4', 'partially_paid', 400, 0),
    invoice('INV-5', 'paid', 0, 0),
    invoice('INV-6', 'void', 0, 0),
    invoice('INV-7', 'open', 0, 0),
  ],
  statement: {
    asOf: d('2026-11-20'),
    openItems: [invoice('INV-1', 'open', 1000, 50, 'PO-1'), invoice('INV-3', 'partially_paid', 400, 10), invoice('INV-2', 'open', 1000, 0)],
    credits: [{ number: 'CM-1', date: d('2026-10-05'), balance: usd(100) }],
    aging: [{ currency: 'USD', current: 1000, days1to30: 400, days31to60: 1000, days61to90: 0, days90plus: 0, total: 2400 }],
    totals: [{ amount: -50, currency: 'CAD' }, { amount: 0, currency: 'EUR' }, usd(2300)],
  },
  payments: (['ACH', 'wire', 'check', 'card'] as const).map((method, i) => ({
    reference: `REF-${i}`,
    date: d('2026-11-02'),
    method,
    amount: usd(600),
    applications: i === 3 ? [] : [{ invoiceNumber: 'INV-3', amount: usd(600) }],
  })),
  asOf: d('2026-11-20'),
};

const nothingOpen: ReplyViewModel = {
  language: 'en',
  intents: ['invoice_copy', 'payment_status', 'balance_statement'],
  company,
  customer,
  contact: { email: 'ap@acme.example' },
  invoices: [],
  statement: { asOf: d('2026-11-20'), openItems: [], credits: [], aging: [], totals: [usd(0)] },
  payments: [],
  asOf: d('2026-11-20'),
};

const paymentsWithoutInvoices: ReplyViewModel = { ...everything, intents: ['payment_status'], invoices: [] };
const invoicesWithoutPayments: ReplyViewModel = { ...everything, intents: ['payment_status'], payments: [] };

/** Sample view models by name; the language is set per template language when checking. */
export const SAMPLE_VIEW_MODELS: Readonly<Record<string, ReplyViewModel>> = {
  everything,
  nothingOpen,
  paymentsWithoutInvoices,
  invoicesWithoutPayments,
};
