// Starts arbot's background jobs from configuration (used by `arbot start`).
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ArbotConfig } from '../app/config/schema.js';
import type { ReviewDesk } from '../app/review-desk.js';
import { jobDefinitionsFor } from './registry.js';
import type { JobDefinition } from './job-definition.js';
import { startJobRunner, type JobRunner } from './runner.js';

export { startJobRunner, JOBS_COLLECTION, type JobRunner, type JobRunnerOptions } from './runner.js';
export type { JobDefinition, JobContext } from './job-definition.js';
export { jobDefinitions, jobDefinitionsFor } from './registry.js';

/** Starts every registered job with the configured worker name, concurrency and polling interval. */
export function startJobs(opts: { db: Db; logger: Logger; config: ArbotConfig; cwd?: string; extraDefinitions?: JobDefinition[]; desk?: ReviewDesk }): Promise<JobRunner> {
  return startJobRunner({
    db: opts.db,
    logger: opts.logger,
    workerName: opts.config.jobs.workerName,
    definitions: [...jobDefinitionsFor(opts.config, opts.cwd ?? process.cwd(), opts.logger, opts.desk), ...(opts.extraDefinitions ?? [])],
    maxConcurrency: opts.config.jobs.maxConcurrency,
    processEvery: opts.config.jobs.processEvery,
  });
}
