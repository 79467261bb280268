// Hourly: forget one-off jobs that succeeded more than 7 days ago or failed more than 30 days ago.
import type { JobDefinition } from './job-definition.js';
import { purgeFinishedJobs } from './job-history.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const jobHistoryCleanupJob: JobDefinition = {
  name: 'job-history-cleanup',
  description: 'Deletes finished one-off jobs after 7 days (failed ones after 30 days).',
  every: '1 hour',
  concurrency: 1,
  async run(_data, ctx) {
    const now = ctx.now().getTime();
    const removed = await purgeFinishedJobs(ctx.db, new Date(now - 7 * DAY_MS), new Date(now - 30 * DAY_MS));
    if (removed.succeeded + removed.failed > 0) ctx.logger.info(removed, 'purged finished jobs');
  },
};
