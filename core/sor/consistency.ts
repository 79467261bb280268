// Consistency checks on synced SoR data. They report, never fix: the SoR is the system of
// record, and a mismatch is something for a person to look at there. Amounts are compared
// in cents so that float noise is not reported.
import type { SorEntity } from './sor-connector.js';
import type { SyncedCreditMemo, SyncedInvoice, SyncedPayment } from './sor-records.js';

export type ConsistencyKind = 'balance_mismatch' | 'over_applied' | 'balance_exceeds_amount' | 'status_mismatch';

export interface ConsistencyProblem {
  entity: SorEntity;
  /** SoR id (or invoice number for balance checks, which are keyed by number). */
  key: string;
  kind: ConsistencyKind;
  message: string;
}

const cents = (n: number): number => Math.round(n * 100);
const money = (c: number): string => (c / 100).toFixed(2);

/** Problems visible in one invoice on its own: balance above amount, a status its balance contradicts. */
export function invoiceProblems(i: SyncedInvoice): ConsistencyProblem[] {
  const out: ConsistencyProblem[] = [];
  const amount = cents(i.amount);
  const balance = cents(i.balance);
  const at = (kind: ConsistencyKind, message: string) => out.push({ entity: 'invoices', key: i.sorId, kind, message: `invoice ${i.number}: ${message}` });
  if (balance > amount) at('balance_exceeds_amount', `balance ${money(balance)} exceeds amount ${money(amount)}`);
  if (i.status === 'paid' && balance !== 0) at('status_mismatch', `status paid but balance ${money(balance)}`);
  if (i.status === 'void' && balance !== 0) at('status_mismatch', `status void but balance ${money(balance)}`);
  if (i.status === 'open' && balance === 0 && amount !== 0) at('status_mismatch', 'status open but balance 0.00');
  if (i.status === 'partially_paid' && (balance === 0 || balance >= amount)) {
    at('status_mismatch', `status partially_paid but balance ${money(balance)} of ${money(amount)}`);
  }
  return out;
}

/** A payment whose applications add up to more than the payment. */
export function paymentProblems(p: SyncedPayment): ConsistencyProblem[] {
  const applied = p.applications.reduce((sum, a) => sum + cents(a.amount), 0);
  if (applied <= cents(p.amount)) return [];
  return [{ entity: 'payments', key: p.sorId, kind: 'over_applied', message: `payment ${p.sorId}: applications ${money(applied)} exceed amount ${money(cents(p.amount))}` }];
}

export function creditMemoProblems(m: SyncedCreditMemo): ConsistencyProblem[] {
  if (cents(m.balance) <= cents(m.amount)) return [];
  return [{ entity: 'creditMemos', key: m.sorId, kind: 'balance_exceeds_amount', message: `credit memo ${m.number}: balance ${money(cents(m.balance))} exceeds amount ${money(cents(m.amount))}` }];
}

/** Record-level problems of any synced record. */
export function recordProblems(entity: SorEntity, record: unknown): ConsistencyProblem[] {
  if (entity === 'invoices') return invoiceProblems(record as SyncedInvoice);
  if (entity === 'payments') return paymentProblems(record as SyncedPayment);
  if (entity === 'creditMemos') return creditMemoProblems(record as SyncedCreditMemo);
  return [];
}

/**
 * balance = amount − applications: an invoice (not void) whose balance differs from its amount
 * less the payment applications the SoR reports for it. `applied` is the sum of those applications.
 */
export function balanceProblem(
  invoice: Pick<SyncedInvoice, 'number' | 'amount' | 'balance' | 'status'>,
  applied: number,
): ConsistencyProblem | undefined {
  if (invoice.status === 'void') return undefined;
  const expected = cents(invoice.amount) - cents(applied);
  if (expected === cents(invoice.balance)) return undefined;
  return {
    entity: 'invoices',
    key: invoice.number,
    kind: 'balance_mismatch',
    message: `invoice ${invoice.number}: balance ${money(cents(invoice.balance))} ≠ amount ${money(cents(invoice.amount))} − applications ${money(cents(applied))} (= ${money(expected)})`,
  };
}

/**
 * Merge-joins invoices (sorted by number) with applied totals (sorted by invoice number) in
 * constant memory and yields every balance problem; both inputs may be database cursors.
 */
export async function* balanceProblems(
  invoices: AsyncIterable<Pick<SyncedInvoice, 'number' | 'amount' | 'balance' | 'status'>>,
  appliedByNumber: AsyncIterable<{ invoiceNumber: string; applied: number }>,
): AsyncGenerator<ConsistencyProblem> {
  const applied = appliedByNumber[Symbol.asyncIterator]();
  let next = await applied.next();
  for await (const invoice of invoices) {
    while (!next.done && next.value.invoiceNumber < invoice.number) next = await applied.next();
    const sum = !next.done && next.value.invoiceNumber === invoice.number ? next.value.applied : 0;
    const problem = balanceProblem(invoice, sum);
    if (problem) yield problem;
  }
}
