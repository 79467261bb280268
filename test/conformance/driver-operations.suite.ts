// The driver operations arbot and agenda rely on, run through the official driver.
// The same tests run against the embedded store and, when MONGODB_URI is set, a real MongoDB,
// so the embedded store is held to MongoDB's behaviour, not to its own.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { MongoBulkWriteError, MongoServerError, ObjectId, type Db, type MongoClient } from 'mongodb';

export interface DriverTarget {
  client: MongoClient;
  close(): Promise<void>;
}

async function expectServerError(p: Promise<unknown>, code: number): Promise<MongoServerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MongoServerError);
  expect((err as MongoServerError).code).toBe(code);
  return err as MongoServerError;
}

/** Registers the driver-operation conformance tests against the target `connect` returns. */
export function driverOperationsSuite(name: string, connect: () => Promise<DriverTarget>): void {
  describe(`driver operations: ${name}`, () => {
    let target: DriverTarget;
    let db: Db;

    beforeEach(async () => {
      target = await connect();
      db = target.client.db(`arbot_ops_${new ObjectId().toHexString()}`);
    });
    afterEach(async () => {
      await db.dropDatabase();
      await target.close();
    });

    it('answers hello, ping and buildInfo', async () => {
      const admin = target.client.db('admin');
      const hello = await admin.command({ hello: 1 });
      expect(hello.isWritablePrimary).toBe(true);
      expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
      expect((await admin.command({ ping: 1 })).ok).toBe(1);
      const info = await admin.command({ buildInfo: 1 });
      expect(typeof info.version).toBe('string');
    });

    it('round-trips documents with ObjectId, Date, nested objects, arrays and null', async () => {
      const doc = { _id: new ObjectId(), at: new Date('2026-11-20T10:00:00Z'), nested: { a: [1, 2, { b: 'x' }] }, none: null, n: 12450.5 };
      await db.collection('docs').insertOne(doc);
      const back = await db.collection('docs').findOne({ _id: doc._id });
      expect(back).toEqual(doc);
      expect(back?.at).toBeInstanceOf(Date);
      expect(Object.keys(back ?? {})[0]).toBe('_id');
    });

    it('finds with filter, sort, skip, limit and projection', async () => {
      const c = db.collection('items');
      await c.insertMany(Array.from({ length: 30 }, (_, i) => ({ i, even: i % 2 === 0, tag: `t${i % 3}` })));
      const got = await c.find({ even: true, i: { $gte: 4 } }).sort({ i: -1 }).skip(2).limit(3).project({ _id: 0, i: 1 }).toArray();
      expect(got).toEqual([{ i: 24 }, { i: 22 }, { i: 20 }]);
      expect(await c.find({ tag: { $in: ['t1'] }, $or: [{ i: 1 }, { i: 4 }] }).toArray()).toHaveLength(2);
      expect(await c.find({ missing: { $exists: true } }).toArray()).toHaveLength(0);
      expect(await c.findOne({ i: 29 }, { projection: { even: 1, _id: 0 } })).toEqual({ even: false });
    });

    it('pages large results with getMore and closes cursors with killCursors', async () => {
      const c = db.collection('many');
      await c.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
      const all = await c.find({}, { batchSize: 7 }).sort({ i: 1 }).toArray();
      expect(all.map((d) => d.i)).toEqual(Array.from({ length: 250 }, (_, i) => i));
      const cursor = c.find({}, { batchSize: 5 });
      const first = await cursor.next();
      expect(first).not.toBeNull();
      const id = cursor.id;
      expect(id?.isZero()).toBe(false);
      await cursor.close();
      // the driver's close sent killCursors, so the server no longer knows the cursor
      const again = await db.command({ killCursors: 'many', cursors: [id] });
      expect(again.cursorsKilled).toHaveLength(0);
      expect(again.cursorsNotFound).toHaveLength(1);
      expect(await c.countDocuments()).toBe(250);
    });

    it('updates with operators, upserts, arrayFilters, the positional $, replacement and pipelines', async () => {
      interface UpdDoc {
        key: string;
        n?: number;
        lines?: Array<{ sku: string; qty: number }>;
        tags?: string[];
        meta?: { by: string };
        created?: boolean;
        replaced?: boolean;
        copy?: string;
      }
      const c = db.collection<UpdDoc>('upd');
      await c.insertOne({ _id: new ObjectId(), key: 'a', n: 1, lines: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 2 }], tags: ['p'] });
      const r1 = await c.updateOne({ key: 'a' }, { $inc: { n: 2 }, $push: { tags: 'q' }, $set: { 'meta.by': 'sam' } });
      expect(r1.matchedCount).toBe(1);
      expect(r1.modifiedCount).toBe(1);
      await c.updateOne({ key: 'a' }, { $set: { 'lines.$[l].qty': 9 } }, { arrayFilters: [{ 'l.sku': 'y' }] });
      await c.updateOne({ key: 'a', 'lines.sku': 'x' }, { $set: { 'lines.$.qty': 5 } });
      const a = await c.findOne({ key: 'a' });
      expect(a).toMatchObject({ n: 3, tags: ['p', 'q'], meta: { by: 'sam' }, lines: [{ sku: 'x', qty: 5 }, { sku: 'y', qty: 9 }] });

      const noop = await c.updateOne({ key: 'a' }, { $set: { n: 3 } });
      expect(noop.modifiedCount).toBe(0);

      const up = await c.updateOne({ key: 'b' }, { $set: { n: 10 }, $setOnInsert: { created: true } }, { upsert: true });
      expect(up.upsertedCount).toBe(1);
      expect(await c.findOne({ _id: up.upsertedId ?? undefined })).toMatchObject({ key: 'b', n: 10, created: true });
      await c.updateOne({ key: 'b' }, { $set: { n: 11 }, $setOnInsert: { created: false } }, { upsert: true });
      expect(await c.findOne({ key: 'b' })).toMatchObject({ n: 11, created: true });

      const chosen = await c.updateOne({ key: 'c' }, { $set: { n: 1 }, $setOnInsert: { _id: 'chosen-id' as unknown as ObjectId } }, { upsert: true });
      expect(String(chosen.upsertedId)).toBe('chosen-id');
      await c.deleteOne({ key: 'c' });

      const many = await c.updateMany({}, { $unset: { n: '' } });
      expect(many.matchedCount).toBe(2);
      expect(await c.countDocuments({ n: { $exists: true } })).toBe(0);

      await c.replaceOne({ key: 'b' }, { key: 'b', replaced: true });
      expect(await c.findOne({ key: 'b' }, { projection: { _id: 0 } })).toEqual({ key: 'b', replaced: true });

      await c.updateOne({ key: 'b' }, [{ $set: { copy: '$key' } }]);
      expect(await c.findOne({ key: 'b' })).toMatchObject({ copy: 'b' });

      await expectServerError(c.updateOne({ key: 'b' }, { $set: { _id: new ObjectId() } }), 66);
    });

    it('deletes one or many', async () => {
      const c = db.collection('del');
      await c.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
      expect((await c.deleteOne({ g: 1 })).deletedCount).toBe(1);
      expect((await c.deleteMany({ g: { $gte: 1 } })).deletedCount).toBe(2);
      expect((await c.deleteMany({})).deletedCount).toBe(0);
    });

    it('findAndModify with sort, upsert, returnDocument and remove', async () => {
      const c = db.collection('fam');
      await c.insertMany([{ q: 'x', p: 2 }, { q: 'x', p: 1 }, { q: 'x', p: 3 }]);
      const before = await c.findOneAndUpdate({ q: 'x' }, { $set: { taken: true } }, { sort: { p: 1 }, returnDocument: 'before' });
      expect(before).toMatchObject({ p: 1 });
      expect(before?.taken).toBeUndefined();
      const after = await c.findOneAndUpdate({ q: 'x', taken: { $ne: true } }, { $set: { taken: true } }, { sort: { p: -1 }, returnDocument: 'after' });
      expect(after).toMatchObject({ p: 3, taken: true });
      const created = await c.findOneAndUpdate({ q: 'y' }, { $set: { p: 9 } }, { upsert: true, returnDocument: 'after' });
      expect(created).toMatchObject({ q: 'y', p: 9 });
      const none = await c.findOneAndUpdate({ q: 'zzz' }, { $set: { p: 0 } });
      expect(none).toBeNull();
      const replaced = await c.findOneAndReplace({ q: 'y' }, { q: 'y', p: 10 }, { returnDocument: 'after', projection: { _id: 0 } });
      expect(replaced).toEqual({ q: 'y', p: 10 });
      const removed = await c.findOneAndDelete({ q: 'x' }, { sort: { p: -1 } });
      expect(removed).toMatchObject({ p: 3 });
      expect(await c.countDocuments()).toBe(3);
    });

    it('findAndModify is atomic: 20 concurrent claims, one winner', async () => {
      const c = db.collection('claims');
      const { insertedId } = await c.insertOne({ owner: null });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          c.findOneAndUpdate({ _id: insertedId, owner: null }, { $set: { owner: `user${i}` } }, { returnDocument: 'after' }),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await c.findOne({ _id: insertedId }))?.owner).toBe(winners[0]?.owner);
    });

    it('aggregates with $match, $group, $facet, $dateTrunc, $lookup, $sort and $limit', async () => {
      const inv = db.collection('invoices');
      const cust = db.collection('customers');
      await cust.insertMany([{ sorId: 'C1', name: 'Acme' }, { sorId: 'C2', name: 'Bergmann' }]);
      await inv.insertMany([
        { customerSorId: 'C1', amount: 100, at: new Date('2026-11-02T10:00:00Z') },
        { customerSorId: 'C1', amount: 50, at: new Date('2026-11-02T18:00:00Z') },
        { customerSorId: 'C2', amount: 70, at: new Date('2026-11-03T09:00:00Z') },
      ]);
      const byCustomer = await inv.aggregate([
        { $match: { amount: { $gt: 10 } } },
        { $group: { _id: '$customerSorId', total: { $sum: '$amount' }, n: { $sum: 1 } } },
        { $sort: { total: -1 } },
        { $lookup: { from: 'customers', localField: '_id', foreignField: 'sorId', as: 'customer' } },
        { $project: { total: 1, n: 1, name: { $arrayElemAt: ['$customer.name', 0] } } },
      ]).toArray();
      expect(byCustomer).toEqual([{ _id: 'C1', total: 150, n: 2, name: 'Acme' }, { _id: 'C2', total: 70, n: 1, name: 'Bergmann' }]);

      const [facets] = await inv.aggregate([
        { $facet: {
          perDay: [{ $group: { _id: { $dateTrunc: { date: '$at', unit: 'day' } }, n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
          top: [{ $sort: { amount: -1 } }, { $limit: 1 }, { $project: { _id: 0, amount: 1 } }],
        } },
      ]).toArray();
      expect(facets?.perDay).toEqual([{ _id: new Date('2026-11-02T00:00:00Z'), n: 2 }, { _id: new Date('2026-11-03T00:00:00Z'), n: 1 }]);
      expect(facets?.top).toEqual([{ amount: 100 }]);
    });

    it('counts and distinct values', async () => {
      const c = db.collection('cnt');
      await c.insertMany([{ t: 'a', tags: ['x', 'y'] }, { t: 'b', tags: ['y'] }, { t: 'a' }]);
      expect(await c.countDocuments({ t: 'a' })).toBe(2);
      expect(await c.countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
      expect(await c.estimatedDocumentCount()).toBe(3);
      expect((await c.distinct('t')).sort()).toEqual(['a', 'b']);
      expect((await c.distinct('tags')).sort()).toEqual(['x', 'y']);
      expect(await c.distinct('t', { tags: 'x' })).toEqual(['a']);
    });

    it('creates, lists and drops indexes; unique indexes are enforced with E11000', async () => {
      const c = db.collection('uniq');
      await c.createIndex({ tenantId: 1, number: 1 }, { unique: true, name: 'tenant_number' });
      await c.createIndex({ tenantId: 1, number: 1 }, { unique: true, name: 'tenant_number' }); // idempotent
      await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { email: { $type: 'string' } } });
      const names = (await c.listIndexes().toArray()).map((i) => i.name).sort();
      expect(names).toEqual(['_id_', 'email_1', 'tenant_number']);

      await c.insertOne({ tenantId: 't', number: 'INV-1' });
      const dup = await expectServerError(c.insertOne({ tenantId: 't', number: 'INV-1' }), 11000);
      expect(dup.keyValue).toEqual({ tenantId: 't', number: 'INV-1' });
      await c.insertOne({ tenantId: 'other', number: 'INV-1' });
      await c.insertMany([{ tenantId: 't', number: 'INV-2' }, { tenantId: 't', number: 'INV-3' }]);
      await expectServerError(c.updateOne({ number: 'INV-3', tenantId: 't' }, { $set: { number: 'INV-2' } }), 11000);
      await expectServerError(c.findOneAndUpdate({ number: 'INV-3', tenantId: 't' }, { $set: { number: 'INV-2' } }), 11000);
      expect(await c.countDocuments({ number: 'INV-3' })).toBe(1);

      // partial index: documents without an email string do not collide
      await c.insertMany([{ tenantId: 'p', number: 'A' }, { tenantId: 'p', number: 'B' }]);
      await c.insertOne({ tenantId: 'p', number: 'C', email: 'a@x' });
      await expectServerError(c.insertOne({ tenantId: 'p', number: 'D', email: 'a@x' }), 11000);

      const dupId = new ObjectId();
      await c.insertOne({ _id: dupId, tenantId: 'q', number: '1' });
      await expectServerError(c.insertOne({ _id: dupId, tenantId: 'q', number: '2' }), 11000);

      const other = db.collection('dups');
      await other.insertMany([{ k: 1 }, { k: 1 }]);
      await expectServerError(other.createIndex({ k: 1 }, { unique: true }), 11000);
      expect((await other.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);

      await c.dropIndex('email_1');
      expect((await c.listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'tenant_number']);
      await expectServerError(c.dropIndex('nope'), 27);
      await c.dropIndexes();
      expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    });

    it('reports write errors of ordered and unordered bulk writes', async () => {
      const c = db.collection('bulk');
      await c.createIndex({ k: 1 }, { unique: true });
      const ordered = await c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]).catch((e: unknown) => e);
      expect(ordered).toBeInstanceOf(MongoBulkWriteError);
      expect(await c.countDocuments()).toBe(1);
      const unordered = await c.insertMany([{ k: 3 }, { k: 1 }, { k: 4 }], { ordered: false }).catch((e: unknown) => e);
      expect(unordered).toBeInstanceOf(MongoBulkWriteError);
      expect((unordered as MongoBulkWriteError).writeErrors).toHaveLength(1);
      expect(await c.countDocuments()).toBe(3);
      const res = await c.bulkWrite([
        { updateOne: { filter: { k: 5 }, update: { $set: { v: 1 } }, upsert: true } },
        { updateMany: { filter: { k: { $lte: 3 } }, update: { $set: { low: true } } } },
        { deleteOne: { filter: { k: 4 } } },
        { replaceOne: { filter: { k: 3 }, replacement: { k: 3, r: true } } },
      ]);
      expect(res.upsertedCount).toBe(1);
      expect(res.modifiedCount).toBe(3);
      expect(res.deletedCount).toBe(1);
    });

    it('lists, creates, renames and drops collections and databases', async () => {
      await db.createCollection('one');
      await db.collection('two').insertOne({ x: 1 });
      expect((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort()).toEqual(['one', 'two']);
      expect((await db.listCollections({ name: 'two' }).toArray()).map((c) => c.name)).toEqual(['two']);
      await expectServerError(db.createCollection('one'), 48);
      await db.renameCollection('two', 'three');
      expect(await db.collection('three').countDocuments()).toBe(1);
      expect(await db.collection('two').countDocuments()).toBe(0);
      expect(await db.collection('three').drop()).toBe(true);
      expect((await db.listCollections().toArray()).map((c) => c.name)).toEqual(['one']);
      const dbs = await target.client.db('admin').admin().listDatabases();
      expect(dbs.databases.map((d) => d.name)).toContain(db.databaseName);
    });

    it('answers an unknown command with a MongoDB error and keeps serving', async () => {
      await expectServerError(db.command({ definitelyNotACommand: 1 }), 59);
      expect((await db.command({ ping: 1 })).ok).toBe(1);
    });
  });
}
