import { MongoClient, type Db } from 'mongodb';
import type { Logger } from 'pino';
import { startEmbeddedServer, type EmbeddedServer } from './embedded/index.js';
import { errorMessage, StorageError } from './errors.js';
import { migrate, type MigrationReport } from './migrations.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { mongoHosts, scrubCredentials } from './uri.js';

export interface OpenStorageOptions {
  /** An external MongoDB; without it the embedded store serves `dataDir`. */
  mongodbUri?: string;
  dataDir: string;
  dbName: string;
  /** Port of the embedded store; 0 or absent picks a free one. */
  embeddedPort?: number;
  journalCompactBytes?: number;
  logger: Logger;
  tenantId?: string;
  /** How long the driver looks for a server before giving up. */
  serverSelectionTimeoutMS?: number;
}

/** An open database with its repositories; `describe` is safe to log. */
export interface StorageHandle {
  client: MongoClient;
  db: Db;
  repos: Repositories;
  kind: 'embedded' | 'mongodb';
  embedded?: { uri: string; port: number };
  describe: string;
  migration: MigrationReport;
  close(): Promise<void>;
}

const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5000;

/**
 * Connects to MONGODB_URI, or starts the embedded store on `dataDir` (joining the process that
 * already serves it, if any), then migrates the schema and builds the tenant's repositories.
 */
export async function openStorage(opts: OpenStorageOptions): Promise<StorageHandle> {
  const timeoutMS = opts.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
  const target = opts.mongodbUri ? await connectExternal(opts.mongodbUri, timeoutMS) : await connectEmbedded(opts, timeoutMS);
  try {
    const db = target.client.db(opts.dbName);
    const migration = await migrate(db, opts.logger);
    const describe = `${target.describe}, database ${opts.dbName}`;
    opts.logger.info({ storage: describe }, 'storage: open');
    return {
      client: target.client,
      db,
      repos: createRepositories(db, opts.tenantId ?? 'default'),
      kind: target.kind,
      ...(target.embedded && { embedded: target.embedded }),
      describe,
      migration,
      close: once(target.close),
    };
  } catch (e) {
    await target.close();
    throw e;
  }
}

interface Connected {
  client: MongoClient;
  kind: 'embedded' | 'mongodb';
  embedded?: { uri: string; port: number };
  describe: string;
  close(): Promise<void>;
}

async function connectExternal(uri: string, timeoutMS: number): Promise<Connected> {
  const hosts = mongoHosts(uri) || '(no host)';
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMS });
    await ping(client);
  } catch (e) {
    await client?.close();
    // No `cause`: driver errors can carry the connection string, and this error is logged.
    throw new StorageError(`MONGODB_URI: cannot connect to ${hosts}: ${scrubCredentials(errorMessage(e), uri)}`, { code: 'CONNECT' });
  }
  const connected = client;
  return { client: connected, kind: 'mongodb', describe: `MongoDB at ${hosts}`, close: () => connected.close() };
}

async function connectEmbedded(opts: OpenStorageOptions, timeoutMS: number): Promise<Connected> {
  const server = await startOrJoin(opts);
  const client = new MongoClient(server.uri, { directConnection: true, serverSelectionTimeoutMS: timeoutMS });
  const close = async (): Promise<void> => {
    await client.close();
    await server.close();
  };
  try {
    await ping(client);
  } catch (e) {
    await close();
    throw new StorageError(`embedded store at 127.0.0.1:${server.port}: cannot connect: ${errorMessage(e)}`, { code: 'CONNECT', cause: e });
  }
  const where = server.owned ? 'embedded store' : 'embedded store of another process';
  return {
    client,
    kind: 'embedded',
    embedded: { uri: server.uri, port: server.port },
    describe: `${where} at 127.0.0.1:${server.port} (data dir ${opts.dataDir})`,
    close,
  };
}

/** The embedded store this process started (`owned`), or the one another live process serves on the same data dir. */
interface EmbeddedTarget {
  uri: string;
  port: number;
  owned: boolean;
  close(): Promise<void>;
}

async function startOrJoin(opts: OpenStorageOptions): Promise<EmbeddedTarget> {
  let server: EmbeddedServer;
  try {
    server = await startEmbeddedServer({
      dataDir: opts.dataDir,
      port: opts.embeddedPort ?? 0,
      host: '127.0.0.1',
      journalCompactBytes: opts.journalCompactBytes,
      logger: opts.logger,
    });
  } catch (e) {
    if (!isEmbeddedLocked(e)) throw e;
    if (e.ownerPort === undefined) {
      throw new StorageError(`data directory ${opts.dataDir} is locked by a process that serves no port yet: ${errorMessage(e)}`, {
        code: 'CONNECT',
        cause: e,
      });
    }
    opts.logger.info({ dataDir: opts.dataDir, port: e.ownerPort }, 'storage: data dir served by another process, connecting to it');
    return { uri: `mongodb://127.0.0.1:${e.ownerPort}/`, port: e.ownerPort, owned: false, close: async () => undefined };
  }
  return { uri: server.uri, port: server.port, owned: true, close: () => server.close() };
}

function isEmbeddedLocked(e: unknown): e is { code: 'EMBEDDED_LOCKED'; ownerPort: number | undefined } {
  if (typeof e !== 'object' || e === null) return false;
  const { code, ownerPort } = e as { code?: unknown; ownerPort?: unknown };
  return code === 'EMBEDDED_LOCKED' && (ownerPort === undefined || typeof ownerPort === 'number');
}

async function ping(client: MongoClient): Promise<void> {
  await client.connect();
  await client.db('admin').command({ ping: 1 });
}

/** Wraps `close` so a second call is a no-op that waits for the first. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
