import { describe, expect, it } from 'vitest';
import { onSyncFailure, syncRetryAt } from './sync-policy.js';

const now = new Date('2026-11-20T09:00:00Z');
const after = (ms: number) => new Date(now.getTime() + ms);

describe('mail sync failure policy', () => {
  it('starts the folder over on an expired cursor, once per run', () => {
    expect(onSyncFailure('cursor_expired', 1, now)).toEqual({ kind: 'resync' });
    expect(onSyncFailure('cursor_expired', 1, now, true)).toEqual({ kind: 'back_off', retryAt: after(60_000), severity: 'error' });
  });

  it('retries temporary failures soon and quietly at first, doubling up to 15 minutes', () => {
    expect(onSyncFailure('temporary', 1, now)).toEqual({ kind: 'back_off', retryAt: after(30_000), severity: 'warn' });
    expect(onSyncFailure('temporary', 3, now)).toEqual({ kind: 'back_off', retryAt: after(120_000), severity: 'warn' });
    expect(onSyncFailure('temporary', 5, now)).toMatchObject({ severity: 'error' });
    expect(syncRetryAt('temporary', 50, now)).toEqual(after(15 * 60_000));
  });

  it('waits longer on what a person must fix (credentials, a missing folder)', () => {
    expect(onSyncFailure('auth', 1, now)).toEqual({ kind: 'back_off', retryAt: after(5 * 60_000), severity: 'error' });
    expect(onSyncFailure('not_found', 2, now)).toEqual({ kind: 'back_off', retryAt: after(10 * 60_000), severity: 'error' });
    expect(onSyncFailure('unknown', 20, now)).toEqual({ kind: 'back_off', retryAt: after(60 * 60_000), severity: 'error' });
  });
});
