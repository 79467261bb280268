// One policy for every call a cloud mailbox adapter makes (Graph, Gmail): at most N requests
// at a time per mailbox (Graph allows 4 concurrent requests per app and mailbox), and a
// throttled or briefly unavailable call (429, 503, 504, no response) is tried again after the
// server's Retry-After, or after an exponential pause when it names none. A wait longer than
// `maxWaitMs`, or too many attempts, gives up with the last error: the caller maps it to
// `temporary`, and the job's back-off (core/mail/sync-policy.ts) takes over from there.
// Time is injected (`sleep`), so tests need no real waits.

/** How a failure should be treated: retried (after the server's requested pause, if any), or passed on. */
export interface CallFailureClass {
  retry: boolean;
  retryAfterMs?: number;
}

export interface CallPolicyOptions {
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Attempts per call, the first included (default 4). */
  maxAttempts?: number;
  /** Pause before the second attempt when the server names none; doubled each time (default 1 s). */
  baseDelayMs?: number;
  /** Longest single pause; a Retry-After beyond it gives up at once (default 60 s). */
  maxWaitMs?: number;
  classify(err: unknown): CallFailureClass;
  sleep?: (ms: number) => Promise<void>;
  /** Told about every retry (for a debug log line). */
  onRetry?: (info: { what: string; attempt: number; waitMs: number; err: unknown }) => void;
}

/** Runs calls under a concurrency limit with retry on throttling. */
export class CallPolicy {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: CallPolicyOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `call` (again, when throttled); rejects with the last error when it gives up. */
  async run<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.limited(call);
      } catch (err) {
        const waitMs = nextWaitMs(this.options.classify(err), attempt, { maxAttempts: this.maxAttempts, baseDelayMs: this.baseDelayMs, maxWaitMs: this.maxWaitMs });
        if (waitMs === undefined) throw err;
        this.options.onRetry?.({ what, attempt, waitMs, err });
        // The pause happens outside the limit, so other calls are not held up by this one's wait.
        await this.sleep(waitMs);
      }
    }
  }

  private async limited<T>(call: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await call();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** The pause before the next attempt, or undefined to give up (pure). */
export function nextWaitMs(failure: CallFailureClass, attempt: number, limits: { maxAttempts: number; baseDelayMs: number; maxWaitMs: number }): number | undefined {
  if (!failure.retry || attempt >= limits.maxAttempts) return undefined;
  const wait = failure.retryAfterMs ?? limits.baseDelayMs * 2 ** (attempt - 1);
  return wait > limits.maxWaitMs ? undefined : wait;
}
