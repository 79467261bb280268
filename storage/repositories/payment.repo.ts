import type { Collection, Db, Document } from 'mongodb';
import type { Payment } from '../../core/domain/payment.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { deleteByKeys, markSeen, sweepUnseen, syncUpsert, type SyncUpsertResult } from './sync-upsert.js';
import { collectionOf, fromDoc, fromDocOrNull, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** A payment as read from the system of record. */
export type PaymentRecord = Omit<Payment, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'payments',
  indexes: [
    { name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true },
    { name: 'tenant_customer_date', keys: { tenantId: 1, customerSorId: 1, date: -1 } },
    { name: 'tenant_appliedInvoice', keys: { tenantId: 1, 'applications.invoiceNumber': 1 } },
  ],
};

/** Payments of one tenant, synced from the system of record. */
export class PaymentRepo {
  private readonly payments: Collection<Stored<Payment>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.payments = collectionOf<Stored<Payment>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates payments by SoR id in one bulk write. */
  upsertManyBySorId(records: readonly PaymentRecord[], now: Date): Promise<UpsertSummary> {
    return bulkUpsert(this.raw, records, (r) => ({ tenantId: this.tenantId, sorId: r.sorId }), now);
  }

  /** The payment with this SoR id, or null. */
  async findBySorId(sorId: string): Promise<Payment | null> {
    return fromDocOrNull<Payment>(await this.payments.findOne({ tenantId: this.tenantId, sorId }));
  }

  /** Payments with an application to this invoice number, newest first. */
  async findByInvoiceNumber(invoiceNumber: string): Promise<Payment[]> {
    const docs = await this.payments
      .find({ tenantId: this.tenantId, 'applications.invoiceNumber': invoiceNumber })
      .sort({ date: -1, sorId: 1 })
      .toArray();
    return docs.map((d) => fromDoc<Payment>(d));
  }

  /** A customer's payments, newest first. */
  async listByCustomer(customerSorId: string): Promise<Payment[]> {
    const docs = await this.payments.find({ tenantId: this.tenantId, customerSorId }).sort({ date: -1, sorId: 1 }).toArray();
    return docs.map((d) => fromDoc<Payment>(d));
  }

  // --- SoR sync (see sync-upsert.ts) ---

  /** Sync upsert by SoR id, marking each record seen by `runId`. */
  syncUpsert(records: readonly PaymentRecord[], runId: string, now: Date, markSeen = true): Promise<SyncUpsertResult> {
    return syncUpsert(this.raw, records, {
      keyIndex: 'tenant_sorId_unique',
      keyOf: (r) => ({ tenantId: this.tenantId, sorId: r.sorId }),
      docOf: ({ sorId: _s, ...r }) => r,
    }, runId, now, { markSeen });
  }

  /** Marks payments seen by a sync run without changing them. */
  markSeen(sorIds: readonly string[], runId: string): Promise<void> {
    return markSeen(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })), runId);
  }

  /** Deletes payments the SoR deleted; returns how many were stored. */
  deleteBySorIds(sorIds: readonly string[]): Promise<number> {
    return deleteByKeys(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })));
  }

  /** Deletes payments, of all customers or one, that sync run `runId` did not see. */
  sweepUnseen(runId: string, customerSorId?: string): Promise<number> {
    return sweepUnseen(this.raw, { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) }, runId);
  }

  /** The total applied to each invoice number (of all customers or one), in invoice-number order, streamed. */
  async *streamAppliedByInvoiceNumber(customerSorId?: string): AsyncGenerator<{ invoiceNumber: string; applied: number }> {
    const cursor = this.raw.aggregate<{ _id: string; applied: number }>(
      [
        { $match: { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) } },
        { $unwind: '$applications' },
        { $group: { _id: '$applications.invoiceNumber', applied: { $sum: '$applications.amount' } } },
        { $sort: { _id: 1 } },
      ],
      { allowDiskUse: true, batchSize: 2000 },
    );
    for await (const row of cursor) yield { invoiceNumber: row._id, applied: row.applied };
  }
}
