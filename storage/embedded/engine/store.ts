// The whole in-memory data set. Every change goes through `apply`, which both command
// handlers (live writes) and recovery (journal replay) use, so both produce the same state.
import { CollectionState } from './collection.js';
import type { JournalRecord } from './journal-record.js';
import { valueKey, type Doc } from './values.js';
import type { IndexSpec } from './index-spec.js';

/** Collects the journal records of one command; the reply waits until they are durable. */
export class WriteBatch {
  readonly records: JournalRecord[] = [];
}

export class Store {
  readonly dbs = new Map<string, Map<string, CollectionState>>();
  private replaying = false;

  getCollection(db: string, name: string): CollectionState | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** Returns the collection, creating it (and journaling the creation) when absent. */
  ensureCollection(batch: WriteBatch, db: string, name: string): CollectionState {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    this.record(batch, { o: 'cc', d: db, c: name });
    return this.getCollection(db, name) as CollectionState;
  }

  putDoc(batch: WriteBatch, coll: CollectionState, doc: Doc): void {
    this.record(batch, { o: 'p', d: coll.db, c: coll.name, doc });
  }

  deleteDoc(batch: WriteBatch, coll: CollectionState, doc: Doc): void {
    this.record(batch, { o: 'x', d: coll.db, c: coll.name, id: doc._id });
  }

  createIndex(batch: WriteBatch, coll: CollectionState, spec: IndexSpec): void {
    this.record(batch, { o: 'ci', d: coll.db, c: coll.name, spec });
  }

  record(batch: WriteBatch, rec: JournalRecord): void {
    this.apply(rec);
    batch.records.push(rec);
  }

  /** Applies one record to memory. During replay unique indexes are rebuilt once at the end. */
  apply(rec: JournalRecord): void {
    const maintain = !this.replaying;
    switch (rec.o) {
      case 'cc': {
        let db = this.dbs.get(rec.d);
        if (!db) this.dbs.set(rec.d, (db = new Map()));
        if (!db.has(rec.c)) db.set(rec.c, new CollectionState(rec.d, rec.c));
        return;
      }
      case 'p':
        this.collectionForReplay(rec.d, rec.c).put(rec.doc, maintain);
        return;
      case 'x':
        this.getCollection(rec.d, rec.c)?.delete(valueKey(rec.id), maintain);
        return;
      case 'ci': {
        const coll = this.collectionForReplay(rec.d, rec.c);
        if (!coll.indexes.some((i) => i.name === rec.spec.name)) coll.addIndex(rec.spec, maintain);
        return;
      }
      case 'di':
        this.getCollection(rec.d, rec.c)?.dropIndex(rec.name);
        return;
      case 'dc':
        this.dbs.get(rec.d)?.delete(rec.c);
        return;
      case 'dd':
        this.dbs.delete(rec.d);
        return;
      case 'rn': {
        const source = this.getCollection(rec.d, rec.c);
        if (!source) return;
        this.dbs.get(rec.d)?.delete(rec.c);
        const target = this.collectionForReplay(rec.td, rec.tc);
        target.clear();
        target.indexes.splice(0);
        for (const spec of source.indexes) target.addIndex(spec, false);
        for (const doc of source.docs.values()) target.put(doc, false);
        if (maintain) target.rebuildIndexes();
        return;
      }
    }
  }

  private collectionForReplay(db: string, name: string): CollectionState {
    if (!this.getCollection(db, name)) this.apply({ o: 'cc', d: db, c: name });
    return this.getCollection(db, name) as CollectionState;
  }

  /** Replays records without index maintenance, then rebuilds every unique index. */
  replay(records: Iterable<JournalRecord>): void {
    this.replaying = true;
    try {
      for (const rec of records) this.apply(rec);
    } finally {
      this.replaying = false;
    }
  }

  finishReplay(): void {
    for (const db of this.dbs.values()) for (const coll of db.values()) coll.rebuildIndexes();
  }

  /** The records that recreate the current state: the content of a snapshot. */
  *snapshotRecords(): Generator<JournalRecord> {
    for (const [d, db] of this.dbs) {
      for (const [c, coll] of db) {
        yield { o: 'cc', d, c };
        for (const spec of coll.indexes) yield { o: 'ci', d, c, spec };
        for (const doc of coll.docs.values()) yield { o: 'p', d, c, doc };
      }
    }
  }
}
