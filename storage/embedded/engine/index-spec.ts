// Index definitions and the in-memory structure that enforces unique indexes.
import { Query } from 'mingo';
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import { getPath, renderKeyValue, valueKey, type Doc } from './values.js';

export interface IndexSpec {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

/** The default name mongod gives an index: `field_1_other_-1`. */
export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key).map(([k, v]) => `${k}_${String(v)}`).join('_');
}

/** Validates a createIndexes entry and fills its name. */
export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (raw === null || typeof raw !== 'object') throw badValue('index specification must be an object');
  const spec = { ...(raw as Doc) } as Doc;
  const key = spec.key;
  if (key === null || typeof key !== 'object' || Object.keys(key as Doc).length === 0) {
    throw new CommandError(ErrorCodes.FailedToParse, "Index spec must have a non-empty 'key' document");
  }
  const name = typeof spec.name === 'string' && spec.name.length > 0 ? spec.name : defaultIndexName(key as Doc);
  delete spec.v;
  delete spec.background;
  delete spec.ns;
  return { ...spec, name, key: key as Record<string, unknown> } as IndexSpec;
}

/** Options that make two specs with the same key different indexes. */
function optionsSignature(spec: IndexSpec): string {
  return JSON.stringify({
    unique: spec.unique === true,
    sparse: spec.sparse === true,
    partial: spec.partialFilterExpression ?? null,
    ttl: spec.expireAfterSeconds ?? null,
  });
}

export function sameKey(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify(a.key) === JSON.stringify(b.key);
}

export function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return optionsSignature(a) === optionsSignature(b);
}

/** A unique index: key string → id key of the one document holding it. */
export class UniqueIndex {
  private readonly entries = new Map<string, string>();
  private readonly fields: string[];
  private readonly partial?: Query;

  constructor(readonly spec: IndexSpec, private readonly ns: string) {
    this.fields = Object.keys(spec.key);
    if (spec.partialFilterExpression) this.partial = new Query(spec.partialFilterExpression);
  }

  /** The index key of a document, or undefined when the document is not in the index (sparse/partial). */
  keyOf(doc: Doc): string | undefined {
    if (this.partial && !this.partial.test(doc)) return undefined;
    const values = this.fields.map((f) => getPath(doc, f));
    if (this.spec.sparse && values.every((v) => v === undefined)) return undefined;
    return values.map(valueKey).join('\u0000');
  }

  /** Throws E11000 when `doc` would collide with a document other than `selfId`. */
  check(doc: Doc, selfId: string): void {
    const key = this.keyOf(doc);
    if (key === undefined) return;
    const owner = this.entries.get(key);
    if (owner !== undefined && owner !== selfId) throw this.duplicateError(doc);
  }

  add(doc: Doc, id: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined) this.entries.set(key, id);
  }

  remove(doc: Doc, id: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined && this.entries.get(key) === id) this.entries.delete(key);
  }

  /** Id key of the document holding exactly these field values, if any. */
  lookup(values: unknown[]): string | undefined {
    return this.entries.get(values.map(valueKey).join('\u0000'));
  }

  get fieldNames(): readonly string[] {
    return this.fields;
  }

  duplicateError(doc: Doc): CommandError {
    const keyValue: Doc = {};
    for (const f of this.fields) keyValue[f] = getPath(doc, f) ?? null;
    return new CommandError(
      ErrorCodes.DuplicateKey,
      `E11000 duplicate key error collection: ${this.ns} index: ${this.spec.name} dup key: ${renderKeyValue(keyValue)}`,
      { keyPattern: this.spec.key, keyValue },
    );
  }
}
