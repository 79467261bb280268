import type { Collection, Db } from 'mongodb';
import type { Setting } from '../../core/domain/setting.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { collectionOf, newId } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

type StoredSetting = Setting & { _id: string };

export const indexes: CollectionIndexes = {
  collection: 'settings',
  indexes: [{ name: 'tenant_key_unique', keys: { tenantId: 1, key: 1 }, unique: true }],
};

/** Runtime settings of one tenant, one document per key; values are `unknown` until the caller parses them. */
export class SettingRepo {
  private readonly settings: Collection<StoredSetting>;

  constructor(db: Db, private readonly tenantId: string) {
    this.settings = collectionOf<StoredSetting>(db, indexes.collection);
  }

  /** The setting stored under `key`, or null. */
  async get(key: string): Promise<Setting | null> {
    const doc = await this.settings.findOne({ tenantId: this.tenantId, key });
    return doc === null ? null : toSetting(doc);
  }

  /** Stores `value` under `key`, replacing any earlier value (and who set it). */
  async set(key: string, value: unknown, now: Date, updatedBy?: string): Promise<Setting> {
    try {
      return await this.upsert(key, value, now, updatedBy);
    } catch (e) {
      // Two first writes of one key can race to insert it; the loser retries as an update.
      if (!isDuplicateKeyError(e)) throw e;
      return this.upsert(key, value, now, updatedBy);
    }
  }

  /** All settings, by key. */
  async list(): Promise<Setting[]> {
    const docs = await this.settings.find({ tenantId: this.tenantId }).sort({ key: 1 }).toArray();
    return docs.map(toSetting);
  }

  /** Removes a setting; false when there was none. */
  async delete(key: string): Promise<boolean> {
    const result = await this.settings.deleteOne({ tenantId: this.tenantId, key });
    return result.deletedCount === 1;
  }

  private async upsert(key: string, value: unknown, now: Date, updatedBy: string | undefined): Promise<Setting> {
    const doc = await this.settings.findOneAndUpdate(
      { tenantId: this.tenantId, key },
      updatedBy === undefined
        ? { $set: { value, updatedAt: now }, $unset: { updatedBy: '' }, $setOnInsert: { _id: newId() } }
        : { $set: { value, updatedAt: now, updatedBy }, $setOnInsert: { _id: newId() } },
      { upsert: true, returnDocument: 'after' },
    );
    if (doc === null) throw new StorageError(`settings: upsert of ${key} returned no document`);
    return toSetting(doc);
  }
}

function toSetting(doc: StoredSetting): Setting {
  const { _id, ...setting } = doc;
  return setting;
}
