// The mail-sync job as `arbot start` registers it for the folder provider: dropped .eml files
// reach the desk (stored, decided, a task or a queued reply), once, and are moved aside.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitionsFor } from '../jobs/registry.js';
import type { JobContext } from '../jobs/job-definition.js';
import { openStorage, type StorageHandle } from '../storage/index.js';
import { importSnapshot } from '../storage/sor/import-snapshot.js';
import { silent } from '../test/support/bot-world.js';
import { configFixture } from './config/config.fixture.js';
import { loadDataset } from './eval/dataset.js';

let dir: string;
let storage: StorageHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-mail-wiring-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('mail-sync job wiring', () => {
  it('takes dropped .eml files into the desk once and moves them to processed/', { timeout: 120_000 }, async () => {
    const dataset = await loadDataset(join(import.meta.dirname, '../test/fixtures/datasets/dev'));
    await importSnapshot(storage.repos, dataset.sor, new Date(), { applyEnrolment: true });
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    const emails = [...dataset.emails.entries()].slice(0, 5);
    for (const [name, raw] of emails) await writeFile(join(inbox, name.endsWith('.eml') ? name : `${name}.eml`), raw);

    const config = configFixture({ company: { name: dataset.sor.company.name, arMailbox: dataset.sor.company.arMailbox }, mail: { provider: 'folder', folder: './inbox', moveProcessed: true } });
    const jobs = jobDefinitionsFor(config, dir, silent);
    expect(jobs.map((j) => j.name)).toEqual(['job-history-cleanup', 'mail-sync', 'outbox-send']);
    const job = jobs.find((j) => j.name === 'mail-sync')!;
    const ctx: JobContext = { db: storage.db, logger: silent, workerName: 'w-1', now: () => new Date() };

    await job.run({}, ctx);
    expect(await storage.db.collection('emails').countDocuments({})).toBe(5);
    expect(await storage.db.collection('analyses').countDocuments({})).toBe(5);
    const tasksAndReplies = (await storage.db.collection('tasks').countDocuments({})) + (await storage.db.collection('outbox').countDocuments({}));
    expect(tasksAndReplies).toBeGreaterThan(0);

    await job.run({}, ctx);
    expect(await storage.db.collection('emails').countDocuments({})).toBe(5);
    expect((await readdir(join(inbox, 'processed'))).length).toBe(5);
    expect((await readdir(inbox)).filter((f) => f.endsWith('.eml'))).toEqual([]);
  });
});
