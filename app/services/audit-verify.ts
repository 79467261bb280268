import { AuditChainCheck, DEFAULT_MAX_PROBLEMS, type AuditCheckResult } from '../../storage/repositories/audit-check.js';
import type { AuditRepo } from '../../storage/repositories/audit.repo.js';

export type { AuditCheckResult, AuditProblem, AuditProblemKind } from '../../storage/repositories/audit-check.js';

export interface AuditVerifyOptions {
  /** Events fetched per round trip. */
  batchSize?: number;
  /** Stop reading after this many problems (default 10). */
  maxProblems?: number;
  /** Called with the number of events checked so far, once per batch and at the end. */
  onProgress?: (checked: number) => void;
}

const DEFAULT_BATCH_SIZE = 1000;

/**
 * Verifies a tenant's audit log: streams every event in seq order through the chain check
 * (memory stays flat however long the log is) and compares the end of the log with the head
 * anchor, which is read first so that events appended meanwhile cannot look like tampering.
 */
export async function verifyAuditLog(audit: Pick<AuditRepo, 'head' | 'iterate'>, options: AuditVerifyOptions = {}): Promise<AuditCheckResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const check = new AuditChainCheck(await audit.head(), options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  let checked = 0;
  for await (const event of audit.iterate({}, batchSize)) {
    check.add(event);
    checked++;
    if (check.full) break;
    if (checked % batchSize === 0) options.onProgress?.(checked);
  }
  options.onProgress?.(checked);
  return check.finish();
}
