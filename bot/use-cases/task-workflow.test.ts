// The analyst use cases end to end on the embedded store: atomic claims, hand-overs,
// corrections, drafts within the send guard, approval into the outbox, notes, closing,
// reprocessing; every change audited and every card updated in place.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import { claimTask, reassignTask, unclaimTask } from './assignment.js';
import { addNote, closeWithoutReply, reopenTask, reprocessTask } from './closing.js';
import { changeIntents, fixExtractedData } from './corrections.js';
import { approveAndSend, editDraft } from './draft.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-bot-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await botWorld(storage.client, {
    reprocess: async (task) => ({ intents: task.intents, reasons: ['still_unknown_sender'], invoiceNumbers: task.corrections?.invoiceNumbers ?? [], draft: null }),
  });
});

const actions = async (taskId: string) => (await w.repos.audit.listBySubject('task', taskId)).map((e) => e.action);

describe('claiming', () => {
  it('20 simultaneous claims: exactly one wins, the other 19 are told who has the task', async () => {
    const taskId = await w.newTask();
    const claimers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => w.repos.users.create({ displayName: `Analyst ${i}`, identities: { teamsAadObjectId: `aad-claim-${i}` }, roles: ['Analyst'] }, w.now())),
    );
    const results = await Promise.all(claimers.map((u) => claimTask(w.deps, asTeams(u), taskId)));
    const task = await w.repos.tasks.get(taskId);
    const winner = claimers.find((a) => a.id === task?.assignee);
    expect(task?.status).toBe('in_review');
    expect(winner).toBeDefined();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.ok ? '' : r.error).toMatchObject({ code: 'already_claimed', message: `Already claimed by ${winner!.displayName}.` });
    }
    // One claim transition happened; the 19 refusals are in the audit log.
    const log = await actions(taskId);
    expect(log.filter((a) => a === 'claimed')).toHaveLength(1);
    expect(log.filter((a) => a === 'denied')).toHaveLength(19);
    expect(task?.version).toBe(2);
  });

  it('unclaim gives the task back; a claim on a sent task is refused with the state', async () => {
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    expect((await claimTask(w.deps, ana, taskId)).ok).toBe(true);
    const back = await unclaimTask(w.deps, ana, taskId);
    expect(back.ok && back.value).toMatchObject({ status: 'new' });
    expect(back.ok && back.value.assignee).toBeUndefined();
    const sent = await w.newTask();
    const t = await w.repos.tasks.get(sent);
    await w.repos.tasks.transition(sent, t!.version, { status: 'sent' }, w.now());
    expect(await claimTask(w.deps, ana, sent)).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'This task was already sent.' } });
  });
});

describe('hand-over', () => {
  it('reassign to the team gives the task to the next member in round-robin order, skipping who is away', async () => {
    const [ana, ben, chen] = w.analysts;
    await w.repos.users.setAway(ben.id, true, w.now());
    const ids = [await w.newTask(), await w.newTask(), await w.newTask()];
    const got: string[] = [];
    for (const id of ids) {
      const r = await reassignTask(w.deps, asTeams(w.manager), id, { teamId: w.team.id });
      expect(r.ok).toBe(true);
      got.push(r.ok ? (r.value.assignee ?? '') : '');
    }
    expect(got).toEqual([ana.id, chen.id, ana.id]);
    const r = await reassignTask(w.deps, asTeams(ana), ids[0]!, { userId: ben.id });
    expect(r.ok && r.value).toMatchObject({ status: 'assigned', assignee: ben.id });
  });

  it('an analyst cannot take over a task someone else is working on', async () => {
    const taskId = await w.newTask();
    await claimTask(w.deps, asTeams(w.analysts[0]), taskId);
    const r = await closeWithoutReply(w.deps, asTeams(w.analysts[1]), taskId, 'duplicate');
    expect(r).toMatchObject({ ok: false, error: { code: 'not_holder', message: 'Only the assignee (Ana Lima) or a manager can do this.' } });
  });
});

