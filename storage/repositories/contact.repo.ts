import type { Collection, Db, Document } from 'mongodb';
import type { Contact } from '../../core/domain/contact.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { deleteByKeys, markSeen, sweepUnseen, syncUpsert, type SyncUpsertResult } from './sync-upsert.js';
import { collectionOf, fromDoc, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** A contact as written by the SoR sync or by a manager. */
export type ContactRecord = Omit<Contact, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'contacts',
  indexes: [
    { name: 'tenant_customer_email_unique', keys: { tenantId: 1, customerSorId: 1, email: 1 }, unique: true },
    { name: 'tenant_email', keys: { tenantId: 1, email: 1 } },
  ],
};

/** Customer contacts of one tenant; emails are stored lower-cased. */
export class ContactRepo {
  private readonly contacts: Collection<Stored<Contact>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.contacts = collectionOf<Stored<Contact>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates contacts keyed by (customer, email) in one bulk write. */
  upsertMany(records: readonly ContactRecord[], now: Date): Promise<UpsertSummary> {
    const normalized = records.map((r) => ({ ...r, email: r.email.toLowerCase() }));
    return bulkUpsert(
      this.raw,
      normalized,
      (r) => ({ tenantId: this.tenantId, customerSorId: r.customerSorId, email: r.email }),
      now,
    );
  }

  /** Every contact with this email address (case-insensitive), across customers. */
  async findByEmail(email: string): Promise<Contact[]> {
    const docs = await this.contacts.find({ tenantId: this.tenantId, email: email.toLowerCase() }).sort({ customerSorId: 1 }).toArray();
    return docs.map((d) => fromDoc<Contact>(d));
  }

  /** The contacts of one customer, ordered by email. */
  async listByCustomer(customerSorId: string): Promise<Contact[]> {
    const docs = await this.contacts.find({ tenantId: this.tenantId, customerSorId }).sort({ email: 1 }).toArray();
    return docs.map((d) => fromDoc<Contact>(d));
  }

  /** One contact of a customer by address (the whole unique key: an index lookup everywhere), or null. */
  async find(customerSorId: string, email: string): Promise<Contact | null> {
    const doc = await this.contacts.findOne({ tenantId: this.tenantId, customerSorId, email: email.toLowerCase() });
    return doc === null ? null : fromDoc<Contact>(doc);
  }

  /** Every contact (or one customer's), streamed in batches. */
  async *stream(customerSorId?: string): AsyncGenerator<Contact> {
    const filter = { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) };
    for await (const doc of this.contacts.find(filter, { batchSize: 5000 })) yield fromDoc<Contact>(doc);
  }

  /** Removes one contact of a customer; false when there was none. */
  async remove(customerSorId: string, email: string): Promise<boolean> {
    const result = await this.contacts.deleteOne({ tenantId: this.tenantId, customerSorId, email: email.toLowerCase() });
    return result.deletedCount === 1;
  }

  // --- SoR sync (see sync-upsert.ts) ---

  /** Sync upsert keyed by (customer, email), marking each contact seen by `runId`. */
  syncUpsert(records: readonly ContactRecord[], runId: string, now: Date, markSeen = true): Promise<SyncUpsertResult> {
    return syncUpsert(this.raw, records, {
      keyIndex: 'tenant_customer_email_unique',
      keyOf: (r) => ({ tenantId: this.tenantId, customerSorId: r.customerSorId, email: r.email.toLowerCase() }),
      docOf: ({ customerSorId: _c, email: _e, ...r }) => r,
      optionalFields: ['role'],
    }, runId, now, { markSeen });
  }

  /** Marks contacts seen by a sync run without changing them. */
  markSeen(keys: ReadonlyArray<{ customerSorId: string; email: string }>, runId: string): Promise<void> {
    return markSeen(this.raw, keys.map((k) => ({ tenantId: this.tenantId, customerSorId: k.customerSorId, email: k.email.toLowerCase() })), runId);
  }

  /** Deletes contacts the SoR deleted; returns how many were stored. */
  deleteByKeys(keys: ReadonlyArray<{ customerSorId: string; email: string }>): Promise<number> {
    return deleteByKeys(this.raw, keys.map((k) => ({ tenantId: this.tenantId, customerSorId: k.customerSorId, email: k.email.toLowerCase() })));
  }

  /** Deletes SoR contacts (not manual ones), of all customers or one, that sync run `runId` did not see. */
  sweepUnseen(runId: string, customerSorId?: string): Promise<number> {
    const scope = { tenantId: this.tenantId, source: 'sor', ...(customerSorId !== undefined && { customerSorId }) };
    return sweepUnseen(this.raw, scope, runId);
  }
}
