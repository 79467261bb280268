import type { Express } from 'express';
import type { ArbotConfig } from './config/schema.js';
import { createHttpApp } from './http/server.js';
import { listen, type HttpServerHandle } from './http/listen.js';
import type { Logger } from './logger.js';
import { defaultStartDeps, type JobsHandle, type StartDeps, type StorageHandle } from './start-deps.js';
import { version } from './version.js';

/** A started arbot. */
export interface RunningApp {
  url: string;
  /** Stops the HTTP server, then jobs, then storage; safe to call more than once. */
  stop(): Promise<void>;
}

/** Undoes one start step; `name` is what gets logged as stopped. */
interface StopStep {
  name: string;
  stop: () => Promise<void>;
}

/** Opens storage, starts jobs (when enabled) and the HTTP server; on failure undoes what had started. */
export async function startApp(config: ArbotConfig, logger: Logger, deps: StartDeps = defaultStartDeps): Promise<RunningApp> {
  const stack: StopStep[] = [];
  try {
    const storage = await openStorage(config, logger, deps);
    stack.push({ name: 'storage', stop: () => storage.close() });

    const chat = deps.startChat ? await deps.startChat({ db: storage.db, config, logger: logger.child({ component: 'chat' }) }) : undefined;
    if (chat) {
      stack.push({ name: 'chat', stop: () => chat.stop() });
      if (chat.platforms.length > 0) logger.info({ platforms: chat.platforms }, 'chat platforms ready');
    }

    if (config.jobs.enabled) {
      const jobs: JobsHandle = await deps.startJobs({
        db: storage.db,
        logger: logger.child({ component: 'jobs' }),
        config,
        ...(chat && chat.jobs.length > 0 ? { extraDefinitions: chat.jobs } : {}),
        ...(chat?.desk ? { desk: chat.desk } : {}),
      });
      stack.push({ name: 'jobs', stop: () => jobs.stop() });
      logger.info({ worker: config.jobs.workerName }, 'jobs started');
    } else {
      logger.info('jobs disabled (ARBOT_JOBS_ENABLED=false)');
    }

    // The dashboards (API and the tab page) refuse every request without a valid identity.
    const dashboard = deps.startDashboard ? [await deps.startDashboard({ db: storage.db, config, logger, ...(chat?.desk ? { desk: chat.desk } : {}) })] : [];
    const mail = deps.mailWebhooks ? await deps.mailWebhooks({ db: storage.db, config, logger }) : [];
    const http = await startHttp(config, logger, storage, [...(chat?.mounts ?? []), ...dashboard, ...mail]);
    stack.push({ name: 'http server', stop: () => http.close() });
    logger.info(`listening on ${http.url}`);
    if (deps.firstRun) await deps.firstRun({ db: storage.db, config, logger, url: http.url });

    let stopping: Promise<void> | undefined;
    return { url: http.url, stop: () => (stopping ??= stopAll(stack, logger)) };
  } catch (err) {
    await stopAll(stack, logger).catch((stopErr: unknown) => {
      logger.error({ err: stopErr }, 'cleanup after failed start also failed');
    });
    throw err;
  }
}

function openStorage(config: ArbotConfig, logger: Logger, deps: StartDeps): Promise<StorageHandle> {
  const { mongodbUri, dataDir, dbName, embeddedPort, journalCompactBytes } = config.storage;
  return deps.openStorage({
    ...(mongodbUri === undefined ? {} : { mongodbUri }),
    dataDir,
    dbName,
    embeddedPort,
    journalCompactBytes,
    logger: logger.child({ component: 'storage' }),
    tenantId: config.tenant.id,
  });
}

function startHttp(config: ArbotConfig, logger: Logger, storage: StorageHandle, mounts: ReadonlyArray<(app: Express) => void>): Promise<HttpServerHandle> {
  const app = createHttpApp({
    db: storage.db,
    storage: storage.kind,
    version,
    logger: logger.child({ component: 'http' }),
    mounts,
  });
  return listen(app, config.server.host, config.server.port);
}

// Stops in reverse start order. Every step runs even if an earlier one fails, so storage
// is closed even when jobs fail to drain; the first failure is rethrown at the end.
async function stopAll(stack: StopStep[], logger: Logger): Promise<void> {
  let firstError: unknown;
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    try {
      await step.stop();
      logger.info(`${step.name} stopped`);
    } catch (err) {
      logger.error({ err }, `${step.name}: stop failed`);
      firstError ??= err;
    }
  }
  if (firstError !== undefined) throw firstError;
}
