// The customer and invoice records for the tab, under /api/dashboard/records: search, the
// records, their PDFs and their actions. Every route calls the same use cases as Teams and
// Slack (bot/records, bot/search) as the signed-in arbot user, so permissions, the send guard
// and the audit trail are theirs; this file only translates HTTP to use-case calls and back.
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { ReplyMessageAttachment } from '../../core/domain/draft.js';
import { permissionsOf } from '../../core/review/permissions.js';
import { authorize } from '../../bot/authorize.js';
import type { ChatIdentity } from '../../bot/identity.js';
import { customerTimeline, viewCustomerRecord } from '../../bot/records/customer-record.js';
import { invoicePdf, viewInvoiceRecord } from '../../bot/records/invoice-record.js';
import { mergeCustomers, previewMerge } from '../../bot/records/merge.js';
import { addCustomerNote, archiveCustomer, generateStatement, resyncCustomer, sendInvoiceCopies, sendStatement } from '../../bot/records/record-actions.js';
import type { RecordActionDeps } from '../../bot/records/record-deps.js';
import { searchServiceFor } from '../../bot/search/search-service.js';
import type { UseCaseErrorCode, UseCaseResult } from '../../bot/use-case-result.js';
import { viewerFrom } from './auth/authenticate.js';

/** Most customers one search returns. */
export const SEARCH_LIMIT_MAX = 50;
const TIMELINE_LIMIT_MAX = 500;

const STATUS: Readonly<Record<UseCaseErrorCode, number>> = {
  unknown_user: 403,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  send_blocked: 422,
  conflict: 409,
  invalid_state: 409,
  already_claimed: 409,
  not_holder: 409,
};

export interface RecordsApiDeps {
  /** The record use cases' dependencies (built on the first request when the desk is made lazily). */
  records: () => Promise<RecordActionDeps>;
}

const email = z.string().trim().min(1).max(320);
const sendBody = z.object({ to: z.array(email).min(1).max(20), cc: z.array(email).max(20).default([]), requestId: z.string().trim().min(1).max(200).optional(), language: z.string().max(10).optional() });
const bodies = {
  note: z.object({ text: z.string().max(10_000) }),
  statement: sendBody,
  invoices: sendBody.extend({ invoiceNumbers: z.array(z.string().trim().min(1).max(100)).min(1).max(100) }),
  mergePreview: z.object({ sourceSorId: z.string().trim().min(1).max(200) }),
  merge: z.object({ sourceSorId: z.string().trim().min(1).max(200), token: z.string().min(1).max(200), typed: z.string().max(200) }),
};

