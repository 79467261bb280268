// Declared indexes narrow queries without changing their answers: after any mix of inserts,
// replacements, deletes, journal replay, compaction (snapshot) and renames, every query must
// return exactly the documents (in natural order) that a full scan with mingo returns.
import { Query } from 'mingo';
import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { CollectionState } from './collection.js';
import { matchDocs } from './query.js';
import { Store, WriteBatch } from './store.js';
import type { JournalRecord } from './journal-record.js';
import { valueKey, type Doc } from './values.js';
import { seededRandom } from '../../../test/support/seeded-random.js';

const rng = seededRandom;

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const SPECS = [
  { name: 't_x', key: { t: 1, x: 1 } },
  { name: 't_y_x', key: { t: 1, y: 1, x: -1 } },
  { name: 'nv', key: { 'n.v': 1 } },
  { name: 'tags_x', key: { tags: 1, x: 1 } },
  { name: 'u_unique', key: { u: 1 }, unique: true, sparse: true },
];

function generator(seed: number) {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const scalar = (): unknown =>
    pick([0, 1, 2, 2.5, 3, 5, 8, -1, 'a', 'b', '10', null, true, new Date(BASE), new Date(BASE + 2 * DAY), new Date(BASE + 5 * DAY), new ObjectId('6b071e722c88f82da5513248')]);
  const x = (): unknown => {
    const r = rand();
    if (r < 0.4) return Math.floor(rand() * 10);
    if (r < 0.65) return new Date(BASE + Math.floor(rand() * 10) * DAY);
    if (r < 0.75) return [Math.floor(rand() * 10), Math.floor(rand() * 10)];
    if (r < 0.8) return { v: 1 };
    if (r < 0.85) return Number.NaN;
    return scalar();
  };
  let next = 0;
  const doc = (): Doc => {
    const d: Doc = { _id: rand() < 0.5 ? `id${next++}` : next++ };
    if (rand() < 0.9) d.t = pick(['t1', 't2', null]);
    if (rand() < 0.85) d.x = x();
    if (rand() < 0.8) d.y = rand() < 0.8 ? pick(['open', 'paid', 'void']) : scalar();
    if (rand() < 0.5) d.n = rand() < 0.8 ? { v: scalar() } : [{ v: 1 }, { v: 2 }];
    if (rand() < 0.5) d.tags = rand() < 0.8 ? [pick(['p', 'q']), pick(['q', 'r'])] : rand() < 0.5 ? [] : 'p';
    if (rand() < 0.3) d.u = `u${next}`;
    return d;
  };
  const cond = (): unknown => {
    const r = rand();
    if (r < 0.35) return scalar();
    if (r < 0.5) return { $in: [scalar(), scalar(), scalar()] };
    if (r < 0.8) {
      const lo = rand() < 0.5 ? Math.floor(rand() * 6) : new Date(BASE + Math.floor(rand() * 6) * DAY);
      const hi = lo instanceof Date ? new Date(lo.getTime() + Math.floor(rand() * 5) * DAY) : (lo as number) + Math.floor(rand() * 5);
      const bounds: Doc = {};
      if (rand() < 0.8) bounds[pick(['$gt', '$gte'])] = lo;
      if (rand() < 0.8) bounds[pick(['$lt', '$lte'])] = hi;
      return Object.keys(bounds).length > 0 ? bounds : { $gte: lo };
    }
    if (r < 0.9) return { $eq: scalar(), $ne: 3 };
    return { $gte: 'a' };
  };
  const filter = (): Doc => {
    const f: Doc = {};
    if (rand() < 0.8) f.t = rand() < 0.8 ? pick(['t1', 't2']) : { $in: ['t1', null] };
    for (const field of ['x', 'y', 'n.v', 'tags', 'u']) if (rand() < 0.4) f[field] = cond();
    if (rand() < 0.1) return { $and: [f, { x: cond() }] };
    return f;
  };
  return { rand, pick, doc, filter };
}

/** The reference: a full scan in natural order with mingo. */
function scan(coll: CollectionState, filter: Doc): Doc[] {
  const q = new Query(filter);
  return coll.all().filter((d) => q.test(d));
}

function expectSameAnswers(coll: CollectionState, filters: Doc[]): void {
  for (const f of filters) expect(matchDocs(coll, f), JSON.stringify(f)).toEqual(scan(coll, f));
}

/** Applies random writes through the store, as commands do, and returns the journal. */
function randomWrites(store: Store, seed: number, n: number, every?: (coll: CollectionState) => void): JournalRecord[] {
  const g = generator(seed);
  const batch = new WriteBatch();
  const coll = store.ensureCollection(batch, 'db', 'c');
  for (const spec of SPECS) store.createIndex(batch, coll, spec);
  const live: Doc[] = [];
  for (let i = 0; i < n; i++) {
    if (every && i % 100 === 99) every(coll);
    const r = g.rand();
    if (r < 0.6 || live.length === 0) {
      const d = g.doc();
      if (coll.docs.has(valueKey(d._id))) continue;
      try {
        coll.checkUnique(d, undefined);
      } catch {
        continue;
      }
      store.putDoc(batch, coll, d);
      live.push(d);
    } else if (r < 0.85) {
      // Replace (an update or an upsert onto an existing _id): new field values, same _id.
      const at = Math.floor(g.rand() * live.length);
      const old = live[at] as Doc;
      const d = { ...g.doc(), _id: old._id };
      try {
        coll.checkUnique(d, valueKey(old._id));
      } catch {
        continue;
      }
      store.putDoc(batch, coll, d);
      live[at] = d;
    } else {
      const at = Math.floor(g.rand() * live.length);
      store.deleteDoc(batch, coll, live[at] as Doc);
      live.splice(at, 1);
    }
  }
  return batch.records;
}

