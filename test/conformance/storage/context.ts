import { randomBytes } from 'node:crypto';
import type { Db, MongoClient } from 'mongodb';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { migrate, type MigrationReport } from '../../../storage/migrations.js';
import { createRepositories, type Repositories } from '../../../storage/repositories/index.js';

/** What a storage target hands the suite: a client, a database whose name prefixes the per-test ones, and a way to close. */
export interface StorageTarget {
  db: Db;
  client: MongoClient;
  close(): Promise<void>;
}

/** The tenant the suite's repositories are bound to; `reposFor` gives others. */
export const TENANT = 'tenant-a';

/** A logger that prints nothing, for migrate and other code that takes one. */
export const silentLogger = pino({ level: 'silent' });

/** Per-test state: a fresh, migrated database and the repositories on it. Read it inside tests only. */
export interface StorageTestContext {
  readonly client: MongoClient;
  readonly db: Db;
  readonly repos: Repositories;
  /** What the migration of this test's fresh database did. */
  readonly migration: MigrationReport;
  reposFor(tenantId: string): Repositories;
  /** Another empty database, dropped after the test (for tests that migrate by hand). */
  emptyDb(): Db;
}

/** Registers hooks that connect once per suite and give every test its own database, dropped afterwards. */
export function useFreshDatabase(connect: () => Promise<StorageTarget>): StorageTestContext {
  let target: StorageTarget | undefined;
  let current: { db: Db; repos: Repositories; migration: MigrationReport } | undefined;
  let extra: Db[] = [];

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`storage conformance: ${what} is only available inside a test`);
    return value;
  };
  const freshName = (): string => `${need(target, 'the target').db.databaseName}_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    target = await connect();
  });
  afterAll(async () => {
    await target?.close();
  });
  beforeEach(async () => {
    const db = need(target, 'the target').client.db(freshName());
    const migration = await migrate(db, silentLogger);
    current = { db, repos: createRepositories(db, TENANT), migration };
  });
  afterEach(async () => {
    const dbs = [...extra, ...(current ? [current.db] : [])];
    extra = [];
    current = undefined;
    for (const db of dbs) await db.dropDatabase();
  });

  return {
    get client() {
      return need(target, 'the client').client;
    },
    get db() {
      return need(current, 'the database').db;
    },
    get repos() {
      return need(current, 'the repositories').repos;
    },
    get migration() {
      return need(current, 'the migration report').migration;
    },
    reposFor: (tenantId) => createRepositories(need(current, 'the database').db, tenantId),
    emptyDb: () => {
      const db = need(target, 'the target').client.db(freshName());
      extra.push(db);
      return db;
    },
  };
}
