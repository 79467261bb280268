import type { Collection, Db, Document } from 'mongodb';
import type { Customer, CustomerStatus } from '../../core/domain/customer.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
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
}
