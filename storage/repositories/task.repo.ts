import type { Collection, Db, UpdateFilter } from 'mongodb';
import type { Task, TaskCorrections, TaskNote, TaskPost, TaskPriority, TaskStatus } from '../../core/domain/task.js';
import { OPEN_TASK_STATUSES } from '../../core/domain/task.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';
import { insertOrGet } from './insert-or-get.js';

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
  invoiceNumbers?: string[];
  amount?: number;
  priority?: TaskPriority;
  dueAt?: Date | null;
  remindAt?: Date | null;
  remindedAt?: Date | null;
  escalatedAt?: Date | null;
  corrections?: TaskCorrections | null;
  closeReason?: string | null;
  approvedBy?: string | null;
  closedAt?: Date | null;
  /** Replaces the list of places the card is shown. */
  posts?: TaskPost[];
  /** Appends one internal note. */
  addNote?: TaskNote;
}

/** Outcome of `createOnce`: the new task, or the one already made for the same email. */
export type CreateOnceResult = { created: true; task: Task } | { created: false; task: Task };

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
    // One task per email: a second intake of the same email finds the first task (createOnce).
    { name: 'tenant_emailId', keys: { tenantId: 1, emailId: 1 }, unique: true },
    { name: 'tenant_status_dueAt', keys: { tenantId: 1, status: 1, dueAt: 1 } },
    { name: 'tenant_status_remindAt', keys: { tenantId: 1, status: 1, remindAt: 1 } },
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

  /** Creates the task of an email unless one exists already (unique per email), which is returned instead. */
  async createOnce(input: NewTask, now: Date): Promise<CreateOnceResult> {
    const doc: Stored<Task> = {
      status: 'new',
      ...input,
      _id: newId(),
      tenantId: this.tenantId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const outcome = await insertOrGet(this.tasks, doc, { tenantId: this.tenantId, emailId: input.emailId });
    if (outcome.inserted) return { created: true, task: fromDoc<Task>(doc) };
    if (outcome.existing === null) throw new Error(`tasks: the task of email ${input.emailId} vanished while it was being created`);
    return { created: false, task: fromDoc<Task>(outcome.existing) };
  }

  /** How many open tasks each of these users holds (users with none are 0). */
  async openCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(userIds.map((u) => [u, 0]));
    const docs = await this.tasks
      .aggregate<{ _id: string; n: number }>([
        { $match: { tenantId: this.tenantId, assignee: { $in: [...userIds] }, status: { $in: [...OPEN_TASK_STATUSES] } } },
        { $group: { _id: '$assignee', n: { $sum: 1 } } },
      ])
      .toArray();
    for (const d of docs) counts.set(d._id, d.n);
    return counts;
  }

  /** Open tasks per status (statuses with none are left out). */
  async openStatusCounts(): Promise<Partial<Record<TaskStatus, number>>> {
    const docs = await this.tasks
      .aggregate<{ _id: TaskStatus; n: number }>([
        { $match: { tenantId: this.tenantId, status: { $in: [...OPEN_TASK_STATUSES] } } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(docs.map((d) => [d._id, d.n]));
  }

  /** Open tasks per assignee (unassigned ones left out). */
  async openByAssignee(): Promise<Map<string, number>> {
    const docs = await this.tasks
      .aggregate<{ _id: string; n: number }>([
        { $match: { tenantId: this.tenantId, status: { $in: [...OPEN_TASK_STATUSES] }, assignee: { $exists: true } } },
        { $group: { _id: '$assignee', n: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(docs.map((d) => [d._id, d.n]));
  }

  /** How many open tasks match: past their due time, or about one customer. */
  async countOpen(filter: { overdueAt?: Date; customerSorId?: string; teamIds?: readonly string[] } = {}): Promise<number> {
    return this.tasks.countDocuments({
      tenantId: this.tenantId,
      status: { $in: [...OPEN_TASK_STATUSES] },
      ...(filter.overdueAt ? { dueAt: { $lte: filter.overdueAt } } : {}),
      ...(filter.customerSorId ? { customerSorId: filter.customerSorId } : {}),
      ...(filter.teamIds ? { teamId: { $in: [...filter.teamIds] } } : {}),
    });
  }

  /** Tasks closed (sent or closed without reply) since `since`. */
  async countClosedSince(since: Date): Promise<number> {
    return this.tasks.countDocuments({ tenantId: this.tenantId, status: { $in: ['sent', 'closed_no_reply'] }, closedAt: { $gte: since } });
  }

  /** Open tasks of some teams, most urgent (earliest due) first. */
  async listOpenForTeams(teamIds: readonly string[], limit = 20): Promise<Task[]> {
    const docs = await this.tasks
      .find({ tenantId: this.tenantId, status: { $in: [...OPEN_TASK_STATUSES] }, teamId: { $in: [...teamIds] } })
      .sort({ dueAt: 1, createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /** Open tasks whose reminder or due time has come (SLA work), oldest due first. */
  async listSlaDue(now: Date, limit = 100): Promise<Task[]> {
    const open = { $in: [...OPEN_TASK_STATUSES] };
    const docs = await this.tasks
      .find({
        tenantId: this.tenantId,
        status: open,
        $or: [
          { remindAt: { $lte: now }, remindedAt: { $exists: false } },
          { dueAt: { $lte: now }, escalatedAt: { $exists: false } },
        ],
      })
      .sort({ dueAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /**
   * Records where the task's card was posted. Not a workflow change, so the version stays:
   * a person's click planned against the current version is not turned into a conflict.
   */
  async addPosts(id: string, posts: readonly TaskPost[]): Promise<void> {
    if (posts.length === 0) return;
    await this.tasks.updateOne({ _id: id, tenantId: this.tenantId }, { $push: { posts: { $each: [...posts] } } });
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

  /** Tasks about a customer (any status), newest first (the customer record's timeline and merges). */
  async listByCustomer(customerSorId: string, limit = 500): Promise<Task[]> {
    const docs = await this.tasks.find({ tenantId: this.tenantId, customerSorId }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
    return docs.map((d) => fromDoc<Task>(d));
  }

  /** Tasks about an invoice (any status), newest first (the invoice record). */
  async listByInvoiceNumber(invoiceNumber: string, limit = 50): Promise<Task[]> {
    const docs = await this.tasks.find({ tenantId: this.tenantId, invoiceNumbers: invoiceNumber }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
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
  if (patch.invoiceNumbers !== undefined) set.invoiceNumbers = patch.invoiceNumbers;
  if (patch.amount !== undefined) set.amount = patch.amount;
  if (patch.priority !== undefined) set.priority = patch.priority;
  if (patch.posts !== undefined) set.posts = patch.posts;
  for (const key of ['assignee', 'teamId', 'customerSorId', 'closeReason', 'approvedBy'] as const) {
    const value = patch[key];
    if (value === null) unset[key] = '';
    else if (value !== undefined) set[key] = value;
  }
  for (const key of ['dueAt', 'remindAt', 'remindedAt', 'escalatedAt', 'closedAt'] as const) {
    const value = patch[key];
    if (value === null) unset[key] = '';
    else if (value !== undefined) set[key] = value;
  }
  if (patch.corrections === null) unset.corrections = '';
  else if (patch.corrections !== undefined) set.corrections = patch.corrections;
  const update: UpdateFilter<Stored<Task>> = { $set: set, $inc: { version: 1 } };
  if (Object.keys(unset).length > 0) update.$unset = unset;
  if (patch.addNote !== undefined) update.$push = { notes: patch.addNote };
  return update;
}
