/** A plain object as parsed from JSON or YAML. */
export type PlainObject = Record<string, unknown>;

/** True for `{…}` values (not arrays, not null). */
export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `a.b.c` from a nested object; undefined when any step is missing. */
export function getPath(object: unknown, key: string): unknown {
  let node: unknown = object;
  for (const name of key.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[name];
  }
  return node;
}

/**
 * Writes `a.b.c` into a nested object, creating missing sections. A step that holds a
 * non-object (a malformed config file) is left as it is so that validation reports it.
 */
export function setPath(object: PlainObject, key: string, value: unknown): void {
  const names = key.split('.');
  const leaf = names.pop() as string;
  let node = object;
  for (const name of names) {
    const child = node[name] ?? (node[name] = {});
    if (!isPlainObject(child)) return;
    node = child;
  }
  node[leaf] = value;
}
