// Every 10 seconds: send the replies that are due, a bounded number per run. Thin: the
// OutboxSender does the claiming, guarding, reconciling and recording.
// Registered by jobs/registry.ts (jobDefinitionsFor) when ARBOT_AR_MAILBOX is configured.
import type { OutboxSender, SendOutcome } from '../app/services/outbox-sender.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export interface OutboxSendJobOptions {
  /** Most items one run handles, so a long queue does not hold the job lock for long. */
  maxPerRun?: number;
}

export const OUTBOX_SEND_JOB = 'outbox-send';

/** The repeating outbox job around a sender built (or reused) for each run. */
export function outboxSendJob(
  senderFor: (ctx: JobContext) => Pick<OutboxSender, 'drain'> | Promise<Pick<OutboxSender, 'drain'>>,
  options: OutboxSendJobOptions = {},
): JobDefinition {
  const maxPerRun = options.maxPerRun ?? 50;
  return {
    name: OUTBOX_SEND_JOB,
    description: `Sends due replies from the outbox (at most ${maxPerRun} per run), exactly once and only past the send guard.`,
    every: '10 seconds',
    // One run per worker at a time; several workers may still drain together (claims are atomic).
    concurrency: 1,
    async run(_data, ctx) {
      const sender = await senderFor(ctx);
      const outcomes = await sender.drain(ctx.workerName, ctx.now, maxPerRun);
      if (outcomes.length > 0) ctx.logger.info(countByKind(outcomes), 'outbox: run finished');
    },
  };
}

function countByKind(outcomes: readonly SendOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}
