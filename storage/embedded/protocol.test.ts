// Wire-level robustness: legacy handshakes, unacknowledged writes, and garbage on the socket.
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSON } from 'bson';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './index.js';
import { OP_QUERY, OP_REPLY } from './protocol.js';

let server: EmbeddedServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-protocol-'));
  server = await startEmbeddedServer({ dataDir: dir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(server.port, server.host, () => resolve(s));
    s.once('error', reject);
  });
}

function opQuery(collection: string, query: object): Buffer {
  const name = Buffer.from(collection + '\0');
  const doc = Buffer.from(BSON.serialize(query));
  const head = Buffer.alloc(16 + 4);
  const tail = Buffer.alloc(8);
  tail.writeInt32LE(0, 0);
  tail.writeInt32LE(-1, 4);
  const total = head.length + name.length + tail.length + doc.length;
  head.writeInt32LE(total, 0);
  head.writeInt32LE(7, 4);
  head.writeInt32LE(0, 8);
  head.writeInt32LE(OP_QUERY, 12);
  head.writeInt32LE(0, 16);
  return Buffer.concat([head, name, tail, doc]);
}

async function ping(): Promise<void> {
  const client = await new MongoClient(server.uri).connect();
  try {
    expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
  } finally {
    await client.close();
  }
}

describe('embedded store wire protocol', () => {
  it('answers a legacy OP_QUERY isMaster with OP_REPLY', async () => {
    const s = await rawSocket();
    const reply = await new Promise<Buffer>((resolve) => {
      let buf = Buffer.alloc(0);
      s.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length >= 4 && buf.length >= buf.readInt32LE(0)) resolve(buf);
      });
      s.write(opQuery('admin.$cmd', { isMaster: 1 }));
    });
    s.destroy();
    expect(reply.readInt32LE(8)).toBe(7);
    expect(reply.readInt32LE(12)).toBe(OP_REPLY);
    const doc = BSON.deserialize(reply.subarray(36));
    expect(doc).toMatchObject({ ismaster: true, ok: 1 });
  });

  it('closes a connection that sends garbage and keeps serving others', async () => {
    const s = await rawSocket();
    const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
    const junk = Buffer.alloc(64, 0xff);
    junk.writeInt32LE(64, 0);
    junk.writeInt32LE(9999, 12); // unknown opCode
    s.write(junk);
    await closed;
    const s2 = await rawSocket();
    const closed2 = new Promise<void>((resolve) => s2.once('close', () => resolve()));
    const bad = Buffer.alloc(8);
    bad.writeInt32LE(-5, 0); // impossible length
    s2.write(bad);
    await closed2;
    await ping();
  });

  it('applies unacknowledged (w: 0) writes without replying', async () => {
    const client = await new MongoClient(server.uri).connect();
    try {
      const coll = client.db('proto').collection('w0');
      await coll.insertOne({ fast: true }, { writeConcern: { w: 0 } });
      let n = 0;
      for (let i = 0; i < 50 && n === 0; i++) {
        n = await coll.countDocuments({ fast: true });
        if (n === 0) await new Promise((r) => setTimeout(r, 10));
      }
      expect(n).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('refuses transactions the way a standalone mongod does', async () => {
    const client = await new MongoClient(server.uri).connect();
    try {
      const session = client.startSession();
      const err = await session
        .withTransaction(async () => {
          await client.db('proto').collection('tx').insertOne({ a: 1 }, { session });
        })
        .catch((e: unknown) => e);
      await session.endSession();
      expect(err).toBeInstanceOf(Error);
      expect(await client.db('proto').collection('tx').countDocuments()).toBe(0);
    } finally {
      await client.close();
    }
  });
});
