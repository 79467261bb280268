import type { Collection, Db, Document } from 'mongodb';
import type { Invoice, InvoiceStatus } from '../../core/domain/invoice.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { collectionOf, fromDoc, fromDocOrNull, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** An invoice as read from the system of record. */
export type InvoiceRecord = Omit<Invoice, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'invoices',
  indexes: [
    { name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true },
    { name: 'tenant_number_unique', keys: { tenantId: 1, number: 1 }, unique: true },
    { name: 'tenant_customer_dueDate', keys: { tenantId: 1, customerSorId: 1, dueDate: 1 } },
    { name: 'tenant_poNumber', keys: { tenantId: 1, poNumber: 1 } },
  ],
};

/** Invoices of one tenant, synced from the system of record. */
export class InvoiceRepo {
  private readonly invoices: Collection<Stored<Invoice>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.invoices = collectionOf<Stored<Invoice>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates invoices by SoR id in one bulk write. */
  upsertManyBySorId(records: readonly InvoiceRecord[], now: Date): Promise<UpsertSummary> {
    const normalized = records.map((r) => ({ ...r, contactEmails: r.contactEmails.map((e) => e.toLowerCase()) }));
    return bulkUpsert(this.raw, normalized, (r) => ({ tenantId: this.tenantId, sorId: r.sorId }), now);
  }

  /** The invoice with this SoR id, or null. */
  async findBySorId(sorId: string): Promise<Invoice | null> {
    return fromDocOrNull<Invoice>(await this.invoices.findOne({ tenantId: this.tenantId, sorId }));
  }

  /** The invoice with exactly this number, or null. */
  async findByNumber(number: string): Promise<Invoice | null> {
    return fromDocOrNull<Invoice>(await this.invoices.findOne({ tenantId: this.tenantId, number }));
  }

  /** The invoices among these numbers that exist, ordered by number; unknown numbers are left out. */
  async findByNumbers(numbers: readonly string[]): Promise<Invoice[]> {
    if (numbers.length === 0) return [];
    const docs = await this.invoices.find({ tenantId: this.tenantId, number: { $in: [...numbers] } }).sort({ number: 1 }).toArray();
    return docs.map((d) => fromDoc<Invoice>(d));
  }

  /** Invoices carrying this PO number. */
  async findByPoNumber(poNumber: string): Promise<Invoice[]> {
    const docs = await this.invoices.find({ tenantId: this.tenantId, poNumber }).sort({ number: 1 }).toArray();
    return docs.map((d) => fromDoc<Invoice>(d));
  }

  /** A customer's invoices, optionally only some statuses, oldest due date first. */
  async listByCustomer(customerSorId: string, filter: { statuses?: readonly InvoiceStatus[] } = {}): Promise<Invoice[]> {
    const query = filter.statuses
      ? { tenantId: this.tenantId, customerSorId, status: { $in: [...filter.statuses] } }
      : { tenantId: this.tenantId, customerSorId };
    const docs = await this.invoices.find(query).sort({ dueDate: 1, number: 1 }).toArray();
    return docs.map((d) => fromDoc<Invoice>(d));
  }
}
