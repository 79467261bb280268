// Declared indexes used to narrow queries. Every index key pattern is kept as buckets keyed by
// the values of all fields but the last, each bucket holding (value of the last field, id)
// entries sorted lazily on first use. A query narrows through an index when it has equality
// (or $in) on a prefix of the key, plus equality or a date/number range on the last field
// once every earlier field is fixed. The candidates are a superset of the matching documents:
// the matcher still runs on them, so an index only saves work and never changes a result.
// Documents whose key values cannot be ordered like MongoDB orders them (objects, arrays where
// a range or nested path is involved, NaN, Decimal128 …) sit in `always` and are always candidates.
import { ObjectId } from 'bson';
import { isPlainObject, valueKey, type Doc } from './values.js';
import type { IndexSpec } from './index-spec.js';

/** Type classes in MongoDB's comparison order (null/missing < numbers < strings < ObjectId < bool < date). */
const NULL = 1;
const NUMBER = 2;
const STRING = 3;
const OBJECT_ID = 7;
const BOOL = 8;
const DATE = 9;

interface Key {
  c: number;
  v: number | string;
}

interface Entry extends Key {
  id: string;
}

/** The ordered key of a scalar, or undefined when it is not one we order (objects, arrays, NaN, bson numerics …). */
export function scalarKey(v: unknown): Key | undefined {
  if (v === undefined || v === null) return { c: NULL, v: 0 };
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : { c: NUMBER, v: Object.is(v, -0) ? 0 : v };
  if (typeof v === 'string') return { c: STRING, v };
  if (typeof v === 'boolean') return { c: BOOL, v: v ? 1 : 0 };
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : { c: DATE, v: t };
  }
  if (v instanceof ObjectId) return { c: OBJECT_ID, v: v.toHexString() };
  return undefined;
}

function cmpKey(a: Key, b: Key): number {
  if (a.c !== b.c) return a.c - b.c;
  return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
}

const UNINDEXABLE = Symbol('unindexable');

/** The value at a path; UNINDEXABLE when the path crosses an array (MongoDB's multikey rules). */
function readPath(doc: Doc, parts: readonly string[]): unknown {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (Array.isArray(cur)) return UNINDEXABLE;
    if (cur === null || cur === undefined || typeof cur !== 'object' || cur instanceof Date || cur instanceof ObjectId) return undefined;
    if (!isPlainObject(cur)) return UNINDEXABLE;
    cur = (cur as Doc)[parts[i] as string];
  }
  return cur;
}

const SEP = '\u0001';

/**
 * A value's part of a bucket key: a string as it is (no new string per document), anything
 * else tagged. Two different values can only collide when a string imitates a tag, which
 * merely widens the candidates.
 */
function keyPart(v: unknown): string {
  return typeof v === 'string' ? v : '\u0002' + valueKey(v);
}

/** Whether the index can hold a value (scalars of the types it orders). */
function indexable(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v)) || v instanceof ObjectId || (v instanceof Date && !Number.isNaN(v.getTime()));
}

/** A range or set of values on one field, read from a filter. */
export interface FieldCondition {
  eq?: unknown[];
  lo?: { k: Key; inc: boolean };
  hi?: { k: Key; inc: boolean };
}

const MAX_IN = 500;

function eqValue(v: unknown): boolean {
  return scalarKey(v) !== undefined;
}

/**
 * Necessary conditions per field of a filter: top-level fields (and those of a top-level $and).
 * Only scalar equality, $eq, $in of scalars and $gt/$gte/$lt/$lte on dates or numbers are read;
 * anything else is ignored, which only widens the candidates.
 */
export function fieldConditions(filter: Doc, out = new Map<string, FieldCondition>()): Map<string, FieldCondition> {
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) fieldConditions(part, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    const cond: FieldCondition = out.get(field) ?? {};
    if (isPlainObject(value)) {
      const ops = Object.keys(value);
      if (ops.length === 0 || !ops.every((o) => o.startsWith('$'))) continue; // a literal document: no narrowing
      for (const op of ops) {
        const arg = value[op];
        if (op === '$eq' && eqValue(arg)) cond.eq = [arg];
        else if (op === '$in' && Array.isArray(arg) && arg.length <= MAX_IN && arg.every(eqValue)) cond.eq ??= arg;
        else if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') {
          const k = scalarKey(arg);
          if (!k || (k.c !== DATE && k.c !== NUMBER)) continue;
          const bound = { k, inc: op.endsWith('e') };
          if (op.startsWith('$g')) cond.lo = bound;
          else cond.hi = bound;
        }
      }
      if (cond.lo && cond.hi && cond.lo.k.c !== cond.hi.k.c) {
        // Different types on the two sides match nothing in MongoDB; leave it to the matcher.
        delete cond.lo;
        delete cond.hi;
      }
    } else if (eqValue(value) && !(value instanceof RegExp)) {
      cond.eq = [value];
    } else {
      continue;
    }
    out.set(field, cond);
  }
  return out;
}

