import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { MailPushRegistrar, MailPushState } from '../core/mail/mail-push.js';
import type { JobContext } from './job-definition.js';
import { mailSubscriptionJob } from './mail-subscription.job.js';

const now = new Date('2026-11-20T09:00:00Z');
const day = 24 * 3600_000;

function world(stored: MailPushState | null) {
  const calls: Array<MailPushState | null> = [];
  const saved: MailPushState[] = [];
  const registrar: MailPushRegistrar = {
    name: 'graph',
    address: 'graph://ar@northwind.example/inbox',
    renewBeforeMs: day,
    ensure: async (current) => {
      calls.push(current);
      return { id: current?.id ?? 'new-sub', expiresAt: new Date(now.getTime() + 3 * day) };
    },
  };
  let state = stored;
  const job = mailSubscriptionJob(() => ({
    registrar,
    registrations: {
      get: async () => state,
      save: async (_a, _p, s) => {
        state = s;
        saved.push(s);
      },
    },
  }));
  const ctx = { logger: pino({ level: 'silent' }), now: () => now } as unknown as JobContext;
  return { run: (data: Record<string, unknown> = {}) => job.run(data, ctx), calls, saved };
}

describe('mail-subscription job', () => {
  it('creates a registration when there is none, and leaves a fresh one alone', async () => {
    const w = world(null);
    await w.run();
    expect(w.calls).toEqual([null]);
    await w.run();
    expect(w.calls).toHaveLength(1);
  });

  it('renews near the expiry, on reauthorizationRequired (force), and starts over on subscriptionRemoved (recreate)', async () => {
    const old = { id: 'sub-1', expiresAt: new Date(now.getTime() + day / 2) };
    const w = world(old);
    await w.run();
    expect(w.calls).toEqual([old]);
    await w.run({ force: true });
    expect(w.calls).toHaveLength(2);
    await w.run({ recreate: true });
    expect(w.calls.at(-1)).toBeNull();
    expect(w.saved).toHaveLength(3);
  });
});
