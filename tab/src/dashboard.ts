// The dashboard view: the filter bar, then one section per panel with its headline figures,
// a chart per dataset (each with its data table and CSV), a drill-down list and exports.
import type { Chart } from 'chart.js';
import { ApiError, type Api, type Dataset, type Me, type Options, type PanelResult } from './api.js';
import { drawChart } from './charts.js';
import { h, replace } from './dom.js';
import { filterBar, readFilter, toQuery, writeFilter, type FilterState } from './filters.js';
import { formatCell } from './format.js';
import { openDrill } from './drill.js';
import { dataTable } from './table.js';

export function renderDashboard(root: HTMLElement, api: Api, me: Me, options: Options, status: HTMLElement): void {
  let state = readFilter();
  let charts: Chart[] = [];
  let generation = 0;
  const bar = h('div', { class: 'filter-wrap' });
  const panelsEl = h('div', { class: 'panels' });
  replace(root, bar, panelsEl);

  const redraw = (): void => {
    replace(bar, filterBar(state, me, options, (next) => {
      state = next;
      writeFilter(state);
      redraw();
      void load();
    }));
  };

  async function load(): Promise<void> {
    const mine = ++generation;
    const query = toQuery(state);
    if (state.range === 'custom' && !query['from']) {
      status.textContent = 'Choose both dates of the custom range.';
      return;
    }
    document.body.dataset['state'] = 'loading';
    status.textContent = 'Loading figures…';
    const results = await Promise.all(me.panels.map((p) => api.get<PanelResult>(`/panels/${p.id}`, query).then((r) => r, (e: unknown) => e)));
    if (mine !== generation) return;
    for (const c of charts) c.destroy();
    charts = [];
    replace(panelsEl, ...results.map((r, i) => {
      const id = me.panels[i]?.id ?? '';
      if (r instanceof Error || !(r && typeof r === 'object' && 'figures' in r)) {
        const message = r instanceof ApiError || r instanceof Error ? r.message : 'failed to load';
        return h('section', { class: 'panel', id: `panel-${id}` }, h('h2', {}, me.panels[i]?.title ?? id), h('p', { class: 'error', role: 'alert' }, message));
      }
      return panelSection(r as PanelResult, query);
    }));
    status.textContent = `Figures updated for ${describe(state)}.`;
    document.body.dataset['state'] = 'ready';
  }

  function panelSection(p: PanelResult, query: Record<string, string>): HTMLElement {
    const headingId = `h-${p.panel}`;
    const figures = h('dl', { class: 'figures' }, ...p.figures.map((f) =>
      h('div', { class: 'figure', 'data-figure': f.id }, h('dt', {}, f.label), h('dd', {}, formatCell(f.value, f.type)))));
    const ignored = p.ignoredFilters.filter((k) => (state as unknown as Record<string, string>)[k]);
    return h('section', { class: 'panel', id: `panel-${p.panel}`, 'aria-labelledby': headingId },
      h('div', { class: 'panel-head' },
        h('h2', { id: headingId }, p.title),
        h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => openDrill(api, p.panel, p.title, query, {}) }, 'Details list'),
          h('button', { type: 'button', class: 'secondary', onclick: () => void api.download(`/panels/${p.panel}/figures.csv`, query) }, 'Figures CSV'))),
      ignored.length > 0 ? h('p', { class: 'note' }, `Not filtered by ${ignored.join(', ')} (does not apply here).`) : null,
      figures,
      h('div', { class: 'datasets' }, ...p.datasets.map((d) => datasetFigure(p, d, query))));
  }

  function datasetFigure(p: PanelResult, d: Dataset, query: Record<string, string>): HTMLElement {
    const caption = h('figcaption', {}, h('span', {}, d.title),
      h('button', { type: 'button', class: 'link', 'aria-label': `Download ${d.title} as CSV`, onclick: () => void api.download(`/panels/${p.panel}/datasets/${d.id}.csv`, query) }, 'CSV'));
    if (d.chart === 'table' || d.rows.length === 0) {
      return h('figure', { class: 'dataset wide', 'data-dataset': d.id }, caption,
        d.rows.length === 0 ? h('p', { class: 'empty' }, 'Nothing in this period.') : dataTable(d.columns, d.rows, d.title, true));
    }
    const canvas = h('canvas', { role: 'img', 'aria-label': `${d.title}: chart; the same figures are in the data table below.`, 'data-dataset': d.id });
    const drillKey = d.drill;
    const idColumn = d.columns.find((c) => c.key === 'id' || c.key === 'customerId');
    charts.push(drawChart(canvas, d, drillKey ? (index) => {
      const row = d.rows[index];
      const value = row ? String(row[idColumn?.key ?? d.columns[0]?.key ?? ''] ?? '') : '';
      if (value !== '' && value !== 'null') void openDrill(api, p.panel, p.title, query, { [drillKey]: value });
    } : undefined));
    canvas.dataset['rendered'] = 'true';
    return h('figure', { class: 'dataset', 'data-dataset': d.id }, caption,
      h('div', { class: 'chart-box' }, canvas),
      h('details', {}, h('summary', {}, 'Data table'), dataTable(d.columns, d.rows, d.title, true)));
  }

  document.addEventListener('arbot:theme', () => void load());
  redraw();
  void load();
}

function describe(state: FilterState): string {
  const range = state.range === 'custom' ? `${state.from} to ${state.to}` : state.range === '1' ? 'today' : `the last ${state.range} days`;
  return range;
}
