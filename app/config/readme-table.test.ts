// The README's configuration table is generated from the schema; this keeps it from drifting.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable, replaceConfigTable } from './docs.js';

describe('README configuration table', () => {
  it('is the table generated from the schema (run `npm run docs:config` after changing a setting)', async () => {
    const readme = await readFile(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(replaceConfigTable(readme, configTable(), 'README.md')).toBe(readme);
  });
});
