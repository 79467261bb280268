// The canonical wire shape every connector maps its system's records onto (the dataset
// format's field names, contacts flattened), and its validation. Each record is checked on
// its own, so one malformed record is reported with its reasons and skipped while the rest
// of the page is stored.
import { z } from 'zod';
import type { Customer } from '../domain/customer.js';
import type { Contact } from '../domain/contact.js';
import type { Invoice } from '../domain/invoice.js';
import type { Payment } from '../domain/payment.js';
import type { CreditMemo } from '../domain/credit-memo.js';
import { contactKey, type SorEntity } from './sor-connector.js';

/** A customer as the sync stores it (no local fields). */
export type SyncedCustomer = Omit<Customer, 'id' | 'tenantId' | 'enrolled' | 'createdAt' | 'updatedAt'>;
export type SyncedContact = Omit<Contact, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;
export type SyncedInvoice = Omit<Invoice, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;
/** A payment whose applications may still name their invoice by SoR id only (the engine resolves the number). */
export type SyncedPayment = Omit<Payment, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'applications'> & {
  applications: Array<{ invoiceNumber?: string; invoiceId?: string; amount: number }>;
};
export type SyncedCreditMemo = Omit<CreditMemo, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export interface SyncedRecordOf {
  customers: SyncedCustomer;
  contacts: SyncedContact;
  invoices: SyncedInvoice;
  payments: SyncedPayment;
  creditMemos: SyncedCreditMemo;
}

/** One record after validation. */
export type ValidatedRecord<E extends SorEntity> =
  | { ok: true; key: string; record: SyncedRecordOf[E]; modifiedAt?: Date; deleted: false }
  | { ok: true; key: string; deleted: true; modifiedAt?: Date }
  | { ok: false; key?: string; reasons: string[] };

let knownCurrencies: ReadonlySet<string> | undefined;
/** ISO 4217 codes the runtime knows (Intl), e.g. USD, EUR, JPY. */
function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const id = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string({ error: 'missing' }).trim().min(1, 'missing'));

/** yyyy-mm-dd, or an ISO date-time whose written date is taken (invoice dates are calendar dates). */
export const calendarDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : v),
  z
    .string({ error: 'missing date' })
    .trim()
    .transform((s, ctx) => {
      const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
      const day = m?.[1];
      const d = day === undefined ? undefined : new Date(`${day}T00:00:00Z`);
      if (day === undefined || d === undefined || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) {
        ctx.addIssue({ code: 'custom', message: `not a valid date: ${JSON.stringify(s)}` });
        return z.NEVER;
      }
      return d;
    }),
);

const instant = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : v),
  z.string().transform((s, ctx) => {
    const d = new Date(s);
    if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: `not a valid date-time: ${JSON.stringify(s)}` });
      return z.NEVER;
    }
    return d;
  }),
);

/** A non-negative amount, as a number or a plain decimal string ("1250.00"). */
const amount = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'missing or not a number' }).finite('not a finite number').min(0, 'must not be negative'),
);

const currency = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string({ error: 'missing' }).superRefine((c, ctx) => {
    if (!/^[A-Z]{3}$/.test(c) || !isKnownCurrency(c)) ctx.addIssue({ code: 'custom', message: `unknown currency ${JSON.stringify(c)}` });
  }),
);

/** Deliberately lenient (real address books hold apostrophes, plus signs, odd TLDs); lower-cased. */
export const email = z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'not an email address');
const optionalText = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().optional());
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === null || v === undefined ? [] : v), z.array(item));
const uniqueList = <T extends z.ZodType>(item: T) => list(item).transform((xs) => [...new Set(xs)]);

/** The stored names of a record's wire names: `id` → `sorId`, `customerId` → `customerSorId`. */
type Stored<T> = { [K in keyof T as K extends 'id' ? 'sorId' : K extends 'customerId' ? 'customerSorId' : K]: T[K] };

/** A parsed wire record under its stored names, without the optional fields it does not have. */
function toStored<T extends object>(wire: T): Stored<T> {
  const stored: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) if (v !== undefined) stored[k === 'id' ? 'sorId' : k === 'customerId' ? 'customerSorId' : k] = v;
  return stored as Stored<T>;
}

