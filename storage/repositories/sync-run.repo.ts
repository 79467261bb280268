// SoR sync runs and the sync state of a tenant: the per-entity modified-since cursors, when
// the last full sync ended, and the lock that keeps one sync at a time per tenant.
import { randomUUID } from 'node:crypto';
import type { Collection, Db, Document } from 'mongodb';
import type { ConsistencyProblem } from '../../core/sor/consistency.js';
import type { EntityCursors } from '../../core/sor/cursor.js';
import type { SorEntity } from '../../core/sor/sor-connector.js';
import type { EntityCounts, EntityProgress, InvalidRecord, SyncRun, SyncRunStatus } from '../../core/sor/sync-run.js';
import { collectionOf, fromDoc, fromDocOrNull, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

export const indexes: CollectionIndexes = {
  collection: 'sorSyncRuns',
  indexes: [{ name: 'tenant_startedAt', keys: { tenantId: 1, startedAt: -1 } }],
};

export const stateIndexes: CollectionIndexes = {
  collection: 'sorSyncState',
  indexes: [{ name: 'tenant_unique', keys: { tenantId: 1 }, unique: true }],
};

/** Who holds the sync lock: enough to tell whether a local holder died. */
export interface SyncLockOwner {
  worker: string;
  host: string;
  pid: number;
}

export interface SyncLock {
  token: string;
  owner: SyncLockOwner;
  until: Date;
}

export interface SyncState {
  tenantId: string;
  /** The source the cursors belong to; another source starts over with a full sync. */
  sourceId?: string;
  cursors: EntityCursors;
  lastFullAt?: Date;
  lock?: SyncLock;
}

export type NewSyncRun = Omit<SyncRun, 'id' | 'tenantId'>;

/** One batch's worth of run bookkeeping, written after the batch's records are stored. */
export interface RunBatchUpdate {
  entity: SorEntity;
  /** The entity's new progress; absent: unchanged. */
  progress?: EntityProgress;
  counts: Partial<EntityCounts>;
  invalid: InvalidRecord[];
  invalidTotal: number;
  problems: ConsistencyProblem[];
  problemsTotal: number;
}

type StoredState = SyncState & { _id: string };

export class SyncRunRepo {
  private readonly runs: Collection<Stored<SyncRun>>;
  private readonly state: Collection<StoredState>;

  constructor(db: Db, private readonly tenantId: string) {
    this.runs = collectionOf<Stored<SyncRun>>(db, indexes.collection);
    this.state = collectionOf<StoredState>(db, stateIndexes.collection);
  }

  // --- runs ---

  async create(run: NewSyncRun): Promise<SyncRun> {
    const doc = { ...run, _id: randomUUID(), tenantId: this.tenantId };
    await this.runs.insertOne(doc);
    return fromDoc<SyncRun>(doc);
  }

  async get(id: string): Promise<SyncRun | null> {
    return fromDocOrNull<SyncRun>(await this.runs.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The newest runs, newest first. */
  async latest(limit: number): Promise<SyncRun[]> {
    const docs = await this.runs.find({ tenantId: this.tenantId }).sort({ startedAt: -1 }).limit(limit).toArray();
    return docs.map((d) => fromDoc<SyncRun>(d));
  }

  /** Runs to resume: still marked running (their process died) or interrupted, oldest first. Call it holding the lock. */
  async unfinished(): Promise<SyncRun[]> {
    const docs = await this.runs.find({ tenantId: this.tenantId, status: { $in: ['running', 'interrupted'] } }).sort({ startedAt: 1 }).toArray();
    return docs.map((d) => fromDoc<SyncRun>(d));
  }

  /** Records one stored batch: its counts, the entity's progress (checkpoint), refused records and problems (capped by the caller). */
  async recordBatch(id: string, update: RunBatchUpdate): Promise<void> {
    const inc: Document = {};
    for (const [k, v] of Object.entries(update.counts)) if (v) inc[`counts.${update.entity}.${k}`] = v;
    const push: Document = {};
    if (update.invalid.length > 0) push['invalid'] = { $each: update.invalid };
    if (update.problems.length > 0) push['problems'] = { $each: update.problems };
    await this.runs.updateOne(
      { _id: id, tenantId: this.tenantId },
      {
        $set: {
          ...(update.progress !== undefined && { [`progress.${update.entity}`]: update.progress }),
          invalidTotal: update.invalidTotal,
          problemsTotal: update.problemsTotal,
        },
        ...(Object.keys(inc).length > 0 && { $inc: inc }),
        ...(Object.keys(push).length > 0 && { $push: push }),
      },
    );
  }

  async markResumed(id: string): Promise<void> {
    await this.runs.updateOne({ _id: id, tenantId: this.tenantId }, { $inc: { resumed: 1 }, $set: { status: 'running' }, $unset: { error: '' } });
  }

  async finish(id: string, status: Exclude<SyncRunStatus, 'running'>, at: Date, error?: string): Promise<void> {
    await this.runs.updateOne({ _id: id, tenantId: this.tenantId }, { $set: { status, finishedAt: at, ...(error !== undefined && { error }) } });
  }

  // --- state ---

  async getState(): Promise<SyncState> {
    const doc = await this.state.findOne({ tenantId: this.tenantId });
    if (doc === null) return { tenantId: this.tenantId, cursors: {} };
    const { _id, ...state } = doc;
    return state;
  }

  /** Points the state at `sourceId`; a different source than before drops the cursors and the last full sync. */
  async useSource(sourceId: string): Promise<SyncState> {
    const current = await this.getState();
    if (current.sourceId === sourceId) return current;
    await this.state.updateOne({ tenantId: this.tenantId }, { $set: { sourceId, cursors: {} }, $unset: { lastFullAt: '' } }, { upsert: true });
    return { ...current, sourceId, cursors: {}, lastFullAt: undefined };
  }

  async setCursor(entity: SorEntity, modifiedSince: Date | undefined): Promise<void> {
    await this.state.updateOne(
      { tenantId: this.tenantId },
      modifiedSince === undefined ? { $unset: { [`cursors.${entity}`]: '' } } : { $set: { [`cursors.${entity}`]: { modifiedSince } } },
      { upsert: true },
    );
  }

  async setLastFullAt(at: Date): Promise<void> {
    await this.state.updateOne({ tenantId: this.tenantId }, { $set: { lastFullAt: at } }, { upsert: true });
  }

  /**
   * Takes the tenant's sync lock for `leaseMs` when it is free, expired, or held by an owner
   * `isDead` says is gone; returns the lock, or the current holder when it is taken.
   */
  async tryLock(owner: SyncLockOwner, now: Date, leaseMs: number, isDead: (owner: SyncLockOwner) => boolean): Promise<{ lock: SyncLock } | { heldBy: SyncLock }> {
    const lock: SyncLock = { token: randomUUID(), owner, until: new Date(now.getTime() + leaseMs) };
    await this.state.updateOne({ tenantId: this.tenantId }, { $setOnInsert: { _id: randomUUID(), cursors: {} } }, { upsert: true });
    const doc = await this.state.findOne({ tenantId: this.tenantId });
    const held = doc?.lock;
    if (held && held.until > now && !isDead(held.owner)) return { heldBy: held };
    // Compare-and-set on the token we read, so two claimers cannot both win.
    const filter = held ? { tenantId: this.tenantId, 'lock.token': held.token } : { tenantId: this.tenantId, lock: { $exists: false } };
    const r = await this.state.updateOne(filter, { $set: { lock } });
    if (r.matchedCount === 1) return { lock };
    const now2 = await this.state.findOne({ tenantId: this.tenantId });
    return { heldBy: now2?.lock ?? lock };
  }

  /** Extends a held lock; false when it was lost (taken over after expiry). */
  async renewLock(token: string, until: Date): Promise<boolean> {
    const r = await this.state.updateOne({ tenantId: this.tenantId, 'lock.token': token }, { $set: { 'lock.until': until } });
    return r.matchedCount === 1;
  }

  async unlock(token: string): Promise<void> {
    await this.state.updateOne({ tenantId: this.tenantId, 'lock.token': token }, { $unset: { lock: '' } });
  }
}
