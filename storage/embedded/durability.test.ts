// Durability of the embedded store: restart, torn journal tails, compaction, and kill -9.
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer, EmbeddedLockedError, type EmbeddedServer } from './index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-durability-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withClient<T>(server: EmbeddedServer, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await new MongoClient(server.uri).connect();
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

describe('embedded store durability', () => {
  it('keeps documents and unique indexes across a restart', async () => {
    const first = await startEmbeddedServer({ dataDir: dir });
    await withClient(first, async (c) => {
      const coll = c.db('d').collection('x');
      await coll.createIndex({ k: 1 }, { unique: true });
      await coll.insertMany([{ k: 1 }, { k: 2 }]);
      await coll.updateOne({ k: 2 }, { $set: { v: 'two' } });
      await coll.deleteOne({ k: 1 });
    });
    await first.close();

    const second = await startEmbeddedServer({ dataDir: dir });
    expect(second.recovery.journalRecords).toBeGreaterThan(0);
    await withClient(second, async (c) => {
      const coll = c.db('d').collection('x');
      expect(await coll.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ k: 2, v: 'two' }]);
      await expect(coll.insertOne({ k: 2 })).rejects.toMatchObject({ code: 11000 });
    });
    await second.close();
  });

  it('recovers from a torn last record and keeps accepting writes', async () => {
    const first = await startEmbeddedServer({ dataDir: dir });
    await withClient(first, (c) => c.db('d').collection('x').insertMany([{ n: 1 }, { n: 2 }]));
    await first.close();
    const journal = (await readdir(dir)).find((f) => f.startsWith('journal.'));
    expect(journal).toBeDefined();
    const path = join(dir, journal as string);
    const goodSize = (await stat(path)).size;
    // a record header promising 500 bytes followed by only a few: a write cut off by a crash
    const torn = Buffer.alloc(12);
    torn.writeUInt32LE(500, 0);
    await appendFile(path, torn);

    const second = await startEmbeddedServer({ dataDir: dir });
    expect(second.recovery.tornBytes).toBe(12);
    expect((await stat(path)).size).toBe(goodSize);
    await withClient(second, async (c) => {
      expect(await c.db('d').collection('x').countDocuments()).toBe(2);
      await c.db('d').collection('x').insertOne({ n: 3 });
    });
    await second.close();

    const third = await startEmbeddedServer({ dataDir: dir });
    expect(third.recovery.tornBytes).toBe(0);
    await withClient(third, async (c) => expect(await c.db('d').collection('x').countDocuments()).toBe(3));
    await third.close();
  });

  it('stops at a record whose checksum does not match', async () => {
    const first = await startEmbeddedServer({ dataDir: dir });
    await withClient(first, (c) => c.db('d').collection('x').insertOne({ n: 1 }));
    await first.close();
    const path = join(dir, (await readdir(dir)).find((f) => f.startsWith('journal.')) as string);
    const bogus = Buffer.alloc(8 + 16);
    bogus.writeUInt32LE(16, 0);
    bogus.writeUInt32LE(12345, 4);
    bogus.writeInt32LE(16, 8);
    await appendFile(path, bogus);
    const second = await startEmbeddedServer({ dataDir: dir });
    expect(second.recovery.tornBytes).toBe(bogus.length);
    await withClient(second, async (c) => expect(await c.db('d').collection('x').countDocuments()).toBe(1));
    await second.close();
  });

  it('compacts the journal into a snapshot and restarts from it', async () => {
    const first = await startEmbeddedServer({ dataDir: dir, journalCompactBytes: 16 * 1024 });
    await withClient(first, async (c) => {
      const coll = c.db('d').collection('x');
      await coll.createIndex({ i: 1 }, { unique: true });
      for (let b = 0; b < 20; b++) await coll.insertMany(Array.from({ length: 25 }, (_, j) => ({ i: b * 25 + j, pad: 'p'.repeat(100) })));
      await coll.deleteMany({ i: { $lt: 100 } });
    });
    await first.compact();
    await first.close();
    const files = (await readdir(dir)).sort();
    expect(files.some((f) => /^snapshot\.\d+\.bson$/.test(f))).toBe(true);
    expect(files.filter((f) => f.startsWith('journal.'))).toHaveLength(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);

    const second = await startEmbeddedServer({ dataDir: dir });
    expect(second.recovery.snapshotRecords).toBeGreaterThan(0);
    await withClient(second, async (c) => {
      const coll = c.db('d').collection('x');
      expect(await coll.countDocuments()).toBe(400);
      await expect(coll.insertOne({ i: 499 })).rejects.toMatchObject({ code: 11000 });
    });
    await second.close();
  });

  it('ignores a snapshot.tmp left by a crash during compaction', async () => {
    const first = await startEmbeddedServer({ dataDir: dir });
    await withClient(first, (c) => c.db('d').collection('x').insertOne({ n: 1 }));
    await first.close();
    await writeFile(join(dir, 'snapshot.1.bson.tmp'), 'half a snapshot');
    const second = await startEmbeddedServer({ dataDir: dir });
    await withClient(second, async (c) => expect(await c.db('d').collection('x').countDocuments()).toBe(1));
    await second.close();
    expect((await readdir(dir)).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('lets one process own a data directory and tells others where it listens', async () => {
    const first = await startEmbeddedServer({ dataDir: dir });
    const err = await startEmbeddedServer({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedLockedError);
    await first.close();
    // a lock left by a dead process is stale and taken over
    await writeFile(join(dir, 'embedded.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, port: 1 }));
    const again = await startEmbeddedServer({ dataDir: dir });
    await again.close();
  });

  it('loses no acknowledged write when the process is killed with SIGKILL', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../test/fixtures/crash-writer.ts'), dir, String(64 * 1024)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const acked: number[] = [];
    let counter = 0;
    await new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const [kind, value] = line.split(' ');
        if (kind === 'ack') acked.push(Number(value));
        if (kind === 'counter') counter = Math.max(counter, Number(value));
        // enough writes to cross several compactions before the kill
        if (acked.length === 3000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((r) => child.once('close', r));

    const server = await startEmbeddedServer({ dataDir: dir });
    await withClient(server, async (c) => {
      const coll = c.db('crash').collection('acks');
      const present = new Set((await coll.find({}, { projection: { i: 1 } }).toArray()).map((d) => d.i as number));
      const lost = acked.filter((i) => !present.has(i));
      expect(lost).toEqual([]);
      const stored = await c.db('crash').collection('counter').findOne({ _id: 'c' as unknown as never });
      expect(stored?.n).toBeGreaterThanOrEqual(counter);
      await expect(coll.insertOne({ i: acked[0] })).rejects.toMatchObject({ code: 11000 });
    });
    await server.close();
  });
});
