// Task card clicks as the Teams bot runs them, on a bot world (embedded store, real use cases
// and card publisher): each verb calls its use case with the card's inputs, and the answer is
// the card for the person who clicked, with the refusal on top when there is one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../../storage/index.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../../test/support/bot-world.js';
import { shownTaskOf } from '../../../test/support/teams-card-reader.js';
import { runCardAction, type CardActionContext } from './teams-card-actions.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let ctx: CardActionContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-actions-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await botWorld(storage.client);
  ctx = { deps: w.deps, cards: w.cards, logger: silent };
});

const click = (who: Parameters<typeof asTeams>[0], verb: string, data: Record<string, unknown>) => runCardAction(ctx, { identity: asTeams(who), verb, data, teamsUserId: `29:${who.id}` });

describe('Teams card actions', () => {
  it('claims for the clicker, and tells the second clicker who has it', async () => {
    const taskId = await w.newTask();
    const [ana, ben] = w.analysts;
    const first = await click(ana, 'task.claim', { taskId, version: 1 });
    expect(first.refused).toBeUndefined();
    expect((await w.repos.tasks.get(taskId))?.assignee).toBe(ana.id);
    const second = await click(ben, 'task.claim', { taskId, version: 1 });
    expect(second.refused?.code).toBe('already_claimed');
    const card = shownTaskOf(second.card);
    expect(card?.texts[0]).toBe('Already claimed by Ana Lima.');
    expect(card?.verbs).not.toContain('task.unclaim');
    // The person's own copy keeps refreshing for them.
    expect((second.card as { refresh?: { userIds?: string[] } }).refresh?.userIds).toEqual([`29:${ben.id}`]);
  });

  it('passes the forms\' inputs to the use cases', async () => {
    const taskId = await w.newTask({ status: 'assigned', assignee: w.analysts[0].id });
    const ana = w.analysts[0];
    expect((await click(ana, 'task.intents', { taskId, intents: 'invoice_copy,payment_status' })).refused).toBeUndefined();
    expect((await w.repos.tasks.get(taskId))?.intents).toEqual(['invoice_copy', 'payment_status']);
    expect((await click(ana, 'task.fix', { taskId, customerSorId: '', invoiceNumbers: 'INV-204875' })).refused).toBeUndefined();
    expect((await w.repos.tasks.get(taskId))?.corrections?.invoiceNumbers).toEqual(['INV-204875']);
    const edited = await click(ana, 'task.edit', { taskId, draftSubject: 'Your invoice', draftText: 'Hello Jane,\r\nhere it is.', draftCc: '', attachInvoices: 'INV-204875' });
    expect(edited.refused).toBeUndefined();
    expect(shownTaskOf(edited.card)?.texts[0]).toBe('Draft saved.');
    const draft = await w.repos.drafts.latest(taskId);
    expect(draft?.message).toMatchObject({ subject: 'Your invoice', text: 'Hello Jane,\nhere it is.', cc: [], attachInvoices: ['INV-204875'] });
    expect((await click(ana, 'task.note', { taskId, noteText: 'Called Jane.' })).refused).toBeUndefined();
    const stale = await click(ana, 'task.approve', { taskId, draftVersion: (draft?.version ?? 0) + 5 });
    expect(stale.refused?.code).toBe('conflict');
    const approved = await click(ana, 'task.approve', { taskId, draftVersion: draft?.version });
    expect(approved.refused).toBeUndefined();
    expect((await w.repos.tasks.get(taskId))?.status).toBe('approved');
  });

  it('refuses a close without a reason, and an unknown verb, naming why', async () => {
    const taskId = await w.newTask({ status: 'assigned', assignee: w.analysts[0].id });
    const closed = await click(w.analysts[0], 'task.close', { taskId, closeReason: '  ' });
    expect(closed.refused?.code).toBe('invalid_input');
    const odd = await click(w.analysts[0], 'task.frobnicate', { taskId });
    expect(odd.refused).toEqual({ code: 'invalid_input', message: 'Unknown action "task.frobnicate".' });
    expect(shownTaskOf(odd.card)?.texts[0]).toBe('Unknown action "task.frobnicate".');
  });

  it('shows the card without buttons to someone arbot does not know, and says so when they click', async () => {
    const taskId = await w.newTask();
    const stranger = { platform: 'teams' as const, aadObjectId: 'not-registered' };
    const refresh = await runCardAction(ctx, { identity: stranger, verb: 'task.refresh', data: { taskId } });
    expect(refresh.refused).toBeUndefined();
    expect(shownTaskOf(refresh.card)?.verbs.filter((v) => v !== 'task.refresh')).toEqual([]);
    const claim = await runCardAction(ctx, { identity: stranger, verb: 'task.claim', data: { taskId } });
    expect(claim.refused?.code).toBe('unknown_user');
  });

  it('answers a card for a task that does not exist with an error card', async () => {
    const r = await click(w.analysts[0], 'task.refresh', { taskId: 'no-such-task' });
    expect(JSON.stringify(r.card)).toContain('There is no task no-such-task.');
  });
});
