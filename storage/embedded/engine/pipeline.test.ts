// Differential test: the native stages, expressions and predicates must give exactly what
// mingo (the embedded store's reference for MongoDB semantics) gives, on generated documents
// with missing fields, nulls, arrays, mixed types and dates. The one intended difference is
// $count on no documents, where MongoDB (and the native stage) returns no document at all.
import { Aggregator, Query } from 'mingo';
import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { CollectionState } from './collection.js';
import { compileMatch, runStages } from './pipeline.js';
import type { Doc } from './values.js';
import { seededRandom } from '../../../test/support/seeded-random.js';

const rng = seededRandom;

const rand = rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const OIDS = [new ObjectId('6b071e722c88f82da5513248'), new ObjectId('6b071e722c88f82da5513249')];

const SCALARS: readonly unknown[] = [0, 1, 1.5, -2, 10, 'a', 'b', 'B', '', true, false, null, new Date(BASE), new Date(BASE + 3 * DAY), OIDS[0]];

function value(depth = 0): unknown {
  const r = rand();
  if (r < 0.55) return pick(SCALARS);
  if (r < 0.7) return new Date(BASE + Math.floor(rand() * 10) * DAY);
  if (r < 0.85 && depth === 0) return Array.from({ length: Math.floor(rand() * 3) }, () => value(1));
  if (depth === 0) return { c: pick(SCALARS), e: rand() < 0.5 ? pick(SCALARS) : undefined };
  return pick(SCALARS);
}

function makeDoc(i: number): Doc {
  const doc: Doc = { _id: `d${i}` };
  for (const f of ['a', 'b', 'd', 's', 'k']) if (rand() < 0.8) doc[f] = f === 'k' ? Math.floor(rand() * 4) : f === 'd' ? (rand() < 0.8 ? new Date(BASE + Math.floor(rand() * 10) * DAY) : value()) : value();
  if (rand() < 0.7) doc.tags = Array.from({ length: Math.floor(rand() * 4) }, () => pick(['x', 'y', 'z', null, 3]));
  if (rand() < 0.6) doc.sub = rand() < 0.8 ? { c: pick(SCALARS), at: new Date(BASE + Math.floor(rand() * 10) * DAY) } : [{ c: pick(SCALARS) }, { c: 1 }];
  if (rand() < 0.8) doc.ref = `r${Math.floor(rand() * 8)}`;
  for (const [k, v] of Object.entries(doc)) if (v === undefined) delete doc[k];
  return doc;
}

const docs = Array.from({ length: 300 }, (_, i) => makeDoc(i));
const others = new CollectionState('db', 'others');
for (let i = 0; i < 60; i++) {
  const doc: Doc = { _id: `o${i}`, n: i };
  const r = rand();
  if (r < 0.7) doc.ref = `r${Math.floor(rand() * 10)}`;
  else if (r < 0.8) doc.ref = null;
  else if (r < 0.9) doc.ref = [`r${Math.floor(rand() * 10)}`, `r${Math.floor(rand() * 10)}`];
  others.put(doc);
}
const ctx = { resolve: (name: string) => (name === 'others' ? others : undefined) };
const mingo = (pipeline: Doc[], input: Doc[]): Doc[] =>
  new Aggregator(pipeline, { collectionResolver: (name: string) => (name === 'others' ? others.all() : []) }).run(input) as Doc[];

function randomCondition(): unknown {
  const r = rand();
  const v = pick(SCALARS);
  if (r < 0.3) return v;
  if (r < 0.4) return { $eq: v };
  if (r < 0.5) return { $ne: v };
  if (r < 0.6) return { $in: [pick(SCALARS), pick(SCALARS)] };
  if (r < 0.65) return { $nin: [pick(SCALARS), null] };
  if (r < 0.8) {
    const lo = rand() < 0.5 ? pick([0, 1, -5]) : new Date(BASE + Math.floor(rand() * 5) * DAY);
    const hi = lo instanceof Date ? new Date(lo.getTime() + Math.floor(rand() * 6) * DAY) : (lo as number) + Math.floor(rand() * 10);
    return { [pick(['$gt', '$gte'])]: lo, [pick(['$lt', '$lte'])]: hi };
  }
  if (r < 0.88) return { $exists: rand() < 0.5 };
  if (r < 0.95) return { $type: pick(['string', 'date', 'bool']) };
  return { $gt: pick(SCALARS) };
}

