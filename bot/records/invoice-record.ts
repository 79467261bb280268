// The invoice record: amounts, dates and aging, payments applied, the customer's credits in the
// same currency, who may receive a copy, and the emails and tasks about it.
import { bucketOf, daysPastDue } from '../../core/replies/aging.js';
import { isOpenItem } from '../../core/replies/statement.js';
import type { ReplyMessageAttachment } from '../../core/domain/draft.js';
import { authorize } from '../authorize.js';
import type { ChatIdentity } from '../identity.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import { day } from './customer-record.js';
import type { RecordActionDeps, RecordDeps } from './record-deps.js';
import type { InvoiceRecordView } from './views.js';

const RELATED_MAX = 20;

const BUCKET_LABEL = { current: 'current', days1to30: '1-30', days31to60: '31-60', days61to90: '61-90', days90plus: '90+' } as const;

/** The invoice record of an invoice number exactly as stored (the search resolves what people type). */
export async function viewInvoiceRecord(deps: RecordDeps, identity: ChatIdentity, number: string): Promise<UseCaseResult<InvoiceRecordView>> {
  const who = await authorize(deps, identity, 'task.view', 'view_invoice', { type: 'invoice', id: number });
  if (!who.ok) return who;
  const invoice = await deps.repos.invoices.findByNumber(number);
  if (invoice === null) return failure('not_found', `There is no invoice ${number}.`);
  const asOf = deps.sor.asOf();
  const [customer, payments, memos, contacts, inbound, tasks] = await Promise.all([
    deps.repos.customers.findBySorId(invoice.customerSorId),
    deps.repos.payments.findByInvoiceNumber(invoice.number),
    deps.repos.creditMemos.listByCustomer(invoice.customerSorId),
    deps.repos.contacts.listByCustomer(invoice.customerSorId),
    deps.repos.customerLinks.inboundForInvoice(invoice.number, RELATED_MAX),
    deps.repos.tasks.listByInvoiceNumber(invoice.number, RELATED_MAX),
  ]);
  const emails = await Promise.all(inbound.map((l) => deps.repos.emails.get(l.emailId)));
  const open = isOpenItem(invoice) && invoice.balance > 0;
  const days = open ? daysPastDue(invoice.dueDate, asOf) : 0;
  const byEmail = new Map(contacts.map((c) => [c.email, c]));
  return success({
    number: invoice.number,
    customer: { sorId: invoice.customerSorId, name: customer?.name ?? invoice.customerSorId, accountNumber: customer?.accountNumber ?? '' },
    poNumber: invoice.poNumber,
    issueDate: day(invoice.issueDate),
    dueDate: day(invoice.dueDate),
    amount: { amount: invoice.amount, currency: invoice.currency },
    balance: { amount: invoice.balance, currency: invoice.currency },
    status: invoice.status,
    daysPastDue: days,
    agingBucket: open ? BUCKET_LABEL[bucketOf(days)] : 'closed',
    payments: payments.flatMap((p) =>
      p.applications.filter((a) => a.invoiceNumber === invoice.number).map((a) => ({ reference: p.reference, date: day(p.date), method: p.method, applied: { amount: a.amount, currency: p.currency } })),
    ),
    availableCredits: memos.filter((m) => m.balance > 0 && m.currency === invoice.currency).map((m) => ({ number: m.number, date: day(m.date), balance: { amount: m.balance, currency: m.currency } })),
    contacts: [
      ...invoice.contactEmails.filter((e) => !byEmail.has(e)).map((email) => ({ email, level: 'invoice' as const })),
      ...contacts.map((c) => ({ email: c.email, ...(c.name ? { name: c.name } : {}), ...(c.role ? { role: c.role } : {}), level: invoice.contactEmails.includes(c.email) ? ('invoice' as const) : ('customer' as const) })),
    ],
    relatedEmails: inbound.flatMap((l, i) => {
      const e = emails[i];
      return e ? [{ emailId: e.id, at: l.at.toISOString(), subject: e.subject, from: e.from.address }] : [];
    }),
    relatedTasks: tasks.map((t) => ({ taskId: t.id, status: t.status, createdAt: t.createdAt.toISOString(), intents: t.intents })),
    ...(invoice.pdfUrl ? { pdfUrl: invoice.pdfUrl } : {}),
    asOf: day(asOf),
  });
}

/** The invoice's PDF (the SoR's document, or a rendered copy) for the chat or the tab to hand over. */
export async function invoicePdf(deps: RecordActionDeps, identity: ChatIdentity, number: string, language = 'en'): Promise<UseCaseResult<ReplyMessageAttachment>> {
  const who = await authorize(deps, identity, 'task.view', 'invoice_pdf', { type: 'invoice', id: number });
  if (!who.ok) return who;
  const invoice = await deps.repos.invoices.findByNumber(number);
  if (invoice === null) return failure('not_found', `There is no invoice ${number}.`);
  const [pdf] = await deps.documents.invoiceAttachments(invoice.customerSorId, [invoice.number], language);
  return pdf ? success(pdf) : failure('not_found', `No PDF could be made for invoice ${number}.`);
}
