import type { Collection, Db } from 'mongodb';
import type { Team, TeamChannels } from '../../core/domain/team.js';
import { isDuplicateKeyError, StorageError } from '../errors.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** What `create` needs. */
export type NewTeam = Omit<Team, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'teams',
  indexes: [
    { name: 'tenant_name_unique', keys: { tenantId: 1, name: 1 }, unique: true },
    { name: 'tenant_members', keys: { tenantId: 1, members: 1 } },
  ],
};

/** Teams of one tenant: members and the channels their tasks go to. */
export class TeamRepo {
  private readonly teams: Collection<Stored<Team>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.teams = collectionOf<Stored<Team>>(db, indexes.collection);
  }

  /** Creates a team; a name already taken is a `DUPLICATE_KEY` StorageError. */
  async create(input: NewTeam, now: Date): Promise<Team> {
    const doc: Stored<Team> = { ...input, _id: newId(), tenantId: this.tenantId, createdAt: now, updatedAt: now };
    try {
      await this.teams.insertOne(doc);
    } catch (e) {
      if (isDuplicateKeyError(e)) {
        throw new StorageError(`teams: a team named "${input.name}" already exists`, { code: 'DUPLICATE_KEY', cause: e });
      }
      throw e;
    }
    return fromDoc<Team>(doc);
  }

  /** The team with this id, or null. */
  async get(id: string): Promise<Team | null> {
    return fromDocOrNull<Team>(await this.teams.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The team with this name, or null. */
  async findByName(name: string): Promise<Team | null> {
    return fromDocOrNull<Team>(await this.teams.findOne({ tenantId: this.tenantId, name }));
  }

  /** The teams a user belongs to, by name. */
  async findByMember(userId: string): Promise<Team[]> {
    const docs = await this.teams.find({ tenantId: this.tenantId, members: userId }).sort({ name: 1 }).toArray();
    return docs.map((d) => fromDoc<Team>(d));
  }

  /** All teams, by name. */
  async list(): Promise<Team[]> {
    const docs = await this.teams.find({ tenantId: this.tenantId }).sort({ name: 1 }).toArray();
    return docs.map((d) => fromDoc<Team>(d));
  }

  /** Replaces a team's member list; false when there is no such team. */
  async setMembers(id: string, members: string[], now: Date): Promise<boolean> {
    const result = await this.teams.updateOne({ _id: id, tenantId: this.tenantId }, { $set: { members, updatedAt: now } });
    return result.matchedCount === 1;
  }

  /** Replaces a team's channel references; false when there is no such team. */
  async setChannels(id: string, channels: TeamChannels, now: Date): Promise<boolean> {
    const result = await this.teams.updateOne({ _id: id, tenantId: this.tenantId }, { $set: { channels, updatedAt: now } });
    return result.matchedCount === 1;
  }

  /** Sets where SLA breaches of the team's tasks are escalated and who its managers are; false when there is no such team. */
  async setEscalation(id: string, escalation: { channels?: TeamChannels; managers?: string[] }, now: Date): Promise<boolean> {
    const set: Record<string, unknown> = { updatedAt: now };
    if (escalation.channels !== undefined) set['escalationChannels'] = escalation.channels;
    if (escalation.managers !== undefined) set['managers'] = escalation.managers;
    const result = await this.teams.updateOne({ _id: id, tenantId: this.tenantId }, { $set: set });
    return result.matchedCount === 1;
  }
}