const customerSchema = z
  .object({
    id,
    accountNumber: id,
    name: z.string({ error: 'missing' }).trim().min(1, 'missing'),
    currency,
    domains: uniqueList(z.string().trim().toLowerCase().transform((d) => d.replace(/^@/, '')).pipe(z.string().min(1))),
    billingOwner: optionalText,
    status: z.enum(['active', 'archived'], { error: 'must be active or archived' }),
  })
  .transform(toStored);

const contactSchema = z
  .object({
    customerId: id,
    name: z.preprocess((v) => v ?? '', z.string()),
    email,
    role: optionalText,
  })
  .transform((c) => ({ ...toStored(c), source: 'sor' as const }));

const invoiceSchema = z
  .object({
    id,
    number: id,
    customerId: id,
    poNumber: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().nullable()),
    issueDate: calendarDate,
    dueDate: calendarDate,
    currency,
    amount,
    balance: amount,
    status: z.enum(['open', 'partially_paid', 'paid', 'void'], { error: 'must be open, partially_paid, paid or void' }),
    contactEmails: uniqueList(email),
    pdfUrl: optionalText,
  })
  .transform(toStored);

const applicationSchema = z
  .object({ invoiceNumber: optionalText, invoiceId: optionalText, amount })
  .refine((a) => a.invoiceNumber !== undefined || a.invoiceId !== undefined, 'an application needs an invoiceNumber or an invoiceId')
  .transform(toStored);

const paymentSchema = z
  .object({
    id,
    customerId: id,
    date: calendarDate,
    amount,
    currency,
    method: z.enum(['ACH', 'wire', 'check', 'card'], { error: 'must be ACH, wire, check or card' }),
    reference: z.preprocess((v) => v ?? '', z.string()),
    applications: list(applicationSchema),
  })
  .transform(toStored);

const creditMemoSchema = z
  .object({
    id,
    number: id,
    customerId: id,
    date: calendarDate,
    amount,
    balance: amount,
    currency,
  })
  .transform(toStored);

/** Each entity's schema; the compiler checks that each yields the record the sync stores. */
const schemas = {
  customers: customerSchema,
  contacts: contactSchema,
  invoices: invoiceSchema,
  payments: paymentSchema,
  creditMemos: creditMemoSchema,
} as const satisfies { [E in SorEntity]: z.ZodType<SyncedRecordOf[E]> };

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The key a raw record would be stored under, when it has one (for reports and tombstones). */
export function rawKey(entity: SorEntity, raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (entity === 'contacts') {
    const customer = str(r['customerId']);
    const mail = str(r['email']);
    return customer !== undefined && mail !== undefined ? contactKey(customer, mail) : undefined;
  }
  return str(r['id']);
}

/** Validates one wire record of `entity`: the stored record, a tombstone, or the reasons it was refused. */
export function validateRecord<E extends SorEntity>(entity: E, raw: unknown): ValidatedRecord<E> {
  const key = rawKey(entity, raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reasons: ['not an object'] };
  const r = raw as Record<string, unknown>;
  const reasons: string[] = [];
  let modifiedAt: Date | undefined;
  if (r['modifiedAt'] !== undefined && r['modifiedAt'] !== null && r['modifiedAt'] !== '') {
    const m = instant.safeParse(r['modifiedAt']);
    if (m.success) modifiedAt = m.data;
    else reasons.push(`modifiedAt: ${m.error.issues[0]?.message ?? 'invalid'}`);
  }
  if (r['deleted'] === true) {
    if (key === undefined) return { ok: false, reasons: ['a deleted record without its id'] };
    return { ok: true, key, deleted: true, ...(modifiedAt && { modifiedAt }) };
  }
  const parsed = schemas[entity].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reasons.push(`${issue.path.join('.') || '(record)'}: ${issue.message}`);
  }
  if (reasons.length > 0 || !parsed.success) return { ok: false, ...(key !== undefined && { key }), reasons };
  const record = parsed.data as SyncedRecordOf[E];
  return { ok: true, key: key as string, record, deleted: false, ...(modifiedAt && { modifiedAt }) };
}

/** The customer a validated record belongs to (for per-customer filtering). */
export function customerOf(entity: SorEntity, record: SyncedRecordOf[SorEntity]): string {
  return entity === 'customers' ? (record as SyncedCustomer).sorId : (record as { customerSorId: string }).customerSorId;
}
