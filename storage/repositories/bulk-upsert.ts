import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import { errorMessage, isDuplicateKeyError, StorageError, writeErrors } from '../errors.js';
import { newId } from './doc.js';

/** What a bulk upsert did. */
export interface UpsertSummary {
  inserted: number;
  matched: number;
  modified: number;
}

/**
 * Upserts records in one unordered bulkWrite of updateOne upserts keyed by `keyOf(record)`.
 * Record fields are `$set` each time; `onInsert` fields (local state such as flags) only on insert.
 * Records that clash with another unique index fail as one `DUPLICATE_KEY` StorageError; the rest are written.
 */
export async function bulkUpsert<R extends object>(
  collection: Collection<Document>,
  records: readonly R[],
  keyOf: (record: R) => Document,
  now: Date,
  onInsert: Document = {},
): Promise<UpsertSummary> {
  if (records.length === 0) return { inserted: 0, matched: 0, modified: 0 };
  const operations: AnyBulkWriteOperation<Document>[] = records.map((record) => {
    const key = keyOf(record);
    return {
      updateOne: {
        filter: key,
        update: {
          $set: { ...record, ...key, updatedAt: now },
          $setOnInsert: { _id: newId(), createdAt: now, ...onInsert },
        },
        upsert: true,
      },
    };
  });
  let result;
  try {
    result = await collection.bulkWrite(operations, { ordered: false });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // Unordered: the other records were written; name how many clashed and the first clash.
    const failures = writeErrors(e);
    throw new StorageError(
      `${collection.collectionName}: ${failures.length} of ${records.length} records clash with a unique key: ${failures[0]?.message ?? errorMessage(e)}`,
      { code: 'DUPLICATE_KEY', cause: e },
    );
  }
  return { inserted: result.upsertedCount, matched: result.matchedCount, modified: result.modifiedCount };
}
