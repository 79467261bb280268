// One desk for chat and jobs: with a chat platform running, mail taken in by the mail-sync job
// opens tasks whose cards appear in the team's channel, and a reply sent by the outbox job
// updates the card ("Sent by …") — the jobs use the chat platforms' desk, not one of their own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../jobs/job-definition.js';
import { jobDefinitionsFor } from '../jobs/registry.js';
import { openStorage, type StorageHandle } from '../storage/index.js';
import { importSnapshot } from '../storage/sor/import-snapshot.js';
import { silent } from '../test/support/bot-world.js';
import { MemoryChatChannel } from '../test/support/memory-chat-channel.js';
import { startChatPlatforms } from './chat-platforms.js';
import { configFixture } from './config/config.fixture.js';
import { loadDataset } from './eval/dataset.js';

let dir: string;
let storage: StorageHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-shared-desk-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('one review desk for chat and jobs', () => {
  it('mail-sync opens tasks on the chat desk, so their cards reach the channel', { timeout: 120_000 }, async () => {
    const dataset = await loadDataset(join(import.meta.dirname, '../test/fixtures/datasets/dev'));
    await importSnapshot(storage.repos, dataset.sor, new Date(), { applyEnrolment: true });
    const analyst = await storage.repos.users.create({ displayName: 'Ana Lima', identities: { teamsAadObjectId: 'aad-ana' }, roles: ['Analyst'] }, new Date());
    await storage.repos.teams.create({ name: 'Collections', members: [analyst.id], channels: { teams: { teamId: 't', channelId: '19:ar@thread.tacv2' } } }, new Date());
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    for (const [name, raw] of [...dataset.emails.entries()].slice(0, 8)) await writeFile(join(inbox, name), raw);

    const config = configFixture({ company: { name: dataset.sor.company.name, arMailbox: dataset.sor.company.arMailbox }, mail: { provider: 'folder', folder: './inbox' } });
    const chat = new MemoryChatChannel({ platform: 'teams' });
    const handle = await startChatPlatforms({
      db: storage.db,
      config,
      logger: silent,
      cwd: dir,
      factories: [async () => ({ name: 'teams', channel: chat, mount: () => undefined })],
    });
    expect(handle.desk).toBeDefined();
    const jobs = jobDefinitionsFor(config, dir, silent, handle.desk);
    const ctx: JobContext = { db: storage.db, logger: silent, workerName: 'w-1', now: () => new Date() };
    await jobs.find((j) => j.name === 'mail-sync')!.run({}, ctx);

    // Tasks a person works (automatic replies are tasks too, approved by the system, without a card).
    const tasks = await storage.db.collection('tasks').countDocuments({ teamId: { $exists: true } });
    expect(tasks).toBeGreaterThan(0);
    expect(chat.messagesOf('19:ar@thread.tacv2')).toHaveLength(tasks);
    await handle.stop();
  });
});
