import type { Db } from 'mongodb';
import type { ArbotConfig } from './config/schema.js';
import { ArbotError } from './errors.js';
import type { Logger } from './logger.js';

/** What startApp passes to openStorage (see storage/index.ts). */
export interface OpenStorageOptions {
  mongodbUri?: string;
  dataDir: string;
  dbName: string;
  embeddedPort: number;
  journalCompactBytes: number;
  logger: Logger;
  tenantId: string;
}

/** The part of an open storage that startApp uses. */
export interface StorageHandle {
  db: Db;
  kind: 'embedded' | 'mongodb';
  /** One line, safe to log; storage logs it itself when it opens. */
  describe: string;
  close(): Promise<void>;
}

export interface StartJobsOptions {
  db: Db;
  logger: Logger;
  config: ArbotConfig;
}

/** Running background jobs. */
export interface JobsHandle {
  /** Lets running jobs finish, then stops. */
  stop(): Promise<void>;
}

/** The outer systems startApp starts; tests pass fakes. */
export interface StartDeps {
  openStorage(options: OpenStorageOptions): Promise<StorageHandle>;
  startJobs(options: StartJobsOptions): Promise<JobsHandle> | JobsHandle;
}

/**
 * The real storage and jobs. Imported on first use so that commands which never open
 * storage (`arbot config …`) do not load the embedded server, the repositories or agenda.
 */
export const defaultStartDeps: StartDeps = {
  async openStorage(options) {
    const storage = await import('../storage/index.js');
    try {
      return await storage.openStorage(options);
    } catch (err) {
      // StorageError messages are one line naming MONGODB_URI; anything else is a bug and keeps its stack.
      if (err instanceof storage.StorageError) {
        throw new ArbotError('storage_unavailable', err.message, { cause: err });
      }
      throw err;
    }
  },
  async startJobs(options) {
    const jobs = await import('../jobs/index.js');
    return jobs.startJobs(options);
  },
};
