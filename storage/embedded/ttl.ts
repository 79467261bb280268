// TTL indexes: like mongod's TTL monitor, a periodic pass deletes documents whose indexed
// date is older than expireAfterSeconds.
import type { Store, WriteBatch } from './engine/store.js';
import { getPath } from './engine/values.js';

/** Deletes expired documents into `batch`; returns how many. */
export function sweepExpired(store: Store, batch: WriteBatch, now: Date): number {
  let removed = 0;
  for (const db of store.dbs.values()) {
    for (const coll of db.values()) {
      for (const spec of coll.indexes) {
        const fields = Object.keys(spec.key);
        if (typeof spec.expireAfterSeconds !== 'number' || fields.length !== 1) continue;
        const cutoff = now.getTime() - spec.expireAfterSeconds * 1000;
        for (const doc of coll.all()) {
          const v = getPath(doc, fields[0] as string);
          const dates = (Array.isArray(v) ? v : [v]).filter((x): x is Date => x instanceof Date);
          if (dates.length > 0 && Math.min(...dates.map((d) => d.getTime())) < cutoff) {
            store.deleteDoc(batch, coll, doc);
            removed++;
          }
        }
      }
    }
  }
  return removed;
}
