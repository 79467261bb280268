import { describe, expect, it } from 'vitest';
import type { TaskActionId, TaskCardView } from '../../bot/task-view.js';
import type { CardViewer } from '../../bot/viewer-actions.js';
import type { TaskStatus } from '../../core/domain/task.js';
import { INTENTS } from '../../core/pipeline/intents.js';
import { taskViewFixture } from '../../test/fixtures/task-view.js';
import { validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { cardBytes, type AdaptiveCard } from './adaptive-card.js';
import { TASK_INPUTS, TASK_VERBS } from './task-card-actions.js';
import { REFRESH_MAX_USERS, TASK_CARD_MAX_BYTES, taskCard } from './task-card.js';

const ana = { userId: 'u-ana', displayName: 'Ana Lima', teamsAadObjectId: 'aad-ana' };
const holder: CardViewer = { userId: 'u-ana', roles: ['Analyst'] };
const colleague: CardViewer = { userId: 'u-bo', roles: ['Analyst'] };
const manager: CardViewer = { userId: 'u-mia', roles: ['Manager'] };
const noRoles: CardViewer = { userId: 'u-x', roles: [] };

/** Ana's task, in review, with a draft. */
function view(overrides: Partial<TaskCardView> = {}): TaskCardView {
  return taskViewFixture({
    taskId: 'task-1',
    version: 7,
    status: 'in_review',
    statusLabel: 'In review',
    assignee: ana,
    actions: ['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note'],
    ...overrides,
  });
}

type Node = Record<string, unknown>;

/** Every object in the card, depth first (show-cards included). */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}

const ofType = (card: AdaptiveCard, type: string) => nodes(card).filter((n) => n.type === type);
const texts = (card: AdaptiveCard) => ofType(card, 'TextBlock').map((n) => n.text as string);
const verbs = (card: AdaptiveCard) => ofType(card, 'Action.Execute').map((n) => n.verb);
const buttons = (card: AdaptiveCard) => (card.actions ?? []).map((a) => a.title);
const forms = (card: AdaptiveCard) => ofType(card, 'Action.ShowCard').map((n) => n.title);
const input = (card: AdaptiveCard, id: string) => nodes(card).find((n) => String(n.type).startsWith('Input.') && n.id === id);

