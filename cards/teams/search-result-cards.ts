// Cards for the Teams message extension's search results: each match is the full Adaptive
// Card that goes into the message (the same summary as the `customer` and `invoice` commands)
// with a thumbnail preview for the result list (title, account and balance, or amount and
// status). Pure: view model in, JSON out.
import type { RecordSearchItem } from '../../bot/queries/record-search.js';
import type { CustomerSummaryView, InvoiceSummaryView } from '../../bot/queries/views.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card.js';
import { formatMoney, plural, untrusted } from './format.js';
import { balances, customerCard, invoiceCard, invoiceStatusLabel } from './lookup-cards.js';

export const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

/** A Bot Framework thumbnail card: what the result list shows for one match. */
export interface ThumbnailCard {
  title: string;
  subtitle?: string;
  text?: string;
}

/** One result of a search-based message extension: the card to insert, and its preview in the list. */
export interface SearchResultAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
  preview: { contentType: typeof THUMBNAIL_CARD_CONTENT_TYPE; content: ThumbnailCard };
}

const TEXT_MAX = 120;

/** The card a match inserts into the message: the customer's or the invoice's summary. */
export function searchResultCard(item: RecordSearchItem): AdaptiveCard {
  return item.kind === 'customer' ? customerCard(item.customer) : invoiceCard(item.invoice);
}

/** How a match shows in the result list. */
export function searchResultPreview(item: RecordSearchItem): ThumbnailCard {
  if (item.kind === 'invoice') return invoicePreview(item.invoice, item.matchedBy === 'po_number');
  return customerPreview(item.customer, item.foundAs ? `found as ${item.foundAs}` : undefined);
}

/** The message extension's attachments for a page of matches. */
export function searchResultAttachments(items: readonly RecordSearchItem[]): SearchResultAttachment[] {
  return items.map((item) => ({
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: searchResultCard(item),
    preview: { contentType: THUMBNAIL_CARD_CONTENT_TYPE, content: searchResultPreview(item) },
  }));
}

function customerPreview(v: CustomerSummaryView, note: string | undefined): ThumbnailCard {
  const overdue = v.overdueInvoices > 0 ? `, ${v.overdueInvoices} overdue` : '';
  const details = [`${plural(v.openInvoices, 'open invoice')}${overdue}`, v.status === 'archived' ? 'archived' : undefined, note].filter((s): s is string => s !== undefined);
  return {
    title: t(v.name),
    subtitle: `Account ${t(v.accountNumber)} · ${balances(v.openBalance, v.currency)} open`,
    text: t(details.join(' · ')),
  };
}

function invoicePreview(v: InvoiceSummaryView, byPo: boolean): ThumbnailCard {
  const label = invoiceStatusLabel(v.status).toLowerCase();
  const status = v.daysPastDue > 0 ? `${label}, ${plural(v.daysPastDue, 'day')} past due` : label;
  return {
    title: t(`Invoice ${v.number}`),
    subtitle: `${formatMoney(v.amount)} · ${status}`,
    text: t(`${v.customer.name} · balance ${formatMoney(v.balance)} · due ${v.dueDate}${byPo && v.poNumber ? ` · PO ${v.poNumber}` : ''}`),
  };
}

/** Untrusted text, short enough for a list row. */
function t(text: string): string {
  return untrusted(text, TEXT_MAX);
}
