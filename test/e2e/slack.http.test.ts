// Slack end to end over HTTP: arbot's HTTP app runs in-process with the Slack platform mounted
// (embedded store in a temp dir, the SoR imported, people with Slack ids, a team with a Slack
// channel), and the Slack Web API is a local stub that records every call. Requests are built
// and signed the way Slack builds them (v0 HMAC-SHA256 of "v0:timestamp:body"), as form-encoded
// `payload=` for interactivity, form fields for slash commands and JSON for events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPlatform } from '../../adapters/chat/slack/slack.platform.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../app/review-desk.js';
import { OutboxSender } from '../../app/services/outbox-sender.js';
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { emailFixture } from '../fixtures/email.js';
import { FakeMailProvider } from '../fixtures/fake-mail-provider.js';
import { sorSnapshotFixture } from '../fixtures/sor-snapshot.js';
import { silent } from '../support/bot-world.js';
import { SlackApiStub, type StubMessage } from '../support/slack-api-stub.js';
import { postSignedToSlack, slackSignature, type SlackSent as Sent } from '../support/slack-request.js';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-e2e-token';
const CHANNEL = 'C0COLLECT';
const TEAM_ID = 'T0NORTH';

let dir: string;
let storage: StorageHandle;
let stub: SlackApiStub;
let http: HttpServerHandle;
let desk: ReviewDesk;
let ana: User;
let ben: User;
let maria: User;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-slack-e2e-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_slack_e2e', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  stub = await new SlackApiStub({ tokens: [TOKEN], channels: [CHANNEL] }).start();
  const config = configFixture({
    tenant: { id: 't' },
    company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
    server: { publicUrl: 'https://arbot.northwind.example' },
    slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
  });
  const { createRepositories } = await import('../../storage/repositories/index.js');
  const repos = createRepositories(storage.db, 't');
  const now = new Date();
  await importSnapshot(repos, sorSnapshotFixture(), now);
  ana = await repos.users.create({ displayName: 'Ana Lima', email: 'ana@northwind.example', identities: { slackUserId: 'U0ANA' }, roles: ['Analyst'] }, now);
  ben = await repos.users.create({ displayName: 'Ben Okafor', email: 'ben@northwind.example', identities: { slackUserId: 'U0BEN' }, roles: ['Analyst'] }, now);
  maria = await repos.users.create({ displayName: 'Maria Manager', email: 'maria@northwind.example', identities: { slackUserId: 'U0MARIA' }, roles: ['Manager'] }, now);
  await repos.teams.create({ name: 'Collections', members: [ana.id, ben.id], channels: { slack: { channelId: CHANNEL } }, managers: [maria.id] }, now);
  desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
  const platform = await slackPlatform({ config, desk, logger: silent });
  if (platform === null) throw new Error('Slack should be configured');
  desk.channels.register(platform.channel);
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
});

