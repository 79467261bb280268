// What mail sync does when a source fails, decided from the error code alone (pure, so the
// service and its tests agree on every delay without a clock).
import { retryDelayMs, type BackoffOptions } from '../policy/send-backoff.js';
import type { MailSourceErrorCode } from './mail-source.js';

export type SyncFailureAction =
  /** Start the folder over from a null cursor (the stored one is no longer valid). */
  | { kind: 'resync' }
  /** Leave the cursor alone and try again at `retryAt`; `severity` is how loudly to log it. */
  | { kind: 'back_off'; retryAt: Date; severity: 'warn' | 'error' };

/** Back-off per code: transient trouble is retried soon, what a person must fix less often. */
export const SYNC_BACKOFF: Readonly<Record<Exclude<MailSourceErrorCode, 'cursor_expired'>, BackoffOptions>> = {
  temporary: { baseMs: 30_000, maxMs: 15 * 60_000 },
  unknown: { baseMs: 60_000, maxMs: 60 * 60_000 },
  auth: { baseMs: 5 * 60_000, maxMs: 60 * 60_000 },
  not_found: { baseMs: 5 * 60_000, maxMs: 60 * 60_000 },
};

/**
 * The action for a failure; `failures` counts consecutive failed runs including this one,
 * `resynced` says whether this run already started over (a second cursor_expired backs off).
 */
export function onSyncFailure(code: MailSourceErrorCode, failures: number, now: Date, resynced = false): SyncFailureAction {
  if (code === 'cursor_expired' && !resynced) return { kind: 'resync' };
  return {
    kind: 'back_off',
    retryAt: syncRetryAt(code === 'cursor_expired' ? 'unknown' : code, failures, now),
    severity: code === 'temporary' && failures < 5 ? 'warn' : 'error',
  };
}

/** When to try again after `failures` consecutive failed runs of this kind. */
export function syncRetryAt(code: keyof typeof SYNC_BACKOFF, failures: number, now: Date): Date {
  return new Date(now.getTime() + retryDelayMs(failures, SYNC_BACKOFF[code]));
}
