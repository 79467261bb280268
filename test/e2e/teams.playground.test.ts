// Teams end to end against the Microsoft 365 Agents Playground: arbot's HTTP app runs
// in-process with the Teams platform mounted (embedded store in a temp dir, the SoR imported,
// ARBOT_TEAMS_ALLOW_UNAUTHENTICATED), and the Playground is spawned offline
// (TEAMSAPPTESTER_BROWSER=none) as Teams: its Bot Connector receives arbot's posts and updates,
// and this test acts as its people over the same HTTP API its web client uses, reading what
// the client shows from its WebSocket stream (test/support/agents-playground.ts).
//
// The people are the Playground's default users: Megan Bowen and Adele Vance (analysts),
// Alex Wilber (the Playground's current user, a manager); the team's channel is the
// Playground team's General channel.
//
// The bot learns the team as in Teams: from the event of the app being added to it (sent
// through the Playground's mock-activity API, as its menu does).
//
// What the Playground cannot do, and what stands in for it here:
// - Its client does not refresh user-specific views by itself when the card is shown; this
//   test sends the `task.refresh` invoke for a person, exactly what Teams' client does for the
//   users in `refresh.userIds`.
// - It keeps one copy of a card: after an Action.Execute it stores the clicking person's card
//   as the message (Teams keeps it per person). The shared copy is read from the stream, which
//   only carries what the bot posted or updated.
// - It shows only the current user's 1:1 chats, so the lookups run in Alex's personal chat.
// The outbox job does not republish a task's card after sending (OutboxSender has no
// publisher), so the sender here is given a task repository that tells the desk's card
// publisher about the change, as the job will have to.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsPlatform } from '../../adapters/chat/teams/teams.platform.js';
import { TEAMS_SETTING_KEYS } from '../../adapters/chat/teams/teams-directory.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../app/review-desk.js';
import { OutboxSender } from '../../app/services/outbox-sender.js';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories } from '../../storage/repositories/index.js';
import type { TaskRepo } from '../../storage/repositories/task.repo.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { FakeMailProvider } from '../fixtures/fake-mail-provider.js';
import { sorSnapshotFixture } from '../fixtures/sor-snapshot.js';
import { AgentsPlayground, type PlaygroundUser, type ShownMessage } from '../support/agents-playground.js';
import { silent } from '../support/bot-world.js';
import { openJaneReviewTask } from '../support/review-task.js';
import { shownTaskOf, type ShownTask } from '../support/teams-card-reader.js';

let dir: string;
let storage: StorageHandle;
let http: HttpServerHandle;
let playground: AgentsPlayground;
let desk: ReviewDesk;
let megan: PlaygroundUser;
let adele: PlaygroundUser;
let alex: PlaygroundUser;
let users: { megan: User; adele: User; alex: User };
let channelId: string;
/** arbot's warnings and errors, shown when a wait fails. */
const warnings: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-e2e-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_teams_e2e', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  const config = configFixture({
    tenant: { id: 't' },
    company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
    teams: { allowUnauthenticated: true },
  });
  const repos = createRepositories(storage.db, 't');
  desk = await createReviewDesk({ config, db: storage.db, repos, logger, cwd: dir });
  const platform = await teamsPlatform({ config, desk, logger });
  if (platform === null) throw new Error('Teams should be configured (allowUnauthenticated)');
  desk.channels.register(platform.channel);
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
  playground = await AgentsPlayground.start({ botEndpoint: `${http.url}/api/messages` });

  megan = playground.user('Megan');
  adele = playground.user('Adele');
  alex = playground.config.currentUser;
  channelId = playground.team.id; // the General channel's id is the team's
  const now = new Date();
  await importSnapshot(repos, sorSnapshotFixture(), now);
  const person = (u: PlaygroundUser, roles: User['roles']) =>
    repos.users.create({ displayName: u.name, email: `${u.name.split(' ')[0]?.toLowerCase()}@northwind.example`, identities: { teamsAadObjectId: u.aadObjectId }, roles }, now);
  users = { megan: await person(megan, ['Analyst']), adele: await person(adele, ['Analyst']), alex: await person(alex, ['Manager']) };
  await repos.teams.create({ name: 'Collections', members: [users.megan.id, users.adele.id], channels: { teams: { teamId: playground.team.id, channelId } }, managers: [users.alex.id] }, now);
}, 60_000);