describe('secondary indexes', () => {
  it('answer exactly as a full scan after inserts, replacements and deletes', () => {
    const store = new Store();
    const g = generator(5);
    const filters = Array.from({ length: 400 }, g.filter);
    // Queries between the writes sort the buckets, so later writes hit sorted and unsorted parts.
    randomWrites(store, 3, 1500, (coll) => expectSameAnswers(coll, filters.slice(0, 40)));
    expectSameAnswers(store.getCollection('db', 'c') as CollectionState, filters);
  });

  it('narrow equality-prefix and range queries instead of scanning', () => {
    const store = new Store();
    randomWrites(store, 4, 1500);
    const coll = store.getCollection('db', 'c') as CollectionState;
    const cases: Doc[] = [
      { t: 't1', x: { $gte: 2, $lt: 5 } },
      { t: 't1', x: { $gte: new Date(BASE), $lt: new Date(BASE + 3 * DAY) } },
      { t: 't2', y: 'open' },
      { t: { $in: ['t1', 't2'] }, y: { $in: ['open', 'void'] }, x: 3 },
      { 'n.v': 2 },
      { tags: 'q', x: { $lte: 4 } },
    ];
    for (const f of cases) {
      const candidates = coll.indexCandidates(f);
      expect(candidates, JSON.stringify(f)).toBeDefined();
      expect((candidates as Doc[]).length).toBeLessThan(coll.docs.size / 2);
      expect(matchDocs(coll, f)).toEqual(scan(coll, f));
      expect(scan(coll, f).length, JSON.stringify(f)).toBeGreaterThan(0);
    }
    // No usable condition (a string range, or no leading field): no index, a scan.
    expect(coll.indexCandidates({ t: 't1', x: { $gte: 'a' } })?.length ?? coll.docs.size).toBeGreaterThan(coll.docs.size / 4);
    expect(coll.indexCandidates({ y: 'open' })).toBeUndefined();
  });

  it('narrow on a shorter prefix of a longer key', () => {
    const coll = new CollectionState('db', 'c');
    coll.addIndex({ name: 't_y_x', key: { t: 1, y: 1, x: 1 } });
    const g = generator(21);
    for (let i = 0; i < 600; i++) {
      const d: Doc = { ...g.doc(), x: i % 10 }; // indexable keys only: what the index holds is what is counted
      if (!coll.docs.has(valueKey(d._id))) coll.put(d);
    }
    for (const f of [{ t: 't1' }, { t: { $in: ['t2', 'none'] } }, { t: 't1', x: { $gte: 3 } }]) {
      expect(coll.planIndex(f)?.index?.spec.name).toBe('t_y_x');
      const ids = coll.planIndex(f)?.run() ?? [];
      expect(Array.isArray(ids) ? ids.length : ids.size).toBeLessThan(coll.docs.size * 0.5);
      expect(matchDocs(coll, f)).toEqual(scan(coll, f));
    }
  });

  it('are rebuilt the same by journal replay and by a snapshot (compaction)', () => {
    const live = new Store();
    const records = randomWrites(live, 8, 1500);
    const replayed = new Store();
    replayed.replay(records);
    replayed.finishReplay();
    const compacted = new Store();
    compacted.replay(Array.from(live.snapshotRecords()));
    compacted.finishReplay();
    const g = generator(9);
    const filters = Array.from({ length: 300 }, g.filter);
    for (const store of [replayed, compacted]) {
      const coll = store.getCollection('db', 'c') as CollectionState;
      expectSameAnswers(coll, filters);
      for (const f of filters) expect(matchDocs(coll, f)).toEqual(matchDocs(live.getCollection('db', 'c'), f));
    }
  });

  it('follow a rename and a dropped index', () => {
    const store = new Store();
    randomWrites(store, 12, 800);
    const batch = new WriteBatch();
    store.record(batch, { o: 'rn', d: 'db', c: 'c', td: 'db', tc: 'renamed' });
    const coll = store.getCollection('db', 'renamed') as CollectionState;
    const g = generator(13);
    const filters = Array.from({ length: 200 }, g.filter);
    expectSameAnswers(coll, filters);
    expect(coll.indexCandidates({ t: 't1', x: 3 })).toBeDefined();
    store.record(batch, { o: 'di', d: 'db', c: 'renamed', name: 't_x' });
    store.record(batch, { o: 'di', d: 'db', c: 'renamed', name: 't_y_x' });
    expect(coll.planIndex({ t: 't1', x: 3 })?.index?.spec.name).not.toBe('t_x');
    expectSameAnswers(coll, filters);
    // Writes after the rename keep the remaining indexes current.
    const more = generator(14);
    for (let i = 0; i < 300; i++) {
      const d: Doc = { ...more.doc(), _id: `late${i}` };
      delete d.u;
      store.putDoc(batch, coll, d);
    }
    expectSameAnswers(coll, filters);
  });
});