function randomFilter(): Doc {
  const filter: Doc = {};
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) filter[pick(['a', 'b', 'd', 's', 'k', 'tags', 'sub.c', 'sub.at', 'missing', 'b.c'])] = randomCondition();
  return filter;
}

describe('native $match predicates agree with mingo', () => {
  for (let i = 0; i < 300; i++) {
    const filter = randomFilter();
    it(`filter ${i}: ${JSON.stringify(filter)}`, () => {
      const q = new Query(filter);
      expect(docs.filter(compileMatch(filter))).toEqual(docs.filter((d) => q.test(d)));
    });
  }
});

const EXPRESSIONS: unknown[] = [
  '$a', '$sub.c', '$sub', '$tags', '$missing', '$$ROOT.k', 'literal', 5, null, true,
  { $ifNull: ['$a', 'none'] }, { $ifNull: ['$missing', '$b', 0] },
  { $eq: ['$a', 1] }, { $eq: ['$a', null] }, { $ne: ['$s', 'a'] }, { $gt: ['$a', 0] }, { $lte: ['$d', new Date(BASE + 4 * DAY)] }, { $lt: ['$a', '$b'] },
  { $and: [{ $gt: ['$k', 1] }, '$a'] }, { $or: ['$missing', { $eq: ['$k', 0] }] }, { $not: ['$a'] },
  { $cond: [{ $gte: ['$k', 2] }, 'hi', 'lo'] }, { $cond: { if: '$a', then: '$b', else: '$s' } },
  { $switch: { branches: [{ case: { $eq: ['$k', 0] }, then: 'zero' }, { case: { $in: ['x', { $ifNull: ['$tags', []] }] }, then: 'x' }], default: 'other' } },
  { $in: ['$a', [1, 'a', null]] }, { $size: { $ifNull: ['$tags', []] } }, { $size: '$tags' },
  { $arrayElemAt: ['$tags', 0] }, { $arrayElemAt: ['$tags', -1] }, { $arrayElemAt: ['$missing', 0] },
  { $max: '$tags' }, { $min: '$sub.c' }, { $max: ['$a', '$k'] }, { $type: '$a' }, { $type: '$d' }, { $isNumber: '$a' },
  { $subtract: ['$d', new Date(BASE)] }, { $subtract: ['$k', 1] }, { $divide: [{ $subtract: ['$d', '$sub.at'] }, 60_000] },
  { $multiply: ['$k', 10] }, { $floor: { $multiply: ['$k', 2.5] } }, { $dateToString: { format: '%Y-%m-%d', date: '$d' } },
  { $split: ['$s', 'a'] }, { $arrayElemAt: [{ $split: ['$ref', 'r'] }, 1] },
  { $filter: { input: '$tags', as: 't', cond: { $eq: ['$$t', 'x'] } } }, { $map: { input: { $ifNull: ['$tags', []] }, as: 't', in: { $ifNull: ['$$t', 'n'] } } },
  { $min: { $map: { input: { $filter: { input: { $ifNull: ['$tags', []] }, as: 't', cond: { $ne: ['$$t', null] } } }, as: 't', in: '$$t' } } },
  { day: { $dateToString: { format: '%Y-%m-%d', date: '$d' } }, k: '$k' },
  { $round: [{ $divide: ['$k', 3] }, 2] }, { $round: [{ $multiply: ['$k', 1.25] }, 1] }, { $round: ['$a'] }, { $round: [{ $sum: '$tags' }, 0] },
  { $sum: '$tags' }, { $sum: '$a' }, { $sum: ['$a', '$k', 2] }, { $sum: { $map: { input: { $ifNull: ['$tags', []] }, as: 't', in: { $cond: [{ $eq: ['$$t', 3] }, 1.5, 0] } } } },
];

/** Both give the same documents, or both fail (mingo refuses some operands, e.g. $subtract of a date from a number). */
function sameOutcome(native: () => Doc[], expected: () => Doc[]): void {
  let want: Doc[] | undefined;
  try {
    want = expected();
  } catch {
    expect(native).toThrow();
    return;
  }
  expect(native()).toEqual(want);
}

