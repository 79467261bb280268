import { describe, expect, it } from 'vitest';
import { DEFAULT_SEND_BACKOFF, retryAt, retryDelayMs } from './send-backoff.js';

describe('send back-off', () => {
  it('doubles from the base delay after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, { baseMs: 1000, maxMs: 60_000 }))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits longer than the cap, even for absurd attempt numbers', () => {
    expect(retryDelayMs(7, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
    expect(retryDelayMs(5000, DEFAULT_SEND_BACKOFF)).toBe(DEFAULT_SEND_BACKOFF.maxMs);
  });

  it('treats attempt numbers below 1 as the first attempt', () => {
    expect(retryDelayMs(0, { baseMs: 500, maxMs: 10_000 })).toBe(500);
    expect(retryDelayMs(-3, { baseMs: 500, maxMs: 10_000 })).toBe(500);
  });

  it('turns the delay into a due time from the injected now', () => {
    const now = new Date('2026-11-20T09:00:00Z');
    expect(retryAt(now, 2)).toEqual(new Date('2026-11-20T09:01:00Z'));
  });
});
