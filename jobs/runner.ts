// Runs job definitions on agenda with its MongoDB backend, on the same database connection
// as the rest of arbot (embedded store or MongoDB). Several worker processes may run against
// one database: agenda's lock (an atomic findOneAndUpdate on the job) makes one of them win.
import { Agenda, type Job } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { JobContext, JobDefinition } from './job-definition.js';

export const JOBS_COLLECTION = 'agendaJobs';

export interface JobRunnerOptions {
  db: Db;
  logger: Logger;
  workerName: string;
  definitions: readonly JobDefinition[];
  maxConcurrency?: number;
  /** How often agenda looks for due jobs ("5 seconds" or milliseconds). */
  processEvery?: string | number;
  /** How long stop() waits for running jobs before unlocking them for another worker. */
  drainTimeoutMs?: number;
  now?: () => Date;
}

export interface JobRunner {
  agenda: Agenda;
  /** Schedules a one-off run of a defined job. */
  schedule(name: string, when: Date | string, data?: Record<string, unknown>): Promise<void>;
  /** Lets running jobs finish (up to the drain timeout), then stops taking new ones. */
  stop(): Promise<void>;
}

/** Defines every job, starts processing and (re)schedules the repeating ones. */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const { db, logger, workerName } = opts;
  const now = opts.now ?? (() => new Date());
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }),
    name: workerName,
    processEvery: opts.processEvery ?? '5 seconds',
    maxConcurrency: opts.maxConcurrency ?? 10,
  });
  agenda.on('error', (err: unknown) => logger.error({ err }, 'job scheduler error'));

  const ctx: JobContext = { db, logger, workerName, now };
  const known = new Set<string>();
  for (const def of opts.definitions) {
    known.add(def.name);
    agenda.define(
      def.name,
      async (job: Job) => {
        const started = Date.now();
        const log = logger.child({ job: def.name, jobId: String(job.attrs._id) });
        try {
          await def.run((job.attrs.data ?? {}) as Record<string, unknown>, { ...ctx, logger: log });
          log.debug({ ms: Date.now() - started }, 'job done');
        } catch (err) {
          // agenda records the failure on the job (failCount, failReason) for retry and display
          log.error({ err, ms: Date.now() - started }, 'job failed');
          throw err;
        }
      },
      { concurrency: def.concurrency, lockLifetime: def.lockLifetimeMs },
    );
  }

  await agenda.start();
  for (const def of opts.definitions) {
    if (def.every) await ensureRepeating(agenda, db, def.name, def.every);
  }

  let stopping: Promise<void> | undefined;
  return {
    agenda,
    async schedule(name, when, data = {}) {
      if (!known.has(name)) throw new Error(`unknown job '${name}'`);
      await agenda.schedule(when, name, data);
    },
    stop: () =>
      (stopping ??= (async () => {
        const result = await agenda.drain({ timeout: opts.drainTimeoutMs ?? 30_000, closeConnection: false });
        if (result.timedOut) {
          logger.warn({ running: result.running }, 'jobs still running after the drain timeout; unlocking them for another worker');
          await agenda.stop(false);
        }
      })()),
  };
}

/**
 * Creates a repeating job once per deployment. agenda's `every` re-saves the job with a new
 * next run time each time it is called, so calling it on every worker start would re-run
 * the job at each restart (and twice when two workers start together); an existing job with
 * the same interval is therefore left alone, and a new one first runs one interval from now.
 */
async function ensureRepeating(agenda: Agenda, db: Db, name: string, every: string): Promise<void> {
  const existing = await db.collection(JOBS_COLLECTION).findOne({ name, type: 'single' }, { projection: { repeatInterval: 1 } });
  if (existing?.repeatInterval === every) return;
  await agenda.every(every, name, undefined, { skipImmediate: true });
}
