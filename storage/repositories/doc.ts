import { ObjectId, type Collection, type CollectionOptions, type Db, type Document } from 'mongodb';

/** How an entity is stored: its `id` becomes the string `_id`. */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

/** Undefined fields are left out rather than written as null, so optional fields stay optional. */
const collectionOptions: CollectionOptions = { ignoreUndefined: true };

/** A typed handle on a collection with the repositories' serialization options (plus `extra` ones). */
export function collectionOf<T extends Document>(db: Db, name: string, extra: CollectionOptions = {}): Collection<T> {
  return db.collection<T>(name, { ...collectionOptions, ...extra });
}

/** For collections holding bytes (attachments): binary fields come back as Buffers (Uint8Array), not BSON Binary. */
export const bytesAsBuffers: CollectionOptions = { promoteBuffers: true };

/** A new time-ordered string id (ObjectId hex). */
export function newId(): string {
  return new ObjectId().toHexString();
}

/** Maps a stored document back to its entity (`_id` → `id`). */
export function fromDoc<T extends { id: string }>(doc: Stored<T>): T {
  const { _id, ...rest } = doc;
  // TypeScript cannot see that Omit<T, 'id'> plus { id } is T for a generic T.
  return { ...rest, id: _id } as unknown as T;
}

/** Maps a nullable stored document back to its entity. */
export function fromDocOrNull<T extends { id: string }>(doc: Stored<T> | null): T | null {
  return doc === null ? null : fromDoc<T>(doc);
}
