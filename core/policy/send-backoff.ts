// When a failed send is tried again: exponential back-off, capped. Pure, so the outbox and
// its tests agree on every delay without a clock.

export interface BackoffOptions {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
}

/** 30 s, 1 min, 2 min, 4 min … up to one hour. */
export const DEFAULT_SEND_BACKOFF: BackoffOptions = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** Delay before the attempt after failed attempt number `attempt` (1-based): base · 2^(attempt−1), at most maxMs. */
export function retryDelayMs(attempt: number, options: BackoffOptions = DEFAULT_SEND_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^(n-1) overflows to Infinity for huge n; Math.min keeps the cap.
  return Math.min(options.maxMs, options.baseMs * 2 ** (n - 1));
}

/** When the item may be claimed again after failed attempt `attempt`. */
export function retryAt(now: Date, attempt: number, options: BackoffOptions = DEFAULT_SEND_BACKOFF): Date {
  return new Date(now.getTime() + retryDelayMs(attempt, options));
}