/** The records router; mount it behind `authenticate` (router.ts does). */
export function recordsApi(deps: RecordsApiDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  const as = (res: Response): ChatIdentity => ({ platform: 'arbot', userId: viewerFrom(res).user.id });
  const param = (req: Request, name: string): string => String(req.params[name]);

  router.get('/search', async (req, res) => {
    const q = typeof req.query['q'] === 'string' ? req.query['q'].trim() : '';
    if (q === '') return void invalid(res, 'Type a name, an account, an email, or an invoice or PO number.', ['q: required']);
    const limit = Math.min(SEARCH_LIMIT_MAX, Math.max(1, Number.parseInt(String(req.query['limit'] ?? '10'), 10) || 10));
    const records = await deps.records();
    // The search has no permission check of its own; looking things up is task.view, as in chat.
    const who = await authorize(records, as(res), 'task.view', 'search_records', { type: 'search', id: q.slice(0, 200) });
    if (!who.ok) return void answer(res, who);
    const result = await searchServiceFor(records.repos, records.clock).search(q, { limit });
    const names = new Map(result.customers.map((c) => [c.customer.sorId, c.customer.name]));
    const missing = [...new Set(result.invoices.map((i) => i.invoice.customerSorId).filter((id) => !names.has(id)))];
    for (const id of missing) names.set(id, (await records.repos.customers.findBySorId(id))?.name ?? id);
    res.json({
      query: result.query,
      ambiguous: result.ambiguous,
      more: result.more,
      customers: result.customers.map((c) => ({
        sorId: c.customer.sorId, name: c.customer.name, accountNumber: c.customer.accountNumber, status: c.customer.status, archived: c.archived,
        score: c.score, matchedBy: c.matchedBy, detail: c.detail, ...(c.foundAs ? { foundAs: c.foundAs } : {}),
      })),
      invoices: result.invoices.map((i) => ({
        number: i.invoice.number, customerSorId: i.invoice.customerSorId, customerName: names.get(i.invoice.customerSorId) ?? i.invoice.customerSorId,
        dueDate: i.invoice.dueDate.toISOString().slice(0, 10), balance: { amount: i.invoice.balance, currency: i.invoice.currency }, status: i.invoice.status,
        matchedBy: i.matchedBy, exact: i.exact,
      })),
    });
  });

  router.get('/customers/:sorId', async (req, res) => {
    const result = await viewCustomerRecord(await deps.records(), as(res), param(req, 'sorId'));
    if (!result.ok) return void answer(res, result);
    // What the page offers; the use cases check again on every action.
    const permissions = permissionsOf(viewerFrom(res).user.roles);
    res.json({ ...result.value, can: { work: permissions.has('customer.work'), manage: permissions.has('customer.manage') } });
  });

  router.get('/customers/:sorId/timeline', async (req, res) => {
    const raw = req.query['limit'];
    const limit = raw === undefined ? 100 : Number.parseInt(String(raw), 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > TIMELINE_LIMIT_MAX) return void invalid(res, `The limit is a whole number from 1 to ${TIMELINE_LIMIT_MAX}.`, ['limit']);
    answer(res, await customerTimeline(await deps.records(), as(res), param(req, 'sorId'), limit));
  });

  router.get('/customers/:sorId/statement.pdf', async (req, res) => {
    const result = await generateStatement(await deps.records(), as(res), param(req, 'sorId'), language(req));
    if (!result.ok) return void answer(res, result);
    sendPdf(res, result.value);
  });

  router.get('/invoices/:number', async (req, res) => {
    answer(res, await viewInvoiceRecord(await deps.records(), as(res), param(req, 'number')));
  });

  router.get('/invoices/:number/pdf', async (req, res) => {
    const result = await invoicePdf(await deps.records(), as(res), param(req, 'number'), language(req));
    if (!result.ok) return void answer(res, result);
    sendPdf(res, result.value);
  });

  router.post('/customers/:sorId/notes', async (req, res) => {
    const body = parse(res, bodies.note, req.body);
    if (!body) return;
    answer(res, await addCustomerNote(await deps.records(), as(res), param(req, 'sorId'), body.text), 201);
  });

  router.post('/customers/:sorId/send-statement', async (req, res) => {
    const body = parse(res, bodies.statement, req.body);
    if (!body) return;
    answer(res, await sendStatement(await deps.records(), as(res), param(req, 'sorId'), body));
  });

  router.post('/customers/:sorId/send-invoices', async (req, res) => {
    const body = parse(res, bodies.invoices, req.body);
    if (!body) return;
    answer(res, await sendInvoiceCopies(await deps.records(), as(res), param(req, 'sorId'), body));
  });

  router.post('/customers/:sorId/resync', async (req, res) => {
    answer(res, await resyncCustomer(await deps.records(), as(res), param(req, 'sorId')));
  });

  router.post('/customers/:sorId/archive', async (req, res) => {
    answer(res, await archiveCustomer(await deps.records(), as(res), param(req, 'sorId')));
  });

  router.post('/customers/:sorId/merge-preview', async (req, res) => {
    const body = parse(res, bodies.mergePreview, req.body);
    if (!body) return;
    answer(res, await previewMerge(await deps.records(), as(res), { source: body.sourceSorId, target: param(req, 'sorId') }));
  });

  router.post('/customers/:sorId/merge', async (req, res) => {
    const body = parse(res, bodies.merge, req.body);
    if (!body) return;
    answer(res, await mergeCustomers(await deps.records(), as(res), { source: body.sourceSorId, target: param(req, 'sorId'), token: body.token, typed: body.typed }));
  });

  return router;
}

/** A use case's value as JSON, or its failure with the matching status. */
function answer<T>(res: Response, result: UseCaseResult<T>, okStatus = 200): void {
  if (result.ok) {
    res.status(okStatus).json(result.value);
    return;
  }
  const { code, message, details } = result.error;
  res.status(STATUS[code]).json({ error: code, message, ...(details ? { details } : {}) });
}

function invalid(res: Response, message: string, details: string[]): void {
  res.status(400).json({ error: 'invalid_input', message, details });
}

/** The body, or null after answering 400 with each field's problem. */
function parse<T>(res: Response, schema: z.ZodType<T>, body: unknown): T | null {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  invalid(res, `The request is not valid: ${details.join('; ')}.`, details);
  return null;
}

function language(req: Request): string {
  const lang = req.query['lang'];
  return typeof lang === 'string' && /^[a-z]{2}$/.test(lang) ? lang : 'en';
}

function sendPdf(res: Response, pdf: ReplyMessageAttachment): void {
  const filename = pdf.filename.replace(/[^A-Za-z0-9._-]+/g, '_');
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(Buffer.from(pdf.content));
}
