import { describe, expect, it } from 'vitest';
import { CallPolicy, nextWaitMs } from './call-policy.js';

describe('CallPolicy', () => {
  it('never runs more than `concurrency` calls at once', async () => {
    const policy = new CallPolicy({ concurrency: 4, classify: () => ({ retry: false }) });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        policy.run('x', async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active -= 1;
        }),
      ),
    );
    expect(peak).toBe(4);
  });

  it('waits for Retry-After, backs off exponentially without one, and gives up past the limits', () => {
    const limits = { maxAttempts: 4, baseDelayMs: 1000, maxWaitMs: 60_000 };
    expect(nextWaitMs({ retry: true, retryAfterMs: 7000 }, 1, limits)).toBe(7000);
    expect(nextWaitMs({ retry: true }, 3, limits)).toBe(4000);
    expect(nextWaitMs({ retry: true }, 4, limits)).toBeUndefined();
    expect(nextWaitMs({ retry: true, retryAfterMs: 120_000 }, 1, limits)).toBeUndefined();
    expect(nextWaitMs({ retry: false }, 1, limits)).toBeUndefined();
  });
});
