// Value helpers shared by the engine: document cloning, dotted-path access and stable keys
// for _id and index entries. Documents hold bson class instances (ObjectId, Binary …), which
// structuredClone would strip of their prototypes, so cloning is done here.
import { EJSON, ObjectId } from 'bson';

export type Doc = Record<string, unknown>;

function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Deep copy of plain objects, arrays and dates; bson value objects are immutable and shared. */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => cloneValue(x)) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneValue(x);
    return out as T;
  }
  return v;
}

export { isPlainObject };

/** Reads a dotted path ("a.b.c"); returns undefined when any step is missing or not an object. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Doc)[part];
  }
  return cur;
}

/** Sets a dotted path, creating intermediate objects. */
export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = doc;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Doc;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/**
 * A string that is equal for values MongoDB considers equal as keys
 * (numbers of any width compare by value, so 1 and 1.0 give the same key).
 */
export function valueKey(v: unknown): string {
  if (v === undefined || v === null) return 'z';
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'number') return 'n' + (Object.is(v, -0) ? 0 : v);
  if (typeof v === 'boolean') return v ? 'bt' : 'bf';
  if (v instanceof ObjectId) return 'o' + v.toHexString();
  if (v instanceof Date) return 'd' + v.getTime();
  return 'j' + EJSON.stringify(v as Doc, { relaxed: true });
}

/** Human-readable rendering of a key for E11000 messages: `{ email: "a@b" }`. */
export function renderKeyValue(keyValue: Doc): string {
  const parts = Object.entries(keyValue).map(([k, v]) => `${k}: ${EJSON.stringify(v as Doc, { relaxed: true })}`);
  return `{ ${parts.join(', ')} }`;
}