describe('native expressions agree with mingo', () => {
  EXPRESSIONS.forEach((expr, i) => {
    it(`expression ${i}: ${JSON.stringify(expr)}`, () => {
      const pipeline = [{ $addFields: { out: expr } }];
      sameOutcome(() => runStages(pipeline, docs, ctx), () => mingo(pipeline, docs));
    });
  });
});

const GROUP_KEYS: unknown[] = ['$k', '$a', null, '$missing', { k: '$k', t: { $type: '$d' } }, { $dateToString: { format: '%Y-%m-%d', date: '$d' } }];

function randomStage(): Doc {
  switch (Math.floor(rand() * 11)) {
    case 0:
      return { $match: randomFilter() };
    case 1:
      return { $addFields: { x: pick(EXPRESSIONS), y: pick(EXPRESSIONS) } };
    case 2:
      return { $project: { _id: pick([0, 1]), k: 1, a: 1, x: pick(EXPRESSIONS) } };
    case 3:
      return {
        $group: {
          _id: pick(GROUP_KEYS), n: { $sum: 1 }, s: { $sum: '$a' }, mx: { $max: pick(['$d', '$a', '$k']) }, mn: { $min: pick(['$a', '$s', '$d']) },
          av: { $avg: '$k' }, p: { $push: pick(['$k', '$a', '$missing']) }, set: { $addToSet: pick(['$k', '$s', '$ref', '$missing']) },
        },
      };
    case 4:
      return { $sort: pick([{ k: 1, _id: 1 }, { d: -1, _id: 1 }, { a: 1, _id: -1 }, { s: 1, k: -1, _id: 1 }]) };
    case 5:
      return { $unwind: pick(['$tags', '$a', '$missing']) };
    case 6:
      return { $lookup: { from: 'others', localField: pick(['ref', 'a', 'missing', 'tags', 'sub.c']), foreignField: pick(['ref', 'n', 'nothing']), as: 'joined' } };
    case 7:
      return rand() < 0.5 ? { $limit: 1 + Math.floor(rand() * 50) } : { $sort: pick([{ k: 1, _id: 1 }, { k: -1 }, { d: -1, _id: 1 }]) };
    case 8:
      return { $skip: Math.floor(rand() * 20) };
    case 9:
      return { $facet: { one: [{ $match: randomFilter() }, { $count: 'n' }], two: [{ $group: { _id: '$k', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }] } };
    default:
      return { $count: 'n' };
  }
}

/** mingo's answer with MongoDB's rule for $count on nothing (no document, also inside $facet). */
function reference(pipeline: Doc[], input: Doc[]): Doc[] {
  let cur = input;
  for (const stage of pipeline) {
    if ('$count' in stage && cur.length === 0) {
      cur = [];
      continue;
    }
    if ('$facet' in stage) {
      const row: Doc = {};
      for (const [k, sub] of Object.entries(stage.$facet as Record<string, Doc[]>)) row[k] = reference(sub, cur);
      cur = [row];
      continue;
    }
    cur = mingo([stage], cur);
  }
  return cur;
}

describe('native pipelines agree with mingo', () => {
  for (let i = 0; i < 250; i++) {
    const pipeline = Array.from({ length: 1 + Math.floor(rand() * 4) }, randomStage);
    it(`pipeline ${i}: ${JSON.stringify(pipeline).slice(0, 160)}`, () => {
      const before = JSON.stringify(docs);
      sameOutcome(() => runStages(pipeline, docs, ctx), () => reference(pipeline, docs));
      expect(JSON.stringify(docs)).toBe(before); // stored documents are never changed
    });
  }

  it('returns no document for $count on nothing, as MongoDB does', () => {
    expect(runStages([{ $match: { k: 99 } }, { $count: 'n' }], docs, ctx)).toEqual([]);
  });

  it('keeps the order a $sort defines, ties in input order, with or without a $limit after it', () => {
    for (const tail of [[], [{ $limit: 7 }], [{ $skip: 3 }, { $limit: 20 }], [{ $limit: 250 }]]) {
      const pipeline = [{ $sort: { k: -1 } }, ...tail];
      expect(runStages(pipeline, docs, ctx).map((d) => d._id)).toEqual(mingo(pipeline, docs).map((d) => d._id));
    }
  });
});
