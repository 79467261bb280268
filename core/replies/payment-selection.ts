// Which of a customer's payments answer a payment-status question.
import type { SorPayment } from '../pipeline/sor.js';
import type { PaymentView } from './reply-model.js';
import { alphanumericKey, invoiceNumberKey } from '../pipeline/invoice-number.js';
import { money } from './invoice-view.js';

/** How many recent payments a question that names neither invoice nor payment is answered with. */
export const RECENT_PAYMENTS = 5;

/** What the question names. */
export interface PaymentQuestion {
  invoiceNumbers: readonly string[];
  /** Payment references as the customer wrote them ("check 37730", a trace number). */
  references?: readonly string[];
}

/** A reference the customer wrote matches when its alphanumerics end the payment's ("37730" ↔ "Check 37730"). */
function referenceMatches(paymentReference: string, written: string): boolean {
  const p = alphanumericKey(paymentReference);
  const w = alphanumericKey(written);
  return w.length >= 4 && (p === w || p.endsWith(w));
}

/**
 * Payments applied to a named invoice or matching a named reference; when the question names
 * neither, the most recent ones. Newest first.
 */
export function selectPayments(payments: readonly SorPayment[], question: PaymentQuestion, recent = RECENT_PAYMENTS): SorPayment[] {
  const newestFirst = [...payments].sort((a, b) => b.date.getTime() - a.date.getTime() || a.reference.localeCompare(b.reference));
  const keys = new Set(question.invoiceNumbers.map(invoiceNumberKey));
  const refs = question.references ?? [];
  if (keys.size === 0 && refs.length === 0) return newestFirst.slice(0, recent);
  return newestFirst.filter(
    (p) => p.applications.some((a) => keys.has(invoiceNumberKey(a.invoiceNumber))) || refs.some((r) => referenceMatches(p.reference, r)),
  );
}

/** The reply's view of a payment and where it was applied. */
export function toPaymentView(p: SorPayment): PaymentView {
  return {
    reference: p.reference,
    date: p.date,
    method: p.method,
    amount: money(p.amount, p.currency),
    applications: p.applications.map((a) => ({ invoiceNumber: a.invoiceNumber, amount: money(a.amount, p.currency) })),
  };
}