/** Entries of one bucket: a sorted prefix, then entries appended out of order (sorted on the next read). */
interface Bucket {
  entries: Entry[];
  sortedUpTo: number;
}

export interface IndexPlan {
  index: SecondaryIndex | undefined;
  score: number;
  run(): Set<string> | string[];
}

export class SecondaryIndex {
  private readonly prefix: string[][];
  private readonly last: string[];
  private readonly buckets = new Map<string, Bucket>();
  private readonly always = new Set<string>();
  /** Set once some document has several entries (an array in a prefix field). */
  private multikey = false;

  constructor(readonly spec: IndexSpec) {
    const fields = Object.keys(spec.key).map((f) => f.split('.'));
    this.last = fields.pop() as string[];
    this.prefix = fields;
  }

  get fieldNames(): string[] {
    return [...this.prefix, this.last].map((p) => p.join('.'));
  }

  /** Whether this key pattern can be kept here (ascending/descending fields only). */
  static supports(spec: IndexSpec): boolean {
    return Object.values(spec.key).every((v) => v === 1 || v === -1) && !('_id' in spec.key && Object.keys(spec.key).length === 1);
  }

  /** Bucket keys and last-field key of a document, or undefined when it belongs in `always`. */
  private keysOf(doc: Doc): { buckets: string[]; last: Key } | undefined {
    let key = '';
    let combos: string[] | undefined; // several bucket keys: an array in a prefix field
    for (let i = 0; i < this.prefix.length; i++) {
      const v = readPath(doc, this.prefix[i] as string[]);
      if (v === UNINDEXABLE) return undefined;
      const sep = i === 0 ? '' : SEP;
      if (Array.isArray(v)) {
        if (v.length === 0 || combos) return undefined; // [] and several array fields: leave to the matcher
        if (!v.every(indexable)) return undefined;
        combos = [...new Set(v.map((x) => key + sep + keyPart(x)))];
        continue;
      }
      if (!indexable(v)) return undefined;
      const part = keyPart(v);
      if (combos) combos = combos.map((c) => c + sep + part);
      else key = i === 0 ? part : key + sep + part;
    }
    const lastValue = readPath(doc, this.last);
    if (lastValue === UNINDEXABLE || Array.isArray(lastValue)) return undefined;
    const last = scalarKey(lastValue);
    if (!last) return undefined;
    return { buckets: combos ?? [key], last };
  }

  add(doc: Doc, id: string): void {
    const keys = this.keysOf(doc);
    if (!keys) {
      this.always.add(id);
      return;
    }
    if (keys.buckets.length > 1) this.multikey = true;
    for (const b of keys.buckets) {
      let bucket = this.buckets.get(b);
      if (!bucket) this.buckets.set(b, (bucket = { entries: [], sortedUpTo: 0 }));
      const list = bucket.entries;
      const entry: Entry = { c: keys.last.c, v: keys.last.v, id };
      // In key order (dates as they come): extend the sorted prefix; else append to the tail.
      const inOrder = bucket.sortedUpTo === list.length && (list.length === 0 || cmpKey(list[list.length - 1] as Entry, entry) <= 0);
      list.push(entry);
      if (inOrder) bucket.sortedUpTo++;
      // Keep the unsorted tail short, so removals from it stay cheap under writes without reads.
      else if (list.length - bucket.sortedUpTo > Math.max(1024, list.length >> 3)) this.sortedEntries(bucket);
    }
  }

  /** Replaces `old` by `doc` (same id): nothing to do when the indexed values did not change. */
  replace(old: Doc, doc: Doc, id: string): void {
    const before = this.keysOf(old);
    const after = this.keysOf(doc);
    if (
      before &&
      after &&
      before.last.c === after.last.c &&
      before.last.v === after.last.v &&
      before.buckets.length === after.buckets.length &&
      before.buckets.every((b, i) => b === after.buckets[i])
    ) {
      return;
    }
    this.remove(old, id);
    this.add(doc, id);
  }

