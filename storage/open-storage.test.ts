import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from './errors.js';
import { openStorage } from './open-storage.js';

const logger = pino({ level: 'silent' });
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arbot-open-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts a separate process that owns `dir` with the embedded store; resolves with its port. */
async function startOwner(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
  const owner = fileURLToPath(new URL('../test/fixtures/embedded-owner.ts', import.meta.url));
  const child = spawn(process.execPath, [runTs, owner, dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout ?? []) {
    out += String(chunk);
    const match = /ready (\d+)/.exec(out);
    if (match) return { child, port: Number(match[1]) };
  }
  throw new Error(`embedded owner exited before it was ready: ${out}`);
}

describe('openStorage', () => {
  it('starts the embedded store, migrates, and closes it', async () => {
    const storage = await openStorage({ dataDir, dbName: 'arbot', logger, tenantId: 't1' });
    try {
      expect(storage.kind).toBe('embedded');
      expect(storage.embedded?.port).toBeGreaterThan(0);
      expect(storage.describe).toContain('embedded store at 127.0.0.1:');
      expect(storage.migration.indexesCreated.length).toBeGreaterThan(0);
      await storage.repos.settings.set('k', 1, new Date());
      expect((await storage.repos.settings.get('k'))?.tenantId).toBe('t1');
    } finally {
      await storage.close();
      await storage.close();
    }
    const reopened = await openStorage({ dataDir, dbName: 'arbot', logger, tenantId: 't1' });
    try {
      expect(reopened.migration).toEqual({ applied: [], indexesCreated: [], indexesRebuilt: [] });
      expect((await reopened.repos.settings.get('k'))?.value).toBe(1);
    } finally {
      await reopened.close();
    }
  });

  it('connects to the process that already serves the data dir', async () => {
    const owner = await startOwner(dataDir);
    try {
      const storage = await openStorage({ dataDir, dbName: 'arbot', logger });
      expect(storage.embedded).toEqual({ uri: `mongodb://127.0.0.1:${owner.port}/`, port: owner.port });
      expect(storage.describe).toContain('another process');
      await storage.repos.settings.set('shared', true, new Date());
      await storage.close();
    } finally {
      owner.child.stdin?.end();
      await once(owner.child, 'exit');
    }
  });

  it('fails on an unreachable MONGODB_URI with one line naming the host, never the password', async () => {
    const err = await openStorage({
      mongodbUri: 'mongodb://bob:s3cret@127.0.0.1:1/arbot',
      dataDir,
      dbName: 'arbot',
      logger,
      serverSelectionTimeoutMS: 300,
    }).then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageError);
    const message = (err as StorageError).message;
    expect(message).toMatch(/^MONGODB_URI: cannot connect to 127\.0\.0\.1:1: /);
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('\n');
    expect((err as StorageError).code).toBe('CONNECT');
  });
});
