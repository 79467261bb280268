import { createHash } from 'node:crypto';
import type { AuditEvent } from '../../core/domain/audit-event.js';
import { canonicalJson } from '../canonical-json.js';

/** `prevHash` of a tenant's first audit event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit hash covers: everything but the storage id and the hash itself. */
export type HashedAuditFields = Omit<AuditEvent, 'id' | 'hash'>;

/** SHA-256 (hex) over the event's canonical JSON, which includes `prevHash`, chaining it to its predecessor. */
export function auditHash(event: HashedAuditFields): string {
  const { tenantId, seq, at, actor, action, subject, before, after, prevHash } = event;
  const body = canonicalJson({ tenantId, seq, at, actor, action, subject, before, after, prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/** The seq of the first event (in seq order) whose hash or link is wrong, or null when the chain holds. */
export function findBrokenLink(events: readonly AuditEvent[], prevHash = GENESIS_HASH): number | null {
  let expectedPrev = prevHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev || auditHash(event) !== event.hash) return event.seq;
    expectedPrev = event.hash;
  }
  return null;
}
