// SoR invoice → the invoice as a reply shows it.
import type { SorInvoice } from '../pipeline/sor.js';
import type { InvoiceView, MoneyView } from './reply-model.js';
import { daysPastDue } from './aging.js';
import { roundCents } from './cents.js';

/** An amount with its currency, rounded to cents. */
export function money(amount: number, currency: string): MoneyView {
  return { amount: roundCents(amount), currency };
}

/** The reply's view of an invoice at `asOf`; a settled or void invoice is never past due. */
export function toInvoiceView(inv: SorInvoice, asOf: Date): InvoiceView {
  const owing = (inv.status === 'open' || inv.status === 'partially_paid') && inv.balance > 0;
  return {
    number: inv.number,
    poNumber: inv.poNumber,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    amount: money(inv.amount, inv.currency),
    balance: money(inv.balance, inv.currency),
    status: inv.status,
    daysPastDue: owing ? daysPastDue(inv.dueDate, asOf) : 0,
  };
}
