import type { Collection, Db } from 'mongodb';
import type { OutboxItem, OutboxStatus, SendIntent } from '../../core/domain/outbox-item.js';
import type { RecentAutoReply } from '../../core/policy/loop-guard.js';
import { StorageError } from '../errors.js';
import { bytesAsBuffers, collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';
import { insertOrGet } from './insert-or-get.js';

/** What `enqueue` needs; the item becomes claimable at `nextAttemptAt` (default: now). */
export type NewOutboxItem = Pick<OutboxItem, 'idempotencyKey' | 'emailId' | 'replyVersion' | 'message'> &
  Partial<Pick<OutboxItem, 'taskId' | 'threadKey' | 'nextAttemptAt'>>;

/** How long a `sending` claim is honoured before another worker may take the item over (the worker is presumed dead). */
export const DEFAULT_SEND_LEASE_MS = 5 * 60 * 1000;

/** Result of `enqueue`: `enqueued` is false when the idempotency key was already queued. */
export interface EnqueueResult {
  enqueued: boolean;
  item: OutboxItem;
}

export const indexes: CollectionIndexes = {
  collection: 'outbox',
  indexes: [
    { name: 'idempotencyKey_unique', keys: { idempotencyKey: 1 }, unique: true },
    { name: 'tenant_status_nextAttemptAt', keys: { tenantId: 1, status: 1, nextAttemptAt: 1 } },
    { name: 'tenant_emailId', keys: { tenantId: 1, emailId: 1 } },
    { name: 'tenant_createdAt', keys: { tenantId: 1, createdAt: 1 } },
    // The dashboard's replies sent in a date range.
    { name: 'tenant_status_sentAt', keys: { tenantId: 1, status: 1, sentAt: 1 } },
  ],
};

/** Outgoing replies of one tenant: enqueued once per key, claimed by one worker at a time. */
export class OutboxRepo {
  private readonly outbox: Collection<Stored<OutboxItem>>;

  constructor(db: Db, private readonly tenantId: string) {
    // Attachments are bytes: read them back as Uint8Array.
    this.outbox = collectionOf<Stored<OutboxItem>>(db, indexes.collection, bytesAsBuffers);
  }

  /** Queues a reply unless its idempotency key is already queued; a repeat returns the first item. */
  async enqueue(input: NewOutboxItem, now: Date): Promise<EnqueueResult> {
    const doc: Stored<OutboxItem> = {
      ...input,
      _id: newId(),
      tenantId: this.tenantId,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: input.nextAttemptAt ?? now,
      createdAt: now,
    };
    const outcome = await insertOrGet(this.outbox, doc, { tenantId: this.tenantId, idempotencyKey: input.idempotencyKey });
    if (outcome.inserted) return { enqueued: true, item: fromDoc<OutboxItem>(doc) };
    if (outcome.existing === null) {
      // The key is unique across tenants, so a miss here means another tenant owns it.
      throw new StorageError(`outbox: idempotency key ${input.idempotencyKey} is already used outside this tenant`, {
        code: 'DUPLICATE_KEY',
      });
    }
    return { enqueued: false, item: fromDoc<OutboxItem>(outcome.existing) };
  }

  /** The item with this id, or null. */
  async get(id: string): Promise<OutboxItem | null> {
    return fromDocOrNull<OutboxItem>(await this.outbox.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The item queued under this idempotency key, or null. */
  async findByKey(idempotencyKey: string): Promise<OutboxItem | null> {
    return fromDocOrNull<OutboxItem>(await this.outbox.findOne({ tenantId: this.tenantId, idempotencyKey }));
  }

  /**
   * Atomically claims the oldest due item for `workerId` (status → sending, attempts + 1), or
   * returns null when nothing is due. Due means pending and past `nextAttemptAt`, or stuck in
   * `sending` under a claim older than `leaseMs` (its worker died). Concurrent claimers never
   * get the same item.
   */
  async claimNext(workerId: string, now: Date, leaseMs: number = DEFAULT_SEND_LEASE_MS): Promise<OutboxItem | null> {
    const staleBefore = new Date(now.getTime() - leaseMs);
    const doc = await this.outbox.findOneAndUpdate(
      {
        tenantId: this.tenantId,
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', claimedAt: { $lte: staleBefore } },
        ],
      },
      { $set: { status: 'sending', claimedBy: workerId, claimedAt: now }, $inc: { attempts: 1 } },
      { sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after' },
    );
    return fromDocOrNull<OutboxItem>(doc);
  }

  /**
   * Records that the claiming worker is about to hand the message to the provider; null if the
   * worker no longer holds the claim (then it must not send).
   */
  async recordIntent(id: string, workerId: string, intent: SendIntent): Promise<OutboxItem | null> {
    const doc = await this.outbox.findOneAndUpdate(
      { _id: id, tenantId: this.tenantId, status: 'sending', claimedBy: workerId },
      { $set: { intent } },
      { returnDocument: 'after' },
    );
    return fromDocOrNull<OutboxItem>(doc);
  }

  /** Records a successful send by the claiming worker; null if the worker no longer holds the claim. */
  async markSent(id: string, workerId: string, providerMessageId: string, now: Date): Promise<OutboxItem | null> {
    const doc = await this.outbox.findOneAndUpdate(
      { _id: id, tenantId: this.tenantId, status: 'sending', claimedBy: workerId },
      { $set: { status: 'sent', providerMessageId, sentAt: now }, $unset: { lastError: '' } },
      { returnDocument: 'after' },
    );
    return fromDocOrNull<OutboxItem>(doc);
  }

  /**
   * Records a failed send by the claiming worker: back to pending until `retryAt` when given,
   * otherwise failed for good. Null if the worker no longer holds the claim.
   */
  async markFailed(id: string, workerId: string, error: string, retryAt?: Date): Promise<OutboxItem | null> {
    const update =
      retryAt === undefined
        ? { $set: { status: 'failed' as const, lastError: error } }
        : {
            $set: { status: 'pending' as const, lastError: error, nextAttemptAt: retryAt },
            $unset: { claimedBy: '' as const, claimedAt: '' as const },
          };
    const doc = await this.outbox.findOneAndUpdate(
      { _id: id, tenantId: this.tenantId, status: 'sending', claimedBy: workerId },
      update,
      { returnDocument: 'after' },
    );
    return fromDocOrNull<OutboxItem>(doc);
  }

  /**
   * Automatic replies queued at or after `since` that were sent or may still be (failed ones
   * excluded), as the loop guard reads them: thread, recipients, and when sent (or queued).
   */
  async recentAutomaticReplies(since: Date, limit = 10_000): Promise<RecentAutoReply[]> {
    const docs = await this.outbox
      .find(
        { tenantId: this.tenantId, createdAt: { $gte: since }, 'message.automatic': true, status: { $ne: 'failed' } },
        { projection: { threadKey: 1, emailId: 1, 'message.to': 1, 'message.cc': 1, createdAt: 1, sentAt: 1 } },
      )
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      // Items queued without a thread key can only repeat their own email's thread.
      threadKey: d.threadKey ?? `email:${d.emailId}`,
      recipients: [...d.message.to, ...d.message.cc].map((a) => a.address),
      at: d.sentAt ?? d.createdAt,
    }));
  }

  /** Items in one status, oldest first. */
  async listByStatus(status: OutboxStatus, limit = 100): Promise<OutboxItem[]> {
    const docs = await this.outbox.find({ tenantId: this.tenantId, status }).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
    return docs.map((d) => fromDoc<OutboxItem>(d));
  }
}
