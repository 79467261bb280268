// Every ARBOT_MAIL_POLL_EVERY: take new mail from the configured mailbox into the desk. Thin:
// MailSync loads the cursor, honours back-off, fetches, hands each message to IncomingMail and
// stores the cursor. A run keeps going while mail is waiting, up to a time budget, so a
// backlog drains without holding the lock for long. Polling continues when push (webhooks,
// IDLE) is on: a lost notification then costs one interval, never a message.
// Registered by jobs/registry.ts when ARBOT_MAIL_PROVIDER is not none.
import type { MailboxToSync, MailSync, SyncOutcome } from '../app/services/mail-sync.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export const MAIL_SYNC_JOB = 'mail-sync';

export interface MailSyncJobOptions {
  /** Human interval between runs (ARBOT_MAIL_POLL_EVERY). */
  every: string;
  /** Stop starting new sync rounds after this long in one run (default 50 s). */
  budgetMs?: number;
}

/** What a run syncs: the service and the mailbox, built (or reused) for each run. */
export type MailSyncTarget = (ctx: JobContext) => Promise<{ sync: Pick<MailSync, 'syncOnce'>; mailbox: MailboxToSync }>;

/** The repeating mail-sync job for one mailbox. */
export function mailSyncJob(target: MailSyncTarget, options: MailSyncJobOptions): JobDefinition {
  const budgetMs = options.budgetMs ?? 50_000;
  return {
    name: MAIL_SYNC_JOB,
    description: `Takes new mail from the mailbox into the desk every ${options.every} (cursor stored only after the messages are).`,
    every: options.every,
    // One run at a time per worker; across workers the cursor's compare-and-set keeps one winner.
    concurrency: 1,
    lockLifetimeMs: 10 * 60_000,
    async run(_data, ctx) {
      const { sync, mailbox } = await target(ctx);
      const started = ctx.now().getTime();
      let outcome: SyncOutcome;
      do {
        outcome = await sync.syncOnce(mailbox);
      } while (outcome.kind === 'synced' && outcome.more && ctx.now().getTime() - started < budgetMs);
    },
  };
}
