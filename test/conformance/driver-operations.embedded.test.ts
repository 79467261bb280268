// Runs the driver-operation conformance suite against the embedded store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '../../storage/embedded/index.js';
import { driverOperationsSuite } from './driver-operations.suite.js';

let server: EmbeddedServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-ops-'));
  server = await startEmbeddedServer({ dataDir: dir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

driverOperationsSuite('embedded store', async () => {
  const client = await new MongoClient(server.uri).connect();
  return { client, close: () => client.close() };
});
