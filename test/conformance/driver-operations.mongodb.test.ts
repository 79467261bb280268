// Runs the same driver-operation suite against a real MongoDB when MONGODB_URI is set.
// Without it this file reports its tests as skipped, never as passed.
import { describe } from 'vitest';
import { MongoClient } from 'mongodb';
import { driverOperationsSuite } from './driver-operations.suite.js';

const uri = process.env.MONGODB_URI;

describe.skipIf(!uri)('real MongoDB (MONGODB_URI)', () => {
  driverOperationsSuite('MongoDB', async () => {
    const client = await new MongoClient(uri as string, { serverSelectionTimeoutMS: 5000 }).connect();
    return { client, close: () => client.close() };
  });
});
