// Chart.js, with only the parts the dashboards use registered (keeps the bundle small).
// Colours come from the theme's CSS variables; animations are off (instant, and stable screenshots).
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type ChartType,
} from 'chart.js';
import type { Dataset } from './api.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const PALETTE_VARS = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-5', '--series-6'];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#555';
}

function palette(n: number): string[] {
  return Array.from({ length: n }, (_, i) => cssVar(PALETTE_VARS[i % PALETTE_VARS.length] ?? '--series-1'));
}

/** Draws a dataset on a canvas; `onPick` gets the category of a clicked bar or slice. */
export function drawChart(canvas: HTMLCanvasElement, ds: Dataset, onPick?: (index: number) => void): Chart {
  const categoryKey = ds.columns[0]?.key ?? '';
  const labels = ds.rows.map((r) => String(r[categoryKey] ?? ''));
  const colors = palette(Math.max(ds.series.length, ds.rows.length));
  const text = cssVar('--text');
  const grid = cssVar('--grid');
  const seriesLabel = (key: string): string => ds.columns.find((c) => c.key === key)?.label ?? key;
  const type: ChartType = ds.chart === 'line' ? 'line' : ds.chart === 'doughnut' ? 'doughnut' : 'bar';
  const datasets = ds.series.map((key, i) => ({
    label: seriesLabel(key),
    data: ds.rows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : 0)),
    backgroundColor: type === 'doughnut' ? colors.slice(0, ds.rows.length) : colors[i],
    borderColor: type === 'doughnut' ? cssVar('--surface') : colors[i],
    borderWidth: type === 'line' ? 2 : 1,
  }));
  const stacked = ds.chart === 'stacked-bar';
  const config: ChartConfiguration = {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: text,
      plugins: { legend: { display: ds.series.length > 1 || type === 'doughnut', labels: { color: text } } },
      ...(type === 'doughnut'
        ? {}
        : {
            scales: {
              x: { stacked, ticks: { color: text }, grid: { color: grid } },
              y: { stacked, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
            },
          }),
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first && onPick) onPick(first.index);
      },
    },
  };
  return new Chart(canvas, config);
}
