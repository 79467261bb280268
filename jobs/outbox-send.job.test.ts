import type { Db } from 'mongodb';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SendOutcome } from '../app/services/outbox-sender.js';
import type { JobContext } from './job-definition.js';
import { outboxSendJob } from './outbox-send.job.js';

describe('outbox-send job', () => {
  it('drains the outbox as this worker with the injected clock, bounded per run, and logs a summary', async () => {
    const calls: Array<{ workerId: string; now: Date; max: number }> = [];
    const logged: unknown[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const outcomes: SendOutcome[] = [
      { kind: 'sent', itemId: 'a', providerMessageId: 'p', reconciled: false },
      { kind: 'sent', itemId: 'b', providerMessageId: 'q', reconciled: true },
      { kind: 'blocked', itemId: 'c', reasons: ['recipient_not_known_contact: x'] },
    ];
    const job = outboxSendJob(
      () => ({
        drain: async (workerId: string, now: () => Date, max: number) => {
          calls.push({ workerId, now: now(), max });
          return outcomes;
        },
      }),
      { maxPerRun: 7 },
    );
    const ctx: JobContext = { db: {} as Db, logger, workerName: 'w-1', now: () => new Date('2026-11-20T09:00:00Z') };
    await job.run({}, ctx);
    expect(calls).toEqual([{ workerId: 'w-1', now: new Date('2026-11-20T09:00:00Z'), max: 7 }]);
    expect(logged).toMatchObject([{ sent: 2, blocked: 1, msg: 'outbox: run finished' }]);
    expect(job).toMatchObject({ name: 'outbox-send', every: '10 seconds', concurrency: 1 });
  });

  it('logs nothing when nothing was due', async () => {
    const logged: unknown[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    const job = outboxSendJob(() => ({ drain: async () => [] }));
    await job.run({}, { db: {} as Db, logger, workerName: 'w-1', now: () => new Date() });
    expect(logged).toEqual([]);
  });
});
