// Bulk writes of the SoR sync: upserts that tell inserted, updated and unchanged records
// apart (by a content hash), a "seen in run" mark for the sweep that finds records the SoR
// no longer has, and deletes by key. Every write filters on a whole unique key, so each
// operation is an index lookup in MongoDB and in the embedded store alike.
import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation, Collection, Document, Filter } from 'mongodb';
import { canonicalJson } from '../canonical-json.js';
import { errorMessage } from '../errors.js';
import { newId } from './doc.js';

/** What a sync upsert did; `failed` names records the store refused (e.g. a duplicate invoice number). */
export interface SyncUpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: Array<{ index: number; message: string }>;
}

export interface SyncWriteSpec<R> {
  /** The unique key of a record, tenant included. */
  keyOf(record: R): Document;
  /** The stored fields of a record (without key, timestamps and bookkeeping). */
  docOf(record: R): Document;
  /** Optional fields removed from a stored record when the SoR no longer sends them. */
  optionalFields?: readonly string[];
  /** Local fields set only when a record is first inserted (e.g. `enrolled`). */
  onInsert?(record: R): Document;
  /** Name of the unique index on the key, to tell "already stored" from a clash on another unique index. */
  keyIndex: string;
}

/** The field that marks the sync run that last saw a record. */
export const SEEN_FIELD = 'syncRunId';
const HASH_FIELD = 'sorHash';

function hashOf(doc: Document): string {
  return createHash('sha1').update(canonicalJson(doc)).digest('base64url');
}

/** The per-operation failures of a bulk write error, by operation index. */
function failuresOf(e: unknown): Array<{ index: number; message: string }> | undefined {
  const list = typeof e === 'object' && e !== null ? (e as { writeErrors?: unknown }).writeErrors : undefined;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((w: { index?: unknown; errmsg?: unknown; message?: unknown }) => ({
    index: typeof w.index === 'number' ? w.index : -1,
    message: typeof w.errmsg === 'string' ? w.errmsg : typeof w.message === 'string' ? w.message : 'write failed',
  }));
}

interface BulkOutcome {
  modified: number;
  failed: Array<{ index: number; message: string }>;
}

async function bulk(collection: Collection<Document>, ops: AnyBulkWriteOperation<Document>[]): Promise<BulkOutcome> {
  if (ops.length === 0) return { modified: 0, failed: [] };
  try {
    const r = await collection.bulkWrite(ops, { ordered: false });
    return { modified: r.modifiedCount, failed: [] };
  } catch (e) {
    const failed = failuresOf(e);
    if (!failed) throw e;
    // Unordered: everything but the failed operations was written; the result rides on the error.
    const result = (e as { result?: { modifiedCount?: number } }).result;
    return {
      modified: result?.modifiedCount ?? 0,
      failed: failed.map((f) => ({ ...f, message: errorMessage(f.message) })),
    };
  }
}

/**
 * Upserts records and (with `markSeen`) marks them seen by `runId`. New records go in with one
 * unordered insertMany (the cheap path, and the whole of a first sync); records whose key
 * already exists are then rewritten only when their content hash changed, so unchanged
 * records keep their `updatedAt` and cost no write unless they must be marked.
 */
export async function syncUpsert<R>(
  collection: Collection<Document>,
  records: readonly R[],
  spec: SyncWriteSpec<R>,
  runId: string,
  now: Date,
  options: { markSeen: boolean } = { markSeen: true },
): Promise<SyncUpsertResult> {
  if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0, failed: [] };
  const prepared = records.map((r) => {
    const doc = spec.docOf(r);
    return { key: spec.keyOf(r), doc, hash: hashOf(doc), onInsert: spec.onInsert?.(r) ?? {} };
  });
  const failed: Array<{ index: number; message: string }> = [];
  const existing: number[] = [];
  const ambiguous: number[] = [];
  let inserted = records.length;
  try {
    // Our ids are strings (see doc.ts), which the driver's default Document typing does not expect.
    await (collection as unknown as Collection<Document & { _id: string }>).insertMany(
      prepared.map(({ key, doc, hash, onInsert }) => ({ _id: newId(), ...doc, ...key, [HASH_FIELD]: hash, [SEEN_FIELD]: runId, createdAt: now, updatedAt: now, ...onInsert })),
      { ordered: false },
    );
  } catch (e) {
    const failures = failuresOf(e);
    if (!failures) throw e;
    inserted -= failures.length;
    for (const f of failures) {
      if (!/E11000/.test(f.message)) failed.push({ index: f.index, message: errorMessage(f.message) });
      else if (f.message.includes(`index: ${spec.keyIndex} `)) existing.push(f.index);
      // A clash on another unique index (an invoice number) may hide that the key exists too.
      else ambiguous.push(f.index);
    }
  }
  const update = (i: number): AnyBulkWriteOperation<Document> => {
    const { key, doc, hash } = prepared[i] as (typeof prepared)[number];
    const unset = (spec.optionalFields ?? []).filter((f) => doc[f] === undefined);
    return {
      updateOne: {
        filter: { ...key, [HASH_FIELD]: { $ne: hash } } as Filter<Document>,
        update: {
          $set: { ...doc, ...key, [HASH_FIELD]: hash, updatedAt: now },
          ...(unset.length > 0 && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
        },
      },
    };
  };
  const rewritten = await bulk(collection, existing.map(update));
  let updated = rewritten.modified;
  for (const f of rewritten.failed) failed.push({ index: existing[f.index] ?? -1, message: f.message });
  for (const i of ambiguous) {
    const op = update(i) as { updateOne: { filter: Filter<Document>; update: Document } };
    const present = await collection.countDocuments(prepared[i]?.key ?? {}, { limit: 1 });
    if (present === 0) {
      failed.push({ index: i, message: 'duplicate key: another record already has this number' });
      continue;
    }
    existing.push(i);
    try {
      updated += (await collection.updateOne(op.updateOne.filter, op.updateOne.update)).modifiedCount;
    } catch (e) {
      failed.push({ index: i, message: errorMessage(e) });
    }
  }
  if (options.markSeen) {
    const refused = new Set(failed.map((f) => f.index));
    await markSeen(collection, existing.filter((i) => !refused.has(i)).map((i) => (prepared[i] as (typeof prepared)[number]).key), runId);
  }
  return { inserted, updated, unchanged: records.length - inserted - updated - failed.length, failed };
}

/** Marks records seen by `runId` without changing them (records that failed validation this run keep their stored version). */
export async function markSeen(collection: Collection<Document>, keys: readonly Document[], runId: string): Promise<void> {
  if (keys.length === 0) return;
  await collection.bulkWrite(
    keys.map((filter) => ({ updateOne: { filter, update: { $set: { [SEEN_FIELD]: runId } } } })),
    { ordered: false },
  );
}

/** Deletes records by key; returns how many existed. */
export async function deleteByKeys(collection: Collection<Document>, keys: readonly Document[]): Promise<number> {
  if (keys.length === 0) return 0;
  const r = await collection.bulkWrite(keys.map((filter) => ({ deleteOne: { filter } })), { ordered: false });
  return r.deletedCount;
}

/** Deletes the records in `scope` that run `runId` did not see: the SoR no longer has them. */
export async function sweepUnseen(collection: Collection<Document>, scope: Document, runId: string): Promise<number> {
  const r = await collection.deleteMany({ ...scope, [SEEN_FIELD]: { $ne: runId } });
  return r.deletedCount;
}
