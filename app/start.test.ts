import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from 'mongodb';
import { configFixture } from './config/config.fixture.js';
import { listen, type HttpServerHandle } from './http/listen.js';
import { createLogger } from './logger.js';
import type { OpenStorageOptions, StartDeps, StartJobsOptions } from './start-deps.js';
import { startApp, type RunningApp } from './start.js';

const fakeDb = { command: async () => ({ ok: 1 }) } as unknown as Db;

/** Fake storage and jobs that record what happened to them, in order. */
function fakeDeps(events: string[], options: { embedded?: boolean; jobsStopFails?: boolean } = {}): StartDeps & {
  storageOptions: OpenStorageOptions[];
  jobsOptions: StartJobsOptions[];
} {
  const storageOptions: OpenStorageOptions[] = [];
  const jobsOptions: StartJobsOptions[] = [];
  return {
    storageOptions,
    jobsOptions,
    async openStorage(opts) {
      storageOptions.push(opts);
      events.push('storage opened');
      return {
        db: fakeDb,
        kind: options.embedded === false ? 'mongodb' : 'embedded',
        describe: options.embedded === false ? 'MongoDB at db.example.com' : 'embedded store at 127.0.0.1:1234',
        close: async () => void events.push('storage closed'),
      };
    },
    startJobs(opts) {
      jobsOptions.push(opts);
      events.push('jobs started');
      return {
        stop: async () => {
          events.push('jobs stopped');
          if (options.jobsStopFails) throw new Error('drain timed out');
        },
      };
    },
  };
}

function memoryLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (text: string) => lines.push(text) } });
  const messages = (): string[] => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { logger, messages };
}

let app: RunningApp | undefined;
let blocker: HttpServerHandle | undefined;
afterEach(async () => {
  await app?.stop();
  await blocker?.close();
  app = blocker = undefined;
});

describe('startApp', () => {
  it('opens storage, starts jobs and serves /healthz', async () => {
    const events: string[] = [];
    const deps = fakeDeps(events);
    const { logger, messages } = memoryLogger();
    const config = configFixture({ server: { port: 0 }, storage: { mongodbUri: 'mongodb://db.example.com' } });
    app = await startApp(config, logger, deps);

    expect(events).toEqual(['storage opened', 'jobs started']);
    expect(deps.storageOptions[0]).toMatchObject({ mongodbUri: 'mongodb://db.example.com', dataDir: './data', dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 67108864, tenantId: 'default' });
    expect(deps.jobsOptions[0]?.config).toBe(config);
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'embedded' });
    expect(messages()).toContain(`listening on ${app.url}`);
  });

  it('reports mongodb storage and skips jobs when disabled', async () => {
    const events: string[] = [];
    app = await startApp(configFixture({ server: { port: 0 }, jobs: { enabled: false } }), memoryLogger().logger, fakeDeps(events, { embedded: false }));
    expect(events).toEqual(['storage opened']);
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ storage: 'mongodb' });
  });

  it('stops http, then jobs, then storage, once, logging each step', async () => {
    const events: string[] = [];
    const { logger, messages } = memoryLogger();
    const running = await startApp(configFixture({ server: { port: 0 } }), logger, fakeDeps(events));
    await Promise.all([running.stop(), running.stop()]);
    expect(events).toEqual(['storage opened', 'jobs started', 'jobs stopped', 'storage closed']);
    expect(messages().slice(-3)).toEqual(['http server stopped', 'jobs stopped', 'storage stopped']);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('still closes storage when jobs fail to stop, then reports the failure', async () => {
    const events: string[] = [];
    const running = await startApp(configFixture({ server: { port: 0 } }), memoryLogger().logger, fakeDeps(events, { jobsStopFails: true }));
    await expect(running.stop()).rejects.toThrow('drain timed out');
    expect(events.at(-1)).toBe('storage closed');
  });

  it('undoes jobs and storage when the port is taken, and names PORT', async () => {
    blocker = await listen((_req, res) => res.end(), '127.0.0.1', 0);
    const port = Number(new URL(blocker.url).port);
    const events: string[] = [];
    await expect(startApp(configFixture({ server: { port } }), memoryLogger().logger, fakeDeps(events))).rejects.toThrow(
      `PORT ${port} is already in use`,
    );
    expect(events).toEqual(['storage opened', 'jobs started', 'jobs stopped', 'storage closed']);
  });
});
