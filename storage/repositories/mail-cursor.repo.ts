import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../errors.js';
import { collectionOf, newId } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** Where mail sync stands in one folder of one mailbox, and how its last runs went. */
export interface MailSyncState {
  /** The source's key for the folder (MailSource.address). */
  address: string;
  /** The source's cursor as it returned it; null before the first page was stored. */
  cursor: Record<string, unknown> | null;
  /** Bumped by every advance; the compare-and-set token. 0 before the first advance. */
  version: number;
  /** Consecutive failed runs (0 after a good one). */
  failures: number;
  /** No run before this (back-off after failures). */
  nextAttemptAt?: Date;
  lastError?: string;
  lastSyncAt?: Date;
}

interface StoredState {
  _id: string;
  tenantId: string;
  address: string;
  /** The cursor as JSON text: adapters' cursors may hold keys MongoDB would not store ($, dots). */
  cursorJson: string | null;
  version: number;
  failures: number;
  nextAttemptAt?: Date;
  lastError?: string;
  lastSyncAt?: Date;
  updatedAt: Date;
}

export const indexes: CollectionIndexes = {
  collection: 'mail_cursors',
  indexes: [{ name: 'tenant_address_unique', keys: { tenantId: 1, address: 1 }, unique: true }],
};

/**
 * Mail sync cursors of one tenant, one per mailbox folder. A cursor only moves with a
 * compare-and-set on `version`, so two workers syncing the same folder cannot both advance
 * it: the loser's messages were stored (idempotently) and the winner's cursor stands.
 */
export class MailCursorRepo {
  private readonly states: Collection<StoredState>;

  constructor(db: Db, private readonly tenantId: string) {
    this.states = collectionOf<StoredState>(db, indexes.collection);
  }

  /** The folder's state; a folder never synced has no cursor, version 0 and no failures. */
  async get(address: string): Promise<MailSyncState> {
    const doc = await this.states.findOne({ tenantId: this.tenantId, address });
    if (doc === null) return { address, cursor: null, version: 0, failures: 0 };
    return {
      address,
      cursor: doc.cursorJson === null ? null : (JSON.parse(doc.cursorJson) as Record<string, unknown>),
      version: doc.version,
      failures: doc.failures,
      ...(doc.nextAttemptAt ? { nextAttemptAt: doc.nextAttemptAt } : {}),
      ...(doc.lastError ? { lastError: doc.lastError } : {}),
      ...(doc.lastSyncAt ? { lastSyncAt: doc.lastSyncAt } : {}),
    };
  }

  /**
   * Stores `cursor` as version `expectedVersion + 1` and clears the failure count; false when
   * another worker advanced the cursor first (then nothing is written).
   */
  async advance(address: string, expectedVersion: number, cursor: Record<string, unknown> | null, now: Date): Promise<boolean> {
    const set = { cursorJson: cursor === null ? null : JSON.stringify(cursor), version: expectedVersion + 1, failures: 0, lastSyncAt: now, updatedAt: now };
    const unset = { nextAttemptAt: '', lastError: '' } as const;
    if (expectedVersion === 0) {
      try {
        // A failure may have created the document (version 0) before any cursor was stored.
        const r = await this.states.updateOne(
          { tenantId: this.tenantId, address, version: 0 },
          { $set: set, $unset: unset, $setOnInsert: { _id: newId() } },
          { upsert: true },
        );
        return r.modifiedCount === 1 || r.upsertedCount === 1;
      } catch (e) {
        // A concurrent first advance inserted the document: this one lost.
        if (isDuplicateKeyError(e)) return false;
        throw e;
      }
    }
    const r = await this.states.updateOne({ tenantId: this.tenantId, address, version: expectedVersion }, { $set: set, $unset: unset });
    return r.modifiedCount === 1;
  }

  /** Records a failed run (the cursor stays where it is): the failure count, the error and when to try next. */
  async recordFailure(address: string, failure: { failures: number; error: string; nextAttemptAt: Date }, now: Date): Promise<void> {
    try {
      await this.states.updateOne(
        { tenantId: this.tenantId, address },
        {
          $set: { failures: failure.failures, lastError: failure.error, nextAttemptAt: failure.nextAttemptAt, updatedAt: now },
          $setOnInsert: { _id: newId(), cursorJson: null, version: 0 },
        },
        { upsert: true },
      );
    } catch (e) {
      // Two first failures raced to create the document; the other one's record stands.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
}
