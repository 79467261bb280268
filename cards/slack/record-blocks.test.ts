import { describe, expect, it } from 'vitest';
import { customerView, invoiceView, mergePreview } from '../../test/fixtures/record-views.js';
import { checkMessageLimits, checkViewLimits } from './limits.js';
import {
  customerRecordBlocks,
  invoiceRecordBlocks,
  mergeConfirmModal,
  mergePreviewBlocks,
  mergeSourceModal,
  parseMergeConfirmSubmission,
  parseMergeSourceSubmission,
  parseRecordModalMetadata,
  parseRecordNoteSubmission,
  parseRecordSendSubmission,
  RECORD_ACTIONS,
  recordNoteModal,
  recordSendModal,
  timelineBlocks,
  type RecordModalMetadata,
} from './record-blocks.js';

describe('record blocks (Slack)', () => {
  it('renders the customer record within the limits, escaping text, with manager actions only for managers', () => {
    const m = customerRecordBlocks(customerView({ contacts: Array.from({ length: 200 }, (_, i) => ({ email: `c${i}@acme.example`, source: 'sor' as const, readOnly: true })) }));
    expect(checkMessageLimits(m)).toEqual([]);
    expect(JSON.stringify(m)).not.toContain(RECORD_ACTIONS.archive);
    expect(JSON.stringify(m)).toContain('&lt;b&gt;');
    expect(JSON.stringify(customerRecordBlocks(customerView(), { canManage: true }))).toContain(RECORD_ACTIONS.archive);
    const managed = customerRecordBlocks(customerView(), { canManage: true, recordUrl: 'https://arbot.example/tab/customers/C1' });
    expect(checkMessageLimits(managed)).toEqual([]);
    expect(JSON.stringify(managed)).toContain('"url":"https://arbot.example/tab/customers/C1"');
    expect(JSON.stringify(managed)).toContain('"confirm":{"title"');
  });

  it('renders the invoice record and the merge preview within the limits', () => {
    expect(checkMessageLimits(invoiceRecordBlocks(invoiceView({ poNumber: null, payments: [], availableCredits: [], relatedEmails: [], relatedTasks: [] })))).toEqual([]);
    const preview = mergePreviewBlocks(
      mergePreview({ moves: { notes: 0, contactsCopied: [], manualContactsRemoved: [], tasks: 0, threads: 0, emailsIn: 0, emailsOut: 0, timelineEvents: 0 }, fills: {} }),
    );
    expect(checkMessageLimits(preview)).toEqual([]);
    expect(JSON.stringify(preview)).toContain('type 100-9999 next');
  });
});

describe('record modals (Slack)', () => {
  const meta: RecordModalMetadata = { sorId: 'C1', channelId: 'C0X', responseUrl: 'https://hooks.slack.com/actions/T/1/abc' };
  const contacts = Array.from({ length: 150 }, (_, i) => ({ email: `c${i}@acme.example`, name: `Contact ${i}` }));

  it('builds every form within the view limits, its metadata read back', () => {
    const views = [
      recordNoteModal('Acme Industrial LLC', meta),
      recordSendModal('Acme', { ...meta, send: 'statement' }, contacts),
      recordSendModal('Acme', { ...meta, send: 'invoices' }, contacts, [{ number: 'INV-1', label: 'INV-1 · 10.00 USD' }]),
      recordSendModal('Acme', { ...meta, send: 'invoices', invoiceNumbers: ['INV-1'] }, contacts),
      mergeSourceModal('Acme', meta),
      mergeConfirmModal({ ...meta, merge: { source: 'C5', token: 't', typeToConfirm: '100-9999', sourceName: 'ACME' } }, 'Acme'),
    ];
    for (const v of views) {
      expect(checkViewLimits(v)).toEqual([]);
      expect(parseRecordModalMetadata(v.private_metadata)?.sorId).toBe('C1');
    }
    // At most Slack's 100 options; invoices chosen only when not fixed.
    expect(JSON.stringify(views[1]).match(/@acme\.example"/g)).toHaveLength(100);
    expect(JSON.stringify(views[2])).toContain('"block_id":"invoices"');
    expect(JSON.stringify(views[3])).not.toContain('"block_id":"invoices"');
    expect(parseRecordModalMetadata('not json')).toBeNull();
    // A response_url that would overflow the metadata is dropped rather than the form failing.
    expect(parseRecordModalMetadata(recordNoteModal('A', { ...meta, responseUrl: 'x'.repeat(3000) }).private_metadata)).toEqual({ sorId: 'C1', channelId: 'C0X' });
  });

  it('parses submissions, refusing empty input on its field', () => {
    expect(parseRecordNoteSubmission({ note: { note: { type: 'plain_text_input', value: ' hi ' } } })).toEqual({ ok: true, value: { text: 'hi' } });
    expect(parseRecordNoteSubmission({ note: { note: { type: 'plain_text_input', value: '  ' } } })).toEqual({ ok: false, response: { response_action: 'errors', errors: { note: 'The note is empty.' } } });
    const to = { to: { to: { type: 'multi_static_select', selected_options: [{ value: 'jane@acme.example' }] } } };
    expect(parseRecordSendSubmission(to, { sorId: 'C1', send: 'statement' })).toEqual({ ok: true, value: { to: ['jane@acme.example'], invoiceNumbers: [] } });
    expect(parseRecordSendSubmission(to, { sorId: 'C1', send: 'invoices' })).toMatchObject({ ok: false, response: { errors: { invoices: 'Choose at least one invoice.' } } });
    expect(parseRecordSendSubmission(to, { sorId: 'C1', send: 'invoices', invoiceNumbers: ['INV-1'] })).toEqual({ ok: true, value: { to: ['jane@acme.example'], invoiceNumbers: ['INV-1'] } });
    expect(parseRecordSendSubmission({}, { sorId: 'C1', send: 'statement' })).toMatchObject({ ok: false, response: { errors: { to: 'Choose at least one contact.' } } });
    expect(parseMergeSourceSubmission({ source: { source: { type: 'plain_text_input', value: ' 100-9999 ' } } })).toEqual({ ok: true, value: { source: '100-9999' } });
    expect(parseMergeConfirmSubmission({})).toMatchObject({ ok: false, response: { errors: { typed: expect.any(String) } } });
  });

  it('lists a timeline in several sections within the message limits', () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ at: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`, kind: 'note' as const, text: `Note <${i}>` }));
    const m = timelineBlocks('Acme & Co', entries);
    expect(checkMessageLimits(m)).toEqual([]);
    expect(m.blocks.filter((b) => b.type === 'section')).toHaveLength(7);
    expect(JSON.stringify(m)).toContain('Note &lt;99&gt;');
    expect(timelineBlocks('Acme', []).text).toBe('Timeline of Acme: nothing recorded yet.');
  });
});
