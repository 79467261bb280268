import { describe, expect, it } from 'vitest';
import { filterToQuery, parseFilter, parsePaging } from './filters.js';

const now = new Date('2026-11-20T12:00:00Z');

describe('parseFilter', () => {
  it('reads the day ranges, today included, in UTC days', () => {
    const seven = parseFilter({}, now);
    expect(seven).toEqual({ ok: true, value: { from: new Date('2026-11-14T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') } });
    const one = parseFilter({ range: '1' }, now);
    expect(one.ok && one.value.from.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    const year = parseFilter({ range: '365' }, now);
    expect(year.ok && year.value.from.toISOString()).toBe('2025-11-21T00:00:00.000Z');
    expect(parseFilter({ range: '12' }, now)).toEqual({ ok: false, error: 'range must be one of 1, 7, 30, 365 (days)' });
  });

  it('reads custom dates (both days included) and the other filters', () => {
    const r = parseFilter({ from: '2026-10-01', to: '2026-10-31', mailbox: 'AR@Northwind.example', intent: 'dispute', customer: 'C1', team: 'T', user: 'U', ignored: 'x' }, now);
    expect(r).toEqual({ ok: true, value: { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z'), mailbox: 'ar@northwind.example', intent: 'dispute', customer: 'C1', team: 'T', user: 'U' } });
    expect(r.ok && filterToQuery(r.value)).toEqual({ from: '2026-10-01', to: '2026-10-31', mailbox: 'ar@northwind.example', intent: 'dispute', customer: 'C1', team: 'T', user: 'U' });
    expect(parseFilter({ from: '2026-10-01' }, now).ok).toBe(false);
    expect(parseFilter({ from: '2026-02-30', to: '2026-03-01' }, now)).toEqual({ ok: false, error: 'from: not a date (yyyy-mm-dd): 2026-02-30' });
    expect(parseFilter({ from: '2026-10-02', to: '2026-10-01' }, now).ok).toBe(false);
    expect(parseFilter({ from: '2000-01-01', to: '2026-10-01' }, now).ok).toBe(false);
  });
});

describe('parsePaging', () => {
  it('defaults to page 1 of 50 and bounds the page size', () => {
    expect(parsePaging({})).toEqual({ ok: true, value: { page: 1, pageSize: 50 } });
    expect(parsePaging({ page: '3', pageSize: '10' })).toEqual({ ok: true, value: { page: 3, pageSize: 10 } });
    expect(parsePaging({ page: '0' }).ok).toBe(false);
    expect(parsePaging({ pageSize: '501' }).ok).toBe(false);
    expect(parsePaging({ page: 'x' }).ok).toBe(false);
  });
});
