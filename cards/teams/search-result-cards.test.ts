import { describe, expect, it } from 'vitest';
import type { RecordSearchItem } from '../../bot/queries/record-search.js';
import { customerSummaryFixture, invoiceSummaryFixture } from '../../test/fixtures/cards-lookup-views.js';
import { TEAMS_MESSAGE_MAX_BYTES, validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardBytes } from './adaptive-card.js';
import { formatMoney } from './format.js';
import { customerCard, invoiceCard } from './lookup-cards.js';
import { searchResultAttachments, searchResultCard, searchResultPreview, THUMBNAIL_CARD_CONTENT_TYPE } from './search-result-cards.js';

const usd = (amount: number) => formatMoney({ amount, currency: 'USD' });

const customer = (over: Parameters<typeof customerSummaryFixture>[0] = {}, extra: Partial<Extract<RecordSearchItem, { kind: 'customer' }>> = {}): RecordSearchItem => ({
  kind: 'customer',
  customer: customerSummaryFixture(over),
  matchedBy: 'name',
  detail: 'name ~ “acme industrail”',
  ...extra,
});
const invoice = (over: Parameters<typeof invoiceSummaryFixture>[0] = {}, matchedBy: 'invoice_number' | 'po_number' = 'invoice_number'): RecordSearchItem => ({
  kind: 'invoice',
  invoice: invoiceSummaryFixture(over),
  matchedBy,
});

describe('message extension search results (Teams)', () => {
  const long = 'L'.repeat(400);
  const items: [string, RecordSearchItem][] = [
    ['customer', customer()],
    ['customer, archived, two currencies, long name', customer({ name: long, status: 'archived', openBalance: [{ amount: 1, currency: 'USD' }, { amount: 2, currency: 'EUR' }] })],
    ['customer found under a merged duplicate', customer({}, { foundAs: 'ACME Industrial (100-9999), merged' })],
    ['invoice', invoice()],
    ['invoice found by PO, paid', invoice({ status: 'paid', daysPastDue: 0, balance: { amount: 0, currency: 'USD' } }, 'po_number')],
  ];

  it.each(items)('%s: the inserted card parses without problems in the Adaptive Cards library and fits a message', (_name, item) => {
    const card = searchResultCard(item);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
  });

  it('inserts the same summary card as the customer and invoice commands', () => {
    const [c, i] = [customer(), invoice()];
    expect(searchResultCard(c)).toEqual(customerCard(customerSummaryFixture()));
    expect(searchResultCard(i)).toEqual(invoiceCard(invoiceSummaryFixture()));
  });

  it('previews a customer with its account number, open balance and overdue invoices', () => {
    expect(searchResultPreview(customer())).toEqual({
      title: 'Acme Industrial LLC',
      subtitle: `Account 100-2231 · ${usd(13650)} open`,
      text: '3 open invoices, 1 overdue',
    });
    const archived = searchResultPreview(customer({ status: 'archived', openBalance: [], openInvoices: 0, overdueInvoices: 0 }, { foundAs: 'ACME Industrial (100-9999), merged' }));
    expect(archived.subtitle).toBe(`Account 100-2231 · ${usd(0)} open`);
    expect(archived.text).toBe('0 open invoices · archived · found as ACME Industrial (100-9999), merged');
  });

  it('previews an invoice with its amount and status, and the PO when that is what matched', () => {
    expect(searchResultPreview(invoice())).toEqual({
      title: 'Invoice INV-204518',
      subtitle: `${usd(12450)} · partially paid, 15 days past due`,
      text: `Acme Industrial LLC · balance ${usd(11250)} · due 2026-11-05`,
    });
    const byPo = searchResultPreview(invoice({ status: 'paid', daysPastDue: 0 }, 'po_number'));
    expect(byPo.subtitle).toBe(`${usd(12450)} · paid`);
    expect(byPo.text).toMatch(/ · PO PO-4471$/);
  });

  it('keeps untrusted names short and free of mentions in the preview', () => {
    const preview = searchResultPreview(customer({ name: `<at>Everyone</at> ${long}` }));
    expect(preview.title).not.toContain('<at>');
    expect(preview.title.length).toBeLessThanOrEqual(120);
    expect(preview.title.endsWith('…')).toBe(true);
  });

  it('makes one attachment per match: the Adaptive Card with a thumbnail preview', () => {
    const attachments = searchResultAttachments([invoice(), customer()]);
    expect(attachments.map((a) => [a.contentType, a.preview.contentType, a.preview.content.title])).toEqual([
      [ADAPTIVE_CARD_CONTENT_TYPE, THUMBNAIL_CARD_CONTENT_TYPE, 'Invoice INV-204518'],
      [ADAPTIVE_CARD_CONTENT_TYPE, THUMBNAIL_CARD_CONTENT_TYPE, 'Acme Industrial LLC'],
    ]);
    expect(attachments[0]?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(searchResultAttachments([])).toEqual([]);
  });
});
