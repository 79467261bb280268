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

export const indexes: CollectionIndexes = {
  collection: 'audit',
  indexes: [
    { name: 'tenant_seq_unique', keys: { tenantId: 1, seq: 1 }, unique: true },
    { name: 'tenant_at', keys: { tenantId: 1, at: 1 } },
    { name: 'tenant_subject_seq', keys: { tenantId: 1, 'subject.type': 1, 'subject.id': 1, seq: 1 } },
  ],
};

/** How often `append` retries when a concurrent writer took the same sequence number. */
const APPEND_ATTEMPTS = 10;

/** The append-only, hash-chained audit log of one tenant. */
export class AuditRepo {
  private readonly events: Collection<Stored<AuditEvent>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.events = collectionOf<Stored<AuditEvent>>(db, indexes.collection);
  }

  /** Appends an event as the next seq, chained to the previous event's hash. */
  async append(input: NewAuditEvent): Promise<AuditEvent> {
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
        return fromDoc<AuditEvent>(doc);
      } catch (e) {
        // The unique (tenant, seq) index rejected a concurrent append of the same seq: chain onto the new last.
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
    throw new StorageError(`audit: could not append after ${APPEND_ATTEMPTS} concurrent attempts`, { code: 'CONFLICT' });
  }

  /** The newest event, or null for an empty log. */
  async last(): Promise<AuditEvent | null> {
    const doc = await this.events.find({ tenantId: this.tenantId }).sort({ seq: -1 }).limit(1).next();
    return fromDocOrNull<AuditEvent>(doc);
  }

  /** Events in a seq and/or time range, in seq order. */
  async list(range: AuditRange = {}): Promise<AuditEvent[]> {
    const query: Filter<Stored<AuditEvent>> = { tenantId: this.tenantId };
    if (range.fromSeq !== undefined || range.toSeq !== undefined) {
      query.seq = { ...(range.fromSeq !== undefined && { $gte: range.fromSeq }), ...(range.toSeq !== undefined && { $lte: range.toSeq }) };
    }
    if (range.from !== undefined || range.to !== undefined) {
      query.at = { ...(range.from !== undefined && { $gte: range.from }), ...(range.to !== undefined && { $lt: range.to }) };
    }
    const cursor = this.events.find(query).sort({ seq: 1 });
    if (range.limit !== undefined) cursor.limit(range.limit);
    const docs = await cursor.toArray();
    return docs.map((d) => fromDoc<AuditEvent>(d));
  }

  /** Events about one subject, in seq order. */
  async listBySubject(type: string, id: string): Promise<AuditEvent[]> {
    const docs = await this.events.find({ tenantId: this.tenantId, 'subject.type': type, 'subject.id': id }).sort({ seq: 1 }).toArray();
    return docs.map((d) => fromDoc<AuditEvent>(d));
  }
}
