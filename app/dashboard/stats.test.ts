import { describe, expect, it } from 'vitest';
import { agingBucket, confidenceBucket, confidenceLabel, daysBetween, daysPastDue, durationBucket, durationHistogram, percentile, ratio, sortedNumbers } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with at least p% of values at or below it', () => {
    const xs = sortedNumbers([15, 20, 35, 40, 50]);
    expect(percentile(xs, 50)).toBe(35);
    expect(percentile(xs, 90)).toBe(50);
    expect(percentile(xs, 40)).toBe(20);
    expect(percentile(xs, 0)).toBe(15);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(percentile(sortedNumbers([1, 120, 120]), 50)).toBe(120);
    expect(percentile(sortedNumbers(Array.from({ length: 10 }, (_, i) => i + 1)), 90)).toBe(9);
  });
});

describe('buckets', () => {
  it('ages invoices as the statement does', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual(['current', 'current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+']);
    expect(daysPastDue(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-20T12:00:00Z'))).toBe(19);
    expect(daysPastDue(new Date('2026-11-30T00:00:00Z'), new Date('2026-11-20T12:00:00Z'))).toBe(-10);
  });

  it('buckets durations and confidences', () => {
    expect([0, 4.9, 5, 59, 60, 239, 240, 1439, 1440, 4319, 4320].map(durationBucket)).toEqual([
      '< 5 min', '< 5 min', '5–60 min', '5–60 min', '1–4 h', '1–4 h', '4–24 h', '4–24 h', '1–3 days', '1–3 days', '> 3 days',
    ]);
    expect(durationHistogram([1, 2, 120]).map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0]);
    expect([0, 0.05, 0.1, 0.55, 0.99, 1].map(confidenceBucket)).toEqual([0, 0, 1, 5, 9, 9]);
    expect(confidenceLabel(7)).toBe('0.7–0.8');
  });

  it('lists the UTC days of a range and rounds ratios', () => {
    expect(daysBetween(new Date('2026-11-18T00:00:00Z'), new Date('2026-11-21T00:00:00Z'))).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(1, 0)).toBeNull();
  });
});
