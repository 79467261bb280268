import type { Collection, Db, Filter } from 'mongodb';
import type { AuditEvent } from '../../core/domain/audit-event.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** What `append` needs; sequence number and hashes are assigned by the repository. */
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'tenantId' | 'seq' | 'prevHash' | 'hash'>;

/** A slice of the log: seq bounds are inclusive, `from` inclusive and `to` exclusive. */
export interface AuditRange {
  fromSeq?: number;
  toSeq?: number;
  from?: Date;
  to?: Date;
  limit?: number;
}

/** The newest event a tenant's log is known to have reached: recorded after every append, it only moves forward. */
export interface AuditHead {
  seq: number;
  hash: string;
}

type StoredHead = AuditHead & { _id: string; tenantId: string };

export const indexes: CollectionIndexes = {
  collection: 'audit',
  indexes: [
    { name: 'tenant_seq_unique', keys: { tenantId: 1, seq: 1 }, unique: true },
    { name: 'tenant_at', keys: { tenantId: 1, at: 1 } },
    { name: 'tenant_subject_seq', keys: { tenantId: 1, 'subject.type': 1, 'subject.id': 1, seq: 1 } },
  ],
};

/**
 * One head per tenant. The hash chain alone cannot show that the newest events were deleted
 * (the shorter chain is still a valid chain); the head remembers how far the log had reached.
 * On a database migrated before heads existed, `migrate` creates the collection with its index.
 */
export const headIndexes: CollectionIndexes = {
  collection: 'audit_heads',
  indexes: [{ name: 'tenant_unique', keys: { tenantId: 1 }, unique: true }],
};

/** How often `append` retries when another process took the same sequence number. */
const APPEND_ATTEMPTS = 50;

/**
 * Appends of one log made in this process, chained one after another. A hash chain has one
 * writer at a time by nature; queueing in-process writers avoids them racing for the same seq
 * (twenty people clicking at once would otherwise exhaust the retries). Writers in other
 * processes still race, and the unique seq index plus a jittered retry settles that.
 */
const appendQueues = new Map<string, Promise<unknown>>();

/** Events per round trip when iterating a large log. */
const DEFAULT_BATCH_SIZE = 1000;

/** The append-only, hash-chained audit log of one tenant. */
export class AuditRepo {
  private readonly events: Collection<Stored<AuditEvent>>;
  private readonly heads: Collection<StoredHead>;

  constructor(db: Db, private readonly tenantId: string) {
    this.events = collectionOf<Stored<AuditEvent>>(db, indexes.collection);
    this.heads = collectionOf<StoredHead>(db, headIndexes.collection);
  }

  /**
   * Appends an event as the next seq, chained to the previous event's hash, then moves the
   * tenant's head to it. Should moving the head fail, the error is thrown although the event is
   * stored; the head then lags behind, which verification accepts (the chain still covers the event).
   */
  async append(input: NewAuditEvent): Promise<AuditEvent> {
    const key = `${this.events.dbName}\u0000${this.tenantId}`;
    const previous = appendQueues.get(key) ?? Promise.resolve();
    const mine = previous.then(
      () => this.appendNow(input),
      () => this.appendNow(input),
    );
    appendQueues.set(key, mine);
    try {
      return await mine;
    } finally {
      // The last writer in the queue clears it, so the map does not grow with idle tenants.
      if (appendQueues.get(key) === mine) appendQueues.delete(key);
    }
  }

