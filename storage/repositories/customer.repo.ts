import type { Collection, Db, Document } from 'mongodb';
import type { Customer, CustomerStatus } from '../../core/domain/customer.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { deleteByKeys, markSeen, sweepUnseen, syncUpsert, type SyncUpsertResult } from './sync-upsert.js';
import { collectionOf, fromDoc, fromDocOrNull, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';
import { escapeRegExp } from '../../core/pipeline/escape-regexp.js';

/** A customer as read from the system of record (no local fields). */
export type CustomerRecord = Omit<Customer, 'id' | 'tenantId' | 'enrolled' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'customers',
  indexes: [
    { name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true },
    { name: 'tenant_accountNumber_unique', keys: { tenantId: 1, accountNumber: 1 }, unique: true },
    { name: 'tenant_domains', keys: { tenantId: 1, domains: 1 } },
  ],
};

/** Customers of one tenant, synced from the system of record. */
export class CustomerRepo {
  private readonly customers: Collection<Stored<Customer>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.customers = collectionOf<Stored<Customer>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates customers by SoR id in one bulk write; new customers start not enrolled. */
  upsertManyBySorId(records: readonly CustomerRecord[], now: Date): Promise<UpsertSummary> {
    const normalized = records.map((r) => ({ ...r, domains: r.domains.map((d) => d.toLowerCase()) }));
    return bulkUpsert(this.raw, normalized, (r) => ({ tenantId: this.tenantId, sorId: r.sorId }), now, { enrolled: false });
  }

  /** The customer with this SoR id, or null. */
  async findBySorId(sorId: string): Promise<Customer | null> {
    return fromDocOrNull<Customer>(await this.customers.findOne({ tenantId: this.tenantId, sorId }));
  }

  /** The customer with this account number, or null. */
  async findByAccountNumber(accountNumber: string): Promise<Customer | null> {
    return fromDocOrNull<Customer>(await this.customers.findOne({ tenantId: this.tenantId, accountNumber }));
  }

  /** Customers that own an email domain (case-insensitive); usually zero or one. */
  async findByDomain(domain: string): Promise<Customer[]> {
    const docs = await this.customers.find({ tenantId: this.tenantId, domains: domain.toLowerCase() }).sort({ sorId: 1 }).toArray();
    return docs.map((d) => fromDoc<Customer>(d));
  }

  /**
   * Customers a person looks for by text: an exact account number or SoR id first, else every
   * customer whose name contains all the words (case-insensitive), by name.
   */
  async search(text: string, limit = 10): Promise<Customer[]> {
    const query = text.trim();
    if (query === '') return [];
    const exact = await this.customers
      .find({ tenantId: this.tenantId, $or: [{ accountNumber: query }, { sorId: query }] })
      .limit(limit)
      .toArray();
    if (exact.length > 0) return exact.map((d) => fromDoc<Customer>(d));
    const words = query.split(/\s+/).map((w) => new RegExp(escapeRegExp(w), 'i'));
    const docs = await this.customers
      .find({ tenantId: this.tenantId, $and: words.map((w) => ({ name: w })) })
      .sort({ name: 1, sorId: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => fromDoc<Customer>(d));
  }

  /** All customers, optionally only those with a status, ordered by SoR id. */
  async list(filter: { status?: CustomerStatus } = {}): Promise<Customer[]> {
    const query = filter.status ? { tenantId: this.tenantId, status: filter.status } : { tenantId: this.tenantId };
    const docs = await this.customers.find(query).sort({ sorId: 1 }).toArray();
    return docs.map((d) => fromDoc<Customer>(d));
  }

  /** Turns automatic replies on or off for a customer; false when there is no such customer. */
  async setEnrolled(sorId: string, enrolled: boolean, now: Date): Promise<boolean> {
    const result = await this.customers.updateOne({ tenantId: this.tenantId, sorId }, { $set: { enrolled, updatedAt: now } });
    return result.matchedCount === 1;
  }

  // --- SoR sync (see sync-upsert.ts) ---

  /** Sync upsert by SoR id, marking each record seen by `runId` (for the sweep of a full sync); `enrolledOnInsert` decides a new customer's enrolment. */
  syncUpsert(
    records: readonly CustomerRecord[],
    runId: string,
    now: Date,
    enrolledOnInsert: (record: CustomerRecord) => boolean = () => false,
    markSeen = true,
  ): Promise<SyncUpsertResult> {
    return syncUpsert(this.raw, records, {
      keyIndex: 'tenant_sorId_unique',
      keyOf: (r) => ({ tenantId: this.tenantId, sorId: r.sorId }),
      docOf: ({ sorId: _s, ...r }) => ({ ...r, domains: r.domains.map((d) => d.toLowerCase()) }),
      optionalFields: ['billingOwner'],
      onInsert: (r) => ({ enrolled: enrolledOnInsert(r) }),
    }, runId, now, { markSeen });
  }

  /** Marks customers seen by a sync run without changing them. */
  markSeen(sorIds: readonly string[], runId: string): Promise<void> {
    return markSeen(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })), runId);
  }

  /** Deletes customers the SoR deleted; returns how many were stored. */
  deleteBySorIds(sorIds: readonly string[]): Promise<number> {
    return deleteByKeys(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })));
  }

  /** Deletes customers (all, or the one with `onlySorId`) that sync run `runId` did not see. */
  sweepUnseen(runId: string, onlySorId?: string): Promise<number> {
    return sweepUnseen(this.raw, onlySorId === undefined ? { tenantId: this.tenantId } : { tenantId: this.tenantId, sorId: onlySorId }, runId);
  }

  /** Sets the enrolment of several customers at once; returns how many changed. */
  async setEnrolledMany(sorIds: readonly string[], enrolled: boolean, now: Date): Promise<number> {
    if (sorIds.length === 0) return 0;
    const r = await this.raw.bulkWrite(
      sorIds.map((sorId) => ({ updateOne: { filter: { tenantId: this.tenantId, sorId, enrolled: { $ne: enrolled } }, update: { $set: { enrolled, updatedAt: now } } } })),
      { ordered: false },
    );
    return r.modifiedCount;
  }

  /** Every customer, streamed in batches from a cursor (memory stays flat however many there are). */
  async *stream(): AsyncGenerator<Customer> {
    for await (const doc of this.customers.find({ tenantId: this.tenantId }, { batchSize: 1000 })) yield fromDoc<Customer>(doc);
  }

  /** How many customers there are, and how many are enrolled. */
  async enrolmentCounts(): Promise<{ customers: number; enrolled: number }> {
    const [customers, enrolled] = await Promise.all([
      this.customers.countDocuments({ tenantId: this.tenantId }),
      this.customers.countDocuments({ tenantId: this.tenantId, enrolled: true }),
    ]);
    return { customers, enrolled };
  }
}
