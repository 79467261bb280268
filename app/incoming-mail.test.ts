// The whole inbound path on a real desk: the dev dataset's 60 emails through intake, decision,
// automatic replies into the outbox, review tasks with drafts placed by round-robin and shown
// as cards; then every email again (a duplicate delivery) changes nothing; and a message the
// pipeline cannot read becomes a task.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfflineModel } from '../adapters/llm/offline/load-model.js';
import { openStorage, type StorageHandle } from '../storage/index.js';
import { importSnapshot } from '../storage/sor/import-snapshot.js';
import { MemoryChatChannel } from '../test/support/memory-chat-channel.js';
import { silent } from '../test/support/bot-world.js';
import { configFixture } from './config/config.fixture.js';
import { loadDataset, type Dataset } from './eval/dataset.js';
import { buildIncomingMail } from './incoming-mail-wiring.js';
import { createReviewDesk, type ReviewDesk } from './review-desk.js';
import type { IncomingMail, IncomingMailOutcome } from './services/incoming-mail.js';

let dir: string;
let storage: StorageHandle;
let desk: ReviewDesk;
let mail: IncomingMail;
let chat: MemoryChatChannel;
let dataset: Dataset;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-incoming-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
  dataset = await loadDataset(join(import.meta.dirname, '../test/fixtures/datasets/dev'));
  await importSnapshot(storage.repos, dataset.sor, new Date(), { applyEnrolment: true });
  const config = configFixture({ company: { name: dataset.sor.company.name, arMailbox: dataset.sor.company.arMailbox } });
  desk = await createReviewDesk({ config, db: storage.db, repos: storage.repos, logger: silent, cwd: dir });
  chat = new MemoryChatChannel({ platform: 'teams' });
  desk.channels.register(chat);
  const now = new Date();
  const users = await Promise.all(
    ['Ana Lima', 'Ben Okafor'].map((name, i) => storage.repos.users.create({ displayName: name, identities: { teamsAadObjectId: `aad-${i}` }, roles: ['Analyst'] }, now)),
  );
  await storage.repos.teams.create({ name: 'Collections', members: users.map((u) => u.id), channels: { teams: { teamId: 't1', channelId: '19:ar@thread.tacv2' } } }, now);
  mail = buildIncomingMail({ desk, db: storage.db, config, model: loadOfflineModel(), mailbox: dataset.sor.company.arMailbox });
}, 60_000);
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('incoming mail', () => {
  it('answers, routes or ignores each dev email once, with cards for every task, and a second delivery changes nothing', { timeout: 120_000 }, async () => {
    const outcomes: IncomingMailOutcome[] = [];
    for (const [, raw] of dataset.emails) outcomes.push(await mail.handle(raw));
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const expected = (action: string) => dataset.labels.filter((l) => l.expected === action).length;
    // Near the labels (the evaluation measures the exact figures); never more automatic replies than labelled.
    expect(count('auto_reply')).toBeLessThanOrEqual(expected('auto_reply'));
    expect(count('auto_reply')).toBeGreaterThanOrEqual(expected('auto_reply') - 2);
    expect(count('review') + count('auto_reply') + count('no_action')).toBe(60);

    const queued = await storage.repos.outbox.listByStatus('pending', 1000);
    expect(queued).toHaveLength(count('auto_reply'));
    const reviewTaskIds = outcomes.flatMap((o) => (o.kind === 'review' ? [o.taskId] : []));
    const tasks = await Promise.all(reviewTaskIds.map((id) => storage.repos.tasks.get(id)));
    expect(tasks.every((t) => t !== null && t.assignee !== undefined && t.dueAt !== undefined)).toBe(true);
    // Round-robin: the two analysts share the review tasks evenly.
    const perAssignee = new Map<string, number>();
    for (const t of tasks) perAssignee.set(t!.assignee!, (perAssignee.get(t!.assignee!) ?? 0) + 1);
    expect(Math.abs([...perAssignee.values()][0]! - [...perAssignee.values()][1]!)).toBeLessThanOrEqual(1);
    expect(chat.messagesOf('19:ar@thread.tacv2')).toHaveLength(reviewTaskIds.length);
    // Drafts exist where the customer is known and the SoR can answer.
    const withDraft = (await Promise.all(reviewTaskIds.map((id) => storage.repos.drafts.latest(id)))).filter((d) => d !== null);
    expect(withDraft.length).toBeGreaterThan(0);
    expect(withDraft.every((d) => d.message.disclosure !== undefined)).toBe(true);

    const again: IncomingMailOutcome[] = [];
    for (const [, raw] of dataset.emails) again.push(await mail.handle(raw));
    expect(again.every((o) => o.duplicate)).toBe(true);
    expect(await storage.repos.outbox.listByStatus('pending', 1000)).toHaveLength(queued.length);
    expect(chat.messagesOf('19:ar@thread.tacv2')).toHaveLength(reviewTaskIds.length);
    expect(again.flatMap((o) => (o.kind === 'review' ? [o.taskId] : []))).toEqual(reviewTaskIds);
  });

  it('a message the pipeline cannot process is kept and becomes a task with the reason', async () => {
    const outcome = await mail.handle(new Uint8Array([0xff, 0xfe, 0x00, 0x01]));
    expect(outcome.kind).toBe('review');
    const task = outcome.kind === 'review' ? await storage.repos.tasks.get(outcome.taskId) : null;
    expect(task?.reasons.length).toBeGreaterThan(0);
  });
});
