// Jobs on the embedded store: scheduled and repeating runs, two workers that never run the
// same job twice, graceful drain on SIGTERM, and the job-history cleanup.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { MongoClient, type Db } from 'mongodb';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '../storage/embedded/index.js';
import { purgeFinishedJobs } from './job-history.js';
import { startJobRunner, JOBS_COLLECTION } from './runner.js';

let dir: string;
let server: EmbeddedServer;
let client: MongoClient;
let db: Db;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-jobs-'));
  server = await startEmbeddedServer({ dataDir: dir });
  client = await new MongoClient(server.uri).connect();
  db = client.db('jobs_test');
});
afterEach(async () => {
  await client.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('job runner on the embedded store', () => {
  it('runs a scheduled job once at its time and a repeating job again and again', async () => {
    const runs: Array<{ name: string; at: number }> = [];
    const runner = await startJobRunner({
      db,
      logger: pino({ level: 'silent' }),
      workerName: 'w1',
      processEvery: 100,
      definitions: [
        { name: 'once', description: 'one-off', run: async () => void runs.push({ name: 'once', at: Date.now() }) },
        { name: 'repeat', description: 'repeating', every: '1 second', run: async () => void runs.push({ name: 'repeat', at: Date.now() }) },
      ],
    });
    const due = Date.now() + 600;
    await runner.schedule('once', new Date(due), { invoice: 'INV-1' });
    await expect(runner.schedule('nope', new Date())).rejects.toThrow(/unknown job/);
    await waitFor(async () => runs.filter((r) => r.name === 'repeat').length >= 3 && runs.some((r) => r.name === 'once'), 10_000);
    await runner.stop();
    const once = runs.filter((r) => r.name === 'once');
    expect(once).toHaveLength(1);
    expect(once[0]?.at).toBeGreaterThanOrEqual(due - 5);
    const stored = await db.collection(JOBS_COLLECTION).find({ name: 'repeat' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.repeatInterval).toBe('1 second');

    // a worker restart leaves the repeating job's schedule alone (no extra run at start-up)
    const restarted = await startJobRunner({
      db,
      logger: pino({ level: 'silent' }),
      workerName: 'w2',
      processEvery: 60_000,
      definitions: [{ name: 'repeat', description: 'repeating', every: '1 second', run: async () => undefined }],
    });
    const after = await db.collection(JOBS_COLLECTION).find({ name: 'repeat' }).toArray();
    await restarted.stop();
    expect(after).toHaveLength(1);
    expect(after[0]?.nextRunAt).toEqual(stored[0]?.nextRunAt);
  });

  it('two worker processes never run the same job twice, and SIGTERM drains a running job', { timeout: 60_000 }, async () => {
    const workers: ChildProcess[] = [];
    const outputs: string[][] = [[], []];
    for (const [n, name] of ['worker-a', 'worker-b'].entries()) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../test/fixtures/job-worker.ts'), server.uri, name], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => outputs[n]?.push(l));
      workers.push(child);
    }
    await waitFor(async () => outputs.every((o) => o.includes('ready')), 20_000);

    const scheduler = new Agenda({ backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }) });
    await scheduler.ready;
    for (let i = 0; i < 60; i++) await scheduler.now('count', { i });
    const runs = db.collection('runs');
    await waitFor(async () => (await runs.countDocuments({ kind: 'count' })) >= 60, 30_000);
    // let the repeating job tick a few times with both workers competing for it
    await waitFor(async () => (await runs.countDocuments({ kind: 'tick' })) >= 3, 15_000);

    await scheduler.now('slow', {});
    await waitFor(async () => outputs.some((o) => o.includes('slow started')), 10_000);
    const exits = workers.map((w) => new Promise<number | null>((r) => w.once('exit', (code) => r(code))));
    for (const w of workers) w.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);

    const counted = await runs.find({ kind: 'count' }).toArray();
    expect(counted).toHaveLength(60);
    expect(new Set(counted.map((r) => r.i)).size).toBe(60);
    const ticks = (await runs.find({ kind: 'tick' }).toArray()).map((r) => (r.at as Date).getTime()).sort((a, b) => a - b);
    const gaps = ticks.slice(1).map((t, k) => t - (ticks[k] as number));
    // a tick run by both workers would show up as two runs a few milliseconds apart
    expect(Math.min(...gaps)).toBeGreaterThan(500);
    expect(await runs.countDocuments({ kind: 'slow', finished: true })).toBe(1);
    expect(outputs.every((o) => o.includes('drained'))).toBe(true);
  });

  it('purges finished one-off jobs by age and keeps repeating, pending and recent ones', async () => {
    const jobs = db.collection(JOBS_COLLECTION);
    const now = new Date('2026-11-25T12:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const base = { nextRunAt: null, lockedAt: null, repeatInterval: null, failedAt: null };
    await jobs.insertMany([
      { ...base, name: 'old-ok', lastFinishedAt: daysAgo(8) },
      { ...base, name: 'new-ok', lastFinishedAt: daysAgo(1) },
      { ...base, name: 'old-failed', lastFinishedAt: daysAgo(31), failedAt: daysAgo(31) },
      { ...base, name: 'recent-failed', lastFinishedAt: daysAgo(8), failedAt: daysAgo(8) },
      { ...base, name: 'repeating', lastFinishedAt: daysAgo(40), repeatInterval: '1 hour', nextRunAt: now },
      { ...base, name: 'pending', lastFinishedAt: null, nextRunAt: daysAgo(9) },
    ]);
    const result = await purgeFinishedJobs(db, daysAgo(7), daysAgo(30));
    expect(result).toEqual({ succeeded: 1, failed: 1 });
    expect((await jobs.find({}).toArray()).map((j) => j.name).sort()).toEqual(['new-ok', 'pending', 'recent-failed', 'repeating']);
  });
});
