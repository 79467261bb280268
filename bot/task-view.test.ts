import { describe, expect, it } from 'vitest';
import type { Draft } from '../core/domain/draft.js';
import type { Task, TaskStatus } from '../core/domain/task.js';
import type { MatchResult } from '../core/pipeline/match-result.js';
import { buildTaskView, DRAFT_PREVIEW_MAX, EXCERPT_MAX, readableCode, taskMentionText, type TaskActionId, type TaskViewInput } from './task-view.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const ana = { userId: 'user-ana', displayName: 'Ana Lima', slackUserId: 'U0ANA' };

function task(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    tenantId: 'default',
    emailId: 'email-1',
    status: 'assigned',
    assignee: 'user-ana',
    intents: ['invoice_copy'],
    reasons: ['sender_not_known_contact'],
    version: 4,
    createdAt: new Date('2026-11-20T09:01:00Z'),
    updatedAt: new Date('2026-11-20T09:30:00Z'),
    ...overrides,
  };
}

function match(overrides: Partial<MatchResult> = {}): MatchResult {
  return {
    sender: {
      address: 'jane.roe@acme-industrial.example',
      domain: 'acme-industrial.example',
      contactOf: [],
      invoiceContactOf: [],
      domainCustomers: ['C1'],
      freeMail: false,
      systemSender: false,
      auth: {},
      evidence: [],
    },
    customerId: 'C1',
    customerEvidence: [],
    referencedCustomers: ['C1'],
    invoices: [],
    unresolved: [],
    accounts: [],
    ...overrides,
  };
}

function analysis(overrides: Partial<NonNullable<TaskViewInput['analysis']>> = {}): NonNullable<TaskViewInput['analysis']> {
  return {
    language: 'de',
    scores: [
      { intent: 'invoice_copy', confidence: 0.91 },
      { intent: 'dispute', confidence: 0.12 },
    ],
    match: match(),
    decision: {
      action: 'review',
      reasons: [
        { code: 'sender_not_known_contact', message: 'jane.roe@acme-industrial.example is not a known contact of C1' },
        { code: 'low_confidence', message: 'invoice_copy confidence 0.41 is below 0.5' },
      ],
      intents: ['invoice_copy'],
      customerId: 'C1',
      invoiceNumbers: [],
      recipients: [],
    },
    newText: 'Hello,\n\n  could you send   a copy of 204518?\n\nThanks, Jane',
    ...overrides,
  };
}

function draft(overrides: Partial<Draft['message']> = {}): Draft {
  return {
    id: 'draft-1',
    tenantId: 'default',
    taskId: 'task-1',
    version: 2,
    message: {
      to: [{ name: 'Jane Roe', address: 'jane.roe@acme-industrial.example' }],
      cc: [{ address: 'ap@acme-industrial.example' }],
      subject: 'RE: Copy of invoice',
      text: 'Dear Jane,\r\n\r\n\r\n\r\nplease find the invoice attached.\n',
      attachInvoices: ['INV-204518', 'INV-204519'],
      attachments: [{ filename: 'INV-204518.pdf', contentType: 'application/pdf', content: new Uint8Array(), kind: 'invoice', invoiceNumber: 'INV-204518' }],
      ...overrides,
    },
    createdBy: 'system',
    createdAt: new Date('2026-11-20T09:02:00Z'),
  };
}

function input(overrides: Partial<TaskViewInput> = {}): TaskViewInput {
  return {
    task: task(),
    email: {
      subject: 'Copy of invoice',
      from: { name: 'Jane Roe', address: 'jane.roe@acme-industrial.example' },
      receivedAt: new Date('2026-11-20T09:00:00Z'),
      attachments: [{ filename: 'remittance.pdf', contentType: 'application/pdf', size: 1200 }],
    },
    analysis: analysis(),
    now: NOW,
    ...overrides,
  };
}

