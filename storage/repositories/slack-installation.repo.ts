import type { Collection, Db } from 'mongodb';
import { collectionOf, newId } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/**
 * One Slack workspace (or Enterprise Grid organization) that installed the app through OAuth.
 * `installation` is what Slack's OAuth flow returned, kept as is; it holds the bot token, so it
 * is a secret: never log a record.
 */
export interface SlackInstallationRecord {
  /** "T:<teamId>" for a workspace install, "E:<enterpriseId>" for an org-wide install. */
  key: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  installation: Record<string, unknown>;
  installedAt: Date;
}

interface StoredInstallation extends SlackInstallationRecord {
  _id: string;
  tenantId: string;
}

export const indexes: CollectionIndexes = {
  collection: 'slack_installations',
  indexes: [{ name: 'tenant_key_unique', keys: { tenantId: 1, key: 1 }, unique: true }],
};

/** The installation key of a workspace or an organization. */
export function slackInstallationKey(q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string | null {
  if (q.isEnterpriseInstall === true && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  return q.enterpriseId ? `E:${q.enterpriseId}` : null;
}

/** Slack OAuth installations of one tenant, one per workspace or organization. */
export class SlackInstallationRepo {
  private readonly installations: Collection<StoredInstallation>;

  constructor(db: Db, private readonly tenantId: string) {
    this.installations = collectionOf<StoredInstallation>(db, indexes.collection);
  }

  /** Stores an installation, replacing the earlier one of the same workspace (a reinstall). */
  async save(record: SlackInstallationRecord): Promise<void> {
    const { key, ...rest } = record;
    await this.installations.updateOne(
      { tenantId: this.tenantId, key },
      { $set: { ...rest, key, tenantId: this.tenantId }, $setOnInsert: { _id: newId() } },
      { upsert: true },
    );
  }

  /** The installation stored under `key`, or null. */
  async get(key: string): Promise<SlackInstallationRecord | null> {
    const doc = await this.installations.findOne({ tenantId: this.tenantId, key });
    return doc === null ? null : toRecord(doc);
  }

  /** Every installation, oldest first. */
  async list(): Promise<SlackInstallationRecord[]> {
    const docs = await this.installations.find({ tenantId: this.tenantId }).sort({ installedAt: 1, _id: 1 }).toArray();
    return docs.map(toRecord);
  }

  /** Removes an installation (app uninstalled); false when there was none. */
  async delete(key: string): Promise<boolean> {
    const result = await this.installations.deleteOne({ tenantId: this.tenantId, key });
    return result.deletedCount === 1;
  }
}

function toRecord(doc: StoredInstallation): SlackInstallationRecord {
  const { _id, tenantId: _tenantId, ...record } = doc;
  return record;
}
