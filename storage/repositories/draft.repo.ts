import type { Collection, Db } from 'mongodb';
import type { Draft, ReplyMessage } from '../../core/domain/draft.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { bytesAsBuffers, collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

export const indexes: CollectionIndexes = {
  collection: 'drafts',
  indexes: [{ name: 'tenant_task_version_unique', keys: { tenantId: 1, taskId: 1, version: 1 }, unique: true }],
};

/** How often `save` retries when another writer took the same version number. */
const SAVE_ATTEMPTS = 5;

/** Reply drafts of one tenant: every save of a task's draft adds the next version. */
export class DraftRepo {
  private readonly drafts: Collection<Stored<Draft>>;

  constructor(db: Db, private readonly tenantId: string) {
    // Attachments are bytes: read them back as Uint8Array.
    this.drafts = collectionOf<Stored<Draft>>(db, indexes.collection, bytesAsBuffers);
  }

  /** Stores a new version of a task's reply (1 for the first) and returns it. */
  async save(taskId: string, message: ReplyMessage, createdBy: string, now: Date): Promise<Draft> {
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
      const latest = await this.latest(taskId);
      const doc: Stored<Draft> = {
        _id: newId(),
        tenantId: this.tenantId,
        taskId,
        version: (latest?.version ?? 0) + 1,
        message,
        createdBy,
        createdAt: now,
      };
      try {
        await this.drafts.insertOne(doc);
        return fromDoc<Draft>(doc);
      } catch (e) {
        // The unique (task, version) index rejected a concurrent save of the same version: read again.
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
    throw new StorageError(`drafts: could not save a version of task ${taskId} after ${SAVE_ATTEMPTS} concurrent attempts`, {
      code: 'CONFLICT',
    });
  }

  /** The newest draft of a task, or null. */
  async latest(taskId: string): Promise<Draft | null> {
    const doc = await this.drafts.find({ tenantId: this.tenantId, taskId }).sort({ version: -1 }).limit(1).next();
    return fromDocOrNull<Draft>(doc);
  }

  /** One version of a task's draft, or null. */
  async get(taskId: string, version: number): Promise<Draft | null> {
    return fromDocOrNull<Draft>(await this.drafts.findOne({ tenantId: this.tenantId, taskId, version }));
  }

  /** All versions of a task's draft, oldest first. */
  async list(taskId: string): Promise<Draft[]> {
    const docs = await this.drafts.find({ tenantId: this.tenantId, taskId }).sort({ version: 1 }).toArray();
    return docs.map((d) => fromDoc<Draft>(d));
  }
}
