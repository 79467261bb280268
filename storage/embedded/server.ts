// The embedded MongoDB-compatible server: a TCP listener on loopback speaking the wire
// protocol, in front of the in-memory store and its journal. Replies to writes are sent
// only after the journal has fsynced them.
import { createServer, type Server, type Socket } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { runCommand } from './commands/index.js';
import { CursorRegistry } from './cursors.js';
import { Store, WriteBatch } from './engine/store.js';
import { Journal, type RecoveryReport } from './durability/journal.js';
import { DataDirLock } from './lock.js';
import { encodeReply, parseMessage, ProtocolError } from './protocol.js';
import { sweepExpired } from './ttl.js';
import { CommandError, ErrorCodes } from './errors.js';

export interface EmbeddedServerOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Journal size that triggers compaction into a snapshot. */
  journalCompactBytes?: number;
  logger?: Logger;
  /** How often TTL indexes are swept (mongod: 60 s). */
  ttlIntervalMs?: number;
}

export interface EmbeddedServer {
  /** A driver connection string for this server. */
  uri: string;
  host: string;
  port: number;
  dataDir: string;
  recovery: RecoveryReport;
  /** Forces compaction now (tests, benchmarks, `arbot` maintenance). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 48_000_000 + 16 * 1024;

/** Starts the server on its data directory (recovering what is there) and resolves once it listens. */
export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const host = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? pino({ level: 'silent' });
  await mkdir(dataDir, { recursive: true });
  const lock = await DataDirLock.acquire(dataDir);

  const store = new Store();
  const cursors = new CursorRegistry();
  const journal = new Journal(dataDir, opts.journalCompactBytes ?? 64 * 1024 * 1024, logger, store);
  let recovery: RecoveryReport;
  try {
    recovery = await journal.recover();
  } catch (e) {
    await lock.release();
    throw e;
  }
  logger.debug({ dataDir, ...recovery }, 'embedded store: recovered');

  const sockets = new Set<Socket>();
  const pending = new Set<Promise<void>>();
  let connectionIds = 0;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connectionId = ++connectionIds;
    let chunks: Buffer[] = [];
    let buffered = 0;
    let chain = Promise.resolve();

    const handle = async (msg: Buffer): Promise<void> => {
      let parsed;
      try {
        parsed = parseMessage(msg);
      } catch (e) {
        logger.warn({ err: e, connectionId }, 'embedded store: malformed message, closing connection');
        socket.destroy();
        return;
      }
      const batch = new WriteBatch();
      const db = typeof parsed.body.$db === 'string' ? parsed.body.$db : 'admin';
      let reply = runCommand(parsed.body, { store, cursors, db, batch, connectionId }, logger);
      if (batch.records.length > 0) {
        try {
          await journal.append(batch.records);
        } catch (e) {
          reply = new CommandError(ErrorCodes.InternalError, `write not durable: ${(e as Error).message}`).toReply();
        }
      }
      if (!parsed.moreToCome && !socket.destroyed) socket.write(encodeReply(parsed.header, reply, parsed.legacy));
    };

    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      while (buffered >= 4) {
        const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        const length = all.readInt32LE(0);
        if (length < 16 || length > MAX_MESSAGE_BYTES) {
          logger.warn({ connectionId, length }, 'embedded store: bad message length, closing connection');
          socket.destroy();
          return;
        }
        if (all.length < length) {
          chunks = [all];
          return;
        }
        const msg = all.subarray(0, length);
        const rest = all.subarray(length);
        chunks = rest.length > 0 ? [rest] : [];
        buffered = rest.length;
        const job = chain.then(() => handle(msg));
        chain = job.catch((e: unknown) => {
          logger.error({ err: e, connectionId }, 'embedded store: request failed');
          socket.destroy();
        });
        pending.add(chain);
        void chain.finally(() => pending.delete(chain));
      }
    });
    socket.on('error', (e) => logger.debug({ err: e, connectionId }, 'embedded store: socket error'));
    socket.on('close', () => sockets.delete(socket));
  });

  const port = await new Promise<number>((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolvePort(typeof addr === 'object' && addr ? addr.port : 0);
    });
  }).catch(async (e: unknown) => {
    await journal.close();
    await lock.release();
    throw e;
  });
  await lock.publishPort(port);

  const timers = [
    setInterval(() => cursors.reapIdle(), 60_000),
    setInterval(() => {
      const batch = new WriteBatch();
      const n = sweepExpired(store, batch, new Date());
      if (n > 0) {
        journal.append(batch.records).catch((e: unknown) => logger.error({ err: e }, 'embedded store: TTL sweep not journaled'));
      }
    }, opts.ttlIntervalMs ?? 60_000),
  ];
  for (const t of timers) t.unref();

  let closing: Promise<void> | undefined;
  return {
    uri: `mongodb://${host}:${port}/?directConnection=true`,
    host,
    port,
    dataDir,
    recovery,
    compact: () => journal.compact(),
    close: () =>
      (closing ??= (async () => {
        for (const t of timers) clearInterval(t);
        await new Promise<void>((r) => {
          server.close(() => r());
          for (const s of sockets) s.end();
        });
        await Promise.allSettled(Array.from(pending));
        for (const s of sockets) s.destroy();
        await journal.close();
        await lock.release();
      })()),
  };
}

export { ProtocolError };
