import { describe, expect, it } from 'vitest';
import type { InvoiceRecordView } from '../../bot/records/views.js';
import { customerView } from '../../test/fixtures/record-views.js';
import { checkMessageLimits } from './limits.js';
import { customerRecordBlocks, invoiceRecordBlocks, mergePreviewBlocks, RECORD_ACTIONS } from './record-blocks.js';

const invoice: InvoiceRecordView = {
  number: 'INV-70009',
  customer: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' },
  poNumber: null,
  issueDate: '2026-06-01',
  dueDate: '2026-08-21',
  amount: { amount: 1000, currency: 'USD' },
  balance: { amount: 900, currency: 'USD' },
  status: 'partially_paid',
  daysPastDue: 91,
  agingBucket: '90+',
  payments: [],
  availableCredits: [],
  contacts: [{ email: 'jane@acme.example', level: 'invoice' }],
  relatedEmails: [],
  relatedTasks: [],
  asOf: '2026-11-20',
};

describe('record blocks (Slack)', () => {
  it('renders the customer record within the limits, escaping text, with manager actions only for managers', () => {
    const m = customerRecordBlocks(customerView({ contacts: Array.from({ length: 200 }, (_, i) => ({ email: `c${i}@acme.example`, source: 'sor' as const, readOnly: true })) }));
    expect(checkMessageLimits(m)).toEqual([]);
    expect(JSON.stringify(m)).not.toContain(RECORD_ACTIONS.archive);
    expect(JSON.stringify(m)).toContain('&lt;b&gt;');
    expect(JSON.stringify(customerRecordBlocks(customerView(), { canManage: true }))).toContain(RECORD_ACTIONS.archive);
  });

  it('renders the invoice record and the merge preview within the limits', () => {
    expect(checkMessageLimits(invoiceRecordBlocks(invoice))).toEqual([]);
    const preview = mergePreviewBlocks({
      source: { sorId: 'C5', name: 'ACME Industrial', accountNumber: '100-9999' },
      target: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' },
      moves: { notes: 0, contactsCopied: [], manualContactsRemoved: [], tasks: 0, threads: 0, emailsIn: 0, emailsOut: 0, timelineEvents: 0 },
      fills: {},
      confirmation: { token: 't', typeToConfirm: '100-9999' },
    });
    expect(checkMessageLimits(preview)).toEqual([]);
    expect(JSON.stringify(preview)).toContain('type 100-9999 next');
  });
});