afterAll(async () => {
  await http?.close();
  await stub?.stop();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Requests as Slack sends them

const signature = (timestamp: string, body: string, secret = SIGNING_SECRET) => slackSignature(secret, timestamp, body);

/** POSTs to /slack/events, signed unless the headers say otherwise. */
const send = (body: string, contentType: string, headers: Record<string, string | undefined> = {}): Promise<Sent> =>
  postSignedToSlack(`${http.url}/slack/events`, SIGNING_SECRET, body, contentType, headers);

const interaction = (payload: Record<string, unknown>, headers?: Record<string, string | undefined>) =>
  send(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', headers);

let responseUrls = 0;
function slashCommand(user: string, text: string): { sent: Promise<Sent>; responsePath: string } {
  const id = `cmd-${(responseUrls += 1)}`;
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'northwind',
    channel_id: CHANNEL,
    channel_name: 'collections',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/ar',
    text,
    api_app_id: 'A0ARBOT',
    is_enterprise_install: 'false',
    response_url: stub.responseUrl(id),
    trigger_id: `${Date.now()}.1.${id}`,
  });
  return { sent: send(form.toString(), 'application/x-www-form-urlencoded'), responsePath: `/respond/${id}` };
}

const event = (inner: Record<string, unknown>) =>
  send(
    JSON.stringify({
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0ARBOT',
      event: inner,
      type: 'event_callback',
      event_id: `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM_ID, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    }),
    'application/json',
  );

/** The button `actionId` on a message as Slack shows it now, clicked by `user` (a block_actions payload). */
function click(user: User, message: StubMessage, actionId: string): Record<string, unknown> {
  const button = buttonsOf(message).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button on the message (has ${buttonsOf(message).map((b) => b.action_id).join(', ')})`);
  const slackId = user.identities.slackUserId ?? 'U0NOBODY';
  return {
    type: 'block_actions',
    user: { id: slackId, username: slackId.toLowerCase(), name: slackId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0ARBOT',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.1.trigger-${actionId}`,
    team: { id: TEAM_ID, domain: 'northwind' },
    channel: { id: message.channel, name: 'collections' },
    message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
    response_url: stub.responseUrl(`action-${message.ts}`),
    actions: [{ type: 'button', action_id: actionId, block_id: 'task.actions', value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
  };
}

/** A view_submission of the modal arbot opened last, with these input values. */
function submit(user: User, values: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const opened = stub.callsOf('views.open').at(-1);
  if (!opened) throw new Error('no modal was opened');
  const view = JSON.parse(String(opened.args.view)) as Record<string, unknown>;
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'northwind' },
    user: { id: user.identities.slackUserId, username: 'x', name: 'x', team_id: TEAM_ID },
    api_app_id: 'A0ARBOT',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.1.submit`,
    view: { id: 'V0MODAL', team_id: TEAM_ID, type: 'modal', ...view, state: { values }, hash: '1.abc', root_view_id: 'V0MODAL', app_id: 'A0ARBOT', bot_id: 'B0BOT' },
    response_urls: [],
  };
}

function buttonsOf(message: StubMessage): { action_id: string; value?: string }[] {
  return (message.blocks as { type: string; elements?: { type: string; action_id: string; value?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button');
}

// ---------------------------------------------------------------------------------------------
// The desk side

let emails = 0;
/** Opens a review task the way the pipeline does (ReviewTaskService), optionally with a draft. */
async function openTask(opts: { draft?: boolean; unassigned?: boolean } = {}): Promise<Task> {
  const { repos } = desk;
  emails += 1;
  const { email } = await repos.emails.insertIfNew(emailFixture({ from: { name: 'Jane Roe', address: 'jane@acme.example' }, subject: `Copy of INV-204518 please (${emails})` }), new Date());
  if (opts.unassigned) for (const u of [ana, ben]) await repos.users.setAway(u.id, true, new Date());
  const draft: ReplyMessage | null = opts.draft
    ? { to: [{ name: 'Jane Roe', address: 'jane@acme.example' }], cc: [], subject: `Re: ${email.subject}`, text: 'Hello Jane, INV-204518 is attached.', attachInvoices: [], inReplyTo: email.messageId, references: [email.messageId] }
    : null;
  try {
    const { task } = await desk.reviewTasks.open({
      emailId: email.id,
      analysis: {
        language: 'en',
        entities: { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] },
        decision: { action: 'review', reasons: [{ code: 'sender_not_known_contact', message: 'The sender is not a known contact.' }], intents: ['invoice_copy'], customerId: 'C1', invoiceNumbers: ['INV-204518'], recipients: [] },
      },
      draft,
    });
    return task;
  } finally {
    if (opts.unassigned) for (const u of [ana, ben]) await repos.users.setAway(u.id, false, new Date());
  }
}

/** The task's Slack message as the channel shows it now. */
function cardOf(task: Pick<Task, 'id'>): StubMessage {
  const message = stub.channelMessages(CHANNEL).find((m) => m.metadata?.event_payload.task_id === task.id);
  if (!message) throw new Error(`task ${task.id} has no message in ${CHANNEL}`);
  return message;
}

const taskNow = async (id: string) => (await desk.repos.tasks.get(id)) as Task;
const shownStatus = (m: StubMessage) => m.metadata?.event_payload.status;
const callCount = () => stub.calls.length;

// ---------------------------------------------------------------------------------------------

describe('Slack over HTTP', () => {
  it('posts a new task in the team channel with the assignee @mentioned, and remembers the post', async () => {
    const task = await openTask();
    const message = cardOf(task);
    const assignee = [ana, ben].find((u) => u.id === task.assignee);
    expect(assignee).toBeDefined();
    expect(message.metadata?.event_payload).toMatchObject({ task_id: task.id, version: task.version, status: 'assigned' });
    expect(JSON.stringify([message.text, message.blocks])).toContain(`<@${assignee?.identities.slackUserId}>`);
    expect(buttonsOf(message).map((b) => b.action_id)).toEqual(expect.arrayContaining(['task.claim', 'task.fix', 'task.close']));
    expect((await taskNow(task.id)).posts).toEqual([{ platform: 'slack', conversationId: CHANNEL, messageId: message.ts }]);
    const post = stub.callsOf('chat.postMessage').find((c) => c.args.channel === CHANNEL);
    expect(post?.token).toBe(TOKEN);
  });

  it('answers the URL verification challenge', async () => {
    const r = await send(JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' }), 'application/json');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ challenge: 'challenge-123' });
  });

  it('concurrent claims: exactly one wins, the other is told who has it, the message shows the winner', async () => {
    const task = await openTask({ unassigned: true });
    expect(task.assignee).toBeUndefined();
    const card = cardOf(task);
    const [a, b] = await Promise.all([interaction(click(ana, card, 'task.claim')), interaction(click(ben, card, 'task.claim'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Math.max(a.ms, b.ms)).toBeLessThan(3000);

    const refusal = await stub.waitFor(() => stub.ephemerals.find((e) => e.channel === CHANNEL && /Already claimed by/.test(e.text)), 5000, 'the refusal');
    const stored = await taskNow(task.id);
    const winner = stored.assignee === ana.id ? ana : ben;
    const loser = winner === ana ? ben : ana;
    expect(stored.assignee).toBe(winner.id);
    expect(refusal).toMatchObject({ user: loser.identities.slackUserId, text: expect.stringContaining(winner.displayName) });
    expect(stub.ephemerals.filter((e) => e.text.includes('Already claimed'))).toHaveLength(1);

    const updated = await stub.waitFor(() => {
      const m = cardOf(task);
      return m.metadata?.event_payload.version === stored.version ? m : undefined;
    }, 5000, 'the updated message');
    expect(shownStatus(updated)).toBe('in_review');
    expect(JSON.stringify([updated.text, updated.blocks])).toContain(`<@${winner.identities.slackUserId}>`);
    expect(stub.channelMessages(CHANNEL).filter((m) => m.metadata?.event_payload.task_id === task.id)).toHaveLength(1);
    // chat.update notifies nobody: the new assignee is @mentioned in the message's thread too.
    const note = await stub.waitFor(() => stub.threadReplies(CHANNEL, card.ts)[0], 5000, 'the thread note');
    expect(note.text).toBe(`Assigned to <@${winner.identities.slackUserId}>`);
  });

  it('Fix data: the modal opens at once; an unknown invoice is refused on the form; a real one is saved and shown', async () => {
    const task = await openTask();
    const holder = task.assignee === ana.id ? ana : ben;
    const opened = await interaction(click(holder, cardOf(task), 'task.fix'));
    expect(opened.status).toBe(200);
    const modalCall = await stub.waitFor(() => stub.callsOf('views.open').find((c) => String(c.args.trigger_id).endsWith('trigger-task.fix') && String(c.args.view).includes(task.id)), 3000, 'views.open');
    expect(JSON.parse(String(modalCall.args.view))).toMatchObject({ type: 'modal', callback_id: 'task.fix.submit' });

    const bad = await interaction(submit(holder, { invoices: { invoices: { type: 'plain_text_input', value: 'INV-999999' } } }));
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toEqual({ response_action: 'errors', errors: { invoices: expect.stringContaining('INV-999999 is not in the system of record') } });
    expect((await taskNow(task.id)).version).toBe(task.version);

    const good = await interaction(submit(holder, { invoices: { invoices: { type: 'plain_text_input', value: 'inv 204875' } } }));
    expect(good.status).toBe(200);
    expect(good.body).toBe('');
    const fixed = await taskNow(task.id);
    expect(fixed.invoiceNumbers).toEqual(['INV-204875']);
    const shown = await stub.waitFor(() => (cardOf(task).metadata?.event_payload.version === fixed.version ? cardOf(task) : undefined), 5000, 'the updated message');
    expect(JSON.stringify(shown.blocks)).toContain('INV-204875');
  });

  it('Approve & send: a double click queues the reply once, it is sent once, and the message shows Approved', async () => {
    const task = await openTask({ draft: true });
    const holder = task.assignee === ana.id ? ana : ben;
    const card = cardOf(task);
    const answered = stub.ephemerals.length;
    const clicks = await Promise.all([interaction(click(holder, card, 'task.approve')), interaction(click(holder, card, 'task.approve'))]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);

    await stub.waitFor(() => shownStatus(cardOf(task)) === 'approved', 5000, 'the approved message');
    const answers = await stub.waitFor(() => {
      const mine = stub.ephemerals.slice(answered).filter((e) => e.user === holder.identities.slackUserId);
      return mine.length >= 2 ? mine.map((e) => e.text) : undefined;
    }, 5000, 'both answers');
    const stored = await taskNow(task.id);
    expect(stored.status).toBe('approved');
    const queued = (await desk.repos.outbox.listByStatus('pending')).filter((i) => i.taskId === task.id);
    expect(queued).toHaveLength(1);
    expect(answers).toHaveLength(2);
    expect(answers.filter((t) => t.startsWith('Approved'))).toHaveLength(1);

    const provider = new FakeMailProvider({ logFile: join(dir, 'provider.jsonl') });
    const sender = new OutboxSender({ outbox: desk.repos.outbox, audit: desk.repos.audit, tasks: desk.repos.tasks, mail: provider, sor: desk.sor, logger: silent, settings: { leaseMs: 300_000, maxAttempts: 5 } });
    const outcomes = await sender.drain('e2e', () => new Date(), 10);
    expect(outcomes.filter((o) => o.kind === 'sent')).toHaveLength(1);
    expect(provider.sends().filter((s) => s.subject.includes(`(${emails})`))).toHaveLength(1);
    expect((await taskNow(task.id)).status).toBe('sent');
    expect(await sender.drain('e2e', () => new Date(), 10)).toEqual([]);
  });

  it('acknowledges at once and does the slow work after: a Slack that takes 2 s still gets its ack well within 3 s', async () => {
    const task = await openTask({ unassigned: true });
    stub.delay('chat.update', 2000);
    try {
      const r = await interaction(click(maria, cardOf(task), 'task.claim'));
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(1000);
      await stub.waitFor(() => Number(cardOf(task).metadata?.event_payload.version ?? 0) > task.version, 6000, 'the late update');
      expect((await taskNow(task.id)).assignee).toBe(maria.id);
    } finally {
      stub.delay('chat.update', 0);
    }
  });

  it('tells a person arbot does not know that they are not registered, and changes nothing', async () => {
    const task = await openTask({ unassigned: true });
    const stranger = { identities: { slackUserId: 'U0STRANGER' } } as User;
    expect((await interaction(click(stranger, cardOf(task), 'task.claim'))).status).toBe(200);
    await stub.waitFor(() => stub.ephemerals.find((e) => e.user === 'U0STRANGER' && /not registered/.test(e.text)), 5000, 'the answer');
    expect((await taskNow(task.id)).version).toBe(task.version);
  });

  describe('/ar', () => {
    const answer = async (user: string, text: string) => {
      const { sent, responsePath } = slashCommand(user, text);
      const r = await sent;
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(3000);
      const reply = await stub.waitFor(() => stub.responses.find((x) => x.path === responsePath), 5000, `the answer to /ar ${text}`);
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
    const r = await event({ type: 'app_home_opened', user: 'U0ANA', channel: 'D0ANA', tab: 'home', event_ts: String(Date.now() / 1000) });
    expect(r.status).toBe(200);
    const published = await stub.waitFor(() => stub.callsOf('views.publish').find((c) => c.args.user_id === 'U0ANA'), 5000, 'views.publish');
    const view = JSON.parse(String(published.args.view)) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('Ana Lima');
  });

  describe('requests not from Slack get 401 and do nothing', () => {
    const attempt = async (headers: Record<string, string | undefined>, payloadUser: User = ana) => {
      const task = await openTask({ unassigned: true });
      const before = callCount();
      const r = await interaction(click(payloadUser, cardOf(task), 'task.claim'), headers);
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
      const task = await openTask({ unassigned: true });
      const body = `payload=${encodeURIComponent(JSON.stringify(click(ana, cardOf(task), 'task.claim')))}`;
      const before = callCount();
      const r = await send(body, 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': ts, 'x-slack-signature': signature(ts, body, 'not-the-secret') });
      await new Promise((res) => setTimeout(res, 300));
      expect(r.status).toBe(401);
      expect(callCount()).toBe(before);
      expect((await taskNow(task.id)).assignee).toBeUndefined();
    });

    it('a replayed request: correctly signed, but its timestamp is more than 5 minutes old', async () => {
      const task = await openTask({ unassigned: true });
      const old = String(Math.floor(Date.now() / 1000) - 6 * 60);
      const body = `payload=${encodeURIComponent(JSON.stringify(click(ana, cardOf(task), 'task.claim')))}`;
      const before = callCount();
      const r = await send(body, 'application/x-www-form-urlencoded', { 'x-slack-request-timestamp': old, 'x-slack-signature': signature(old, body) });
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
