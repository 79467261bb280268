import type { Collection, Db, UpdateFilter } from 'mongodb';
import type { Task, TaskStatus } from '../../core/domain/task.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** What `create` needs; status defaults to `new`. */
export type NewTask = Omit<Task, 'id' | 'tenantId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'closedAt'> & {
  status?: TaskStatus;
};

/** Fields a transition may change; `null` removes an optional field (e.g. unassign). */
export interface TaskPatch {
  status?: TaskStatus;
  assignee?: string | null;
  teamId?: string | null;
  customerSorId?: string | null;
  intents?: string[];
  reasons?: string[];
  closedAt?: Date | null;
}

/** Outcome of an optimistic transition: the updated task, or why nothing changed. */
export type TransitionResult =
  | { ok: true; task: Task }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'version_conflict'; current: Task };

export const indexes: CollectionIndexes = {
  collection: 'tasks',
  indexes: [
    { name: 'tenant_status_createdAt', keys: { tenantId: 1, status: 1, createdAt: 1 } },
    { name: 'tenant_assignee_status', keys: { tenantId: 1, assignee: 1, status: 1 } },
    { name: 'tenant_emailId', keys: { tenantId: 1, emailId: 1 } },
  ],
};

/** Review tasks of one tenant, changed only through versioned transitions. */
export class TaskRepo {
  private readonly tasks: Collection<Stored<Task>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.tasks = collectionOf<Stored<Task>>(db, indexes.collection);
  }

  /** Creates a task at version 1. */
  async create(input: NewTask, now: Date): Promise<Task> {
    const doc: Stored<Task> = {
      status: 'new',
      ...input,
      _id: newId(),
      tenantId: this.tenantId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.tasks.insertOne(doc);
    return fromDoc<Task>(doc);
  }

  /** The task with this id, or null. */
  async get(id: string): Promise<Task | null> {
    return fromDocOrNull<Task>(await this.tasks.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The tasks raised for one email, oldest first. */
  async findByEmail(emailId: string): Promise<Task[]> {
    const docs = await this.tasks.find({ tenantId: this.tenantId, emailId }).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /** Tasks in any of these statuses, oldest first. */
  async listByStatus(statuses: readonly TaskStatus[], limit = 100): Promise<Task[]> {
    const docs = await this.tasks
      .find({ tenantId: this.tenantId, status: { $in: [...statuses] } })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /** A user's tasks, optionally only some statuses, oldest first. */
  async listByAssignee(assignee: string, statuses?: readonly TaskStatus[]): Promise<Task[]> {
    const query = statuses
      ? { tenantId: this.tenantId, assignee, status: { $in: [...statuses] } }
      : { tenantId: this.tenantId, assignee };
    const docs = await this.tasks.find(query).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /**
   * Applies `patch` only if the task is still at `expectedVersion` (one atomic findOneAndUpdate),
   * bumping the version; a stale version yields `version_conflict` with the current task.
   */
  async transition(id: string, expectedVersion: number, patch: TaskPatch, now: Date): Promise<TransitionResult> {
    const doc = await this.tasks.findOneAndUpdate(
      { _id: id, tenantId: this.tenantId, version: expectedVersion },
      toUpdate(patch, now),
      { returnDocument: 'after' },
    );
    if (doc !== null) return { ok: true, task: fromDoc<Task>(doc) };
    const current = await this.get(id);
    return current === null ? { ok: false, reason: 'not_found' } : { ok: false, reason: 'version_conflict', current };
  }
}

function toUpdate(patch: TaskPatch, now: Date): UpdateFilter<Stored<Task>> {
  const set: Partial<Stored<Task>> = { updatedAt: now };
  const unset: Partial<Record<keyof TaskPatch, ''>> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.intents !== undefined) set.intents = patch.intents;
  if (patch.reasons !== undefined) set.reasons = patch.reasons;
  for (const key of ['assignee', 'teamId', 'customerSorId'] as const) {
    const value = patch[key];
    if (value === null) unset[key] = '';
    else if (value !== undefined) set[key] = value;
  }
  if (patch.closedAt === null) unset.closedAt = '';
  else if (patch.closedAt !== undefined) set.closedAt = patch.closedAt;
  const update: UpdateFilter<Stored<Task>> = { $set: set, $inc: { version: 1 } };
  if (Object.keys(unset).length > 0) update.$unset = unset;
  return update;
}
