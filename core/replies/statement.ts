// The statement of account a balance question is answered with.
import type { SorCreditMemo, SorInvoice } from '../pipeline/sor.js';
import type { MoneyView, StatementView } from './reply-model.js';
import { agingBuckets } from './aging.js';
import { roundCents } from './cents.js';
import { money, toInvoiceView } from './invoice-view.js';

/** Whether an invoice is an open item of a statement. */
export function isOpenItem(inv: Pick<SorInvoice, 'status'>): boolean {
  return inv.status === 'open' || inv.status === 'partially_paid';
}

function byDueThenNumber(a: SorInvoice, b: SorInvoice): number {
  return a.dueDate.getTime() - b.dueDate.getTime() || a.number.localeCompare(b.number);
}

/**
 * Open items oldest due first, unapplied credits, aging and totals per currency at `asOf`.
 * With nothing open and no credit, totals hold one zero row in `customerCurrency`.
 */
export function buildStatement(invoices: readonly SorInvoice[], creditMemos: readonly SorCreditMemo[], asOf: Date, customerCurrency: string): StatementView {
  const open = invoices.filter(isOpenItem).sort(byDueThenNumber);
  const credits = creditMemos
    .filter((m) => m.balance > 0)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.number.localeCompare(b.number));
  const sums = new Map<string, number>();
  const add = (currency: string, amount: number) => sums.set(currency, roundCents((sums.get(currency) ?? 0) + amount));
  for (const inv of open) add(inv.currency, inv.balance);
  for (const m of credits) add(m.currency, -m.balance);
  if (sums.size === 0) sums.set(customerCurrency, 0);
  const totals: MoneyView[] = [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => money(amount, currency));
  return {
    asOf,
    openItems: open.map((inv) => toInvoiceView(inv, asOf)),
    credits: credits.map((m) => ({ number: m.number, date: m.date, balance: money(m.balance, m.currency) })),
    aging: agingBuckets(open, asOf),
    totals,
  };
}
