import type { Collection, Db } from 'mongodb';
import type { Thread } from '../../core/domain/thread.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** One message to add to its thread. */
export interface ThreadMessage {
  threadKey: string;
  messageId: string;
  subject: string;
  at: Date;
}

export const indexes: CollectionIndexes = {
  collection: 'threads',
  indexes: [
    { name: 'tenant_threadKey_unique', keys: { tenantId: 1, threadKey: 1 }, unique: true },
    { name: 'tenant_lastAt', keys: { tenantId: 1, lastAt: -1 } },
  ],
};

/** Conversation threads of one tenant, keyed by thread key. */
export class ThreadRepo {
  private readonly threads: Collection<Stored<Thread>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.threads = collectionOf<Stored<Thread>>(db, indexes.collection);
  }

  /** Adds a message to its thread, creating the thread on first sight; repeat calls change nothing. */
  async recordMessage(message: ThreadMessage): Promise<Thread> {
    try {
      return await this.upsertMessage(message);
    } catch (e) {
      // Two first messages of one thread can race to insert it; the loser retries as an update.
      if (!isDuplicateKeyError(e)) throw e;
      return this.upsertMessage(message);
    }
  }

  /** The thread with this key, or null. */
  async get(threadKey: string): Promise<Thread | null> {
    return fromDocOrNull<Thread>(await this.threads.findOne({ tenantId: this.tenantId, threadKey }));
  }

  /** Records which customer a thread is about; false when there is no such thread. */
  async setCustomer(threadKey: string, customerSorId: string): Promise<boolean> {
    const result = await this.threads.updateOne({ tenantId: this.tenantId, threadKey }, { $set: { customerSorId } });
    return result.matchedCount === 1;
  }

  private async upsertMessage(m: ThreadMessage): Promise<Thread> {
    const doc = await this.threads.findOneAndUpdate(
      { tenantId: this.tenantId, threadKey: m.threadKey },
      {
        $addToSet: { messageIds: m.messageId },
        $min: { firstAt: m.at },
        $max: { lastAt: m.at },
        $setOnInsert: { _id: newId(), subject: m.subject },
      },
      { upsert: true, returnDocument: 'after' },
    );
    if (doc === null) throw new StorageError(`threads: upsert of ${m.threadKey} returned no document`);
    return fromDoc<Thread>(doc);
  }
}
