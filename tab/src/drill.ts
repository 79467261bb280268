// The drill-down list: a modal dialog with the panel's records for the current filter (plus
// the category clicked on a chart), paged, with a CSV of the whole list.
import type { Api, RowsPage } from './api.js';
import { h, replace } from './dom.js';
import { dataTable } from './table.js';

const PAGE_SIZE = 25;

export async function openDrill(api: Api, panel: string, title: string, query: Record<string, string>, extra: Record<string, string>): Promise<void> {
  const q = { ...query, ...extra };
  const body = h('div', { class: 'drill-body' });
  const status = h('p', { class: 'drill-status', role: 'status', 'aria-live': 'polite' });
  const heading = `${title}: details${Object.keys(extra).length > 0 ? ` (${Object.values(extra).join(', ')})` : ''}`;
  const close = (): void => dialog.close();
  const dialog = h('dialog', { class: 'drill', 'aria-labelledby': 'drill-title' },
    h('div', { class: 'drill-head' },
      h('h2', { id: 'drill-title' }, heading),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => void api.download(`/panels/${panel}/rows.csv`, q) }, 'Download CSV'),
        h('button', { type: 'button', class: 'secondary', onclick: close }, 'Close'))),
    status, body);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();

  async function show(page: number): Promise<void> {
    status.textContent = 'Loading…';
    try {
      const r = await api.get<RowsPage>(`/panels/${panel}/rows`, { ...q, page: String(page), pageSize: String(PAGE_SIZE) });
      const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
      status.textContent = `${r.total} records; page ${page} of ${pages}.`;
      replace(body,
        r.rows.length === 0 ? h('p', { class: 'empty' }, 'No records.') : dataTable(r.columns, r.rows, heading, true),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
          h('button', { type: 'button', disabled: page <= 1, onclick: () => void show(page - 1) }, 'Previous page'),
          h('button', { type: 'button', disabled: page >= pages, onclick: () => void show(page + 1) }, 'Next page')));
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : 'failed to load';
    }
  }
  await show(1);
}