  remove(doc: Doc, id: string): void {
    const keys = this.keysOf(doc);
    if (!keys) {
      this.always.delete(id);
      return;
    }
    for (const b of keys.buckets) {
      const bucket = this.buckets.get(b);
      if (!bucket) continue;
      const list = bucket.entries;
      let at = -1;
      for (let i = lowerBound(list, keys.last, false, bucket.sortedUpTo); i < bucket.sortedUpTo && cmpKey(list[i] as Entry, keys.last) === 0; i++) {
        if ((list[i] as Entry).id === id) {
          at = i;
          break;
        }
      }
      if (at >= 0) {
        list.splice(at, 1);
        bucket.sortedUpTo--;
      } else {
        for (let i = list.length - 1; i >= bucket.sortedUpTo; i--) {
          if ((list[i] as Entry).id === id) {
            list[i] = list[list.length - 1] as Entry;
            list.pop();
            break;
          }
        }
      }
      if (list.length === 0) this.buckets.delete(b);
    }
  }

  private sortedEntries(bucket: Bucket): Entry[] {
    if (bucket.sortedUpTo < bucket.entries.length) {
      bucket.entries.sort(cmpKey);
      bucket.sortedUpTo = bucket.entries.length;
    }
    return bucket.entries;
  }

  /** A plan for the conditions, or undefined when this index cannot narrow them. */
  plan(conds: Map<string, FieldCondition>): IndexPlan | undefined {
    const eqs: unknown[][] = [];
    for (const parts of this.prefix) {
      const c = conds.get(parts.join('.'));
      if (!c?.eq) break;
      eqs.push(c.eq);
    }
    if (eqs.length === 0 && this.prefix.length > 0) return undefined;
    let combos = [''];
    eqs.forEach((values, i) => {
      const next: string[] = [];
      for (const c of combos) for (const v of values) next.push(i === 0 ? keyPart(v) : c + SEP + keyPart(v));
      combos = [...new Set(next)];
    });
    if (combos.length > MAX_IN) return undefined;
    const full = eqs.length === this.prefix.length;
    const lastCond = full ? conds.get(this.last.join('.')) : undefined;
    const lastUsable = lastCond && (lastCond.eq || lastCond.lo || lastCond.hi);
    if (eqs.length === 0 && !lastUsable) return undefined;
    const score = eqs.length * 2 + (full ? 1 : 0) + (lastUsable ? (lastCond.eq ? 2 : 1) : 0);
    return {
      index: this,
      score,
      run: () => {
        const out: string[] = [];
        const multiple = combos.length > 1 || (lastCond?.eq?.length ?? 0) > 1 || this.multikey;
        if (full) {
          for (const combo of combos) {
            const bucket = this.buckets.get(combo);
            if (!bucket) continue;
            if (!lastUsable) {
              for (const e of bucket.entries) out.push(e.id);
              continue;
            }
            const list = this.sortedEntries(bucket);
            if (lastCond.eq) {
              for (const v of lastCond.eq) {
                const k = scalarKey(v) as Key;
                for (let i = lowerBound(list, k, false); i < list.length && cmpKey(list[i] as Entry, k) === 0; i++) out.push((list[i] as Entry).id);
              }
            } else {
              const cls = (lastCond.lo ?? lastCond.hi)?.k.c as number;
              const from = lastCond.lo ? lowerBound(list, lastCond.lo.k, !lastCond.lo.inc) : lowerBound(list, { c: cls, v: -Infinity }, false);
              for (let i = from; i < list.length; i++) {
                const e = list[i] as Entry;
                if (e.c !== cls) break;
                if (lastCond.hi) {
                  const d = cmpKey(e, lastCond.hi.k);
                  if (d > 0 || (d === 0 && !lastCond.hi.inc)) break;
                }
                out.push(e.id);
              }
            }
          }
        } else {
          for (const [key, bucket] of this.buckets) {
            if (!combos.some((c) => key.startsWith(c + SEP))) continue;
            for (const e of bucket.entries) out.push(e.id);
          }
        }
        for (const id of this.always) out.push(id);
        return multiple || this.always.size > 0 ? new Set(out) : out;
      },
    };
  }

}

/** First position in list[0, end) whose key is >= k (or > k when `strict`). */
function lowerBound(list: readonly Key[], k: Key, strict: boolean, end = list.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = cmpKey(list[mid] as Key, k);
    if (d < 0 || (strict && d === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
