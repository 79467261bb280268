import type { Collection, Db } from 'mongodb';
import type { Role, User, UserIdentities } from '../../core/domain/user.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** What `create` needs; `away` defaults to false. */
export type NewUser = Omit<User, 'id' | 'tenantId' | 'away' | 'createdAt' | 'updatedAt'> & { away?: boolean };

export const indexes: CollectionIndexes = {
  collection: 'users',
  indexes: [
    {
      name: 'tenant_teamsAadObjectId_unique',
      keys: { tenantId: 1, 'identities.teamsAadObjectId': 1 },
      unique: true,
      // Users without a Teams identity are left out of the index, so many may lack one.
      partialFilterExpression: { 'identities.teamsAadObjectId': { $type: 'string' } },
    },
    {
      name: 'tenant_slackUserId_unique',
      keys: { tenantId: 1, 'identities.slackUserId': 1 },
      unique: true,
      partialFilterExpression: { 'identities.slackUserId': { $type: 'string' } },
    },
    { name: 'tenant_roles', keys: { tenantId: 1, roles: 1 } },
  ],
};

/** People of one tenant, found by their chat identities. */
export class UserRepo {
  private readonly users: Collection<Stored<User>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.users = collectionOf<Stored<User>>(db, indexes.collection);
  }

  /** Creates a user; a Teams or Slack identity already taken is a `DUPLICATE_KEY` StorageError. */
  async create(input: NewUser, now: Date): Promise<User> {
    const doc: Stored<User> = { away: false, ...input, _id: newId(), tenantId: this.tenantId, createdAt: now, updatedAt: now };
    try {
      await this.users.insertOne(doc);
    } catch (e) {
      if (isDuplicateKeyError(e)) {
        throw new StorageError(`users: a user with identity ${describeIdentities(input.identities)} already exists`, {
          code: 'DUPLICATE_KEY',
          cause: e,
        });
      }
      throw e;
    }
    return fromDoc<User>(doc);
  }

  /** The user with this id, or null. */
  async get(id: string): Promise<User | null> {
    return fromDocOrNull<User>(await this.users.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The user with this Teams (Entra ID) object id, or null. */
  async findByTeamsId(aadObjectId: string): Promise<User | null> {
    return fromDocOrNull<User>(await this.users.findOne({ tenantId: this.tenantId, 'identities.teamsAadObjectId': aadObjectId }));
  }

  /** The user with this Slack user id, or null. */
  async findBySlackId(slackUserId: string): Promise<User | null> {
    return fromDocOrNull<User>(await this.users.findOne({ tenantId: this.tenantId, 'identities.slackUserId': slackUserId }));
  }

  /** All users, optionally only those holding a role, by display name. */
  async list(filter: { role?: Role } = {}): Promise<User[]> {
    const query = filter.role ? { tenantId: this.tenantId, roles: filter.role } : { tenantId: this.tenantId };
    const docs = await this.users.find(query).sort({ displayName: 1, _id: 1 }).toArray();
    return docs.map((d) => fromDoc<User>(d));
  }

  /** Sets or clears the away flag; false when there is no such user. */
  async setAway(id: string, away: boolean, now: Date): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id, tenantId: this.tenantId }, { $set: { away, updatedAt: now } });
    return result.matchedCount === 1;
  }

  /** Replaces a user's roles; false when there is no such user. */
  async setRoles(id: string, roles: Role[], now: Date): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id, tenantId: this.tenantId }, { $set: { roles, updatedAt: now } });
    return result.matchedCount === 1;
  }
}

function describeIdentities(identities: UserIdentities): string {
  const parts = [
    identities.teamsAadObjectId && `teams:${identities.teamsAadObjectId}`,
    identities.slackUserId && `slack:${identities.slackUserId}`,
  ];
  return parts.filter(Boolean).join(', ') || '(none)';
}