describe('buildTaskView', () => {
  it('shows the task, the email and the people around it', () => {
    const view = buildTaskView(
      input({ assignee: ana, team: { id: 'team-1', name: 'Collections' }, customer: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' } }),
    );
    expect(view).toMatchObject({
      taskId: 'task-1',
      version: 4,
      status: 'assigned',
      statusLabel: 'Assigned',
      priority: 'normal',
      dueAt: undefined,
      overdue: false,
      subject: 'Copy of invoice',
      from: { name: 'Jane Roe', address: 'jane.roe@acme-industrial.example' },
      receivedAt: '2026-11-20T09:00:00.000Z',
      language: 'de',
      customer: { sorId: 'C1', name: 'Acme Industrial LLC', accountNumber: '100-2231' },
      excerpt: 'Hello, could you send a copy of 204518? Thanks, Jane',
      attachments: ['remittance.pdf'],
      assignee: ana,
      team: { id: 'team-1', name: 'Collections' },
      notes: 0,
    });
    expect(view.draft).toBeUndefined();
    expect(view.closeReason).toBeUndefined();
  });

  it.each<[TaskStatus, TaskActionId[], TaskActionId[]]>([
    ['new', ['claim', 'reassign', 'edit', 'close', 'note'], ['claim', 'reassign', 'edit', 'close', 'note']],
    ['assigned', ['claim', 'unclaim', 'reassign', 'edit', 'close', 'reprocess', 'note'], ['claim', 'unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']],
    ['in_review', ['unclaim', 'reassign', 'edit', 'close', 'reprocess', 'note'], ['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']],
    ['approved', ['note'], ['note']],
    ['sent', ['note'], ['note']],
    ['closed_no_reply', ['reopen', 'note'], ['reopen', 'note']],
    ['reprocessing', ['note'], ['note']],
  ])('offers the actions of %s (approve only with a draft)', (status, withoutDraft, withDraft) => {
    expect(buildTaskView(input({ task: task({ status }) })).actions).toEqual(withoutDraft);
    expect(buildTaskView(input({ task: task({ status }), draft: null })).actions).toEqual(withoutDraft);
    expect(buildTaskView(input({ task: task({ status }), draft: draft() })).actions).toEqual(withDraft);
  });

  it('labels every status in English', () => {
    const label = (status: TaskStatus) => buildTaskView(input({ task: task({ status }) })).statusLabel;
    expect(label('in_review')).toBe('In review');
    expect(label('closed_no_reply')).toBe('Closed without reply');
    expect(label('reprocessing')).toBe('Reprocessing');
  });

  it('is overdue from the deadline on, and only while open', () => {
    const dueAt = new Date('2026-11-20T12:00:00Z');
    const at = (status: TaskStatus, now: Date) => buildTaskView(input({ task: task({ status, dueAt }), now }));
    expect(at('assigned', NOW)).toMatchObject({ overdue: true, dueAt: '2026-11-20T12:00:00.000Z' });
    expect(at('new', new Date('2026-11-20T11:59:59Z')).overdue).toBe(false);
    expect(at('reprocessing', new Date('2026-11-21T00:00:00Z')).overdue).toBe(true);
    expect(at('sent', new Date('2026-11-21T00:00:00Z')).overdue).toBe(false);
    expect(at('closed_no_reply', new Date('2026-11-21T00:00:00Z')).overdue).toBe(false);
  });

  it('names intents in plain English with the confidence the analysis gave them', () => {
    const view = buildTaskView(input({ task: task({ intents: ['invoice_copy', 'tax_form_request', 'brand_new_intent'] }) }));
    expect(view.intents).toEqual([
      { intent: 'invoice_copy', label: 'Invoice copy', confidence: 0.91 },
      { intent: 'tax_form_request', label: 'Tax form request' },
      { intent: 'brand_new_intent', label: 'Brand new intent' },
    ]);
    expect(buildTaskView(input({ analysis: undefined })).intents).toEqual([{ intent: 'invoice_copy', label: 'Invoice copy' }]);
  });

  it("explains the task's reasons with the decision's sentences, or readable codes", () => {
    const decision = { ...analysis().decision, reasons: [...analysis().decision.reasons, { code: 'invoice_not_found', message: 'INV-1 matches no invoice' }, { code: 'invoice_not_found', message: 'INV-2 matches no invoice' }] };
    const view = buildTaskView(input({ task: task({ reasons: ['invoice_not_found', 'unknown_sender', 'invoice_not_found'] }), analysis: analysis({ decision }) }));
    expect(view.reasons).toEqual([
      { code: 'invoice_not_found', message: 'INV-1 matches no invoice' },
      { code: 'invoice_not_found', message: 'INV-2 matches no invoice' },
      { code: 'unknown_sender', message: 'Unknown sender' },
    ]);
    expect(buildTaskView(input({ analysis: undefined })).reasons).toEqual([{ code: 'sender_not_known_contact', message: 'Sender not known contact' }]);
  });

  it("lists the task's invoices with the match's evidence, then the references that resolved to none", () => {
    const m = match({
      invoices: [
        { raw: '204518', number: 'INV-204518', invoiceId: 'I1', customerId: 'C1', rule: 'missing_prefix', evidence: '"204518" → INV-204518 of C1 (same number without its prefix)' },
        { raw: 'PO 88213', number: 'INV-204518', invoiceId: 'I1', customerId: 'C1', rule: 'po_number', evidence: '"PO 88213" → INV-204518 of C1 (PO number on the invoice)' },
      ],
      unresolved: [
        { raw: 'INV-999999', reason: 'not_found', kind: 'invoice' },
        { raw: '2045', reason: 'ambiguous', candidates: ['INV-204500', 'INV-204501'] },
      ],
    });
    const view = buildTaskView(input({ task: task({ invoiceNumbers: ['INV-204518', 'INV-204600'] }), analysis: analysis({ match: m }) }));
    expect(view.invoices).toEqual([
      { number: 'INV-204518', found: true, evidence: '"204518" → INV-204518 of C1 (same number without its prefix); "PO 88213" → INV-204518 of C1 (PO number on the invoice)' },
      { number: 'INV-204600', found: true },
      { number: 'INV-999999', found: false, evidence: 'reference matches no invoice' },
      { number: '2045', found: false, evidence: 'reference matches several invoices (INV-204500, INV-204501)' },
    ]);
    // Without invoice numbers on the task, the matched ones are shown.
    expect(buildTaskView(input({ analysis: analysis({ match: m }) })).invoices.map((i) => i.number)).toEqual(['INV-204518', 'INV-999999', '2045']);
  });

  it("shows a person's corrected invoice numbers instead, without the unresolved references", () => {
    const m = match({ unresolved: [{ raw: 'INV-999999', reason: 'not_found' }] });
    const view = buildTaskView(input({ task: task({ invoiceNumbers: ['INV-1'], corrections: { invoiceNumbers: ['INV-204519'] } }), analysis: analysis({ match: m }) }));
    expect(view.invoices).toEqual([{ number: 'INV-204519', found: true, evidence: 'entered by a person' }]);
  });

  it('cuts the excerpt at 600 characters with an ellipsis, and falls back to the email text', () => {
    const long = buildTaskView(input({ analysis: analysis({ newText: `${'word '.repeat(200)}\n\nend` }) })).excerpt;
    expect(long.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(long.endsWith('word…')).toBe(true);
    const emoji = buildTaskView(input({ analysis: analysis({ newText: `${'a'.repeat(EXCERPT_MAX - 2)}😀😀` }) })).excerpt;
    expect(emoji).toBe(`${'a'.repeat(EXCERPT_MAX - 2)}…`);
    const fallback = buildTaskView(input({ analysis: undefined, email: { ...input().email, text: ' Please\nsend  it. ' } }));
    expect(fallback.excerpt).toBe('Please send it.');
    expect(buildTaskView(input({ analysis: undefined })).excerpt).toBe('');
  });

  it('previews the draft: recipients, a capped body and what it attaches', () => {
    const view = buildTaskView(input({ draft: draft() }));
    expect(view.draft).toEqual({
      version: 2,
      subject: 'RE: Copy of invoice',
      to: ['Jane Roe <jane.roe@acme-industrial.example>'],
      cc: ['ap@acme-industrial.example'],
      bodyPreview: 'Dear Jane,\n\nplease find the invoice attached.',
      attachments: ['INV-204518.pdf', 'INV-204519 (invoice PDF)'],
    });
    const long = buildTaskView(input({ draft: draft({ text: 'x'.repeat(5000) }) })).draft?.bodyPreview ?? '';
    expect(long).toHaveLength(DRAFT_PREVIEW_MAX);
    expect(long.endsWith('…')).toBe(true);
  });

  it('falls back to the SoR id for the customer and to the task for the language', () => {
    const view = buildTaskView(input({ task: task({ customerSorId: 'C7', language: 'fr' }), analysis: undefined }));
    expect(view.customer).toEqual({ sorId: 'C7', name: 'C7' });
    expect(view.language).toBe('fr');
    expect(buildTaskView(input({ analysis: undefined })).customer).toBeUndefined();
    expect(buildTaskView(input({ analysis: undefined })).language).toBe('und');
  });

  it('counts notes and carries priority and the close reason', () => {
    const view = buildTaskView(
      input({
        task: task({ status: 'closed_no_reply', priority: 'high', closeReason: 'customer called', notes: [{ id: 'n1', by: 'user-ana', at: NOW, text: 'called back' }] }),
      }),
    );
    expect(view).toMatchObject({ priority: 'high', closeReason: 'customer called', notes: 1 });
  });

  it('leaves out the sender name when the email has none', () => {
    const view = buildTaskView(input({ email: { ...input().email, from: { address: 'ap@acme.example' } } }));
    expect(view.from).toEqual({ address: 'ap@acme.example' });
  });
});

describe('taskMentionText', () => {
  it('mentions the assignee, and says nothing for an unassigned task', () => {
    expect(taskMentionText({ assignee: ana })).toEqual({ text: 'Assigned to @Ana Lima', mentions: [ana] });
    expect(taskMentionText({})).toBeUndefined();
  });
});

describe('readableCode', () => {
  it('turns a machine code into words', () => {
    expect(readableCode('send_guard_foreign_invoice')).toBe('Send guard foreign invoice');
    expect(readableCode('dispute')).toBe('Dispute');
  });
});
