// What a template sees: the view model reshaped so every field is always present (null or []
// when absent, which handlebars' strict mode needs) with the state flags the wording depends on.
import type { AgingBuckets, InvoiceView, MoneyView, PaymentView, ReplyViewModel } from '../core/replies/reply-model.js';
import { SOR_ANSWERABLE, type Intent } from '../core/pipeline/intents.js';
import { LOCALES, templateLanguage, type TemplateLanguage } from './locales.js';

/** An invoice with the one state its wording follows (exactly one flag is true). */
export interface InvoiceRow extends InvoiceView {
  /** Open with something still to pay. */
  isOpen: boolean;
  /** Partly paid, the rest still to pay. */
  isPartiallyPaid: boolean;
  /** Paid, or nothing left to pay: never worded as owing. */
  isPaid: boolean;
  isVoid: boolean;
}

/** One currency's total of a statement, with which of due / settled / credit it is. */
export interface TotalRow {
  amount: MoneyView;
  /** The amount without its sign (for "credit in your favour"). */
  magnitude: MoneyView;
  isDue: boolean;
  isSettled: boolean;
  isCredit: boolean;
}

export interface InvoiceCopySection {
  partial: 'invoice_copy';
  invoices: InvoiceRow[];
}

export interface StatementSection {
  partial: 'balance_statement';
  asOf: Date;
  openItems: InvoiceRow[];
  credits: Array<{ number: string; date: Date; balance: MoneyView }>;
  aging: AgingBuckets[];
  totals: TotalRow[];
  /** Nothing open and no credit: the whole account is settled. */
  settled: boolean;
}

export interface PaymentStatusSection {
  partial: 'payment_status';
  payments: PaymentView[];
  /** The invoices the question names, with their state now. */
  invoices: InvoiceRow[];
}

export type TemplateSection = InvoiceCopySection | StatementSection | PaymentStatusSection;

/** The root context every template is rendered with. */
export interface TemplateContext {
  language: TemplateLanguage;
  locale: string;
  company: { name: string; arMailbox: string };
  customer: { name: string; accountNumber: string; currency: string };
  /** The contact's name on one line, or null (the greeting then has no name). */
  contactName: string | null;
  asOf: Date;
  /** One section per answerable intent, in the email's intent order. */
  sections: TemplateSection[];
}

/** The invoice with its wording state; a zero balance is worded as paid, never as owing. */
export function invoiceRow(inv: InvoiceView): InvoiceRow {
  const isVoid = inv.status === 'void';
  const owing = !isVoid && inv.status !== 'paid' && inv.balance.amount > 0;
  return {
    ...inv,
    isOpen: owing && inv.status === 'open',
    isPartiallyPaid: owing && inv.status === 'partially_paid',
    isPaid: !isVoid && !owing,
    isVoid,
  };
}

function totalRow(amount: MoneyView): TotalRow {
  return {
    amount,
    magnitude: { amount: Math.abs(amount.amount), currency: amount.currency },
    isDue: amount.amount > 0,
    isSettled: amount.amount === 0,
    isCredit: amount.amount < 0,
  };
}

/** A name from an email header on one short line, so it cannot add lines to the reply. */
function oneLine(name: string | undefined): string | null {
  const cleaned = (name ?? '').replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim().slice(0, 80).trim();
  return cleaned === '' ? null : cleaned;
}

function section(intent: TemplateSection['partial'], vm: ReplyViewModel): TemplateSection {
  switch (intent) {
    case 'invoice_copy':
      return { partial: intent, invoices: vm.invoices.map(invoiceRow) };
    case 'balance_statement': {
      const s = vm.statement;
      if (!s) throw new Error('the view model asks for a statement (balance_statement) but has none');
      return {
        partial: intent, asOf: s.asOf, openItems: s.openItems.map(invoiceRow), credits: s.credits, aging: s.aging,
        totals: s.totals.map(totalRow), settled: s.openItems.length === 0 && s.credits.length === 0,
      };
    }
    case 'payment_status':
      if (!vm.payments) throw new Error('the view model asks for payment status (payment_status) but has no payments list');
      return { partial: intent, payments: vm.payments, invoices: vm.invoices.map(invoiceRow) };
  }
}

function isSectionIntent(intent: Intent): intent is TemplateSection['partial'] {
  return SOR_ANSWERABLE.has(intent);
}

/** The template context of a view model; intents a reply cannot answer get no section. */
export function toTemplateContext(vm: ReplyViewModel): TemplateContext {
  const language = templateLanguage(vm.language);
  const intents = [...new Set(vm.intents)].filter(isSectionIntent);
  return {
    language,
    locale: LOCALES[language],
    company: { name: vm.company.name, arMailbox: vm.company.arMailbox },
    customer: { name: vm.customer.name, accountNumber: vm.customer.accountNumber, currency: vm.customer.currency },
    contactName: oneLine(vm.contact.name),
    asOf: vm.asOf,
    sections: intents.map((intent) => section(intent, vm)),
  };
}
