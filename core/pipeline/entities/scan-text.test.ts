import { describe, expect, it } from 'vitest';
import { ClaimedSpans, foldForScan } from './scan-text.js';

describe('foldForScan', () => {
  it('folds dashes, special spaces and number signs one-for-one', () => {
    const text = 'INV\u2013204648 CAD\u00a03\u202f200 \u2116 5';
    const folded = foldForScan(text);
    expect(folded).toBe('INV-204648 CAD 3 200 # 5');
    expect(folded).toHaveLength(text.length);
  });
});

describe('ClaimedSpans', () => {
  it('tells overlapping from adjacent ranges and merges overlapping claims', () => {
    const spans = new ClaimedSpans();
    spans.claim(10, 20);
    spans.claim(30, 40);
    expect(spans.overlaps(0, 10)).toBe(false);
    expect(spans.overlaps(20, 30)).toBe(false);
    expect(spans.overlaps(19, 21)).toBe(true);
    expect(spans.overlaps(5, 50)).toBe(true);
    spans.claim(15, 35);
    expect(spans.overlaps(22, 28)).toBe(true);
    expect(spans.overlaps(40, 41)).toBe(false);
  });
});
