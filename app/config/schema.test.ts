import { describe, expect, expectTypeOf, it } from 'vitest';
import { getPath, isPlainObject } from './object-path.js';
import { buildConfigSchema, settings, type ArbotConfig } from './schema.js';

function leafKeys(object: unknown, prefix = ''): string[] {
  if (!isPlainObject(object)) return [prefix];
  return Object.entries(object).flatMap(([name, value]) => leafKeys(value, prefix ? `${prefix}.${name}` : name));
}

describe('buildConfigSchema', () => {
  const parsed = buildConfigSchema({ hostname: 'h', pid: 1 }).parse({});

  it('fills every default and nothing that is not a setting', () => {
    const keys = settings.map((item) => item.key);
    expect(leafKeys(parsed).every((key) => keys.includes(key as (typeof keys)[number]))).toBe(true);
    for (const item of settings) {
      if ('default' in item) expect(getPath(parsed, item.key), item.key).toBeDefined();
    }
  });

  it('declares each key and env var once', () => {
    expect(new Set(settings.map((item) => item.key)).size).toBe(settings.length);
    expect(new Set(settings.map((item) => item.env)).size).toBe(settings.length);
  });

  it('infers the config type from the list', () => {
    expectTypeOf<ArbotConfig['server']['port']>().toEqualTypeOf<number>();
    expectTypeOf<ArbotConfig['storage']['mongodbUri']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ArbotConfig['log']['level']>().toEqualTypeOf<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>();
  });
});
