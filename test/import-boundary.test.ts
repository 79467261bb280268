// core/ is pure: the lint rule that keeps SDKs and outer layers out of it must actually fire.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core/ import boundary', () => {
  it.each([
    ["import { MongoClient } from 'mongodb';", 'no-restricted-imports'],
    ["import { Agenda } from 'agenda';", 'no-restricted-imports'],
    ["import Handlebars from 'handlebars';", 'no-restricted-imports'],
    ["import { TeamsActivityHandler } from '@microsoft/agents-hosting';", 'no-restricted-imports'],
    ["import { openStorage } from '../../storage/index.js';", 'no-restricted-imports'],
    ["import { startJobs } from '../../jobs/index.js';", 'no-restricted-imports'],
    ["import { readFile } from 'node:fs/promises';", 'no-restricted-imports'],
    ['export const env = process.env.X;', 'no-restricted-globals'],
  ])('rejects %s in core/', async (code, rule) => {
    const messages = await lintAs('core/pipeline/example.ts', `${code}\nexport {};\n`);
    expect(messages.some((m) => m.startsWith(rule))).toBe(true);
  });

  it('allows the same import outside core/', async () => {
    const messages = await lintAs('storage/example.ts', "import { MongoClient } from 'mongodb';\nexport const c = MongoClient;\n");
    expect(messages).toEqual([]);
  });

  it('allows core/ to import core/', async () => {
    const messages = await lintAs('core/pipeline/example.ts', "import type { Email } from '../domain/index.js';\nexport type E = Email;\n");
    expect(messages).toEqual([]);
  });
});
