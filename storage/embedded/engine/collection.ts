// One collection in memory: documents in natural (insertion) order keyed by their _id,
// plus the index definitions and the structures that enforce unique indexes.
import { CommandError, ErrorCodes } from '../errors.js';
import { UniqueIndex, type IndexSpec } from './index-spec.js';
import { valueKey, type Doc } from './values.js';

export const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 } };

export class CollectionState {
  readonly docs = new Map<string, Doc>();
  /** Secondary indexes (the _id index is implicit). */
  readonly indexes: IndexSpec[] = [];
  private unique: UniqueIndex[] = [];

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
    }
    this.docs.set(id, doc);
  }

  delete(id: string, maintainIndexes = true): Doc | undefined {
    const old = this.docs.get(id);
    if (!old) return undefined;
    if (maintainIndexes) for (const index of this.unique) index.remove(old, id);
    this.docs.delete(id);
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
    this.indexes.push(spec);
  }

  dropIndex(name: string): void {
    const at = this.indexes.findIndex((i) => i.name === name);
    if (at >= 0) this.indexes.splice(at, 1);
    this.unique = this.unique.filter((u) => u.spec.name !== name);
  }

  /** Rebuilds unique indexes from scratch (after journal replay, where they are not maintained). */
  rebuildIndexes(): void {
    this.unique = [];
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

  all(): Doc[] {
    return Array.from(this.docs.values());
  }
}
