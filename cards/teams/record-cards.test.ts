import { describe, expect, it } from 'vitest';
import type { InvoiceRecordView, MergePreview } from '../../bot/records/views.js';
import { customerView } from '../../test/fixtures/record-views.js';
import { TEAMS_MESSAGE_MAX_BYTES, validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { cardBytes } from './adaptive-card.js';
import { customerRecordCard, invoiceRecordCard, mergePreviewCard, RECORD_VERBS, timelineCard } from './record-cards.js';

const invoiceView: InvoiceRecordView = {
  number: 'INV-70009',
  customer: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' },
  poNumber: 'PO-1',
  issueDate: '2026-06-01',
  dueDate: '2026-08-21',
  amount: { amount: 1000, currency: 'USD' },
  balance: { amount: 900, currency: 'USD' },
  status: 'partially_paid',
  daysPastDue: 91,
  agingBucket: '90+',
  payments: [{ reference: 'ACH 42', date: '2026-11-02', method: 'ACH', applied: { amount: 100, currency: 'USD' } }],
  availableCredits: [{ number: 'CM-501', date: '2026-11-01', balance: { amount: 150, currency: 'USD' } }],
  contacts: [{ email: 'jane@acme.example', name: 'Jane Roe', level: 'invoice' }],
  relatedEmails: [{ emailId: 'e1', at: '2026-11-01T00:00:00.000Z', subject: 'Copy please', from: 'jane@acme.example' }],
  relatedTasks: [{ taskId: 't1', status: 'sent', createdAt: '2026-11-01T00:00:00.000Z', intents: ['invoice_copy'] }],
  asOf: '2026-11-20',
};

const preview: MergePreview = {
  source: { sorId: 'C5', name: 'ACME Industrial', accountNumber: '100-9999' },
  target: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' },
  moves: { notes: 1, contactsCopied: ['dee@acme-old.example'], manualContactsRemoved: [], tasks: 2, threads: 1, emailsIn: 3, emailsOut: 1, timelineEvents: 4 },
  fills: { domains: ['acme-old.example'] },
  confirmation: { token: 'abc', typeToConfirm: '100-9999' },
};

describe('record cards (Teams)', () => {
  it('renders the customer record as a valid card under the size limit, with the analyst actions only', () => {
    const card = customerRecordCard(customerView());
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
    const json = JSON.stringify(card);
    expect(json).toMatch(/USD.4,500\.00/);
    expect(json).toContain('Contacts (managed in the SoR)');
    expect(json).toContain('and 30 more');
    expect(json).not.toContain(RECORD_VERBS.archive);
  });

  it('adds Archive and Merge for managers, and no actions on a merged-away record', () => {
    expect(JSON.stringify(customerRecordCard(customerView(), { canManage: true }))).toContain(RECORD_VERBS.mergePreview);
    const merged = customerRecordCard(customerView({ mergedInto: { sorId: 'C1', name: 'Acme', at: '2026-11-20T00:00:00.000Z' } }));
    expect(merged.actions).toBeUndefined();
    expect(validateAdaptiveCard(merged)).toEqual([]);
  });

  it('renders the invoice record, the merge preview and the timeline as valid cards', () => {
    for (const card of [invoiceRecordCard(invoiceView), invoiceRecordCard({ ...invoiceView, pdfUrl: 'https://sor.example/inv.pdf' }), mergePreviewCard(preview), timelineCard('Acme', customerView().timeline)]) {
      expect(validateAdaptiveCard(card)).toEqual([]);
    }
    expect(JSON.stringify(mergePreviewCard(preview))).toContain('Type 100-9999 to confirm');
    expect(invoiceRecordCard({ ...invoiceView, pdfUrl: 'https://sor.example/inv.pdf' }).actions?.[1]).toMatchObject({ type: 'Action.OpenUrl' });
  });
});
