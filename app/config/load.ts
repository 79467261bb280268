import { hostname } from 'node:os';
import { configErrorFromIssues } from './config-error.js';
import { readConfigFile } from './config-file.js';
import { getPath, setPath, type PlainObject } from './object-path.js';
import { uriPassword } from './redact.js';
import { buildConfigSchema, settings, type ArbotConfig } from './schema.js';
import type { DefaultContext } from './setting.js';

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  env: Env;
  /** Where config files are looked for and relative paths resolve from. */
  cwd: string;
  /** Config file given explicitly (e.g. `--config`); wins over ARBOT_CONFIG and discovery. */
  file?: string;
  /** Inputs of computed defaults; the current process when omitted. */
  defaults?: DefaultContext;
}

/**
 * Loads and validates the configuration: defaults, then the config file, then environment
 * variables. Throws ConfigError with one line per problem.
 */
export function loadConfig(options: LoadConfigOptions): ArbotConfig {
  const { env, cwd } = options;
  const file = readConfigFile(cwd, env.ARBOT_CONFIG, options.file);
  const raw: PlainObject = structuredClone(file?.values ?? {});
  const origins = new Map<string, string>();
  for (const item of settings) {
    if (getPath(raw, item.key) !== undefined && file) origins.set(item.key, file.path);
    const value = env[item.env];
    // An empty variable (`PORT=`) counts as unset, as shells and .env files often leave them.
    if (value === undefined || value === '') continue;
    setPath(raw, item.key, value);
    origins.set(item.key, item.env);
  }
  const defaults = options.defaults ?? { hostname: hostname(), pid: process.pid };
  const result = buildConfigSchema(defaults).safeParse(raw);
  if (result.success) return result.data;
  throw configErrorFromIssues(result.error.issues, {
    settings,
    origins,
    ...(file ? { configFile: file.path } : {}),
    secretValues: secretValuesIn(raw),
  });
}

function secretValuesIn(raw: PlainObject): string[] {
  return settings
    .filter((item) => item.secret)
    .map((item) => getPath(raw, item.key))
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => [value, uriPassword(value)].filter((part): part is string => part !== undefined));
}
