// Runs the storage conformance suite against the embedded store on a temporary data dir.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedServer } from '../../storage/embedded/index.js';
import { silentLogger } from './storage/context.js';
import { storageConformanceSuite } from './storage.suite.js';

storageConformanceSuite('embedded store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'arbot-storage-'));
  const server = await startEmbeddedServer({ dataDir, port: 0, host: '127.0.0.1', logger: silentLogger });
  const client = await new MongoClient(server.uri, { directConnection: true }).connect();
  return {
    client,
    db: client.db('arbot_conformance'),
    close: async () => {
      await client.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
