// Reading documents: candidates through _id, a whole unique key or a declared index
// (secondary-index.ts), the filter (native where it can, mingo otherwise; see pipeline.ts),
// then sort, skip, limit and projection with MongoDB's semantics.
import { find } from 'mingo';
import { ObjectId } from 'bson';
import { CommandError, ErrorCodes } from '../errors.js';
import type { CollectionState } from './collection.js';
import { compileMatch } from './pipeline.js';
import { isPlainObject, valueKey, type Doc } from './values.js';

export interface FindOptions {
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
}

/** Top-level equality conditions of a filter (`{ a: 1 }` or `{ a: { $eq: 1 } }`), or undefined if there are none usable. */
function equalities(filter: Doc): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$')) continue;
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$eq' && !isPlainObject(v.$eq) && !Array.isArray(v.$eq)) out.set(k, v.$eq);
      continue;
    }
    if (Array.isArray(v) || v instanceof RegExp) continue;
    out.set(k, v);
  }
  return out.size > 0 ? out : undefined;
}

/** Candidate documents for a filter, in natural order: through an index when one applies, else all. */
function candidates(coll: CollectionState, filter: Doc): Doc[] {
  const eq = equalities(filter);
  if (eq?.has('_id')) {
    const id = eq.get('_id');
    if (typeof id === 'string' || typeof id === 'number' || id instanceof ObjectId) {
      const doc = coll.docs.get(valueKey(id));
      return doc ? [doc] : [];
    }
  }
  if (eq) {
    const hit = coll.findByUniqueKey(eq);
    if (hit === null) return [];
    if (hit !== undefined) {
      const doc = coll.docs.get(hit);
      return doc ? [doc] : [];
    }
  }
  return coll.indexCandidates(filter) ?? coll.all();
}

/** Documents matching `filter`, unsorted, in natural order. */
export function matchDocs(coll: CollectionState | undefined, filter: Doc = {}): Doc[] {
  if (!coll) return [];
  const docs = candidates(coll, filter);
  if (Object.keys(filter).length === 0) return docs;
  try {
    return docs.filter(compileMatch(filter));
  } catch (e) {
    throw new CommandError(ErrorCodes.BadValue, `invalid filter: ${(e as Error).message}`);
  }
}

/** find() semantics: filter, then sort, skip, limit, projection. */
export function findDocs(coll: CollectionState | undefined, filter: Doc = {}, opts: FindOptions = {}): Doc[] {
  const matched = matchDocs(coll, filter);
  const sort = opts.sort && Object.keys(opts.sort).filter((k) => k !== '$natural').length > 0 ? opts.sort : undefined;
  const hasProjection = opts.projection && Object.keys(opts.projection).length > 0;
  if (!sort && !hasProjection) {
    const start = opts.skip ?? 0;
    const end = opts.limit ? start + opts.limit : undefined;
    return matched.slice(start, end);
  }
  try {
    let cursor = find(matched, {}, hasProjection ? opts.projection : undefined);
    if (sort) cursor = cursor.sort(sort as Record<string, 1 | -1>);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit) cursor = cursor.limit(opts.limit);
    return cursor.all() as Doc[];
  } catch (e) {
    throw new CommandError(ErrorCodes.BadValue, (e as Error).message);
  }
}

/** Applies a projection to one document (findAndModify's `fields`). */
export function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return find([doc], {}, projection).all()[0] as Doc;
}
