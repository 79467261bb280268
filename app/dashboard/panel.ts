// What every dashboard panel is: summary figures, datasets (one per chart, each also a table)
// and a paged drill-down list, all computed by aggregation for one filter.
import type { Db } from 'mongodb';
import type { DashboardFilter, FilterKey } from './filters.js';

export type ColumnType = 'text' | 'number' | 'percent' | 'minutes' | 'date' | 'day' | 'money' | 'task';

/** One column of a dataset or list; `key` is the row field, `label` the header. */
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A headline number. */
export interface Figure {
  id: string;
  label: string;
  value: Cell;
  type: ColumnType;
}

export type ChartKind = 'bar' | 'stacked-bar' | 'line' | 'doughnut' | 'table';

/** The data behind one chart: the first column is the category, `series` the plotted value columns. */
export interface Dataset {
  id: string;
  title: string;
  chart: ChartKind;
  columns: Column[];
  series: string[];
  rows: Row[];
  /** The filter a category stands for (clicking a bar drills down with it), when there is one. */
  drill?: FilterKey;
}

export interface PanelResult {
  panel: PanelId;
  title: string;
  figures: Figure[];
  datasets: Dataset[];
  /** Filters that do not apply to this panel (ignored). */
  ignoredFilters: FilterKey[];
}

export interface RowsPage {
  columns: Column[];
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a query needs: the database, the tenant and the time ("now") the figures are for. */
export interface QueryContext {
  db: Db;
  tenantId: string;
  now: Date;
}

export const PANEL_IDS = ['mailbox', 'outcomes', 'response', 'sor', 'tasks'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: string): value is PanelId {
  return (PANEL_IDS as readonly string[]).includes(value);
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** One dashboard panel. */
export interface Panel {
  id: PanelId;
  title: string;
  /** Filters the panel's queries use; others are reported as ignored. */
  filters: readonly FilterKey[];
  /** Whether analysts may see it (scoped to their own tasks); otherwise managers only. */
  analysts: boolean;
  summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult>;
  rows(ctx: QueryContext, filter: DashboardFilter, paging: Paging): Promise<RowsPage>;
}
