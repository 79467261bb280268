// One collection in memory: documents in natural (insertion) order keyed by their _id,
// plus the index definitions and the structures that enforce unique indexes.
import { CommandError, ErrorCodes } from '../errors.js';
import { UniqueIndex, type IndexSpec } from './index-spec.js';
import { SecondaryIndex, fieldConditions, type IndexPlan } from './secondary-index.js';
import { valueKey, type Doc } from './values.js';

export const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 } };

export class CollectionState {
  readonly docs = new Map<string, Doc>();
  /** Secondary indexes (the _id index is implicit). */
  readonly indexes: IndexSpec[] = [];
  private unique: UniqueIndex[] = [];
  /** Every declared ascending/descending key pattern, used to narrow queries (see secondary-index.ts). */
  private secondary: SecondaryIndex[] = [];
  /** Natural-order position of each document (insertion order, kept on replace), to return index candidates in that order. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  /** Bumped on every change; caches derived from the documents (join hashes) compare it. */
  version = 0;
  /** Caches owned by readers (e.g. $lookup hashes), dropped on any change. */
  readonly derived = new Map<string, unknown>();

  constructor(
    readonly db: string,
    readonly name: string,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Throws E11000 if writing `doc` (replacing the document with id `selfId`, if any) breaks a unique index. */
  checkUnique(doc: Doc, selfId: string | undefined): void {
    const id = valueKey(doc._id);
    if (id !== selfId && this.docs.has(id)) {
      throw new CommandError(
        ErrorCodes.DuplicateKey,
        `E11000 duplicate key error collection: ${this.ns} index: _id_ dup key: { _id: ${JSON.stringify(String(doc._id))} }`,
        { keyPattern: { _id: 1 }, keyValue: { _id: doc._id } },
      );
    }
    for (const index of this.unique) index.check(doc, selfId ?? id);
  }

  /** Stores a document (insert or replace), keeping unique indexes current. */
  put(doc: Doc, maintainIndexes = true): void {
    const id = valueKey(doc._id);
    const old = this.docs.get(id);
    if (maintainIndexes) {
      if (old) for (const index of this.unique) index.remove(old, id);
      for (const index of this.unique) index.add(doc, id);
      for (const index of this.secondary) {
        if (old) index.replace(old, doc, id);
        else index.add(doc, id);
      }
    }
    if (!old) this.seq.set(id, this.nextSeq++);
    this.docs.set(id, doc);
    this.changed();
  }

  private changed(): void {
    this.version++;
    if (this.derived.size > 0) this.derived.clear();
  }

  /** Removes every document (the target of a rename); indexes are rebuilt by the caller. */
  clear(): void {
    this.docs.clear();
    this.seq.clear();
    this.changed();
  }

  delete(id: string, maintainIndexes = true): Doc | undefined {
    const old = this.docs.get(id);
    if (!old) return undefined;
    if (maintainIndexes) {
      for (const index of this.unique) index.remove(old, id);
      for (const index of this.secondary) index.remove(old, id);
    }
    this.docs.delete(id);
    this.seq.delete(id);
    this.changed();
    return old;
  }

  /** Adds an index; a unique index is built first and refused (E11000) if existing documents collide. */
  addIndex(spec: IndexSpec, maintainIndexes = true): void {
    if (spec.unique && maintainIndexes) {
      const index = new UniqueIndex(spec, this.ns);
      for (const [id, doc] of this.docs) {
        index.check(doc, id);
        index.add(doc, id);
      }
      this.unique.push(index);
    }
    if (maintainIndexes && SecondaryIndex.supports(spec) && !this.secondary.some((s) => sameFields(s.spec, spec))) {
      const index = new SecondaryIndex(spec);
      for (const [id, doc] of this.docs) index.add(doc, id);
      this.secondary.push(index);
    }
    this.indexes.push(spec);
  }

  dropIndex(name: string): void {
    const at = this.indexes.findIndex((i) => i.name === name);
    if (at >= 0) this.indexes.splice(at, 1);
    this.unique = this.unique.filter((u) => u.spec.name !== name);
    // Another index may share the dropped one's key pattern: rebuild from the remaining specs.
    if (this.secondary.some((s) => s.spec.name === name)) {
      this.secondary = [];
      for (const spec of this.indexes) {
        if (!SecondaryIndex.supports(spec) || this.secondary.some((s) => sameFields(s.spec, spec))) continue;
        const index = new SecondaryIndex(spec);
        for (const [id, doc] of this.docs) index.add(doc, id);
        this.secondary.push(index);
      }
    }
  }

  /** Rebuilds unique indexes from scratch (after journal replay, where they are not maintained). */
  rebuildIndexes(): void {
    this.unique = [];
    this.secondary = [];
    const specs = this.indexes.splice(0);
    for (const spec of specs) this.addIndex(spec);
  }

  /** The document id for an exact match on every field of some unique index, when one applies. */
  findByUniqueKey(equalities: Map<string, unknown>): string | undefined | null {
    for (const index of this.unique) {
      if (index.spec.partialFilterExpression || index.spec.sparse) continue;
      const fields = index.fieldNames;
      if (fields.length !== equalities.size || !fields.every((f) => equalities.has(f))) continue;
      return index.lookup(fields.map((f) => equalities.get(f))) ?? null;
    }
    return undefined;
  }

  /** The best plan among the declared indexes for a filter's conditions, if any narrows it. */
  planIndex(filter: Doc): IndexPlan | undefined {
    const conds = fieldConditions(filter);
    if (conds.size === 0) return undefined;
    const ids = conds.get('_id')?.eq;
    if (ids) {
      // _id $in: the documents map is the _id index.
      const keys = ids.map(valueKey).filter((k) => this.docs.has(k));
      return { index: undefined, score: Infinity, run: () => new Set(keys) };
    }
    let best: IndexPlan | undefined;
    for (const index of this.secondary) {
      const plan = index.plan(conds);
      if (plan && (!best || plan.score > best.score)) best = plan;
    }
    return best;
  }

  /**
   * Candidate documents for a filter through a declared index, in natural order, or undefined
   * when no index narrows it. A superset of the matches: the caller still applies the filter.
   */
  indexCandidates(filter: Doc): Doc[] | undefined {
    const plan = this.planIndex(filter);
    if (!plan) return undefined;
    const ids = plan.run();
    const n = Array.isArray(ids) ? ids.length : ids.size;
    if (n === 0) return [];
    // Most of the collection: the filter is cheaper on everything than a membership test.
    if (n * 2 > this.docs.size) return this.all();
    if (n * Math.log2(n + 1) > this.docs.size) {
      // Many candidates: one pass in natural order is cheaper than sorting them.
      const set = Array.isArray(ids) ? new Set(ids) : ids;
      const out: Doc[] = [];
      for (const [id, doc] of this.docs) if (set.has(id)) out.push(doc);
      return out;
    }
    const list = Array.isArray(ids) ? ids : Array.from(ids);
    const pos = list.map((id) => this.seq.get(id) ?? 0);
    const order = list.map((_, i) => i).sort((a, b) => (pos[a] as number) - (pos[b] as number));
    const out: Doc[] = [];
    for (const i of order) {
      const doc = this.docs.get(list[i] as string);
      if (doc) out.push(doc);
    }
    return out;
  }

  all(): Doc[] {
    return Array.from(this.docs.values());
  }
}

function sameFields(a: IndexSpec, b: IndexSpec): boolean {
  return Object.keys(a.key).join('\u0000') === Object.keys(b.key).join('\u0000');
}
