// Reads a dataset's sor.json (../shared/datasets/FORMAT.md) into a SorSnapshot: validated with
// zod, dates parsed, contacts flattened with their customer's id, emails and domains lower-cased.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SorContact, SorCreditMemo, SorCustomer, SorInvoice, SorPayment, SorSnapshot } from '../../../core/pipeline/sor.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (yyyy-mm-dd)')
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: 'custom', message: `not a real date: ${s}` });
      return z.NEVER;
    }
    return d;
  });

// Deliberately lenient (real address books hold apostrophes, plus signs, odd TLDs).
const email = z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an email address');
const id = z.string().trim().min(1);
const money = z.number().finite();
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"');

const contactSchema = z.object({ name: z.string(), email, role: z.string().optional() });

const customerSchema = z.object({
  id,
  accountNumber: id,
  name: z.string().min(1),
  currency,
  domains: z.array(z.string().trim().toLowerCase().transform((d) => d.replace(/^@/, '')).pipe(z.string().min(1))).default([]),
  contacts: z.array(contactSchema).default([]),
  billingOwner: z.string().optional(),
  status: z.enum(['active', 'archived']),
  enrolled: z.boolean().default(true),
});

const invoiceSchema = z.object({
  id,
  number: id,
  customerId: id,
  poNumber: z.string().nullable().default(null),
  issueDate: isoDate,
  dueDate: isoDate,
  currency,
  amount: money,
  balance: money,
  status: z.enum(['open', 'partially_paid', 'paid', 'void']),
  contactEmails: z.array(email).default([]),
});

const paymentSchema = z.object({
  id,
  customerId: id,
  date: isoDate,
  amount: money,
  currency,
  method: z.enum(['ACH', 'wire', 'check', 'card']),
  reference: z.string(),
  applications: z.array(z.object({ invoiceNumber: id, amount: money })).default([]),
});

const creditMemoSchema = z.object({
  id,
  number: id,
  customerId: id,
  date: isoDate,
  amount: money,
  balance: money,
  currency,
});

const sorFileSchema = z.object({
  asOf: isoDate,
  company: z.object({ name: z.string().min(1), arMailbox: email }),
  customers: z.array(customerSchema),
  invoices: z.array(invoiceSchema).default([]),
  payments: z.array(paymentSchema).default([]),
  creditMemos: z.array(creditMemoSchema).default([]),
});

type SorFile = z.infer<typeof sorFileSchema>;

/** An invalid or inconsistent sor.json; the message names the file and the record. */
export class SorFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path}: invalid SoR snapshot: ${problems.join('; ')}`);
    this.name = 'SorFileError';
  }
}

/** "invoices[12] (id I50013)": where an issue sits, naming the record by its id when it has one. */
function describePath(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      parts[parts.length - 1] += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const recordId = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined;
      if (typeof recordId === 'string' && parts.length === 1) parts[0] += ` (id ${recordId})`;
    } else {
      parts.push(String(key));
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return parts.join('.') || '(root)';
}

/** Cross-record checks zod cannot express: unique ids and numbers, known customer ids. */
function consistencyProblems(file: SorFile): string[] {
  const problems: string[] = [];
  const customerIds = new Set<string>();
  const accounts = new Set<string>();
  for (const c of file.customers) {
    if (customerIds.has(c.id)) problems.push(`customers: duplicate id ${c.id}`);
    if (accounts.has(c.accountNumber)) problems.push(`customers (id ${c.id}): duplicate accountNumber ${c.accountNumber}`);
    customerIds.add(c.id);
    accounts.add(c.accountNumber);
  }
  const numbers = new Set<string>();
  for (const inv of file.invoices) {
    if (!customerIds.has(inv.customerId)) problems.push(`invoices (id ${inv.id}): unknown customerId ${inv.customerId}`);
    if (numbers.has(inv.number)) problems.push(`invoices (id ${inv.id}): duplicate number ${inv.number}`);
    numbers.add(inv.number);
  }
  for (const p of file.payments) {
    if (!customerIds.has(p.customerId)) problems.push(`payments (id ${p.id}): unknown customerId ${p.customerId}`);
  }
  for (const m of file.creditMemos) {
    if (!customerIds.has(m.customerId)) problems.push(`creditMemos (id ${m.id}): unknown customerId ${m.customerId}`);
  }
  return problems;
}

/** Maps a validated file onto the SorSnapshot shape the pipeline reads. */
function toSnapshot(file: SorFile): SorSnapshot {
  const customers: SorCustomer[] = file.customers.map((c) => ({
    sorId: c.id,
    accountNumber: c.accountNumber,
    name: c.name,
    currency: c.currency,
    domains: [...new Set(c.domains)],
    ...(c.billingOwner !== undefined ? { billingOwner: c.billingOwner } : {}),
    status: c.status,
    enrolled: c.enrolled,
  }));
  const contacts: SorContact[] = file.customers.flatMap((c) =>
    c.contacts.map((ct) => ({ customerSorId: c.id, name: ct.name, email: ct.email, ...(ct.role !== undefined ? { role: ct.role } : {}) })),
  );
  const invoices: SorInvoice[] = file.invoices.map((i) => ({
    sorId: i.id,
    number: i.number,
    customerSorId: i.customerId,
    poNumber: i.poNumber,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    currency: i.currency,
    amount: i.amount,
    balance: i.balance,
    status: i.status,
    contactEmails: [...new Set(i.contactEmails)],
  }));
  const payments: SorPayment[] = file.payments.map((p) => ({
    sorId: p.id,
    customerSorId: p.customerId,
    date: p.date,
    amount: p.amount,
    currency: p.currency,
    method: p.method,
    reference: p.reference,
    applications: p.applications,
  }));
  const creditMemos: SorCreditMemo[] = file.creditMemos.map((m) => ({
    sorId: m.id,
    number: m.number,
    customerSorId: m.customerId,
    date: m.date,
    amount: m.amount,
    balance: m.balance,
    currency: m.currency,
  }));
  return { asOf: file.asOf, company: file.company, customers, contacts, invoices, payments, creditMemos };
}

/** Validates parsed sor.json content; `path` only names the source in errors. */
export function parseSorJson(raw: unknown, path = 'sor.json'): SorSnapshot {
  const result = sorFileSchema.safeParse(raw);
  if (!result.success) {
    throw new SorFileError(
      path,
      result.error.issues.slice(0, 20).map((i) => `${describePath(raw, i.path)}: ${i.message}`),
    );
  }
  const problems = consistencyProblems(result.data);
  if (problems.length > 0) throw new SorFileError(path, problems.slice(0, 20));
  return toSnapshot(result.data);
}

/** Reads and validates a dataset's sor.json. */
export async function loadSorJson(path: string): Promise<SorSnapshot> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SorFileError(path, [`not valid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  return parseSorJson(raw, path);
}
