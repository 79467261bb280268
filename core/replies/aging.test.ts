import { describe, expect, it } from 'vitest';
import { agingBuckets, bucketOf, daysPastDue } from './aging.js';
import { daysBeforeAsOf, REPLY_AS_OF } from '../../test/fixtures/reply-snapshot.js';

const item = (pastDue: number, balance = 100, currency = 'USD') => ({ dueDate: daysBeforeAsOf(pastDue), balance, currency });

describe('daysPastDue', () => {
  it('counts calendar days in UTC and is 0 until the day after the due date', () => {
    expect(daysPastDue(daysBeforeAsOf(-3), REPLY_AS_OF)).toBe(0);
    expect(daysPastDue(daysBeforeAsOf(0), REPLY_AS_OF)).toBe(0);
    expect(daysPastDue(daysBeforeAsOf(1), REPLY_AS_OF)).toBe(1);
    expect(daysPastDue(daysBeforeAsOf(31), new Date('2026-11-20T23:59:59Z'))).toBe(31);
  });
});

describe('agingBuckets', () => {
  it.each([
    [-1, 'current'], [0, 'current'], [1, 'days1to30'], [30, 'days1to30'], [31, 'days31to60'],
    [60, 'days31to60'], [61, 'days61to90'], [90, 'days61to90'], [91, 'days90plus'], [400, 'days90plus'],
  ] as const)('puts an invoice %i days past due in %s', (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
    const [row] = agingBuckets([item(days)], REPLY_AS_OF);
    expect(row).toMatchObject({ [bucket]: 100, total: 100 });
  });

  it('keeps one row per currency, in alphabetical order, with totals rounded to cents', () => {
    const rows = agingBuckets([item(5, 0.1), item(5, 0.2), item(-2, 50, 'EUR'), item(100, 25.5, 'CAD')], REPLY_AS_OF);
    expect(rows).toEqual([
      { currency: 'CAD', current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 25.5, total: 25.5 },
      { currency: 'EUR', current: 50, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 50 },
      { currency: 'USD', current: 0, days1to30: 0.3, days31to60: 0, days61to90: 0, days90plus: 0, total: 0.3 },
    ]);
  });

  it('is empty without invoices', () => {
    expect(agingBuckets([], REPLY_AS_OF)).toEqual([]);
  });
});