describe('taskCard', () => {
  const statuses: [TaskStatus, TaskActionId[]][] = [
    ['new', ['claim', 'reassign', 'edit', 'close', 'note']],
    ['assigned', ['claim', 'unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']],
    ['in_review', ['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']],
    ['sent', ['note']],
    ['closed_no_reply', ['reopen', 'note']],
  ];
  const viewers: [string, CardViewer | null][] = [
    ['nobody', null],
    ['the holder', holder],
    ['a colleague', colleague],
    ['a manager', manager],
  ];

  it.each(statuses.flatMap(([status, actions]) => viewers.map(([who, viewer]) => [status, who, actions, viewer] as const)))(
    'parses without problems in the Adaptive Cards library: %s task, seen by %s',
    (status, _who, actions, viewer) => {
      const unassigned = status === 'new' ? { assignee: undefined } : {};
      const card = taskCard(view({ status, actions, ...unassigned }), { viewer, refreshUserIds: ['29:a'], tabUrl: 'https://arbot.example/tab', notice: 'Sent by Ana Lima' });
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    },
  );

  it('shows status, priority, SLA, sender, customer, intents with confidence, reasons, invoices with evidence, excerpt and draft', () => {
    const card = taskCard(view({ subject: 'Copy of INV-204518 please', priority: 'high', notes: 2, attachments: ['remittance.pdf'] }), { viewer: null });
    const all = texts(card).join('\n');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Copy of INV-204518 please', weight: 'Bolder' });
    expect(all).toContain('In review');
    expect(all).toContain('High priority');
    expect(all).toContain('Due {{DATE(2026-11-20T13:00:00Z, SHORT)}} {{TIME(2026-11-20T13:00:00Z)}}');
    expect(all).toContain('Received {{DATE(2026-11-20T09:00:00Z, SHORT)}}');
    expect(all).toContain('- jane.roe@acme-industrial.example is not a known contact of C1');
    expect(all).toContain('- **INV-204518** (found): "204518" → INV-204518 of C1 (same number without its prefix)');
    expect(all).toContain('Hello, could you send a copy of invoice 204518? Thanks, Jane');
    expect(all).toContain('Attachments: remittance.pdf');
    expect(all).toContain('Draft reply (version 1)');
    expect(all).toContain('please find invoice INV-204518 attached.');
    const facts = Object.fromEntries(ofType(card, 'FactSet').flatMap((f) => (f.facts as { title: string; value: string }[]).map((x) => [x.title, x.value])));
    expect(facts).toMatchObject({
      From: 'Jane Roe (jane.roe@acme-industrial.example)',
      Customer: 'Acme Industrial LLC · account 100-2231 · C1',
      Intents: 'Invoice copy (93%)',
      Team: 'Collections',
      Notes: '2 internal notes',
      To: 'Jane Roe (jane.roe@acme-industrial.example)',
      Subject: 'RE: Copy of INV-204518 please',
      Attachments: 'INV-204518.pdf',
    });
  });

  it('highlights an overdue task', () => {
    const card = taskCard(view({ overdue: true }), { viewer: null });
    const overdue = ofType(card, 'TextBlock').find((t) => String(t.text).startsWith('Overdue'));
    expect(overdue).toMatchObject({ text: 'Overdue: was due {{DATE(2026-11-20T13:00:00Z, SHORT)}} {{TIME(2026-11-20T13:00:00Z)}}', color: 'Attention', weight: 'Bolder' });
  });

  it('@mentions the assignee with a Teams entity matching the text', () => {
    const card = taskCard(view(), { viewer: null });
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Ana Lima</at>', mentioned: { id: 'aad-ana', name: 'Ana Lima' } }]);
    expect(texts(card)).toContain('Assigned to <at>Ana Lima</at>');
  });

  it('names an assignee without a Teams identity in plain text, and says when nobody has the task', () => {
    const plain = taskCard(view({ assignee: { userId: 'u-ana', displayName: 'Ana Lima' } }), { viewer: null });
    expect(plain.msteams).toEqual({ width: 'Full' });
    expect(texts(plain)).toContain('Assigned to Ana Lima');
    expect(JSON.stringify(plain)).not.toContain('<at>');

    const queued = taskCard(view({ assignee: undefined, status: 'new', actions: ['claim', 'note'] }), { viewer: null });
    expect(texts(queued)).toContain('Unassigned, in the Collections queue');
  });

  it('keeps mention markup in email text from becoming a mention', () => {
    const card = taskCard(view({ excerpt: 'Hi <at>Ana Lima</at>, {{DATE(2026-01-01T00:00:00Z)}}' }), { viewer: null });
    expect(texts(card)).toContain('Hi Ana Lima, {\u200B{DATE(2026-01-01T00:00:00Z)}}');
  });

  it('gives an unknown viewer, or one without roles, no buttons at all', () => {
    for (const viewer of [null, noRoles]) {
      const card = taskCard(view(), { viewer });
      expect(card.actions).toBeUndefined();
      expect(ofType(card, 'ActionSet')).toEqual([]);
      expect(verbs(card)).toEqual([TASK_VERBS.refresh]);
    }
  });

  it('gives the holder the buttons of their own task', () => {
    const card = taskCard(view(), { viewer: holder });
    expect(buttons(card)).toEqual(['Unclaim', 'Approve & send', 'Reprocess']);
    expect(forms(card)).toEqual(['Intents', 'Fix data', 'Edit draft', 'Reassign', 'Close', 'Note']);
  });

  it("gives a colleague only the note on someone else's task, and a manager everything with Take over", () => {
    const held = view({ status: 'assigned', statusLabel: 'Assigned', actions: ['claim', 'unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note'] });
    const seenByColleague = taskCard(held, { viewer: colleague });
    expect(buttons(seenByColleague)).toEqual([]);
    expect(forms(seenByColleague)).toEqual(['Note']);

    const seenByManager = taskCard(held, { viewer: manager });
    expect(buttons(seenByManager)).toEqual(['Take over', 'Unclaim', 'Approve & send', 'Reprocess']);
    expect(forms(seenByManager)).toEqual(['Intents', 'Fix data', 'Edit draft', 'Reassign', 'Close', 'Note']);
  });

  it('offers Claim on an unassigned task and Reopen to a manager on a closed one', () => {
    const fresh = view({ assignee: undefined, status: 'new', statusLabel: 'New', actions: ['claim', 'reassign', 'edit', 'close', 'note'] });
    expect(buttons(taskCard(fresh, { viewer: colleague }))).toEqual(['Claim']);
    const closed = view({ status: 'closed_no_reply', statusLabel: 'Closed without reply', closeReason: 'Customer already paid', actions: ['reopen', 'note'] });
    expect(buttons(taskCard(closed, { viewer: manager }))).toEqual(['Reopen']);
    expect(buttons(taskCard(closed, { viewer: holder }))).toEqual([]);
    expect(texts(taskCard(closed, { viewer: null }))).toContain('Closed: Customer already paid');
  });

  it('puts { taskId, version } in the data of every Action.Execute, and the draft version in approve', () => {
    const card = taskCard(view(), { viewer: manager });
    const executes = ofType(card, 'Action.Execute').filter((a) => a.verb !== TASK_VERBS.refresh);
    expect(executes.map((a) => a.verb).sort()).toEqual(
      [TASK_VERBS.unclaim, TASK_VERBS.approve, TASK_VERBS.reprocess, TASK_VERBS.intents, TASK_VERBS.fixData, TASK_VERBS.editDraft, TASK_VERBS.reassign, TASK_VERBS.close, TASK_VERBS.note].sort(),
    );
    for (const action of executes) expect(action.data).toMatchObject({ taskId: 'task-1', version: 7 });
    expect(executes.find((a) => a.verb === TASK_VERBS.approve)?.data).toEqual({ taskId: 'task-1', version: 7, draftVersion: 1 });
  });

  it('has forms whose inputs carry the documented ids, unique across the card', () => {
    const card = taskCard(view({ intents: [{ intent: 'invoice_copy', label: 'Invoice copy', confidence: 0.93 }, { intent: 'dispute', label: 'Dispute' }] }), { viewer: holder });
    const ids = nodes(card).filter((n) => String(n.type).startsWith('Input.')).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.values(TASK_INPUTS).sort());

    expect(input(card, TASK_INPUTS.intents)).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, value: 'invoice_copy,dispute', isRequired: true });
    expect((input(card, TASK_INPUTS.intents)?.choices as { value: string }[]).map((c) => c.value)).toEqual([...INTENTS]);
    expect(input(card, TASK_INPUTS.customerSorId)).toMatchObject({ type: 'Input.Text', value: 'C1' });
    expect(input(card, TASK_INPUTS.invoiceNumbers)).toMatchObject({ type: 'Input.Text', value: 'INV-204518' });
    expect(input(card, TASK_INPUTS.draftSubject)).toMatchObject({ value: 'RE: Copy of INV-204518 please' });
    expect(input(card, TASK_INPUTS.draftText)).toMatchObject({ isMultiline: true, value: view().draft?.bodyPreview });
    expect(input(card, TASK_INPUTS.draftCc)).not.toHaveProperty('value');
    expect(input(card, TASK_INPUTS.attachInvoices)).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, value: 'INV-204518' });
    expect(input(card, TASK_INPUTS.closeReason)).toMatchObject({ isRequired: true, errorMessage: 'Give a reason.' });
    expect(input(card, TASK_INPUTS.noteText)).toMatchObject({ isRequired: true });

    // Each form's submit button sits in its own show-card, next to its inputs.
    const close = ofType(card, 'Action.ShowCard').find((f) => f.title === 'Close') as { card: { body: Node[]; actions: Node[] } };
    expect(close.card.body.map((i) => i.id)).toEqual([TASK_INPUTS.closeReason]);
    expect(close.card.actions).toEqual([{ type: 'Action.Execute', title: 'Close without reply', verb: TASK_VERBS.close, data: { taskId: 'task-1', version: 7 }, style: 'destructive' }]);
  });

  it('never prefills the edit form with a cut preview (saving it would cut the reply)', () => {
    const draft = { ...view().draft!, bodyPreview: `${'word '.repeat(200).trim()}…` };
    const card = taskCard(view({ draft }), { viewer: holder });
    expect(input(card, TASK_INPUTS.draftText)).not.toHaveProperty('value');
    expect(input(card, TASK_INPUTS.draftText)).toMatchObject({ placeholder: 'Leave empty to keep the current text' });
  });

  it('offers to write a reply when there is no draft', () => {
    const card = taskCard(view({ draft: undefined, actions: ['unclaim', 'reassign', 'edit', 'close', 'reprocess', 'note'] }), { viewer: holder });
    expect(forms(card)).toContain('Write reply');
    expect(buttons(card)).not.toContain('Approve & send');
    expect(texts(card)).toContain('No draft yet.');
  });

  it('refreshes through Universal Actions for the listed users (deduplicated, at most 60)', () => {
    const none = taskCard(view(), { viewer: null });
    expect(none.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'task.refresh', data: { taskId: 'task-1' } } });

    const ids = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const many = taskCard(view(), { viewer: null, refreshUserIds: ['29:user-0', ...ids, ' '] });
    expect(many.refresh?.userIds).toEqual(ids.slice(0, REFRESH_MAX_USERS));
  });

  it('shows a notice on top, emphasized', () => {
    const card = taskCard(view(), { viewer: colleague, notice: 'Already claimed by Ana Lima.' });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'Already claimed by Ana Lima.', wrap: true, weight: 'Bolder', color: 'Accent' });
  });

  it('links to the task in the tab when its URL is known', () => {
    const card = taskCard(view({ taskId: 'task (1)' }), { viewer: null, tabUrl: 'https://arbot.example/tab/' });
    expect(texts(card)).toContain('[Open in arbot](https://arbot.example/tab/tasks/task%20%281%29)');
    expect(JSON.stringify(taskCard(view(), { viewer: null }))).not.toContain('Open in arbot');
  });

  it('stays under the size limit with a huge email, draft and evidence, and still works', () => {
    const huge = view({
      subject: 'S'.repeat(20_000),
      excerpt: 'Lorem ipsum dolor sit amet. '.repeat(20_000),
      reasons: Array.from({ length: 80 }, (_, i) => ({ code: `r${i}`, message: `reason ${i} `.repeat(300) })),
      invoices: Array.from({ length: 500 }, (_, i) => ({ number: `INV-${i}`, found: i % 2 === 0, evidence: 'evidence '.repeat(1000) })),
      attachments: Array.from({ length: 300 }, (_, i) => `attachment-${i}-${'x'.repeat(500)}.pdf`),
      draft: { ...view().draft!, bodyPreview: 'Dear Jane, '.repeat(50_000), to: Array.from({ length: 200 }, (_, i) => `Person ${i} <p${i}@acme.example>`), attachments: Array.from({ length: 300 }, (_, i) => `INV-${i}.pdf`) },
    });
    const card = taskCard(huge, { viewer: manager, tabUrl: 'https://arbot.example/tab', refreshUserIds: ['29:a'] });
    expect(cardBytes(card)).toBeLessThanOrEqual(TASK_CARD_MAX_BYTES);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(texts(card)).toContain('[Open in arbot](https://arbot.example/tab/tasks/task-1)');
    expect(buttons(card)).toEqual(['Unclaim', 'Approve & send', 'Reprocess']);
    expect(input(card, TASK_INPUTS.draftText)).not.toHaveProperty('value');
  });

  it('stays under the size limit whatever the view holds, even in three-byte characters', () => {
    const long = (n: number) => '€'.repeat(n);
    const worst = view({
      subject: long(20_000),
      excerpt: long(200_000),
      from: { name: long(5000), address: long(5000) },
      customer: { sorId: long(3000), name: long(3000), accountNumber: long(3000) },
      team: { id: long(3000), name: long(3000) },
      assignee: { userId: 'u-ana', displayName: long(3000), teamsAadObjectId: 'aad-ana' },
      intents: Array.from({ length: 50 }, () => ({ intent: long(300), label: long(300), confidence: 0.5 })),
      reasons: Array.from({ length: 80 }, () => ({ code: 'x', message: long(3000) })),
      invoices: Array.from({ length: 500 }, () => ({ number: long(400), found: true, evidence: long(5000) })),
      attachments: Array.from({ length: 300 }, () => long(2000)),
      closeReason: long(5000),
      draft: {
        version: 1,
        subject: long(5000),
        to: Array.from({ length: 100 }, () => long(2000)),
        cc: Array.from({ length: 100 }, () => long(2000)),
        bodyPreview: long(100_000),
        attachments: Array.from({ length: 300 }, () => long(2000)),
      },
    });
    // 60 realistic Teams ids (about 90 characters each) on top.
    const readers = Array.from({ length: 80 }, (_, i) => `29:1${'a'.repeat(85)}${i}`);
    const card = taskCard(worst, { viewer: holder, notice: long(9000), tabUrl: 'https://arbot.example/tab', refreshUserIds: readers });
    expect(cardBytes(card)).toBeLessThanOrEqual(TASK_CARD_MAX_BYTES);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.refresh?.userIds).toHaveLength(REFRESH_MAX_USERS);
    expect(card.msteams?.entities?.[0]?.mentioned.id).toBe('aad-ana');
  });

  it('shortens only as much as needed: a long but fitting email keeps more text than a huge one', () => {
    const long = taskCard(view({ excerpt: 'word '.repeat(1000) }), { viewer: holder });
    const excerptOf = (card: AdaptiveCard) => texts(card).find((t) => t.startsWith('word')) ?? '';
    expect(excerptOf(long).length).toBe(1200);
    expect(excerptOf(long).endsWith('…')).toBe(true);
  });
});
