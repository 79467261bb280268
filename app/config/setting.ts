import type { z } from 'zod';

/** Values a default may be computed from when the configuration is loaded. */
export interface DefaultContext {
  hostname: string;
  pid: number;
}

/** A default that depends on the running process; `shownAs` is what the docs print. */
export interface ComputedDefault<T> {
  compute: (context: DefaultContext) => T;
  shownAs: string;
}

/** One setting, declared once: where it lives, how it is set, validated, documented and logged. */
export interface Setting<K extends string = string, T = unknown> {
  /** Dotted path in the config object and config file, e.g. `storage.mongodbUri`. */
  readonly key: K;
  /** Environment variable that overrides the config file, e.g. `MONGODB_URI`. */
  readonly env: string;
  /** Validates and coerces a raw value (env strings included). */
  readonly schema: z.ZodType<T>;
  /** Type as shown in the docs table. */
  readonly type: string;
  // NoInfer: the value type comes from the schema; a literal default must not widen it to string.
  readonly default?: NoInfer<T> | ComputedDefault<NoInfer<T>>;
  readonly description: string;
  /** Redacted in `config show`, the start-up summary, logs and error messages. */
  readonly secret: boolean;
  /** Human text: "always", "never", "when chat.teams.enabled" … */
  readonly requiredWhen: string;
}

/** Declares a setting; exists so that the key and value types are inferred for `ConfigShape`. */
export function setting<const K extends string, T>(spec: Setting<K, T>): Setting<K, T> {
  return spec;
}

/** Narrows a setting's default to the computed kind. */
export function isComputedDefault<T>(value: T | ComputedDefault<T>): value is ComputedDefault<T> {
  return typeof value === 'object' && value !== null && 'compute' in value && 'shownAs' in value;
}

type Nest<K extends string, V> = K extends `${infer Head}.${infer Rest}`
  ? { [P in Head]: Nest<Rest, V> }
  : undefined extends V
    ? { [P in K]?: V }
    : { [P in K]: V };

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

type Expand<T> = T extends object ? { [P in keyof T]: Expand<T[P]> } : T;

/** The nested object type described by a list of settings, e.g. `{ server: { port: number } }`. */
export type ConfigShape<L extends readonly Setting[]> = Expand<
  UnionToIntersection<
    { [I in keyof L]: L[I] extends Setting<infer K, infer T> ? Nest<K, T> : never }[number]
  >
>;
