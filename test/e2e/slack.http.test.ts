// Slack end to end over HTTP: arbot's HTTP app runs in-process with the Slack platform mounted
// (embedded store in a temp dir, the SoR imported, people with Slack ids, a team with a Slack
// channel), and the Slack Web API is a local stub that records every call. Requests are built
// and signed the way Slack builds them (v0 HMAC-SHA256 of "v0:timestamp:body"), as form-encoded
// `payload=` for interactivity, form fields for slash commands and JSON for events; the world and
// those requests are test/support/slack-e2e.ts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxSender } from '../../app/services/outbox-sender.js';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import { FakeMailProvider } from '../fixtures/fake-mail-provider.js';
import { silent } from '../support/bot-world.js';
import type { StubMessage } from '../support/slack-api-stub.js';
import { buttonsOf, CHANNEL, SIGNING_SECRET, startSlackWorld, TOKEN, type SlackWorld } from '../support/slack-e2e.js';
import { slackSignature } from '../support/slack-request.js';

let w: SlackWorld;

beforeAll(async () => {
  w = await startSlackWorld();
});

afterAll(async () => {
  await w?.close();
});

const signature = (timestamp: string, body: string, secret = SIGNING_SECRET) => slackSignature(secret, timestamp, body);
const taskNow = async (id: string) => (await w.desk.repos.tasks.get(id)) as Task;
const shownStatus = (m: StubMessage) => m.metadata?.event_payload.status;
const callCount = () => w.stub.calls.length;

// ---------------------------------------------------------------------------------------------

