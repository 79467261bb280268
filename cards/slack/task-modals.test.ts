import type { InputBlock, ModalView, MultiStaticSelect, PlainTextInput, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../core/pipeline/intents.js';
import { submittedValues } from '../../test/fixtures/slack-view-state.js';
import { taskViewFixture } from '../../test/fixtures/task-view.js';
import { checkViewLimits, SLACK_LIMITS } from './limits.js';
import {
  closeModal,
  editDraftModal,
  fixDataModal,
  intentsModal,
  modalErrors,
  noteModal,
  parseCloseSubmission,
  parseEditDraftSubmission,
  parseFixDataSubmission,
  parseIntentsSubmission,
  parseNoteSubmission,
  parseReassignSubmission,
  parseTaskModalMetadata,
  reassignModal,
  TASK_MODALS,
} from './task-modals.js';

function input(view: ModalView, blockId: string): InputBlock {
  const found = view.blocks.find((b) => b.type === 'input' && b.block_id === blockId);
  if (found === undefined) throw new Error(`no input ${blockId}`);
  return found as InputBlock;
}

const context = { channelId: 'C0TASKS', messageTs: '1732100000.000100' };
const people = { users: [{ id: 'u-ana', name: 'Ana Lima' }, { id: 'u-bo', name: 'Bo Chen' }], teams: [{ id: 'team-collections', name: 'Collections' }] };

describe('task modals', () => {
  it('are modals with a callback_id and the task in private_metadata, within every limit', () => {
    const view = taskViewFixture({ taskId: 'task-9', version: 4 });
    const modals: [ModalView, string][] = [
      [intentsModal(view, context), TASK_MODALS.intents.callbackId],
      [fixDataModal(view, context), TASK_MODALS.fix.callbackId],
      [editDraftModal(view, context), TASK_MODALS.edit.callbackId],
      [reassignModal(view, { ...context, ...people }), TASK_MODALS.reassign.callbackId],
      [closeModal(view, context), TASK_MODALS.close.callbackId],
      [noteModal(view, context), TASK_MODALS.note.callbackId],
    ];
    for (const [modal, callbackId] of modals) {
      expect(modal.type).toBe('modal');
      expect(modal.callback_id).toBe(callbackId);
      expect(parseTaskModalMetadata(modal.private_metadata)).toEqual({ taskId: 'task-9', version: 4, ...context });
      expect(checkViewLimits(modal)).toEqual([]);
      // Every input the map names is where the parse looks.
      const mapped = Object.values(Object.values(TASK_MODALS).find((m) => m.callbackId === callbackId)?.inputs ?? {});
      for (const block of modal.blocks.filter((b): b is InputBlock => b.type === 'input')) {
        expect(mapped).toContainEqual({ blockId: block.block_id, actionId: block.element.action_id });
      }
    }
    expect(JSON.parse(closeModal(view).private_metadata ?? '')).toEqual({ taskId: 'task-9', version: 4 });
  });

  it('reads private_metadata back only when it is ours', () => {
    expect(parseTaskModalMetadata('{"taskId":"t","version":2,"channelId":"C1"}')).toEqual({ taskId: 't', version: 2, channelId: 'C1' });
    expect(parseTaskModalMetadata('{"taskId":"t"}')).toBeNull();
    expect(parseTaskModalMetadata('garbage')).toBeNull();
    expect(parseTaskModalMetadata('')).toBeNull();
    expect(parseTaskModalMetadata(undefined)).toBeNull();
  });

  describe('intents', () => {
    it('offers the taxonomy with the current intents chosen and the confidence shown', () => {
      const modal = intentsModal(taskViewFixture());
      const select = input(modal, 'intents').element as MultiStaticSelect;
      expect(select.options?.map((o) => o.value)).toEqual([...INTENTS]);
      expect(select.initial_options?.map((o) => o.value)).toEqual(['invoice_copy']);
      expect(select.options?.[0]?.description?.text).toBe('93% confident');
    });

    it('round trips: choose → submit → parse', () => {
      const modal = intentsModal(taskViewFixture());
      expect(parseIntentsSubmission(submittedValues(modal))).toEqual({ ok: true, value: { intents: ['invoice_copy'] } });
      const values = submittedValues(modal, { intents: ['dispute', 'payment_status'] });
      expect(parseIntentsSubmission(values)).toEqual({ ok: true, value: { intents: ['dispute', 'payment_status'] } });
    });

    it('refuses none and unknown intents under the input', () => {
      const modal = intentsModal(taskViewFixture());
      expect(parseIntentsSubmission(submittedValues(modal, { intents: [] }))).toEqual({
        ok: false,
        response: { response_action: 'errors', errors: { intents: 'Choose at least one intent.' } },
      });
      const forged = { intents: { intents: { type: 'multi_static_select', selected_options: [{ value: 'wire_money' }] } } };
      expect(parseIntentsSubmission(forged)).toEqual({ ok: false, response: modalErrors({ intents: 'Unknown intent wire_money.' }) });
    });

    it('leaves out stored intents the taxonomy no longer has (they cannot be initial options)', () => {
      const modal = intentsModal(taskViewFixture({ intents: [{ intent: 'legacy_thing', label: 'Legacy' }] }));
      expect((input(modal, 'intents').element as MultiStaticSelect).initial_options).toBeUndefined();
      expect(checkViewLimits(modal)).toEqual([]);
    });
  });

  describe('fix data', () => {
    const view = taskViewFixture({
      invoices: [
        { number: 'INV-204518', found: true, evidence: 'exact' },
        { number: 'INV-204519', found: true },
        { number: 'PO-77', found: false, evidence: 'PO number matches no invoice' },
      ],
    });

    it('prefills the customer and the resolved numbers and lists the unresolved ones', () => {
      const modal = fixDataModal(view);
      expect((input(modal, 'customer').element as PlainTextInput).initial_value).toBe('C1');
      expect((input(modal, 'invoices').element as PlainTextInput).initial_value).toBe('INV-204518\nINV-204519');
      expect(JSON.stringify(modal.blocks)).toContain('PO-77 — PO number matches no invoice');
    });

    it('round trips typed corrections', () => {
      const modal = fixDataModal(view);
      const values = submittedValues(modal, { customer: ' C2 ', invoices: 'INV-1, INV-2\nINV-2;inv 3', amounts: '1,250.50 usd\n99\nEUR 10' });
      expect(parseFixDataSubmission(values, modal.blocks)).toEqual({
        ok: true,
        value: {
          customerSorId: 'C2',
          invoiceNumbers: ['INV-1', 'INV-2', 'inv 3'],
          amounts: [{ value: 1250.5, currency: 'USD' }, { value: 99 }, { value: 10, currency: 'EUR' }],
        },
      });
    });

    it('leaves out what was submitted as prefilled (given the blocks), and changes nothing for empty fields', () => {
      const modal = fixDataModal(view);
      expect(parseFixDataSubmission(submittedValues(modal), modal.blocks)).toEqual({ ok: true, value: {} });
      // Without the blocks it cannot tell: the prefilled values come back as the correction.
      expect(parseFixDataSubmission(submittedValues(modal))).toEqual({ ok: true, value: { customerSorId: 'C1', invoiceNumbers: ['INV-204518', 'INV-204519'] } });
      expect(parseFixDataSubmission(submittedValues(modal, { customer: null, invoices: null }))).toEqual({ ok: true, value: {} });
      expect(parseFixDataSubmission(submittedValues(modal, { invoices: 'None' }), modal.blocks)).toEqual({ ok: true, value: { invoiceNumbers: [] } });
    });

    it('answers bad input under the field', () => {
      const modal = fixDataModal(view);
      const result = parseFixDataSubmission(submittedValues(modal, { customer: 'Acme Inc', amounts: '12\ntwelve' }));
      expect(result).toEqual({
        ok: false,
        response: {
          response_action: 'errors',
          errors: { customer: 'A customer id has no spaces. Look it up with /ar customer <name>.', amounts: 'Line 2 is not an amount. Write e.g. 1250.00 USD.' },
        },
      });
      const many = Array.from({ length: 101 }, (_, i) => `INV-${i}`).join('\n');
      expect(parseFixDataSubmission(submittedValues(modal, { invoices: many }))).toMatchObject({ ok: false, response: { errors: { invoices: 'At most 100 invoice numbers.' } } });
    });

    it('does not prefill a list longer than the input takes (it would be cut on submit)', () => {
      const invoices = Array.from({ length: 400 }, (_, i) => ({ number: `INVOICE-${100000 + i}`, found: true }));
      const modal = fixDataModal(taskViewFixture({ invoices }));
      const field = input(modal, 'invoices');
      expect((field.element as PlainTextInput).initial_value).toBeUndefined();
      expect(field.hint?.text).toContain('leave empty to keep them');
      expect(checkViewLimits(modal)).toEqual([]);
    });
  });

  describe('edit draft', () => {
    it('prefills subject, bare addresses, the full text and the attached invoices', () => {
      const view = taskViewFixture({ draft: { ...taskViewFixture().draft!, cc: ['Bo <bo@acme.example>'] } });
      const modal = editDraftModal(view, { draftText: 'Dear Jane,\r\n\r\nhere it is.', attachInvoices: ['INV-204518'] });
      expect((input(modal, 'subject').element as PlainTextInput).initial_value).toBe('RE: Copy of INV-204518 please');
      expect((input(modal, 'to').element as PlainTextInput).initial_value).toBe('jane.roe@acme-industrial.example');
      expect((input(modal, 'cc').element as PlainTextInput).initial_value).toBe('bo@acme.example');
      expect((input(modal, 'text').element as PlainTextInput).initial_value).toBe('Dear Jane,\n\nhere it is.');
      expect(input(modal, 'text').optional).toBe(false);
      expect((input(modal, 'attach').element as MultiStaticSelect).initial_options?.map((o) => o.value)).toEqual(['INV-204518']);
    });

    it('reads the attached invoices from the file names when not told', () => {
      const modal = editDraftModal(taskViewFixture());
      expect((input(modal, 'attach').element as MultiStaticSelect).initial_options?.map((o) => o.value)).toEqual(['INV-204518']);
    });

    it('round trips an edit; unchanged fields are left out given the blocks', () => {
      const modal = editDraftModal(taskViewFixture(), { draftText: 'Dear Jane,\n\nattached.' });
      expect(parseEditDraftSubmission(submittedValues(modal), modal.blocks)).toEqual({ ok: true, value: {} });
      const values = submittedValues(modal, { subject: ' New subject ', cc: 'a@acme.example; b@acme.example', text: 'Hi Jane,\r\nsee attached.', attach: [] });
      expect(parseEditDraftSubmission(values, modal.blocks)).toEqual({
        ok: true,
        value: { subject: 'New subject', cc: ['a@acme.example', 'b@acme.example'], text: 'Hi Jane,\nsee attached.', attachInvoices: [] },
      });
    });

    it('takes an emptied Cc as "nobody" and keeps the text when the field is left empty', () => {
      const view = taskViewFixture({ draft: { ...taskViewFixture().draft!, cc: ['bo@acme.example'] } });
      const modal = editDraftModal(view);
      expect(input(modal, 'text').optional).toBe(true);
      expect(input(modal, 'text').hint?.text).toBe('Leave empty to keep the current text.');
      expect(parseEditDraftSubmission(submittedValues(modal, { cc: null }), modal.blocks)).toEqual({ ok: true, value: { cc: [] } });
    });

    it('does not put a text longer than Slack takes into the input', () => {
      const modal = editDraftModal(taskViewFixture(), { draftText: 'x'.repeat(SLACK_LIMITS.textInput + 1) });
      expect((input(modal, 'text').element as PlainTextInput).initial_value).toBeUndefined();
      expect(input(modal, 'text').hint?.text).toContain('longer than Slack can edit here');
      expect(checkViewLimits(modal)).toEqual([]);
    });

    it('refuses addresses that are not email addresses', () => {
      const modal = editDraftModal(taskViewFixture());
      const result = parseEditDraftSubmission(submittedValues(modal, { to: 'jane@acme.example, Jane Roe', cc: 'nope' }));
      expect(result).toEqual({ ok: false, response: modalErrors({ to: 'Not an email address: Jane, Roe', cc: 'Not an email address: nope' }) });
    });

    it('works without a draft: empty fields fall back to the blank reply', () => {
      const modal = editDraftModal(taskViewFixture({ draft: undefined, invoices: [] }));
      expect(input(modal, 'subject').optional).toBe(true);
      expect(input(modal, 'to').optional).toBe(true);
      expect(modal.blocks.some((b) => b.block_id === 'attach')).toBe(false);
      expect(parseEditDraftSubmission(submittedValues(modal, { text: 'Hello' }))).toEqual({ ok: true, value: { cc: [], text: 'Hello' } });
      expect(checkViewLimits(modal)).toEqual([]);
    });
  });

  describe('reassign', () => {
    it('offers people (not the current assignee) and teams', () => {
      const view = taskViewFixture({ assignee: { userId: 'u-ana', displayName: 'Ana Lima', slackUserId: 'U0ANA' } });
      const modal = reassignModal(view, people);
      expect((input(modal, 'user').element as StaticSelect).options?.map((o) => o.value)).toEqual(['u-bo']);
      expect((input(modal, 'team').element as StaticSelect).options?.map((o) => o.value)).toEqual(['team-collections']);
      expect(JSON.stringify(modal.blocks)).toContain('Now: Assigned to <@U0ANA>, team Collections');
    });

    it('round trips a person or a team', () => {
      const modal = reassignModal(taskViewFixture(), people);
      expect(parseReassignSubmission(submittedValues(modal, { user: 'u-bo' }))).toEqual({ ok: true, value: { userId: 'u-bo' } });
      expect(parseReassignSubmission(submittedValues(modal, { team: 'team-collections' }))).toEqual({ ok: true, value: { teamId: 'team-collections' } });
    });

    it('wants exactly one of them', () => {
      const modal = reassignModal(taskViewFixture(), people);
      expect(parseReassignSubmission(submittedValues(modal))).toEqual({ ok: false, response: modalErrors({ user: 'Choose a person or a team.' }) });
      expect(parseReassignSubmission(submittedValues(modal, { user: 'u-bo', team: 'team-collections' }))).toEqual({
        ok: false,
        response: modalErrors({ user: 'Choose a person or a team, not both.' }),
      });
      const teamsOnly = reassignModal(taskViewFixture(), { users: [], teams: people.teams });
      expect(parseReassignSubmission(submittedValues(teamsOnly))).toEqual({ ok: false, response: modalErrors({ team: 'Choose a person or a team.' }) });
    });

    it('keeps to 100 options and says so when there is nobody', () => {
      const users = Array.from({ length: 150 }, (_, i) => ({ id: `u${i}`, name: `Person ${i} ${'x'.repeat(100)}` }));
      const big = reassignModal(taskViewFixture(), { users, teams: [] });
      expect((input(big, 'user').element as StaticSelect).options).toHaveLength(100);
      expect(checkViewLimits(big)).toEqual([]);
      const empty = reassignModal(taskViewFixture(), { users: [], teams: [] });
      expect(empty.submit).toBeUndefined();
      expect(empty.blocks.some((b) => b.type === 'input')).toBe(false);
      expect(checkViewLimits(empty)).toEqual([]);
    });
  });

  describe('close and note', () => {
    it('round trip the reason and the note', () => {
      const close = closeModal(taskViewFixture());
      expect(parseCloseSubmission(submittedValues(close, { reason: '  Duplicate of an answered email ' }))).toEqual({ ok: true, value: { reason: 'Duplicate of an answered email' } });
      const note = noteModal(taskViewFixture());
      expect(parseNoteSubmission(submittedValues(note, { note: 'Called Jane; she will resend.' }))).toEqual({ ok: true, value: { text: 'Called Jane; she will resend.' } });
    });

    it('refuse blank input', () => {
      expect(parseCloseSubmission(submittedValues(closeModal(taskViewFixture()), { reason: '   ' }))).toEqual({
        ok: false,
        response: modalErrors({ reason: 'Say why the task is closed without a reply.' }),
      });
      expect(parseNoteSubmission(submittedValues(noteModal(taskViewFixture())))).toEqual({ ok: false, response: modalErrors({ note: 'The note is empty.' }) });
      expect(parseNoteSubmission({})).toEqual({ ok: false, response: modalErrors({ note: 'The note is empty.' }) });
    });

    it('both inputs are required and bounded', () => {
      expect(input(closeModal(taskViewFixture()), 'reason').optional).toBe(false);
      expect((input(noteModal(taskViewFixture()), 'note').element as PlainTextInput).max_length).toBe(SLACK_LIMITS.textInput);
    });
  });

  it('keeps modal titles, private_metadata and texts within limits for a huge task', () => {
    const huge = taskViewFixture({
      subject: 's'.repeat(5000),
      from: { name: 'n'.repeat(5000), address: 'a@b.example' },
      invoices: Array.from({ length: 150 }, (_, i) => ({ number: `INV-${i}`, found: i % 2 === 0, evidence: 'e'.repeat(200) })),
      intents: INTENTS.map((intent) => ({ intent, label: intent, confidence: 0.1 })),
    });
    for (const modal of [intentsModal(huge, context), fixDataModal(huge, context), editDraftModal(huge, { ...context, draftText: 'x'.repeat(2000) }), closeModal(huge), noteModal(huge)]) {
      expect(checkViewLimits(modal)).toEqual([]);
    }
  });
});
