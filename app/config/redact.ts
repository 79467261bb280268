import { getPath, setPath, type PlainObject } from './object-path.js';
import { settings, type ArbotConfig } from './schema.js';
import type { Setting } from './setting.js';

/** What secret values are replaced with. */
export const redactedText = '***';

// scheme://user:password@ — the password may not contain @ / ? # (they must be %-encoded).
const uriCredentials = /^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)([^@/?#]*)@/i;

/** Replaces the password inside a URI (`mongodb://u:pw@h` → `mongodb://u:***@h`); other text is unchanged. */
export function redactUriCredentials(value: string): string {
  return value.replace(uriCredentials, `$1${redactedText}@`);
}

/** The password inside a URI, if it has one. */
export function uriPassword(value: string): string | undefined {
  const password = uriCredentials.exec(value)?.[2];
  return password ? password : undefined;
}

/** A config object in which any value may have been replaced by `***`. */
export type Redacted<T> = { [K in keyof T]: T[K] extends object ? Redacted<T[K]> : T[K] | typeof redactedText };

/** The config as it may be shown or logged: secrets become `***`, passwords inside URIs too. */
export function redactConfig(config: ArbotConfig, list: readonly Setting[] = settings): Redacted<ArbotConfig> {
  const copy = structuredClone(config) as PlainObject;
  for (const item of list) {
    const value = getPath(copy, item.key);
    if (value === undefined) continue;
    if (item.secret) setPath(copy, item.key, redactedText);
    else if (typeof value === 'string') setPath(copy, item.key, redactUriCredentials(value));
  }
  return copy as Redacted<ArbotConfig>;
}