describe('Slack over HTTP', () => {
  it('posts a new task in the team channel with the assignee @mentioned, and remembers the post', async () => {
    const task = await w.openTask();
    const message = w.cardOf(task);
    const assignee = [w.ana, w.ben].find((u) => u.id === task.assignee);
    expect(assignee).toBeDefined();
    expect(message.metadata?.event_payload).toMatchObject({ task_id: task.id, version: task.version, status: 'assigned' });
    expect(JSON.stringify([message.text, message.blocks])).toContain(`<@${assignee?.identities.slackUserId}>`);
    expect(buttonsOf(message).map((b) => b.action_id)).toEqual(expect.arrayContaining(['task.claim', 'task.fix', 'task.close']));
    expect((await taskNow(task.id)).posts).toEqual([{ platform: 'slack', conversationId: CHANNEL, messageId: message.ts }]);
    const post = w.stub.callsOf('chat.postMessage').find((c) => c.args.channel === CHANNEL);
    expect(post?.token).toBe(TOKEN);
  });

  it('answers the URL verification challenge', async () => {
    const r = await w.send(JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' }), 'application/json');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ challenge: 'challenge-123' });
  });

  it('concurrent claims: exactly one wins, the other is told who has it, the message shows the winner', async () => {
    const task = await w.openTask({ unassigned: true });
    expect(task.assignee).toBeUndefined();
    const card = w.cardOf(task);
    const [a, b] = await Promise.all([w.interaction(w.click(w.ana, card, 'task.claim')), w.interaction(w.click(w.ben, card, 'task.claim'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Math.max(a.ms, b.ms)).toBeLessThan(3000);

    const refusal = await w.stub.waitFor(() => w.stub.ephemerals.find((e) => e.channel === CHANNEL && /Already claimed by/.test(e.text)), 5000, 'the refusal');
    const stored = await taskNow(task.id);
    const winner = stored.assignee === w.ana.id ? w.ana : w.ben;
    const loser = winner === w.ana ? w.ben : w.ana;
    expect(stored.assignee).toBe(winner.id);
    expect(refusal).toMatchObject({ user: loser.identities.slackUserId, text: expect.stringContaining(winner.displayName) });
    expect(w.stub.ephemerals.filter((e) => e.text.includes('Already claimed'))).toHaveLength(1);

    const updated = await w.stub.waitFor(() => {
      const m = w.cardOf(task);
      return m.metadata?.event_payload.version === stored.version ? m : undefined;
    }, 5000, 'the updated message');
    expect(shownStatus(updated)).toBe('in_review');
    expect(JSON.stringify([updated.text, updated.blocks])).toContain(`<@${winner.identities.slackUserId}>`);
    expect(w.stub.channelMessages(CHANNEL).filter((m) => m.metadata?.event_payload.task_id === task.id)).toHaveLength(1);
    // chat.update notifies nobody: the new assignee is @mentioned in the message's thread too.
    const note = await w.stub.waitFor(() => w.stub.threadReplies(CHANNEL, card.ts)[0], 5000, 'the thread note');
    expect(note.text).toBe(`Assigned to <@${winner.identities.slackUserId}>`);
  });

  it('Fix data: the modal opens at once; an unknown invoice is refused on the form; a real one is saved and shown', async () => {
    const task = await w.openTask();
    const holder = task.assignee === w.ana.id ? w.ana : w.ben;
    const opened = await w.interaction(w.click(holder, w.cardOf(task), 'task.fix'));
    expect(opened.status).toBe(200);
    const modalCall = await w.stub.waitFor(() => w.stub.callsOf('views.open').find((c) => String(c.args.trigger_id).endsWith('trigger-task.fix') && String(c.args.view).includes(task.id)), 3000, 'views.open');
    expect(JSON.parse(String(modalCall.args.view))).toMatchObject({ type: 'modal', callback_id: 'task.fix.submit' });

    const bad = await w.interaction(w.submit(holder, { invoices: { invoices: { type: 'plain_text_input', value: 'INV-999999' } } }));
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toEqual({ response_action: 'errors', errors: { invoices: expect.stringContaining('INV-999999 is not in the system of record') } });
    expect((await taskNow(task.id)).version).toBe(task.version);

    const good = await w.interaction(w.submit(holder, { invoices: { invoices: { type: 'plain_text_input', value: 'inv 204875' } } }));
    expect(good.status).toBe(200);
    expect(good.body).toBe('');
    const fixed = await taskNow(task.id);
    expect(fixed.invoiceNumbers).toEqual(['INV-204875']);
    const shown = await w.stub.waitFor(() => (w.cardOf(task).metadata?.event_payload.version === fixed.version ? w.cardOf(task) : undefined), 5000, 'the updated message');
    expect(JSON.stringify(shown.blocks)).toContain('INV-204875');
  });

  it('Approve & send: a double click queues the reply once, it is sent once, and the message shows Approved', async () => {
    const task = await w.openTask({ draft: true });
    const holder = task.assignee === w.ana.id ? w.ana : w.ben;
    const card = w.cardOf(task);
    const answered = w.stub.ephemerals.length;
    const clicks = await Promise.all([w.interaction(w.click(holder, card, 'task.approve')), w.interaction(w.click(holder, card, 'task.approve'))]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);

    await w.stub.waitFor(() => shownStatus(w.cardOf(task)) === 'approved', 5000, 'the approved message');
    const answers = await w.stub.waitFor(() => {
      const mine = w.stub.ephemerals.slice(answered).filter((e) => e.user === holder.identities.slackUserId);
      return mine.length >= 2 ? mine.map((e) => e.text) : undefined;
    }, 5000, 'both answers');
    const stored = await taskNow(task.id);
    expect(stored.status).toBe('approved');
    const queued = (await w.desk.repos.outbox.listByStatus('pending')).filter((i) => i.taskId === task.id);
    expect(queued).toHaveLength(1);
    expect(answers).toHaveLength(2);
    expect(answers.filter((t) => t.startsWith('Approved'))).toHaveLength(1);

    const provider = new FakeMailProvider({ logFile: join(w.dir, 'provider.jsonl') });
    const sender = new OutboxSender({ outbox: w.desk.repos.outbox, audit: w.desk.repos.audit, tasks: w.desk.repos.tasks, mail: provider, sor: w.desk.sor, logger: silent, settings: { leaseMs: 300_000, maxAttempts: 5 } });
    const outcomes = await sender.drain('e2e', () => new Date(), 10);
    expect(outcomes.filter((o) => o.kind === 'sent')).toHaveLength(1);
    expect(provider.sends().filter((s) => s.subject.includes(`(${w.emailsOpened})`))).toHaveLength(1);
    expect((await taskNow(task.id)).status).toBe('sent');
    expect(await sender.drain('e2e', () => new Date(), 10)).toEqual([]);
  });

  it('acknowledges at once and does the slow work after: a Slack that takes 2 s still gets its ack well within 3 s', async () => {
    const task = await w.openTask({ unassigned: true });
    w.stub.delay('chat.update', 2000);
    try {
      const r = await w.interaction(w.click(w.maria, w.cardOf(task), 'task.claim'));
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(1000);
      await w.stub.waitFor(() => Number(w.cardOf(task).metadata?.event_payload.version ?? 0) > task.version, 6000, 'the late update');
      expect((await taskNow(task.id)).assignee).toBe(w.maria.id);
    } finally {
      w.stub.delay('chat.update', 0);
    }
  });

  it('tells a person arbot does not know that they are not registered, and changes nothing', async () => {
    const task = await w.openTask({ unassigned: true });
    const stranger = { identities: { slackUserId: 'U0STRANGER' } } as User;
    expect((await w.interaction(w.click(stranger, w.cardOf(task), 'task.claim'))).status).toBe(200);
    await w.stub.waitFor(() => w.stub.ephemerals.find((e) => e.user === 'U0STRANGER' && /not registered/.test(e.text)), 5000, 'the answer');
    expect((await taskNow(task.id)).version).toBe(task.version);
  });

  describe('/ar', () => {
    const answer = async (user: string, text: string) => {
      const { sent, responsePath } = w.slashCommand(user, text);
      const r = await sent;
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(3000);
      const reply = await w.stub.waitFor(() => w.stub.responses.find((x) => x.path === responsePath), 5000, `the answer to /ar ${text}`);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(Array.isArray(reply.body.blocks)).toBe(true);
      return { text: String(reply.body.text), blocks: JSON.stringify(reply.body.blocks) };
    };

    it('looks up an invoice however it is typed, and says when there is none', async () => {
      expect((await answer('U0ANA', 'invoice inv 204518')).blocks).toContain('INV-204518');
      expect((await answer('U0ANA', 'invoice INV-999999')).text).toMatch(/INV-999999/);
    });

    it('looks up a customer, lists tasks and shows the stats', async () => {
      expect((await answer('U0ANA', 'customer acme')).blocks).toContain('Acme Industrial LLC');
      expect((await answer('U0ANA', 'tasks mine')).text.length).toBeGreaterThan(0);
      expect((await answer('U0ANA', 'tasks')).text.length).toBeGreaterThan(0);
      expect((await answer('U0ANA', 'stats')).text).toMatch(/open tasks/);
    });

    it('answers help, unknown input with guidance, admin commands, and strangers politely', async () => {
      expect((await answer('U0ANA', 'help')).blocks).toContain('/ar invoice');
      const unknown = await answer('U0ANA', 'frobnicate the ledger');
      expect(unknown.text).toContain('does not understand');
      expect(unknown.blocks).toContain('/ar customer');
      expect((await answer('U0ANA', 'whoami')).text).toContain('You are Ana Lima');
      expect((await answer('U0NOBODY', 'stats')).text).toContain('not registered');
    });
  });

  it('publishes the App Home with my open tasks when it is opened', async () => {
    const r = await w.event({ type: 'app_home_opened', user: 'U0ANA', channel: 'D0ANA', tab: 'home', event_ts: String(Date.now() / 1000) });
    expect(r.status).toBe(200);
    const published = await w.stub.waitFor(() => w.stub.callsOf('views.publish').find((c) => c.args.user_id === 'U0ANA'), 5000, 'views.publish');
    const view = JSON.parse(String(published.args.view)) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('Ana Lima');
  });

  describe('requests not from Slack get 401 and do nothing', () => {
    const attempt = async (headers: Record<string, string | undefined>, payloadUser: User = w.ana) => {
      const task = await w.openTask({ unassigned: true });
      const before = callCount();
      const r = await w.interaction(w.click(payloadUser, w.cardOf(task), 'task.claim'), headers);
      // Give a wrongly accepted request the time to act before checking that nothing happened.
      await new Promise((res) => setTimeout(res, 300));
      expect(r.status).toBe(401);
      expect(callCount()).toBe(before);
      const after = await taskNow(task.id);
      expect(after.version).toBe(task.version);
      expect(after.assignee).toBeUndefined();
    };

    it('a bad signature', async () => {
      const ts = String(Math.floor(Date.now() / 1000));
      await attempt({ 'x-slack-request-timestamp': ts, 'x-slack-signature': signature(ts, 'payload=something-else') });
      await attempt({ 'x-slack-request-timestamp': ts, 'x-slack-signature': 'v0=' + '0'.repeat(64) });
    });

    it('a body signed with another secret', async () => {
      const ts = String(Math.floor(Date.now() / 1000));
      const task = await w.openTask({ unassigned: true });
      const body = `payload=${encodeURIComponent(JSON.stringify(w.click(w.ana, w.cardOf(task), 'task.claim')))}`;
      const before = callCount();
      const r = await w.send(body, 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': ts, 'x-slack-signature': signature(ts, body, 'not-the-secret') });
      await new Promise((res) => setTimeout(res, 300));
      expect(r.status).toBe(401);
      expect(callCount()).toBe(before);
      expect((await taskNow(task.id)).assignee).toBeUndefined();
    });

    it('a replayed request: correctly signed, but its timestamp is more than 5 minutes old', async () => {
      const task = await w.openTask({ unassigned: true });
      const old = String(Math.floor(Date.now() / 1000) - 6 * 60);
      const body = `payload=${encodeURIComponent(JSON.stringify(w.click(w.ana, w.cardOf(task), 'task.claim')))}`;
      const before = callCount();
      const r = await w.send(body, 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': old, 'x-slack-signature': signature(old, body) });
      await new Promise((res) => setTimeout(res, 300));
      expect(r.status).toBe(401);
      expect(callCount()).toBe(before);
      expect((await taskNow(task.id)).assignee).toBeUndefined();
    });

    it('missing signature or timestamp headers', async () => {
      await attempt({ 'x-slack-signature': undefined });
      await attempt({ 'x-slack-request-timestamp': undefined });
      await attempt({ 'x-slack-signature': undefined, 'x-slack-request-timestamp': undefined });
    });
  });
});
