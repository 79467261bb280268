// Calls to /api/dashboard with the bearer token, or in a browser without one the session
// cookie of "Sign in with Slack"; every call carries X-Arbot-Request, which the server requires
// with the cookie on anything but GET (a cross-site form cannot send it). A 401 asks the host
// for a fresh token once, then reports that sign-in is needed.
import type { Host } from './host.js';
import type { Cell, ColumnType } from './format.js';

export interface Column { key: string; label: string; type: ColumnType }
export type Row = Record<string, Cell>;
export interface Figure { id: string; label: string; value: Cell; type: ColumnType }
export interface Dataset { id: string; title: string; chart: 'bar' | 'stacked-bar' | 'line' | 'doughnut' | 'table'; columns: Column[]; series: string[]; rows: Row[]; drill?: string }
export interface PanelResult { panel: string; title: string; figures: Figure[]; datasets: Dataset[]; ignoredFilters: string[] }
export interface RowsPage { columns: Column[]; rows: Row[]; total: number; page: number; pageSize: number }
export interface Me { user: { id: string; displayName: string; roles: string[] }; scope: 'all' | 'own'; panels: Array<{ id: string; title: string; filters: string[] }> }
export interface Options { intents: string[]; mailboxes: string[]; teams: Array<{ id: string; name: string }>; users: Array<{ id: string; name: string }>; customers: Array<{ id: string; name: string }> }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly details: string[] = []) {
    super(message);
  }
}

export class Api {
  constructor(private readonly host: Host) {}

  async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const res = await this.fetch(path, query);
    return (await res.json()) as T;
  }

  /** Sends a JSON body (POST) and reads the JSON answer. */
  async post<T>(path: string, body: unknown = {}): Promise<T> {
    const res = await this.fetch(path, {}, { method: 'POST', body: JSON.stringify(body) });
    return (await res.json()) as T;
  }

  /** A file (a PDF) through the API, as a blob with the name the server gave it. */
  async file(path: string): Promise<{ blob: Blob; filename: string }> {
    const res = await this.fetch(path, {});
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'document.pdf';
    return { blob: await res.blob(), filename };
  }

  /** Downloads a CSV through the API (the token travels in a header, never in a link). */
  async download(path: string, query: Record<string, string>): Promise<void> {
    const res = await this.fetch(path, query);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async fetch(path: string, query: Record<string, string>, send?: { method: 'POST'; body: string }): Promise<Response> {
    const qs = new URLSearchParams(query).toString();
    const url = `/api/dashboard${path}${qs ? `?${qs}` : ''}`;
    for (const fresh of [false, true]) {
      const token = await this.host.token(fresh);
      if (token === null && this.host.kind === 'teams') throw new ApiError(401, 'Sign in to see the dashboards.');
      const res = await fetch(url, {
        credentials: 'same-origin',
        headers: { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), 'X-Arbot-Request': '1', ...(send ? { 'content-type': 'application/json' } : {}) },
        ...(send ? { method: send.method, body: send.body } : {}),
      });
      if (res.ok) return res;
      if (res.status === 401 && !fresh && this.host.kind === 'teams') continue;
      const body = (await res.json().catch(() => ({}))) as { message?: string; details?: string[] };
      throw new ApiError(res.status, body.message ?? `${res.status} ${res.statusText}`, body.details ?? []);
    }
    throw new ApiError(401, 'Sign in to see the dashboards.');
  }
}
