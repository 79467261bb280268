import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';
import { isPlainObject, type PlainObject } from './object-path.js';

/** Config file names looked for in the working directory, in this order. */
export const configFileNames = ['arbot.config.json', 'arbot.config.yaml', 'arbot.config.yml'] as const;

/** A config file that was found and parsed. */
export interface ConfigFile {
  path: string;
  values: PlainObject;
}

/**
 * Finds the config file: `explicit` (e.g. `--config`), else ARBOT_CONFIG, else one of
 * `configFileNames` in `cwd`. None is fine; a named file that is missing is an error.
 */
export function readConfigFile(cwd: string, configEnv: string | undefined, explicit?: string): ConfigFile | undefined {
  const named = explicit ?? (configEnv ? configEnv : undefined);
  if (named !== undefined) {
    const path = resolve(cwd, named);
    if (!existsSync(path)) {
      const origin = explicit === undefined ? 'ARBOT_CONFIG' : '--config';
      throw new ConfigError([`${origin}: config file not found: ${path}`]);
    }
    return { path, values: parseConfigFile(path) };
  }
  const found = configFileNames.map((name) => resolve(cwd, name)).filter((path) => existsSync(path));
  // Two files would mean one is silently ignored; make the user pick.
  if (found.length > 1) {
    throw new ConfigError([`found ${found.map((p) => basename(p)).join(' and ')} in ${cwd}; keep only one`]);
  }
  const [path] = found;
  return path === undefined ? undefined : { path, values: parseConfigFile(path) };
}

function parseConfigFile(path: string): PlainObject {
  const content = readFileSync(path, 'utf8');
  let values: unknown;
  try {
    values = path.endsWith('.json') ? JSON.parse(content) : parseYaml(content);
  } catch (err) {
    throw new ConfigError([`${path}: cannot parse: ${parseErrorReason(err)}`], { cause: err });
  }
  if (values === null || values === undefined) return {};
  if (!isPlainObject(values)) throw new ConfigError([`${path}: must contain an object of settings`]);
  return values;
}

// First line only (YAML adds a code frame), and without V8's quote of the JSON text,
// which could contain a secret: `Unexpected token 'x', "{…}" is not valid JSON`.
function parseErrorReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').replace(/, ".*" is not valid JSON$/, ' (not valid JSON)').replace(/:$/, '');
}
