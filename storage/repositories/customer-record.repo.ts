// What arbot itself keeps about a customer beside the SoR's record: notes, archiving, merges
// and the blank fields a merge filled in. Kept apart from `customers` because the SoR sync
// rewrites (and may delete) those documents; this state must survive both.
import type { Collection, Db } from 'mongodb';
import { collectionOf, newId } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** An internal note on a customer (never sent to the customer). */
export interface CustomerNote {
  id: string;
  /** User id of the author. */
  by: string;
  at: Date;
  text: string;
  /** The customer the note was written on, when a merge moved it here. */
  movedFrom?: string;
}

/** Fields of the SoR record that were blank and filled from a merged duplicate. */
export interface FilledFields {
  billingOwner?: string;
  domains?: string[];
}

/** arbot's own state of one customer record. */
export interface CustomerLocalState {
  sorId: string;
  notes: CustomerNote[];
  archived?: { at: Date; by: string };
  /** Set on a merge's source: the record now lives on `sorId` (irreversible). */
  mergedInto?: { sorId: string; at: Date; by: string; completed: boolean };
  /** Customers merged into this one, oldest first: their history shows here. */
  mergedFrom: string[];
  filled?: FilledFields;
  updatedAt?: Date;
}

interface LocalDoc extends Omit<CustomerLocalState, 'notes' | 'mergedFrom'> {
  _id: string;
  tenantId: string;
  notes?: CustomerNote[];
  mergedFrom?: string[];
}

export const indexes: CollectionIndexes = {
  collection: 'customer_records',
  indexes: [{ name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true }],
};

const empty = (sorId: string): CustomerLocalState => ({ sorId, notes: [], mergedFrom: [] });

function toState(doc: LocalDoc | null, sorId: string): CustomerLocalState {
  if (doc === null) return empty(sorId);
  const { _id: _i, tenantId: _t, notes, mergedFrom, ...rest } = doc;
  return { ...rest, notes: notes ?? [], mergedFrom: mergedFrom ?? [] };
}

/** Local customer-record state of one tenant, one document per customer (created on first write). */
export class CustomerRecordRepo {
  private readonly records: Collection<LocalDoc>;

  constructor(db: Db, private readonly tenantId: string) {
    this.records = collectionOf<LocalDoc>(db, indexes.collection);
  }

  /** The local state of a customer (empty when nothing was ever recorded). */
  async get(sorId: string): Promise<CustomerLocalState> {
    return toState(await this.records.findOne({ tenantId: this.tenantId, sorId }), sorId);
  }

  /** Customers archived or merged away (few: read at once by the search instead of one lookup per hit). */
  async listFlagged(): Promise<Map<string, Pick<CustomerLocalState, 'archived' | 'mergedInto'>>> {
    const docs = await this.records
      .find({ tenantId: this.tenantId, $or: [{ archived: { $exists: true } }, { mergedInto: { $exists: true } }] }, { projection: { sorId: 1, archived: 1, mergedInto: 1 } })
      .toArray();
    return new Map(docs.map((d) => [d.sorId, { ...(d.archived ? { archived: d.archived } : {}), ...(d.mergedInto ? { mergedInto: d.mergedInto } : {}) }]));
  }

  /** Adds a note; returns it. */
  async addNote(sorId: string, note: Omit<CustomerNote, 'id'>, now: Date): Promise<CustomerNote> {
    const stored: CustomerNote = { id: newId(), ...note };
    await this.upsert(sorId, { $push: { notes: stored }, $set: { updatedAt: now } });
    return stored;
  }

  /** Archives a customer record; false when it already was. */
  async archive(sorId: string, by: string, now: Date): Promise<boolean> {
    await this.upsert(sorId, { $set: { updatedAt: now } });
    const r = await this.records.updateOne({ tenantId: this.tenantId, sorId, archived: { $exists: false } }, { $set: { archived: { at: now, by }, updatedAt: now } });
    return r.modifiedCount === 1;
  }

  /**
   * Marks `source` as merged into `target` unless it already is merged into anything: the one
   * write that decides a merge, so two concurrent merges of the same source cannot both win.
   */
  async claimMerge(source: string, target: string, by: string, now: Date): Promise<{ claimed: true } | { claimed: false; mergedInto: string }> {
    await this.upsert(source, { $set: { updatedAt: now } });
    const r = await this.records.updateOne(
      { tenantId: this.tenantId, sorId: source, mergedInto: { $exists: false } },
      { $set: { mergedInto: { sorId: target, at: now, by, completed: false }, updatedAt: now } },
    );
    if (r.modifiedCount === 1) return { claimed: true };
    const state = await this.get(source);
    return { claimed: false, mergedInto: state.mergedInto?.sorId ?? target };
  }

  /** Moves every note of `source` to `target` (marked with where they came from); returns how many moved. */
  async moveNotes(source: string, target: string, now: Date): Promise<number> {
    const from = await this.get(source);
    if (from.notes.length === 0) return 0;
    const moved = from.notes.map((n) => ({ ...n, movedFrom: n.movedFrom ?? source }));
    // Append to the target first: a crash in between leaves the notes twice, never nowhere.
    const ids = new Set((await this.get(target)).notes.map((n) => n.id));
    const fresh = moved.filter((n) => !ids.has(n.id));
    if (fresh.length > 0) await this.upsert(target, { $push: { notes: { $each: fresh } }, $set: { updatedAt: now } });
    await this.records.updateOne({ tenantId: this.tenantId, sorId: source }, { $set: { notes: [], updatedAt: now } });
    return moved.length;
  }

  /** Records on the target that `source` was merged into it, with the blank fields it filled. */
  async recordMergedFrom(target: string, source: string, filled: FilledFields, now: Date): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: now };
    if (filled.billingOwner !== undefined) set['filled.billingOwner'] = filled.billingOwner;
    if (filled.domains !== undefined) set['filled.domains'] = filled.domains;
    await this.upsert(target, { $addToSet: { mergedFrom: source }, $set: set });
  }

  /** Marks the source's merge as complete (everything moved). */
  async completeMerge(source: string, now: Date): Promise<void> {
    await this.records.updateOne({ tenantId: this.tenantId, sorId: source }, { $set: { 'mergedInto.completed': true, updatedAt: now } });
  }

  private async upsert(sorId: string, update: Record<string, unknown>): Promise<void> {
    const setOnInsert = { _id: newId() };
    const withInsert = { ...update, $setOnInsert: { ...setOnInsert, ...((update['$setOnInsert'] as object | undefined) ?? {}) } };
    await this.records.updateOne({ tenantId: this.tenantId, sorId }, withInsert, { upsert: true });
  }
}
