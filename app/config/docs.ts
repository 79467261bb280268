import { ArbotError } from '../errors.js';
import { configFileNames } from './config-file.js';
import { settings } from './schema.js';
import { isComputedDefault, type Setting } from './setting.js';

export const tableStartMarker = '<!-- config-table:start -->';
export const tableEndMarker = '<!-- config-table:end -->';

/** The markdown configuration reference generated from the settings list. */
export function configTable(list: readonly Setting[] = settings): string {
  const header = ['Env var', 'Key', 'Type', 'Default', 'Required', 'Secret', 'Description'];
  const rows = list.map((item) => [
    `\`${item.env}\``,
    `\`${item.key}\``,
    item.type,
    defaultText(item),
    item.requiredWhen,
    item.secret ? 'yes' : 'no',
    item.description,
  ]);
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
    `Settings can also be given in a config file: the path in \`ARBOT_CONFIG\`, else ${configFileNames
      .map((name) => `\`${name}\``)
      .join(', ')} in the working directory, with nested keys as in the Key column. Environment variables override the file.`,
  ].join('\n');
}

/** Replaces the text between the config-table markers in `document` with `table`. */
export function replaceConfigTable(document: string, table: string, documentName: string): string {
  const start = document.indexOf(tableStartMarker);
  const end = document.indexOf(tableEndMarker);
  if (start === -1 || end === -1 || end < start) {
    throw new ArbotError('usage', `${documentName} has no ${tableStartMarker} … ${tableEndMarker} markers`);
  }
  return `${document.slice(0, start + tableStartMarker.length)}\n${table}\n${document.slice(end)}`;
}

function defaultText(item: Setting): string {
  if (item.default === undefined) return '—';
  const value = isComputedDefault(item.default) ? item.default.shownAs : String(item.default);
  return `\`${value}\``;
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
