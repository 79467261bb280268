// Finished one-off jobs stay in the jobs collection (for inspection and for agenda's
// unique-job checks); this keeps that history bounded.
import type { Db } from 'mongodb';
import { JOBS_COLLECTION } from './runner.js';

export interface PurgeResult {
  succeeded: number;
  failed: number;
}

/** Deletes one-off jobs that finished before `succeededBefore`, and failed ones that failed before `failedBefore`. */
export async function purgeFinishedJobs(db: Db, succeededBefore: Date, failedBefore: Date): Promise<PurgeResult> {
  const jobs = db.collection(JOBS_COLLECTION);
  const oneOff = { nextRunAt: null, lockedAt: null, repeatInterval: null };
  const succeeded = await jobs.deleteMany({ ...oneOff, lastFinishedAt: { $lt: succeededBefore }, failedAt: null });
  const failed = await jobs.deleteMany({ ...oneOff, failedAt: { $lt: failedBefore } });
  return { succeeded: succeeded.deletedCount, failed: failed.deletedCount };
}