describe('corrections', () => {
  it('changes intents and fixes invoice numbers to their SoR spelling; refuses another customer\'s invoice', async () => {
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    const intents = await changeIntents(w.deps, ana, taskId, ['invoice_copy', 'balance_statement']);
    expect(intents.ok && intents.value).toMatchObject({ intents: ['invoice_copy', 'balance_statement'], status: 'in_review', assignee: w.analysts[0].id });
    expect(await changeIntents(w.deps, ana, taskId, ['send_money'])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fixed = await fixExtractedData(w.deps, ana, taskId, { invoiceNumbers: ['inv 204875'] });
    expect(fixed.ok && fixed.value).toMatchObject({ invoiceNumbers: ['INV-204875'], corrections: { invoiceNumbers: ['INV-204875'] } });
    const foreign = await fixExtractedData(w.deps, ana, taskId, { invoiceNumbers: ['INV-300001'] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The correction was not saved: invoice INV-300001 belongs to another customer.' } });
    expect(await fixExtractedData(w.deps, ana, taskId, { customerSorId: 'C404' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const log = await w.repos.audit.listBySubject('task', taskId);
    const corrected = log.find((e) => e.action === 'data_corrected');
    expect(corrected?.after).toMatchObject({ invoiceNumbersBefore: ['INV-204518'], invoiceNumbers: ['INV-204875'] });
    expect(log.find((e) => e.action === 'intents_changed')?.after).toMatchObject({ intentsBefore: ['invoice_copy'] });
  });
});

describe('drafts and sending', () => {
  it('edits the draft within the send guard, approves it into the outbox once, and refuses a stranger', async () => {
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    const stranger = await editDraft(w.deps, ana, taskId, { text: 'Here it is', cc: ['someone@gmail.example'], attachInvoices: ['INV-204518'] });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'send_blocked' } });
    expect(await w.repos.drafts.latest(taskId)).toBeNull();

    const edited = await editDraft(w.deps, ana, taskId, { text: 'Hello Jane, attached is INV-204518.', attachInvoices: ['INV-204518'] });
    expect(edited.ok).toBe(true);
    const draft = edited.ok ? edited.value.draft : null;
    expect(draft).toMatchObject({ version: 1, message: { to: [{ address: 'jane@acme.example' }], subject: 'Re: Copy of INV-204518 please (1)', attachInvoices: ['INV-204518'] } });
    expect(draft?.message.attachments?.map((a) => a.filename)).toEqual(['INV-204518.pdf']);

    const foreign = await editDraft(w.deps, ana, taskId, { attachInvoices: ['INV-300001'] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'send_blocked', details: ['invoice INV-300001 belongs to another customer'] } });

    const stale = await approveAndSend(w.deps, ana, taskId, { draftVersion: 7 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const approved = await approveAndSend(w.deps, ana, taskId, { draftVersion: 1 });
    expect(approved.ok && approved.value.task).toMatchObject({ status: 'approved', approvedBy: w.analysts[0].id });
    expect(w.chat.cards().find((c) => c.taskId === taskId)?.statusLabel).toBe('Approved by Ana Lima');
    const item = approved.ok ? await w.repos.outbox.get(approved.value.outboxItemId) : null;
    expect(item).toMatchObject({ idempotencyKey: `${(await w.repos.tasks.get(taskId))!.emailId}:v1`, taskId, message: { disclosure: { customerId: 'C1', scope: 'invoices' }, automatic: false } });
    expect(await approveAndSend(w.deps, ana, taskId)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await actions(taskId)).toEqual(expect.arrayContaining(['send_blocked', 'draft_edited', 'approved']));
  });

  it('refuses to approve a reply for a task without a customer', async () => {
    const taskId = await w.newTask({ customerSorId: null });
    const ana = asTeams(w.analysts[0]);
    expect((await editDraft(w.deps, ana, taskId, { text: 'Who are you?' })).ok).toBe(true);
    expect(await approveAndSend(w.deps, ana, taskId)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('notes, closing, reopening, reprocessing', () => {
  it('keeps notes, closes with a reason, and only a manager reopens', async () => {
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    const noted = await addNote(w.deps, ana, taskId, 'Called Jane, she will resend.');
    expect(noted.ok && noted.value.notes).toMatchObject([{ by: w.analysts[0].id, text: 'Called Jane, she will resend.' }]);
    expect(await addNote(w.deps, ana, taskId, '   ')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await closeWithoutReply(w.deps, ana, taskId, '')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const closed = await closeWithoutReply(w.deps, ana, taskId, 'answered by phone');
    expect(closed.ok && closed.value).toMatchObject({ status: 'closed_no_reply', closeReason: 'answered by phone' });
    expect(await reopenTask(w.deps, ana, taskId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reopened = await reopenTask(w.deps, asTeams(w.manager), taskId);
    expect(reopened.ok && reopened.value).toMatchObject({ status: 'new' });
  });

  it('reprocess runs with the corrections and returns the task to review; a failing run says why', async () => {
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    await fixExtractedData(w.deps, ana, taskId, { invoiceNumbers: ['INV-204875'] });
    const r = await reprocessTask(w.deps, ana, taskId);
    expect(r.ok && r.value).toMatchObject({ status: 'in_review', reasons: ['still_unknown_sender'], invoiceNumbers: ['INV-204875'] });
    expect(await actions(taskId)).toEqual(expect.arrayContaining(['reprocess_started', 'reprocessed']));

    const failing = await botWorld(storage.client);
    const other = await failing.newTask();
    const f = await reprocessTask(failing.deps, asTeams(failing.analysts[0]), other);
    expect(f).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await failing.repos.tasks.get(other)).toMatchObject({ status: 'in_review', reasons: ['unknown_sender', 'reprocess_failed'] });
  });
});

describe('cards', () => {
  it('posts the card in the team channel with the assignee mentioned, then updates it in place', async () => {
    const taskId = await w.newTask();
    await claimTask(w.deps, asTeams(w.analysts[1]), taskId);
    const [message] = w.chat.messagesOf('19:collections@thread.tacv2');
    expect(message?.view).toMatchObject({ taskId, status: 'in_review', assignee: { displayName: 'Ben Okafor' } });
    expect(message?.mentionedUserIds).toEqual([w.analysts[1].identities.teamsAadObjectId]);
    await addNote(w.deps, asTeams(w.analysts[1]), taskId, 'waiting for PO');
    const after = w.chat.messagesOf('19:collections@thread.tacv2');
    expect(after).toHaveLength(1);
    expect(after[0]?.updates).toBe(1);
    expect(after[0]?.view?.notes).toBe(1);
  });
});
