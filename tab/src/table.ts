// Data tables: every chart has one (the accessible alternative), and drill-down lists use them.
import type { Column, Row } from './api.js';
import { h } from './dom.js';
import { formatCell } from './format.js';

/** A table of rows; task columns link to the task view. */
export function dataTable(columns: Column[], rows: Row[], caption: string, hiddenCaption = false): HTMLElement {
  const table = h('table', {},
    h('caption', { class: hiddenCaption ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: numeric(c) ? 'num' : null }, c.label)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map((c) => cell(c, r))))),
  );
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption }, table);
}

function numeric(c: Column): boolean {
  return c.type === 'number' || c.type === 'money' || c.type === 'minutes' || c.type === 'percent';
}

function cell(c: Column, r: Row): HTMLElement {
  const v = r[c.key] ?? null;
  if (c.type === 'task' && typeof v === 'string' && v !== '') {
    return h('td', {}, h('a', { href: `/tab/tasks/${encodeURIComponent(v)}` }, `Task ${v.slice(-6)}`));
  }
  return h('td', { class: numeric(c) ? 'num' : null }, formatCell(v, c.type));
}