  private async appendNow(input: NewAuditEvent): Promise<AuditEvent> {
    for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
      const last = await this.last();
      const fields = {
        ...input,
        tenantId: this.tenantId,
        seq: (last?.seq ?? 0) + 1,
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const doc: Stored<AuditEvent> = { ...fields, _id: newId(), hash: auditHash(fields) };
      try {
        await this.events.insertOne(doc);
      } catch (e) {
        // The unique (tenant, seq) index rejected a concurrent append of the same seq: chain onto the new last.
        if (!isDuplicateKeyError(e)) throw e;
        // Another process appended meanwhile: back off a little (jittered) so the writers spread out.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
        continue;
      }
      await this.advanceHead(doc.seq, doc.hash);
      return fromDoc<AuditEvent>(doc);
    }
    throw new StorageError(`audit: could not append after ${APPEND_ATTEMPTS} concurrent attempts`, { code: 'CONFLICT' });
  }

  /** The tenant's head: the newest event appended so far; null before the first append, or for a log written before heads existed. */
  async head(): Promise<AuditHead | null> {
    const doc = await this.heads.findOne({ tenantId: this.tenantId });
    return doc === null ? null : { seq: doc.seq, hash: doc.hash };
  }

  /** The newest event, or null for an empty log. */
  async last(): Promise<AuditEvent | null> {
    const doc = await this.events.find({ tenantId: this.tenantId }).sort({ seq: -1 }).limit(1).next();
    return fromDocOrNull<AuditEvent>(doc);
  }

  /** How many events the tenant's log holds. */
  async count(): Promise<number> {
    return this.events.countDocuments({ tenantId: this.tenantId });
  }

  /** Events in a seq and/or time range, in seq order. */
  async list(range: AuditRange = {}): Promise<AuditEvent[]> {
    const cursor = this.events.find(this.rangeQuery(range)).sort({ seq: 1 });
    if (range.limit !== undefined) cursor.limit(range.limit);
    const docs = await cursor.toArray();
    return docs.map((d) => fromDoc<AuditEvent>(d));
  }

  /** Like `list`, but fetched `batchSize` events at a time, so a log of millions is never held in memory. */
  async *iterate(range: AuditRange = {}, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<AuditEvent> {
    const cursor = this.events.find(this.rangeQuery(range)).sort({ seq: 1 }).batchSize(batchSize);
    if (range.limit !== undefined) cursor.limit(range.limit);
    // for await closes the server cursor when the caller stops early.
    for await (const doc of cursor) yield fromDoc<AuditEvent>(doc);
  }

  /** Events about one subject, in seq order. */
  async listBySubject(type: string, id: string): Promise<AuditEvent[]> {
    const docs = await this.events.find({ tenantId: this.tenantId, 'subject.type': type, 'subject.id': id }).sort({ seq: 1 }).toArray();
    return docs.map((d) => fromDoc<AuditEvent>(d));
  }

  /** Moves the head to `seq` unless it is already there or further: concurrent appends may finish in any order. */
  private async advanceHead(seq: number, hash: string): Promise<void> {
    const behind = { tenantId: this.tenantId, seq: { $lt: seq } };
    try {
      await this.heads.updateOne(behind, { $set: { seq, hash }, $setOnInsert: { _id: newId() } }, { upsert: true });
    } catch (e) {
      // No head behind `seq` matched, so the upsert tried to insert a second head for the tenant and the
      // unique index refused it: the head is already at or past `seq`, or a concurrent first append has
      // just created it. Either way the head exists now, and a plain conditional update settles both.
      if (!isDuplicateKeyError(e)) throw e;
      await this.heads.updateOne(behind, { $set: { seq, hash } });
    }
  }

  private rangeQuery(range: AuditRange): Filter<Stored<AuditEvent>> {
    const query: Filter<Stored<AuditEvent>> = { tenantId: this.tenantId };
    if (range.fromSeq !== undefined || range.toSeq !== undefined) {
      query.seq = { ...(range.fromSeq !== undefined && { $gte: range.fromSeq }), ...(range.toSeq !== undefined && { $lte: range.toSeq }) };
    }
    if (range.from !== undefined || range.to !== undefined) {
      query.at = { ...(range.from !== undefined && { $gte: range.from }), ...(range.to !== undefined && { $lt: range.to }) };
    }
    return query;
  }
}
