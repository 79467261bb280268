import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '../errors.js';
import { collectionOf, newId } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** Where a team's round-robin stands: who got the last task, and how many turns were taken. */
export interface RotationCursor {
  teamId: string;
  last: string | null;
  turn: number;
}

interface StoredCursor {
  _id: string;
  tenantId: string;
  teamId: string;
  last: string | null;
  turn: number;
  updatedAt: Date;
}

export const indexes: CollectionIndexes = {
  collection: 'rotations',
  indexes: [{ name: 'tenant_team_unique', keys: { tenantId: 1, teamId: 1 }, unique: true }],
};

/**
 * Round-robin cursors of one tenant. A turn is taken with a compare-and-set on `turn`, so
 * several worker processes (and restarts) share one order: two takers of the same turn
 * cannot both win, and the loser reads the new cursor and picks again.
 */
export class RotationRepo {
  private readonly cursors: Collection<StoredCursor>;

  constructor(db: Db, private readonly tenantId: string) {
    this.cursors = collectionOf<StoredCursor>(db, indexes.collection);
  }

  /** The team's cursor; a team that never had a turn starts at turn 0 with nobody last. */
  async get(teamId: string): Promise<RotationCursor> {
    const doc = await this.cursors.findOne({ tenantId: this.tenantId, teamId });
    return doc === null ? { teamId, last: null, turn: 0 } : { teamId, last: doc.last, turn: doc.turn };
  }

  /** Records that `userId` got turn `expectedTurn + 1`; false when another taker got there first. */
  async take(teamId: string, expectedTurn: number, userId: string, now: Date): Promise<boolean> {
    const set = { last: userId, turn: expectedTurn + 1, updatedAt: now };
    if (expectedTurn === 0) {
      try {
        const r = await this.cursors.updateOne(
          { tenantId: this.tenantId, teamId, turn: 0 },
          { $set: set, $setOnInsert: { _id: newId() } },
          { upsert: true },
        );
        return r.modifiedCount === 1 || r.upsertedCount === 1;
      } catch (e) {
        // A concurrent first taker inserted the cursor: this turn is gone.
        if (isDuplicateKeyError(e)) return false;
        throw e;
      }
    }
    const r = await this.cursors.updateOne({ tenantId: this.tenantId, teamId, turn: expectedTurn }, { $set: set });
    return r.modifiedCount === 1;
  }
}
