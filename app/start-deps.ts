import type { Express } from 'express';
import type { Db } from 'mongodb';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { ArbotConfig } from './config/schema.js';
import type { ReviewDesk } from './review-desk.js';
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
  /** Jobs beyond the registry's, e.g. SLA reminders when a chat platform runs. */
  extraDefinitions?: JobDefinition[];
  /** The chat platforms' review desk, when chat runs in this process (new tasks and sent replies show on its cards). */
  desk?: ReviewDesk;
}

/** The chat side of a running arbot: routes to mount, jobs to run, and how to stop. */
export interface ChatStartHandle {
  platforms: string[];
  mounts: Array<(app: Express) => void>;
  jobs: JobDefinition[];
  desk?: ReviewDesk;
  stop(): Promise<void>;
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
  /** The configured chat platforms (none configured: nothing to mount); tests may leave it out. */
  startChat?(options: { db: Db; config: ArbotConfig; logger: Logger }): Promise<ChatStartHandle>;
  /** The dashboards' routes (API and tab page); tests may leave it out. */
  startDashboard?(options: { db: Db; config: ArbotConfig; logger: Logger; desk?: ReviewDesk }): Promise<(app: Express) => void>;
  /** The mail providers' notification routes (Graph, Gmail push); tests may leave it out. */
  mailWebhooks?(options: { db: Db; config: ArbotConfig; logger: Logger }): Promise<Array<(app: Express) => void>>;
  /** The first start's demo company and summary (app/first-run), once the server listens; tests may leave it out. */
  firstRun?(options: { db: Db; config: ArbotConfig; logger: Logger; url: string }): Promise<void>;
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
  async startChat(options) {
    const chat = await import('./chat-platforms.js');
    return chat.startChatPlatforms({ ...options, cwd: process.cwd() });
  },
  async startDashboard(options) {
    const dashboard = await import('./dashboard/mount.js');
    return dashboard.dashboardMount({ ...options, cwd: process.cwd() });
  },
  async mailWebhooks(options) {
    const mail = await import('./mail-push-wiring.js');
    return mail.mailWebhookMounts(options);
  },
  async firstRun(options) {
    const { runFirstRun } = await import('./first-run/first-run.js');
    try {
      // The summary and the progress are for the person at the terminal; stdout stays the log.
      await runFirstRun({ ...options, serverUrl: options.url, cwd: process.cwd(), out: process.stderr, progress: process.stderr });
    } catch (err) {
      // The demo is a convenience: arbot keeps serving without it.
      options.logger.error({ err }, 'first run: the demo company could not be loaded');
    }
  },
};
