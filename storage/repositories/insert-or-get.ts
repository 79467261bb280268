import type { Collection, Document, Filter, OptionalUnlessRequiredId, WithId } from 'mongodb';
import { isDuplicateKeyError } from '../errors.js';

/** Outcome of an idempotent insert: inserted, or the document already stored under the same unique key. */
export type InsertOutcome<T> = { inserted: true } | { inserted: false; existing: WithId<T> | null };

/**
 * Inserts `doc`; when a unique index rejects it (duplicate key 11000) this is not an error:
 * the document matching `existing` is returned instead (null only if it vanished meanwhile).
 */
export async function insertOrGet<T extends Document>(
  collection: Collection<T>,
  doc: OptionalUnlessRequiredId<T>,
  existing: Filter<T>,
): Promise<InsertOutcome<T>> {
  try {
    await collection.insertOne(doc);
    return { inserted: true };
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return { inserted: false, existing: await collection.findOne(existing) };
  }
}
