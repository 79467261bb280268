// The MongoDB-backed SorLookup passes the same conformance suite as the in-memory index,
// over the same snapshot imported into the embedded store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll } from 'vitest';
import { sorLookupConformanceSuite } from '../../test/conformance/sor-lookup.suite.js';
import { openStorage, type StorageHandle } from '../index.js';
import { importSnapshot } from './import-snapshot.js';
import { MongoSorLookup } from './mongo-sor-lookup.js';

const opened: Array<{ storage: StorageHandle; dir: string }> = [];
afterAll(async () => {
  for (const { storage, dir } of opened) {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
});

sorLookupConformanceSuite('MongoSorLookup (embedded store)', async (snapshot, extraOwnAddresses) => {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-sorlookup-'));
  const storage = await openStorage({ dataDir: dir, dbName: 'sor', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: 't' });
  opened.push({ storage, dir });
  await importSnapshot(storage.repos, snapshot, new Date('2026-11-20T00:00:00Z'), { applyEnrolment: true });
  return new MongoSorLookup(storage.repos, { ownAddresses: [snapshot.company.arMailbox, ...extraOwnAddresses], asOf: () => snapshot.asOf });
});
