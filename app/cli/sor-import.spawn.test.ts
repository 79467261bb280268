// `arbot import` and `arbot sync status` as the real executable. The interrupted-sync test
// kills an import with SIGKILL half-way (while invoices are being written), runs the import
// again, and checks it resumed the same run and ended with the same data as a clean import.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSor } from '../../scripts/gen-sor.js';
import { openStorage } from '../../storage/index.js';
import { DEV_DATASET_DIR } from '../../test/fixtures/dev-dataset.js';
import { dumpSor } from '../../test/fixtures/sor-sync.js';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
let work: string;
let exportDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'arbot-import-'));
  exportDir = join(work, 'export');
  await generateSor(exportDir, { customers: 300, invoices: 6000 });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const env = (dataDir: string) => ({ PATH: process.env.PATH, ARBOT_DATA_DIR: dataDir, ARBOT_SOR_BATCH_SIZE: '100' });

function arbot(args: string[], dataDir: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: env(dataDir), timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function withStore<T>(dataDir: string, fn: (s: Awaited<ReturnType<typeof openStorage>>) => Promise<T>): Promise<T> {
  const s = await openStorage({ dataDir, dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }) });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

describe('arbot import (spawned)', () => {
  it('imports the dev dataset and shows the run in sync status', { timeout: 120_000 }, async () => {
    const dataDir = join(work, 'dev');
    const imported = arbot(['import', DEV_DATASET_DIR], dataDir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Sync full succeeded/);
    expect(imported.stdout).toMatch(/invoices\s+414\s+414\s+0\s+0\s+0\s+0/);
    expect(imported.stdout).toContain('4 consistency problems (reported, not fixed)');
    const status = arbot(['sync', 'status', '--limit', '1'], dataDir);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Source: file:${join(DEV_DATASET_DIR, 'sor.json')}`);
    expect(status.stdout).toMatch(/customers\s+43\s+43/);
    const enroll = arbot(['enroll', '--where', 'currency=USD'], dataDir);
    expect(enroll).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Enrollment rule currency=USD: \d+ of 43 customers enrolled\.\n$/) });
  });

  it('a sync killed half-way resumes and ends with the same data as an uninterrupted one', { timeout: 240_000 }, async () => {
    const clean = join(work, 'clean');
    expect(arbot(['import', exportDir], clean).code).toBe(0);

    const killed = join(work, 'killed');
    const child = spawn(process.execPath, [bin, 'import', exportDir], { cwd: work, env: env(killed), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    await new Promise<void>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Contacts are done: invoices (6000, in batches of 100) are being written now.
        if (stderr.includes('contacts: ')) setTimeout(() => child.kill('SIGKILL'), 400);
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`import ended before it was killed: ${stderr}`))));
    });

    const halfway = await withStore(killed, async (s) => ({ unfinished: await s.repos.syncRuns.unfinished(), invoices: await s.db.collection('invoices').countDocuments() }));
    expect(halfway.unfinished).toHaveLength(1);
    expect(halfway.invoices).toBeGreaterThan(0);
    expect(halfway.invoices).toBeLessThan(6000);

    const resumed = arbot(['import', exportDir], killed);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^Sync full succeeded in [\d.]+ s \(resumed 1×\)/);
    expect(resumed.stdout).toContain(halfway.unfinished[0]?.id);

    const [a, b] = [await withStore(clean, (s) => dumpSor(s.db)), await withStore(killed, (s) => dumpSor(s.db))];
    expect(b.invoices).toHaveLength(6000);
    expect(b).toEqual(a);
  });
});
