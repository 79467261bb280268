// The filter every panel takes: a date range (1, 7, 30 or 365 days, or custom dates) plus
// optional mailbox, intent, customer, team and user. Parsed from the query string; days are UTC.
import { dayKey } from './stats.js';

export const FILTER_KEYS = ['mailbox', 'intent', 'customer', 'team', 'user'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const RANGES = [1, 7, 30, 365] as const;

export interface DashboardFilter {
  /** Inclusive start (UTC midnight). */
  from: Date;
  /** Exclusive end. */
  to: Date;
  mailbox?: string;
  intent?: string;
  /** Customer SoR id. */
  customer?: string;
  /** Team id. */
  team?: string;
  /** User id. */
  user?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `range` (1, 7, 30, 365: that many UTC days ending today, today included) or `from`
 * and `to` (yyyy-mm-dd, both days included), and the optional filters. Default: 7 days.
 */
export function parseFilter(query: Record<string, unknown>, now: Date): ParseResult<DashboardFilter> {
  const one = (name: string): string | undefined => {
    const v = query[name];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let from: Date;
  let to: Date;
  const fromText = one('from');
  const toText = one('to');
  if (fromText !== undefined || toText !== undefined) {
    if (fromText === undefined || toText === undefined) return { ok: false, error: 'from and to must be given together (yyyy-mm-dd)' };
    const f = parseDay(fromText);
    const t = parseDay(toText);
    if (f === null) return { ok: false, error: `from: not a date (yyyy-mm-dd): ${fromText}` };
    if (t === null) return { ok: false, error: `to: not a date (yyyy-mm-dd): ${toText}` };
    if (t < f) return { ok: false, error: 'to must not be before from' };
    if ((t - f) / DAY_MS + 1 > MAX_DAYS) return { ok: false, error: `a custom range may span at most ${MAX_DAYS} days` };
    from = new Date(f);
    to = new Date(t + DAY_MS);
  } else {
    const rangeText = one('range') ?? '7';
    const days = Number(rangeText);
    if (!(RANGES as readonly number[]).includes(days)) return { ok: false, error: `range must be one of ${RANGES.join(', ')} (days)` };
    from = new Date(today - (days - 1) * DAY_MS);
    to = new Date(today + DAY_MS);
  }
  const filter: DashboardFilter = { from, to };
  for (const key of FILTER_KEYS) {
    const value = one(key);
    if (value === undefined) continue;
    if (value.length > 200) return { ok: false, error: `${key}: too long` };
    filter[key] = key === 'mailbox' ? value.toLowerCase() : value;
  }
  return { ok: true, value: filter };
}

function parseDay(text: string): number | null {
  if (!ISO_DAY.test(text)) return null;
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(t) || dayKey(new Date(t)) !== text ? null : t;
}

/** The filter as query parameters (custom dates), e.g. for links and for the page's state. */
export function filterToQuery(filter: DashboardFilter): Record<string, string> {
  const out: Record<string, string> = { from: dayKey(filter.from), to: dayKey(new Date(filter.to.getTime() - DAY_MS)) };
  for (const key of FILTER_KEYS) {
    const v = filter[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Reads page (1-based) and pageSize (1–500, default 50). */
export function parsePaging(query: Record<string, unknown>): ParseResult<{ page: number; pageSize: number }> {
  const page = query['page'] === undefined ? 1 : Number(query['page']);
  const pageSize = query['pageSize'] === undefined ? 50 : Number(query['pageSize']);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) return { ok: false, error: 'page must be a whole number ≥ 1' };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) return { ok: false, error: 'pageSize must be a whole number from 1 to 500' };
  return { ok: true, value: { page, pageSize } };
}
