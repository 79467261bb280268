// The fast paths must agree with mingo (MongoDB semantics) wherever they answer, and step
// aside (undefined) where they cannot tell.
import { update as mingoUpdate, Query } from 'mingo';
import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { fastUpdate, matchesEqualities, plainEqualities } from './fast-paths.js';
import { cloneValue, type Doc } from './values.js';

const docs: Doc[] = [
  { _id: 1, a: 1, b: { c: 'x' }, d: null },
  { _id: 2, a: '1', b: { c: 'y' } },
  { _id: 3, a: 1.0, b: [{ c: 'x' }] },
  { _id: 4, tags: ['x', 'y'], at: new Date(5), ref: new ObjectId('6b071e722c88f82da5513248') },
  { _id: 5 },
];

describe('equality fast path', () => {
  const filters: Doc[] = [
    { a: 1 }, { a: '1' }, { 'b.c': 'x' }, { d: null }, { missing: null }, { tags: 'x' },
    { at: new Date(5) }, { ref: new ObjectId('6b071e722c88f82da5513248') }, { a: 1, 'b.c': 'x' }, { a: true },
  ];
  for (const filter of filters) {
    it(`agrees with mingo on ${JSON.stringify(filter)}`, () => {
      const eq = plainEqualities(filter);
      expect(eq).toBeDefined();
      const q = new Query(filter);
      for (const doc of docs) {
        const fast = matchesEqualities(doc, eq as NonNullable<typeof eq>);
        if (fast !== undefined) expect(fast, JSON.stringify(doc)).toBe(q.test(doc));
      }
    });
  }
  it('declines filters with operators or documents', () => {
    expect(plainEqualities({ a: { $gt: 1 } })).toBeUndefined();
    expect(plainEqualities({ $or: [{ a: 1 }] })).toBeUndefined();
    expect(plainEqualities({ b: { c: 'x' } })).toBeUndefined();
  });
  it('steps aside for paths through arrays', () => {
    expect(matchesEqualities(docs[2] as Doc, plainEqualities({ 'b.c': 'x' }) as never)).toBeUndefined();
    expect(matchesEqualities(docs[3] as Doc, plainEqualities({ tags: 'x' }) as never)).toBeUndefined();
  });
});

describe('update fast path', () => {
  const updates: Doc[] = [
    { $set: { a: 2 } }, { $set: { a: 1 } }, { $set: { 'b.c': 'z', 'n.e.w': true } }, { $unset: { a: '' } },
    { $unset: { 'no.such': '' } }, { $inc: { a: 5 } }, { $inc: { counter: 1 } }, { $set: { at: new Date(9) } },
    { $set: { b: { c: 'x' } } }, { $inc: { a: 0 } },
  ];
  for (const update of updates) {
    it(`agrees with mingo on ${JSON.stringify(update)}`, () => {
      const base: Doc = { _id: 1, a: 1, b: { c: 'x' }, at: new Date(5) };
      const fast = fastUpdate(base, update);
      expect(fast).toBeDefined();
      const expected = cloneValue(base);
      const changedPaths = mingoUpdate(expected, update as never);
      expect(fast?.doc).toEqual(expected);
      expect(fast?.changed).toBe(changedPaths.length > 0);
      expect(base).toEqual({ _id: 1, a: 1, b: { c: 'x' }, at: new Date(5) });
    });
  }
  it('steps aside where MongoDB has special rules', () => {
    const base: Doc = { _id: 1, arr: [{ q: 1 }], s: 'text', n: 1 };
    expect(fastUpdate(base, { $set: { 'arr.0.q': 2 } })).toBeUndefined();
    expect(fastUpdate(base, { $set: { 'arr.$.q': 2 } })).toBeUndefined();
    expect(fastUpdate(base, { $set: { 'arr.q': 2 } })).toBeUndefined();
    expect(fastUpdate(base, { $inc: { s: 1 } })).toBeUndefined();
    expect(fastUpdate(base, { $set: { 's.x': 1 } })).toBeUndefined();
    expect(fastUpdate(base, { $set: { n: 1 }, $inc: { n: 1 } })).toBeUndefined();
    expect(fastUpdate(base, { $push: { arr: 1 } })).toBeUndefined();
  });
});
