// A bot world on a fresh embedded store with a SoR snapshot imported through the repositories,
// and the deps the lookup use cases take (bot/queries), for their tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryDeps } from '../../bot/queries/lookup.js';
import { openStorage } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { MongoSorLookup } from '../../storage/sor/mongo-sor-lookup.js';
import type { SorSnapshot } from '../../core/pipeline/sor.js';
import { botWorld, silent, type BotWorld } from './bot-world.js';

export interface QueryWorld {
  w: BotWorld;
  deps: QueryDeps;
  close(): Promise<void>;
}

export async function queryWorld(name: string, snapshot: SorSnapshot): Promise<QueryWorld> {
  const dir = await mkdtemp(join(tmpdir(), `arbot-${name}-`));
  const storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  const w = await botWorld(storage.client);
  await importSnapshot(w.repos, snapshot, w.now());
  const deps: QueryDeps = { repos: w.repos, sor: new MongoSorLookup(w.repos, { ownAddresses: ['ar@northwind.example'], asOf: () => snapshot.asOf }), clock: w.now };
  return {
    w,
    deps,
    close: async () => {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
