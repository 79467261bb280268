// What a job is: a name, how often it runs (if it repeats), and a thin handler that loads
// what it needs, returns early on a guard, and calls one service.
import type { Db } from 'mongodb';
import type { Logger } from 'pino';

/** Everything a job handler may use; built once per worker and injected (no globals). */
export interface JobContext {
  db: Db;
  logger: Logger;
  workerName: string;
  /** Injected clock, so handlers and their tests need no sleeps. */
  now(): Date;
}

export interface JobDefinition<Data extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  description: string;
  /** Human interval ("1 minute") for jobs that repeat; one-off jobs leave it out and are scheduled by services. */
  every?: string;
  /** Most runs of this job at once in one worker (agenda default 5). */
  concurrency?: number;
  /** How long a run may hold its lock before another worker may take the job over. */
  lockLifetimeMs?: number;
  run(data: Data, ctx: JobContext): Promise<void>;
}
