// Field mapping by configuration: how a REST API's JSON item becomes a wire record. A field
// is a dotted path ("customer.id", "lines.0.amount"), or an object with a path and a value map,
// a default, a constant, a list split, a presence test, or a nested mapping for each element.
import { z } from 'zod';

export interface FieldSpecObject {
  path?: string;
  /** Value from the API → value for arbot, e.g. { "Open": "open" }; unmapped values pass through. */
  map?: Record<string, string>;
  /** Used when the path is absent or null. */
  default?: unknown;
  /** A fixed value (no path). */
  const?: unknown;
  /** Split a string into a list on this separator. */
  split?: string;
  /** True when the path holds a non-null, non-empty value (e.g. "deleted_at" → deleted). */
  present?: boolean;
  /** The path holds an array: map each element with these fields. */
  each?: Record<string, FieldSpec>;
}
export type FieldSpec = string | FieldSpecObject;

export const fieldSpecSchema: z.ZodType<FieldSpec> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.strictObject({
      path: z.string().min(1).optional(),
      map: z.record(z.string(), z.string()).optional(),
      default: z.unknown().optional(),
      const: z.unknown().optional(),
      split: z.string().min(1).optional(),
      present: z.boolean().optional(),
      each: z.record(z.string(), fieldSpecSchema).optional(),
    }),
  ]),
);

/** The value at a dotted path; numeric parts index arrays. */
export function valueAt(item: unknown, path: string): unknown {
  let cur: unknown = item;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[part];
    else return undefined;
  }
  return cur;
}

function applySpec(item: unknown, spec: FieldSpec): unknown {
  if (typeof spec === 'string') return valueAt(item, spec);
  if ('const' in spec && spec.const !== undefined) return spec.const;
  let value = spec.path === undefined ? undefined : valueAt(item, spec.path);
  if (spec.present) return value !== undefined && value !== null && value !== '' && value !== false;
  if (value === undefined || value === null) value = spec.default;
  if (spec.each && Array.isArray(value)) return value.map((element) => mapFields(element, spec.each as Record<string, FieldSpec>));
  if (spec.split !== undefined && typeof value === 'string') value = value.split(spec.split).map((s) => s.trim()).filter((s) => s !== '');
  if (spec.map && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) value = spec.map[String(value)] ?? value;
  return value;
}

/** Maps one API item onto a wire record with the given fields; absent values are left out. */
export function mapFields(item: unknown, fields: Record<string, FieldSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const value = applySpec(item, spec);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
