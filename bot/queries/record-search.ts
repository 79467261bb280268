// Customer and invoice search as one read-only use case for result lists (the Teams message
// extension; any client that shows a page of matches). It runs the one search service
// (bot/search) and summarises only the page asked for, so a long list costs no more than
// what is shown. Authorised like the lookups (task.view): unknown people get the same
// "not registered" answer as everywhere else.
import type { CustomerMatchKind, InvoiceHit } from '../search/search-service.js';
import { searchServiceFor } from '../search/search-service.js';
import { authorize } from '../authorize.js';
import type { ChatIdentity } from '../identity.js';
import { success, type UseCaseResult } from '../use-case-result.js';
import { customerSummary, invoiceSummary, type QueryDeps } from './lookup.js';
import type { CustomerSummaryView, InvoiceSummaryView } from './views.js';

/** One match: an invoice (by its number or PO) or a customer (by whatever matched). */
export type RecordSearchItem =
  | { kind: 'invoice'; invoice: InvoiceSummaryView; matchedBy: InvoiceHit['matchedBy'] }
  | { kind: 'customer'; customer: CustomerSummaryView; matchedBy: CustomerMatchKind | 'open_task'; detail: string; foundAs?: string };

export interface RecordSearchView {
  query: string;
  items: RecordSearchItem[];
  /** More matches exist after this page. */
  more: boolean;
  /** No query: the items are the customers of the person's open tasks, not matches. */
  suggested: boolean;
  /** What to tell the person when there is nothing to show. */
  hint?: string;
}

export interface RecordSearchPage {
  /** Matches to skip (paging). */
  skip?: number;
  /** Matches wanted; at most RECORD_SEARCH_PAGE_MAX. */
  count?: number;
}

/** Most matches summarised per call: each costs a few reads, and Teams waits 5 s at most. */
export const RECORD_SEARCH_PAGE_MAX = 10;
/** What to type, shown when nothing was typed and there is nothing to suggest. */
export const RECORD_SEARCH_HINT = 'Type a customer name (typos are fine), an account number, a contact email or domain, or an invoice or PO number.';
const OPEN = ['new', 'assigned', 'in_review', 'reprocessing'] as const;

type Pending =
  | { kind: 'invoice'; hit: InvoiceHit }
  | { kind: 'customer'; sorId: string; matchedBy: CustomerMatchKind | 'open_task'; detail: string; foundAs?: string };

/** Invoices and customers matching `text`, invoices first (a number names one thing), a page at a time. Empty text suggests the customers of the person's open tasks. */
export async function searchRecords(deps: QueryDeps, identity: ChatIdentity, text: string, page: RecordSearchPage = {}): Promise<UseCaseResult<RecordSearchView>> {
  const query = text.trim().replace(/\s+/g, ' ');
  const who = await authorize(deps, identity, 'task.view', 'search_records', { type: 'search', id: query.slice(0, 100) });
  if (!who.ok) return who;
  const skip = Math.max(0, Math.floor(page.skip ?? 0));
  const count = Math.min(RECORD_SEARCH_PAGE_MAX, Math.max(1, Math.floor(page.count ?? RECORD_SEARCH_PAGE_MAX)));

  let pending: Pending[];
  let beyond = false;
  if (query === '') {
    pending = await openTaskCustomers(deps, who.value.id);
  } else {
    const result = await searchServiceFor(deps.repos, deps.clock).search(query, { limit: skip + count });
    pending = [
      ...result.invoices.map((hit): Pending => ({ kind: 'invoice', hit })),
      ...result.customers.map((h): Pending => ({ kind: 'customer', sorId: h.customer.sorId, matchedBy: h.matchedBy, detail: h.detail, ...(h.foundAs ? { foundAs: h.foundAs } : {}) })),
    ];
    beyond = result.more > 0;
  }
  const items = (await Promise.all(pending.slice(skip, skip + count).map((p) => summarise(deps, p, query)))).filter((i): i is RecordSearchItem => i !== null);
  const view: RecordSearchView = { query, items, more: beyond || pending.length > skip + count, suggested: query === '' };
  if (items.length === 0) {
    view.hint = query === '' ? RECORD_SEARCH_HINT : skip > 0 ? `No more matches for “${query}”.` : `Nothing matches “${query}”. ${RECORD_SEARCH_HINT}`;
  }
  return success(view);
}

async function summarise(deps: QueryDeps, p: Pending, query: string): Promise<RecordSearchItem | null> {
  if (p.kind === 'invoice') {
    // "Read inv 204518 as INV-204518" helps for a number typed loosely, not for a PO match.
    const typed = p.hit.matchedBy === 'invoice_number' ? query : p.hit.invoice.number;
    return { kind: 'invoice', invoice: await invoiceSummary(deps, p.hit.invoice, typed), matchedBy: p.hit.matchedBy };
  }
  const customer = await deps.sor.customer(p.sorId);
  // Gone from the SoR since it was indexed: nothing to show.
  if (!customer) return null;
  return { kind: 'customer', customer: await customerSummary(deps, customer), matchedBy: p.matchedBy, detail: p.detail, ...(p.foundAs ? { foundAs: p.foundAs } : {}) };
}

/** The customers of the person's open tasks, each once, in the order the tasks are listed. */
async function openTaskCustomers(deps: QueryDeps, userId: string): Promise<Pending[]> {
  const tasks = await deps.repos.tasks.listByAssignee(userId, OPEN);
  const seen = new Set<string>();
  const out: Pending[] = [];
  for (const task of tasks) {
    const sorId = task.customerSorId;
    if (!sorId || seen.has(sorId)) continue;
    seen.add(sorId);
    out.push({ kind: 'customer', sorId, matchedBy: 'open_task', detail: 'customer of your open task' });
  }
  return out;
}
