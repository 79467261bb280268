// Every minute: remind assignees before their tasks' response targets and escalate breaches.
// Thin: SlaWatch marks each step on the task before messaging, so overlapping runs are safe.
import type { SlaWatch } from '../app/services/sla-watch.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export const SLA_CHECK_JOB = 'sla-check';

/** The repeating SLA job around a watcher built (or reused) for each run. */
export function slaCheckJob(watchFor: (ctx: JobContext) => Pick<SlaWatch, 'run'> | Promise<Pick<SlaWatch, 'run'>>): JobDefinition {
  return {
    name: SLA_CHECK_JOB,
    description: 'Reminds assignees before a task is due and escalates breached tasks to the team\'s manager channel.',
    every: '1 minute',
    concurrency: 1,
    async run(_data, ctx) {
      const summary = await (await watchFor(ctx)).run(ctx.now());
      if (summary.reminded + summary.escalated > 0) ctx.logger.info(summary, 'sla-check: run finished');
    },
  };
}
