import type { z } from 'zod';
import { ArbotError } from '../errors.js';
import type { Setting } from './setting.js';

/** Invalid configuration; `message` has one line per problem, and never a secret value. */
export class ConfigError extends ArbotError {
  constructor(
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super('config_invalid', problems.map((problem) => `Invalid configuration: ${problem}`).join('\n'), options);
    this.name = 'ConfigError';
  }
}

/** What is needed to turn zod issues into lines a user can act on. */
export interface IssueContext {
  settings: readonly Setting[];
  /** Where each key's value came from, when not the default. */
  origins: ReadonlyMap<string, string>;
  configFile?: string;
  /** Raw secret values to scrub from messages (a driver's reason might echo one). */
  secretValues: readonly string[];
}

/** Builds a ConfigError naming each failing setting by env var and key path. */
export function configErrorFromIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): ConfigError {
  const problems = issues.map((issue) => scrub(describeIssue(issue, context), context.secretValues));
  return new ConfigError([...new Set(problems)]);
}

function describeIssue(issue: z.core.$ZodIssue, context: IssueContext): string {
  const key = issue.path.map(String).join('.');
  const inFile = context.configFile ? ` in ${context.configFile}` : '';
  if (issue.code === 'unrecognized_keys') {
    const owner = context.settings.find((candidate) => candidate.key === key);
    if (owner) return `${owner.env} (${owner.key}): unknown name${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    const names = issue.keys.map((name) => (key ? `${key}.${name}` : name));
    return `unknown key${names.length > 1 ? 's' : ''} ${names.join(', ')}${inFile}`;
  }
  // A problem inside a list or map setting ("automation.intents.0") belongs to that setting.
  const item = context.settings.find((candidate) => candidate.key === key || key.startsWith(`${candidate.key}.`));
  if (item === undefined) return `${key || '(root)'}: ${issue.message}${inFile}`;
  const origin = context.origins.get(item.key);
  const from = origin !== undefined && origin !== item.env ? ` (set in ${origin})` : '';
  return `${item.env} (${item.key}): ${issue.message}${from}`;
}

function scrub(line: string, secretValues: readonly string[]): string {
  let result = line;
  for (const secret of secretValues) {
    // Very short values would blank out ordinary words; they are not credible secrets anyway.
    if (secret.length >= 4) result = result.split(secret).join('***');
  }
  return result;
}
