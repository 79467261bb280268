import type { Db } from 'mongodb';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from '../app/services/mail-sync.js';
import { MemoryMailSource } from '../test/support/memory-mail-source.js';
import type { JobContext } from './job-definition.js';
import { mailSyncJob } from './mail-sync.job.js';

const logger = pino({ level: 'silent' });
const mailbox = { source: new MemoryMailSource(), incoming: { handle: async () => ({ kind: 'no_action' as const, emailId: 'e', duplicate: false }) } };

function jobWith(outcomes: SyncOutcome[], budgetMs?: number) {
  const runs: number[] = [];
  let t = 0;
  const ctx: JobContext = { db: {} as Db, logger, workerName: 'w-1', now: () => new Date(t) };
  const job = mailSyncJob(
    async () => ({
      mailbox,
      sync: {
        syncOnce: async () => {
          runs.push(t);
          t += 20_000; // each round takes 20 s of the injected clock
          return outcomes.shift() ?? { kind: 'synced', messages: 0, duplicates: 0, pages: 1, more: false, resynced: false };
        },
      },
    }),
    { every: '1 minute', ...(budgetMs === undefined ? {} : { budgetMs }) },
  );
  return { job, ctx, runs };
}

const synced = (more: boolean): SyncOutcome => ({ kind: 'synced', messages: 50, duplicates: 0, pages: 1, more, resynced: false });

describe('mail-sync job', () => {
  it('runs every poll interval, one at a time', () => {
    expect(jobWith([]).job).toMatchObject({ name: 'mail-sync', every: '1 minute', concurrency: 1 });
  });

  it('keeps syncing while mail is waiting, within its time budget', async () => {
    const { job, ctx, runs } = jobWith([synced(true), synced(true), synced(true), synced(true)], 50_000);
    await job.run({}, ctx);
    // Rounds start at 0, 20 s and 40 s; at 60 s the budget is spent.
    expect(runs).toEqual([0, 20_000, 40_000]);
  });

  it('stops after a round that drained the folder, failed or backed off', async () => {
    for (const outcome of [synced(false), { kind: 'backing_off', until: new Date(0) }, { kind: 'failed', code: 'auth', error: 'x', retryAt: new Date(0), messages: 0 }] as SyncOutcome[]) {
      const { job, ctx, runs } = jobWith([outcome, synced(true)]);
      await job.run({}, ctx);
      expect(runs).toHaveLength(1);
    }
  });
});
