import { z } from 'zod';
import { MongoClient } from 'mongodb';

/** A value type for a setting: its schema (coercing env strings) and how the docs name it. */
export interface SettingType<T> {
  schema: z.ZodType<T>;
  type: string;
}

// Env values are always strings; file values may already be typed. Blank strings are left
// as they are so that the inner schema reports them.
const toNumber = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

const booleanWords: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
const toBoolean = (value: unknown): unknown =>
  typeof value === 'string' ? (booleanWords[value.trim().toLowerCase()] ?? value) : value;

/** Non-empty text. */
export function text(): SettingType<string> {
  return { schema: z.string({ error: 'must be text' }).min(1, 'must not be empty'), type: 'string' };
}

/** A whole number within [min, max]. */
export function integer(min: number, max: number = Number.MAX_SAFE_INTEGER): SettingType<number> {
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
  const schema = z.preprocess(
    toNumber,
    z.number({ error: `must be an integer ${range}` })
      .int(`must be an integer ${range}`)
      .min(min, `must be an integer ${range}`)
      .max(max, `must be an integer ${range}`),
  );
  return { schema, type: max === Number.MAX_SAFE_INTEGER ? `integer ≥ ${min}` : `integer ${min}–${max}` };
}

/** true/false, also written 1/0 in the environment. */
export function boolean(): SettingType<boolean> {
  return {
    schema: z.preprocess(toBoolean, z.boolean({ error: 'must be true, false, 1 or 0' })),
    type: 'boolean',
  };
}

/** One of a fixed list of words (case-insensitive; the value is the word as spelled in `values`). */
export function oneOf<const V extends readonly [string, ...string[]]>(values: V): SettingType<V[number]> {
  const schema = z.preprocess(
    (value: unknown) => {
      if (typeof value !== 'string') return value;
      const word = value.trim().toLowerCase();
      return values.find((v) => v.toLowerCase() === word) ?? word;
    },
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
  );
  return { schema, type: values.join(' | ') };
}

/** A GUID, as Microsoft Entra application ids are written (00000000-0000-0000-0000-000000000000). */
export function guid(): SettingType<string> {
  const message = 'must be a GUID such as 00000000-0000-0000-0000-000000000000';
  return { schema: z.string({ error: message }).regex(/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i, message), type: 'GUID' };
}

/** An absolute http(s) URL. */
export function httpUrl(): SettingType<string> {
  return {
    schema: z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' }),
    type: 'URL',
  };
}

/** A MongoDB connection string, checked with the driver's own parser (no connection is made). */
export function mongodbUri(): SettingType<string> {
  const schema = z.string({ error: 'must be a mongodb:// or mongodb+srv:// URI' }).superRefine((uri, ctx) => {
    if (!/^mongodb(\+srv)?:\/\//.test(uri)) {
      ctx.addIssue({ code: 'custom', message: 'must be a mongodb:// or mongodb+srv:// URI' });
      return;
    }
    try {
      new MongoClient(uri);
    } catch (err) {
      // The driver's reason ("option foo is not supported") helps; secrets are scrubbed by ConfigError.
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      ctx.addIssue({ code: 'custom', message: `is not a valid MongoDB connection string: ${reason}` });
    }
  });
  return { schema, type: 'MongoDB URI' };
}

/** Makes a setting optional: unset means "not configured". */
export function optional<T>(inner: SettingType<T>): SettingType<T | undefined> {
  return { schema: inner.schema.optional(), type: inner.type };
}

/** A number within [min, max] (fractions allowed). */
export function decimal(min: number, max: number): SettingType<number> {
  const message = `must be a number between ${min} and ${max}`;
  return { schema: z.preprocess(toNumber, z.number({ error: message }).min(min, message).max(max, message)), type: `number ${min}–${max}` };
}

/** A comma-separated list (an array in a config file) of words from a fixed set, without repeats; `none` is the empty list. */
export function listOf<const V extends readonly [string, ...string[]]>(values: V): SettingType<Array<V[number]>> {
  const schema = z.preprocess(
    (value: unknown) =>
      typeof value === 'string'
        ? value.trim().toLowerCase() === 'none'
          ? []
          : value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '')
        : value,
    z.array(z.enum(values, { error: `each entry must be one of ${values.join(', ')}` }), { error: `must be a comma-separated list of ${values.join(', ')}` })
      .refine((xs) => new Set(xs).size === xs.length, 'must not repeat an entry'),
  );
  return { schema, type: `list of ${values.join(', ')}, or none` };
}

/** `name=number` pairs separated by commas (an object in a config file), names from a fixed set. */
export function numbersByName<const V extends readonly [string, ...string[]]>(names: V, min: number, max: number): SettingType<Partial<Record<V[number], number>>> {
  const message = `must be name=number pairs (names: ${names.join(', ')}; numbers ${min}–${max})`;
  const schema = z.preprocess(
    (value: unknown) => {
      if (typeof value !== 'string') return value;
      const out: Record<string, unknown> = {};
      for (const pair of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
        const [name, num] = pair.split('=').map((s) => s.trim());
        if (name !== undefined) out[name.toLowerCase()] = toNumber(num ?? '');
      }
      return out;
    },
    z.partialRecord(z.enum(names, { error: message }), z.number({ error: message }).min(min, message).max(max, message), { error: message }),
  );
  return { schema, type: `name=number pairs (${min}–${max})` };
}

/** `name=secret` pairs separated by commas (an object in a config file); each secret at least `minLength` characters. */
export function secretsByName(minLength: number): SettingType<Record<string, string>> {
  const message = `must be name=secret pairs separated by commas, each secret at least ${minLength} characters`;
  const schema = z.preprocess(
    (value: unknown) => {
      if (typeof value !== 'string') return value;
      const out: Record<string, string> = {};
      for (const pair of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
        const at = pair.indexOf('=');
        // A pair without '=' becomes an empty secret, which the length check reports.
        out[(at < 0 ? pair : pair.slice(0, at)).trim()] = at < 0 ? '' : pair.slice(at + 1).trim();
      }
      return out;
    },
    z.record(z.string().min(1, message), z.string({ error: message }).min(minLength, message), { error: message }),
  );
  return { schema, type: 'name=secret pairs' };
}