afterAll(async () => {
  // The Playground first: it holds keep-alive connections to arbot's server.
  await playground?.stop();
  await http?.close();
  await storage?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

let emails = 0;
/** Opens a review task the way the pipeline does, with a draft, unassigned (everyone away meanwhile). */
async function openUnassignedTask(): Promise<Task> {
  emails += 1;
  return openJaneReviewTask(desk, emails, { draftText: 'Hello Jane, the invoice is attached.', away: [users.megan, users.adele] });
}

/** The channel post of a task's card, as the Playground shows it (waits for it to arrive). */
function postOf(taskId: string, what = `the card of ${taskId} in the channel`): Promise<ShownMessage> {
  return playground.waitFor(what, () => playground.listed(channelId).find((m) => shownTaskOf(m.attachments[0]?.content)?.taskId === taskId));
}

/** Waits until the shared card of the task shows `status`. */
async function sharedCardShows(taskId: string, status: string): Promise<ShownTask> {
  const post = await postOf(taskId);
  try {
    return await playground.waitFor(`the shared card of ${taskId} to show ${status}`, () => {
      const shown = shownTaskOf(playground.shown(post.messageId)?.attachments[0]?.content);
      return shown?.status === status ? shown : undefined;
    });
  } catch (err) {
    const shown = shownTaskOf(playground.shown(post.messageId)?.attachments[0]?.content);
    throw new Error(`${(err as Error).message}; it shows ${shown?.status ?? 'nothing'} (v${shown?.version ?? '?'}); arbot logged:\n${warnings.slice(-10).join('')}`, { cause: err });
  }
}

/** A person clicks on the task's card (or their client refreshes it); the card they see next. */
async function click(person: PlaygroundUser, taskId: string, verb: string, inputs: Record<string, unknown> = {}): Promise<ShownTask> {
  const post = await postOf(taskId);
  const conversationId = post.postConversationId ?? post.conversationId;
  const task = (await desk.repos.tasks.get(taskId)) as Task;
  const started = Date.now();
  const response = await playground.execute({ conversationId, messageId: post.messageId }, person, verb, { taskId, version: task.version, ...inputs }, verb === 'task.refresh' ? 'automatic' : 'manual');
  // Teams gives an invoke a few seconds; arbot answers well within that.
  expect(Date.now() - started).toBeLessThan(5000);
  expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
  const shown = shownTaskOf(response.value);
  if (!shown) throw new Error(`${person.name}'s ${verb} did not answer with a task card: ${JSON.stringify(response.value).slice(0, 500)}`);
  return shown;
}

const notice = (card: ShownTask) => card.texts[0] ?? '';

/** The bot's newest reply in a conversation after `after` (the messages listed there, in order). */
function botReplyIn(conversationId: string, after: number, what: string): Promise<ShownMessage> {
  return playground.waitFor(what, () => playground.listed(conversationId).filter((m) => m.fromId === playground.config.bot.id)[after]);
}

function cardTexts(m: ShownMessage): string {
  return JSON.stringify(m.attachments[0]?.content ?? {});
}

// ---------------------------------------------------------------------------------------------

describe('Teams in the Agents Playground', () => {
  it('learns the team when the app is added to it, and says hello in the channel', async () => {
    await playground.sendMockActivity(channelId, 'botAdded');
    const hello = await playground.waitFor('the welcome message in the channel', () =>
      playground.listed(channelId).find((m) => m.fromId === playground.config.bot.id && (m.text ?? '').includes("I'm arbot")),
    );
    expect(hello.text).toContain('help');
    expect((await desk.repos.settings.get(TEAMS_SETTING_KEYS.serviceUrl))?.value).toBe(playground.serviceUrl);
    expect((await desk.repos.settings.get(TEAMS_SETTING_KEYS.channel(channelId)))?.value).toMatchObject({ teamId: playground.team.id, serviceUrl: playground.serviceUrl });
  });

  it('answers a person who @mentions it in the channel, in their thread', async () => {
    const sent = await playground.sendMessage(channelId, alex, 'help', { mentionBot: true });
    expect(sent.postConversationId).toBeDefined();
    const reply = await playground.waitFor('the help card in the thread', () =>
      playground.thread(sent.postConversationId as string).find((m) => m.fromId === playground.config.bot.id),
    );
    expect(cardTexts(reply)).toContain('customer <name or account>');
    // The person who wrote is remembered with their Teams id, for direct messages later.
    expect((await desk.repos.settings.get(TEAMS_SETTING_KEYS.user(alex.aadObjectId)))?.value).toMatchObject({ id: alex.id });
  });

  it('runs a task from the channel card to the sent reply', async () => {
    // A review task is posted to the team's channel: one shared card, no buttons, refreshed per person.
    const task = await openUnassignedTask();
    const post = await postOf(task.id);
    const shared = shownTaskOf(post.attachments[0]?.content) as ShownTask;
    expect(shared).toMatchObject({ taskId: task.id, status: 'new' });
    expect(shared.verbs.filter((v) => v !== 'task.refresh')).toEqual([]);
    const refreshIds = (post.attachments[0]?.content as { refresh?: { userIds?: string[] } }).refresh?.userIds ?? [];
    expect(refreshIds).toEqual(expect.arrayContaining([megan.id, adele.id, alex.id]));
    expect((await desk.repos.tasks.get(task.id))?.posts).toEqual([{ platform: 'teams', conversationId: channelId, messageId: post.messageId }]);

    // Each person's client asks for their own view: analysts get Claim.
    const megansView = await click(megan, task.id, 'task.refresh');
    expect(megansView.verbs).toContain('task.claim');

    // Megan and Adele click Claim at the same moment: one wins, the other is told who has it.
    const [m, a] = await Promise.all([click(megan, task.id, 'task.claim'), click(adele, task.id, 'task.claim')]);
    const claimed = (await desk.repos.tasks.get(task.id)) as Task;
    const winner = claimed.assignee === users.megan.id ? { person: megan, card: m, name: 'Megan Bowen' } : { person: adele, card: a, name: 'Adele Vance' };
    const loser = winner.person === megan ? { person: adele, card: a } : { person: megan, card: m };
    expect([users.megan.id, users.adele.id]).toContain(claimed.assignee);
    expect(notice(loser.card)).toContain(`Already claimed by ${winner.name}`);
    expect(loser.card.verbs).not.toContain('task.approve');
    expect(winner.card.verbs).toContain('task.approve');
    const afterClaim = await sharedCardShows(task.id, 'in_review');
    expect(afterClaim.mentionedIds).toEqual([winner.person.aadObjectId]);
    expect(playground.listed(channelId).filter((x) => shownTaskOf(x.attachments[0]?.content)?.taskId === task.id)).toHaveLength(1);

    // The analyst fixes the invoice number, edits the draft and approves it.
    const fixed = await click(winner.person, task.id, 'task.fix', { customerSorId: 'C1', invoiceNumbers: 'INV-204875' });
    expect(notice(fixed)).toContain('Corrections saved');
    expect((await desk.repos.tasks.get(task.id))?.corrections?.invoiceNumbers).toEqual(['INV-204875']);
    const edited = await click(winner.person, task.id, 'task.edit', {
      draftSubject: 'Your copy of INV-204875',
      draftText: 'Hello Jane,\n\nplease find invoice INV-204875 attached.\n\nKind regards,\nNorthwind AR',
      draftCc: '',
      attachInvoices: 'INV-204875',
    });
    expect(notice(edited)).toBe('Draft saved.');
    const draft = await desk.repos.drafts.latest(task.id);
    expect(draft?.message.subject).toBe('Your copy of INV-204875');
    expect(draft?.message.attachInvoices).toEqual(['INV-204875']);
    const approved = await click(winner.person, task.id, 'task.approve', { draftVersion: draft?.version });
    expect(notice(approved)).toContain('Approved');
    await sharedCardShows(task.id, 'approved');

    // The outbox sends the reply once; every copy of the card then says it was sent.
    const provider = new FakeMailProvider({ logFile: join(dir, 'provider.jsonl') });
    const tasks: Pick<TaskRepo, 'get' | 'transition'> = {
      get: (id) => desk.repos.tasks.get(id),
      transition: async (...args) => {
        const outcome = await desk.repos.tasks.transition(...args);
        if (outcome.ok) await desk.cards.taskChanged(outcome.task);
        return outcome;
      },
    };
    const sender = new OutboxSender({ outbox: desk.repos.outbox, audit: desk.repos.audit, tasks, mail: provider, sor: desk.sor, logger: silent, settings: { leaseMs: 300_000, maxAttempts: 5 } });
    const outcomes = await sender.drain('e2e', () => new Date(), 10);
    expect(outcomes.filter((o) => o.kind === 'sent')).toHaveLength(1);
    expect(await sender.drain('e2e', () => new Date(), 10)).toEqual([]);
    const sends = provider.sends();
    expect(sends).toHaveLength(1);
    expect(sends[0]?.subject).toBe('Your copy of INV-204875');
    expect((await desk.repos.tasks.get(task.id))?.status).toBe('sent');
    const sentCard = await sharedCardShows(task.id, 'sent');
    expect(sentCard.statusLabel).toBe(`Sent by ${winner.name}`);
    expect(sentCard.verbs.filter((v) => v !== 'task.refresh')).toEqual([]);
    for (const person of [megan, adele, alex]) {
      const view = await click(person, task.id, 'task.refresh');
      expect(view.statusLabel, `${person.name}'s view`).toBe(`Sent by ${winner.name}`);
      expect(view.verbs, `${person.name}'s buttons`).not.toContain('task.approve');
    }
  });

  it('answers `customer` and `invoice` in a personal chat with their cards', async () => {
    const chat = playground.config.personalChat.id;
    const before = playground.listed(chat).filter((m) => m.fromId === playground.config.bot.id).length;
    await playground.sendMessage(chat, alex, 'customer Acme');
    const customer = await botReplyIn(chat, before, 'the customer card');
    expect(cardTexts(customer)).toContain('Acme Industrial LLC');
    await playground.sendMessage(chat, alex, 'invoice 204518');
    const invoice = await botReplyIn(chat, before + 1, 'the invoice card');
    expect(cardTexts(invoice)).toContain('INV-204518');
    await playground.sendMessage(chat, alex, 'invoice INV-999999');
    const missing = await botReplyIn(chat, before + 2, 'the invoice-not-found card');
    expect(cardTexts(missing)).toContain('INV-999999');
  });

  it('opens a customer record with `customer`, adds a note from its card, and the record then shows it', async () => {
    const chat = playground.config.personalChat.id;
    const before = playground.listed(chat).filter((m) => m.fromId === playground.config.bot.id).length;
    await playground.sendMessage(chat, alex, 'customer 100-2231');
    const record = await botReplyIn(chat, before, 'the customer record card');
    const card = record.attachments[0]?.content;
    expect(JSON.stringify(card)).toContain('"verb":"record.note"');
    // The note form's Save sends the button's data plus the form's input, as Teams does.
    const started = Date.now();
    const response = await playground.execute({ conversationId: chat, messageId: record.messageId }, alex, 'record.note', { sorId: 'C1', note: 'Promised to pay by Friday (e2e).' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    const answered = response.value as { body?: { text?: string }[] };
    expect(answered.body?.[0]?.text).toBe('Note added.');
    expect(JSON.stringify(answered)).toContain('Alex Wilber: Promised to pay by Friday (e2e).');
    expect((await desk.repos.customerRecords.get('C1')).notes.map((n) => n.text)).toContain('Promised to pay by Friday (e2e).');
    // Asked again, the record shows the note.
    await playground.sendMessage(chat, alex, 'customer 100-2231');
    const again = await botReplyIn(chat, before + 1, 'the customer record card again');
    expect(cardTexts(again)).toContain('Alex Wilber: Promised to pay by Friday (e2e).');
  });
});
