// Runs the same storage conformance suite against a real MongoDB when MONGODB_URI is set.
// Without it this file reports its tests as skipped, never as passed.
import { describe } from 'vitest';
import { MongoClient } from 'mongodb';
import { storageConformanceSuite } from './storage.suite.js';

const uri = process.env.MONGODB_URI;

describe.skipIf(!uri)('real MongoDB (MONGODB_URI)', () => {
  storageConformanceSuite('MongoDB', async () => {
    const client = await new MongoClient(uri ?? '', { serverSelectionTimeoutMS: 5000 }).connect();
    return { client, db: client.db('arbot_conformance'), close: () => client.close() };
  });
});
