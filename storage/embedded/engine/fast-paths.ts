// Fast paths for the most common shapes of filters and updates: plain equality filters and
// $set/$unset/$inc on plain dotted paths. mingo handles everything else. mingo builds a fresh
// operator context for every Query and update, which dominated the cost of simple operations.
import { ObjectId } from 'bson';
import { isPlainObject, valueKey, cloneValue, type Doc } from './values.js';

type Scalar = string | number | boolean | null | ObjectId | Date;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof ObjectId || v instanceof Date;
}

/** A plain-equality filter prepared for matching: each path split once, each value keyed once. */
export type Equalities = ReadonlyArray<{ parts: string[]; key: string }>;

/** The filter as prepared equalities when it is nothing but plain field = scalar conditions, else undefined. */
export function plainEqualities(filter: Doc): Equalities | undefined {
  const out: Array<{ parts: string[]; key: string }> = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || !isScalar(v)) return undefined;
    out.push({ parts: k.split('.'), key: valueKey(v) });
  }
  return out;
}

const UNKNOWN = Symbol('unknown');

/** Reads a path; UNKNOWN marks a path through an array, where MongoDB's matching rules need mingo. */
function readPlain(doc: Doc, parts: string[]): unknown {
  let cur: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(cur)) return UNKNOWN;
    if (cur === null || typeof cur !== 'object' || cur instanceof Date || cur instanceof ObjectId) return undefined;
    cur = (cur as Doc)[part];
  }
  return Array.isArray(cur) ? UNKNOWN : cur;
}

/** true/false when decidable without mingo; undefined when an array is involved. */
export function matchesEqualities(doc: Doc, eq: Equalities): boolean | undefined {
  for (const { parts, key } of eq) {
    const got = readPlain(doc, parts);
    if (got === UNKNOWN) return undefined;
    if (valueKey(got) !== key) return false;
  }
  return true;
}

const FAST_OPERATORS = new Set(['$set', '$unset', '$inc']);

/**
 * Applies `$set`/`$unset`/`$inc` on plain dotted paths to a copy of `doc`.
 * Returns undefined when the update needs mingo (positional paths, arrays on the way,
 * overlapping paths, $inc on a non-number), so errors keep mingo's and MongoDB's wording.
 */
export function fastUpdate(doc: Doc, update: Doc): { doc: Doc; changed: boolean } | undefined {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!FAST_OPERATORS.has(op) || !isPlainObject(fields)) return undefined;
    for (const path of Object.keys(fields)) {
      if (path.includes('$') || path.split('.').some((p) => p === '' || /^\d+$/.test(p))) return undefined;
      paths.push(path);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as string;
    const cur = sorted[i] as string;
    if (cur === prev || cur.startsWith(prev + '.')) return undefined;
  }
  const next = cloneValue(doc);
  let changed = false;
  for (const [op, fields] of Object.entries(update) as Array<[string, Doc]>) {
    for (const [path, value] of Object.entries(fields)) {
      const parts = path.split('.');
      const last = parts.pop() as string;
      let parent: Doc | undefined = next;
      for (const part of parts) {
        const child: unknown = parent[part];
        if (child === undefined) {
          if (op === '$unset') {
            parent = undefined;
            break;
          }
          parent[part] = {};
          parent = parent[part] as Doc;
        } else if (isPlainObject(child)) {
          parent = child;
        } else {
          return undefined; // through an array or a scalar: mingo decides (and errors)
        }
      }
      if (!parent) continue;
      const before = parent[last];
      if (op === '$unset') {
        if (before !== undefined || last in parent) {
          delete parent[last];
          changed = true;
        }
      } else if (op === '$set') {
        if (before === undefined || valueKey(before) !== valueKey(value) || typeof before !== typeof value) changed = true;
        parent[last] = cloneValue(value);
      } else {
        if (typeof value !== 'number' || (before !== undefined && typeof before !== 'number')) return undefined;
        const sum = (before ?? 0) + value;
        if (before === undefined || sum !== before) changed = true;
        parent[last] = sum;
      }
    }
  }
  return { doc: next, changed };
}

