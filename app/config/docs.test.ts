import { describe, expect, it } from 'vitest';
import { configTable, replaceConfigTable, tableEndMarker, tableStartMarker } from './docs.js';
import { settings } from './schema.js';

describe('configTable', () => {
  const table = configTable();

  it('has the documented columns', () => {
    expect(table.split('\n')[0]).toBe('| Env var | Key | Type | Default | Required | Secret | Description |');
  });

  it('has one row per setting with its env var, key and description', () => {
    for (const item of settings) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${item.env}\` |`));
      expect(row, item.env).toBeDefined();
      expect(row).toContain(`\`${item.key}\``);
      expect(row).toContain(item.description.replace(/\|/g, '\\|'));
    }
  });

  it('shows computed defaults symbolically and escapes pipes', () => {
    expect(table).toContain('`<hostname>-<pid>`');
    expect(table).toContain('fatal \\| error');
    expect(table).toMatch(/\| `MONGODB_URI` \| `storage\.mongodbUri` \| MongoDB URI \| — \| never \| yes \|/);
  });
});

describe('replaceConfigTable', () => {
  it('replaces only the text between the markers', () => {
    const document = `# Title\n\n${tableStartMarker}\nold table\n${tableEndMarker}\n\nafter\n`;
    expect(replaceConfigTable(document, 'NEW', 'README.md')).toBe(
      `# Title\n\n${tableStartMarker}\nNEW\n${tableEndMarker}\n\nafter\n`,
    );
  });

  it('is idempotent', () => {
    const once = replaceConfigTable(`${tableStartMarker}${tableEndMarker}`, 'T', 'R');
    expect(replaceConfigTable(once, 'T', 'R')).toBe(once);
  });

  it('fails when the markers are missing', () => {
    expect(() => replaceConfigTable('# no markers', 'T', 'README.md')).toThrow(
      `README.md has no ${tableStartMarker} … ${tableEndMarker} markers`,
    );
  });
});
