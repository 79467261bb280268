// Who a sync lock belongs to, and whether that holder is gone: a holder on this machine whose
// process no longer exists (killed half-way) leaves a lock the next sync may take at once,
// instead of waiting for its lease to run out.
import { hostname } from 'node:os';
import type { SyncLockOwner } from '../../storage/repositories/index.js';

export function currentOwner(worker: string): SyncLockOwner {
  return { worker, host: hostname(), pid: process.pid };
}

/** True when the owner ran on this host and its process has exited. */
export function isLocalOwnerDead(owner: SyncLockOwner): boolean {
  if (owner.host !== hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
