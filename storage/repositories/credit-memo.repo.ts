import type { Collection, Db, Document } from 'mongodb';
import type { CreditMemo } from '../../core/domain/credit-memo.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { deleteByKeys, markSeen, sweepUnseen, syncUpsert, type SyncUpsertResult } from './sync-upsert.js';
import { collectionOf, fromDoc, fromDocOrNull, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** A credit memo as read from the system of record. */
export type CreditMemoRecord = Omit<CreditMemo, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'creditMemos',
  indexes: [
    { name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true },
    { name: 'tenant_customer_date', keys: { tenantId: 1, customerSorId: 1, date: -1 } },
  ],
};

/** Credit memos of one tenant, synced from the system of record. */
export class CreditMemoRepo {
  private readonly memos: Collection<Stored<CreditMemo>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.memos = collectionOf<Stored<CreditMemo>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates credit memos by SoR id in one bulk write. */
  upsertManyBySorId(records: readonly CreditMemoRecord[], now: Date): Promise<UpsertSummary> {
    return bulkUpsert(this.raw, records, (r) => ({ tenantId: this.tenantId, sorId: r.sorId }), now);
  }

  /** The credit memo with this SoR id, or null. */
  async findBySorId(sorId: string): Promise<CreditMemo | null> {
    return fromDocOrNull<CreditMemo>(await this.memos.findOne({ tenantId: this.tenantId, sorId }));
  }

  /** A customer's credit memos, newest first. */
  async listByCustomer(customerSorId: string): Promise<CreditMemo[]> {
    const docs = await this.memos.find({ tenantId: this.tenantId, customerSorId }).sort({ date: -1, sorId: 1 }).toArray();
    return docs.map((d) => fromDoc<CreditMemo>(d));
  }

  // --- SoR sync (see sync-upsert.ts) ---

  /** Sync upsert by SoR id, marking each record seen by `runId`. */
  syncUpsert(records: readonly CreditMemoRecord[], runId: string, now: Date, markSeen = true): Promise<SyncUpsertResult> {
    return syncUpsert(this.raw, records, {
      keyIndex: 'tenant_sorId_unique',
      keyOf: (r) => ({ tenantId: this.tenantId, sorId: r.sorId }),
      docOf: ({ sorId: _s, ...r }) => r,
    }, runId, now, { markSeen });
  }

  /** Marks credit memos seen by a sync run without changing them. */
  markSeen(sorIds: readonly string[], runId: string): Promise<void> {
    return markSeen(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })), runId);
  }

  /** Deletes credit memos the SoR deleted; returns how many were stored. */
  deleteBySorIds(sorIds: readonly string[]): Promise<number> {
    return deleteByKeys(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })));
  }

  /** Deletes credit memos, of all customers or one, that sync run `runId` did not see. */
  sweepUnseen(runId: string, customerSorId?: string): Promise<number> {
    return sweepUnseen(this.raw, { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) }, runId);
  }
}
