// Update semantics: operator updates ($set, $inc, $push … with arrayFilters and the positional $),
// replacement documents, aggregation-pipeline updates, and building the document of an upsert.
import { Aggregator, update as mingoUpdate } from 'mingo';
import { BSON, ObjectId } from 'bson';
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import { cloneValue, isPlainObject, setPath, valueKey, type Doc } from './values.js';
import { fastUpdate } from './fast-paths.js';

const OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll',
  '$addToSet', '$pop', '$currentDate', '$bit', '$setOnInsert',
]);

export type UpdateSpec = Doc | Doc[];

export function isOperatorUpdate(u: UpdateSpec): boolean {
  if (Array.isArray(u)) return false;
  const keys = Object.keys(u);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Rejects malformed update documents the way mongod does. */
export function validateUpdate(u: unknown): UpdateSpec {
  if (Array.isArray(u)) return u as Doc[];
  if (!isPlainObject(u)) throw new CommandError(ErrorCodes.FailedToParse, 'update must be an object or a pipeline');
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length > 0 && ops.length !== keys.length) {
    throw new CommandError(ErrorCodes.FailedToParse, 'an update cannot mix operators and plain fields');
  }
  for (const op of ops) {
    if (!OPERATORS.has(op)) throw new CommandError(ErrorCodes.FailedToParse, `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return u;
}

export interface UpdateOutcome {
  doc: Doc;
  changed: boolean;
}

/** Applies an update to a copy of `doc`; the stored document is never mutated. */
export function applyUpdate(doc: Doc, u: UpdateSpec, opts: { arrayFilters?: Doc[]; query?: Doc; inserting?: boolean }): UpdateOutcome {
  let next: Doc;
  let changed: boolean | undefined;
  if (Array.isArray(u)) {
    next = runPipeline(doc, u);
  } else if (isOperatorUpdate(u)) {
    const { $setOnInsert, ...rest } = u as Doc;
    for (const [op, fields] of Object.entries(rest)) {
      // An upsert's insert may choose the _id ($set or $setOnInsert); an update of a stored document may not change it.
      if (!opts.inserting && isPlainObject(fields) && Object.keys(fields).some((f) => f === '_id' || f.startsWith('_id.'))) {
        if (op !== '$set' || !sameId(fields._id, doc._id)) throw immutableId();
      }
    }
    const fast = fastUpdate(doc, rest);
    if (fast) {
      next = fast.doc;
      changed = fast.changed;
    } else {
      next = cloneValue(doc);
      try {
        mingoUpdate(next, rest, opts.arrayFilters, opts.query);
      } catch (e) {
        throw badValue((e as Error).message);
      }
    }
    if (opts.inserting && isPlainObject($setOnInsert)) {
      for (const [path, value] of Object.entries($setOnInsert)) setPath(next, path, cloneValue(value));
      changed = undefined;
    }
  } else {
    if (u._id !== undefined && !sameId(u._id, doc._id)) throw immutableId();
    next = { _id: doc._id, ...cloneValue(u) };
  }
  if (!opts.inserting && !sameId(next._id, doc._id)) throw immutableId();
  return { doc: next, changed: changed ?? !sameBytes(doc, next) };
}

function runPipeline(doc: Doc, pipeline: Doc[]): Doc {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (!['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith'].includes(name)) {
      throw badValue(`${name} is not allowed to be used within an update`);
    }
  }
  try {
    const [out] = new Aggregator(pipeline).run([cloneValue(doc)]);
    if (!out) throw badValue('pipeline update produced no document');
    return { _id: doc._id, ...(out as Doc) };
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw badValue((e as Error).message);
  }
}

/** The document an upsert inserts: equality fields of the query, then the update. */
export function upsertDocument(query: Doc, u: UpdateSpec, arrayFilters?: Doc[]): Doc {
  const base: Doc = {};
  if (isOperatorUpdate(u) || Array.isArray(u)) {
    for (const [k, v] of Object.entries(query)) {
      if (k.startsWith('$')) continue;
      if (isPlainObject(v)) {
        const keys = Object.keys(v);
        if (keys.length === 1 && keys[0] === '$eq') setPath(base, k, cloneValue(v.$eq));
        else if (!keys.some((x) => x.startsWith('$'))) setPath(base, k, cloneValue(v));
        continue;
      }
      setPath(base, k, cloneValue(v));
    }
    const withId = { _id: base._id ?? new ObjectId(), ...base };
    return applyUpdate(withId, u, { arrayFilters, inserting: true }).doc;
  }
  const id = u._id ?? (isPlainObject(query) && query._id !== undefined && !isPlainObject(query._id) ? query._id : new ObjectId());
  return { _id: id, ...cloneValue(u) };
}

function sameId(a: unknown, b: unknown): boolean {
  return valueKey(a) === valueKey(b);
}

function sameBytes(a: Doc, b: Doc): boolean {
  return Buffer.from(BSON.serialize(a, { ignoreUndefined: true })).equals(BSON.serialize(b, { ignoreUndefined: true }));
}

function immutableId(): CommandError {
  return new CommandError(ErrorCodes.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
}
