// Every ARBOT_SOR_SYNC_EVERY: one SoR sync, incremental, or full when one is due (or resuming
// an interrupted one). Thin: the engine does the reading, writing, locking and recording.
// Registered by jobs/registry.ts when ARBOT_SOR_CONNECTOR is not none.
import type { SorSync } from '../app/services/sor-sync.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export const SOR_SYNC_JOB = 'sor-sync';

export function sorSyncJob(syncFor: (ctx: JobContext) => Promise<Pick<SorSync, 'run'> | undefined>, every: string): JobDefinition {
  return {
    name: SOR_SYNC_JOB,
    description: 'Syncs customers, contacts, invoices, payments and credit memos from the system of record.',
    every,
    concurrency: 1,
    // A long full sync renews its own lock per batch; agenda's lock only has to outlive one run.
    lockLifetimeMs: 6 * 3600_000,
    async run(_data, ctx) {
      const sync = await syncFor(ctx);
      if (sync === undefined) return;
      const outcome = await sync.run({ mode: 'auto', trigger: 'schedule' });
      if (outcome.kind === 'busy') {
        ctx.logger.info({ heldBy: outcome.heldBy.owner.worker }, 'sor sync: another sync is running; skipped');
        return;
      }
      const { run } = outcome;
      ctx.logger.info({ runId: run.id, mode: run.mode, status: run.status, invalid: run.invalidTotal, problems: run.problemsTotal }, 'sor sync: run finished');
    },
  };
}
