import type { AuditEvent } from '../../core/domain/audit-event.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import type { AuditHead } from './audit.repo.js';

/**
 * What went wrong at one seq: `modified` the hash does not match the content; `missing` events
 * deleted from the middle (a gap in seq); `relinked` the chain does not link (events reordered,
 * inserted or removed and re-chained, or rewritten up to the head); `truncated` the newest events deleted.
 */
export type AuditProblemKind = 'modified' | 'missing' | 'relinked' | 'truncated';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

/** The verdict on a tenant's audit log. */
export interface AuditCheckResult {
  ok: boolean;
  /** Events read (all of them unless `complete` is false). */
  events: number;
  /** The seq of the tenant's head anchor; null when there is none. */
  headSeq: number | null;
  /** In seq order; at most `maxProblems`. */
  problems: AuditProblem[];
  /** Findings that do not fail the check, e.g. a log written before head anchors existed. */
  warnings: string[];
  /** False when reading stopped at `maxProblems`: problems after that point were not looked for. */
  complete: boolean;
}

/** Problems collected before the check stops reading: a tampered log is reported, not inventoried. */
export const DEFAULT_MAX_PROBLEMS = 10;

/**
 * Checks a tenant's audit log one event at a time, in seq order, so a caller can stream any
 * number of events through it: seq starts at 1 and has no gaps, each hash recomputes from the
 * event's content, each prevHash is the previous event's hash, and the log reaches the head
 * anchor (read before the events, so events appended meanwhile only extend the chain).
 */
export class AuditChainCheck {
  private readonly problems: AuditProblem[] = [];
  private events = 0;
  /** The previous event's seq and the hashes a successor may link to (stored, and recomputed when they differ). */
  private previous: { seq: number; hashes: string[] } | null = null;
  private reachedHead = false;

  constructor(
    private readonly head: AuditHead | null,
    private readonly maxProblems = DEFAULT_MAX_PROBLEMS,
  ) {}

  /** True once `maxProblems` problems are found; the caller should stop reading. */
  get full(): boolean {
    return this.problems.length >= this.maxProblems;
  }

  /** Checks the next event in seq order. */
  add(event: AuditEvent): void {
    if (this.full) return;
    this.events++;
    const expectedSeq = (this.previous?.seq ?? 0) + 1;
    const recomputed = auditHash(event);
    if (event.seq < expectedSeq) {
      this.report(event.seq, 'relinked', `event out of order (seq ${event.seq} again after seq ${expectedSeq - 1})`);
    } else if (event.seq > expectedSeq) {
      // The predecessor is gone, so its link cannot be checked; continue the chain from this event.
      this.report(expectedSeq, 'missing', `${eventsWord(expectedSeq, event.seq - 1)} missing (deleted): ${this.jump(event.seq)}`);
    } else if (this.previous === null ? event.prevHash !== GENESIS_HASH : !this.previous.hashes.includes(event.prevHash)) {
      const linksTo = this.previous === null ? 'the genesis hash' : `the hash of event ${this.previous.seq}`;
      this.report(event.seq, 'relinked', `event relinked (its prevHash is not ${linksTo}): events were reordered, inserted or removed`);
    }
    if (recomputed !== event.hash) {
      this.report(event.seq, 'modified', 'event modified (hash does not match its content)');
    } else if (this.head !== null && event.seq === this.head.seq && event.hash !== this.head.hash) {
      this.report(event.seq, 'relinked', 'chain rewritten (the event is not the one the head anchor recorded at this seq)');
    }
    if (this.head !== null && event.seq >= this.head.seq) this.reachedHead = true;
    // A successor of a modified event may link to its stored hash (content edited) or its true one (hash edited):
    // either way that edit is reported once, here, not again at the next event.
    const hashes = recomputed === event.hash ? [event.hash] : [event.hash, recomputed];
    this.previous = { seq: Math.max(event.seq, this.previous?.seq ?? 0), hashes };
  }

  /** The verdict after the last event. */
  finish(): AuditCheckResult {
    const complete = !this.full;
    const warnings: string[] = [];
    const lastSeq = this.previous?.seq ?? 0;
    if (this.head === null) {
      if (this.events > 0) {
        warnings.push('no head anchor: the log was written before anchors existed, so deleting its newest events would go unnoticed until the next event is appended');
      }
    } else if (complete && !this.reachedHead) {
      const end = lastSeq === 0 ? 'the log is empty' : `the log ends at seq ${lastSeq}`;
      this.report(lastSeq + 1, 'truncated', `${eventsWord(lastSeq + 1, this.head.seq)} missing (deleted from the end): ${end} but the head anchor is at seq ${this.head.seq}`);
    }
    return {
      ok: this.problems.length === 0,
      events: this.events,
      headSeq: this.head?.seq ?? null,
      problems: [...this.problems],
      warnings,
      complete,
    };
  }

  private jump(seq: number): string {
    return this.previous === null ? `the log starts at seq ${seq}` : `the log jumps from seq ${this.previous.seq} to seq ${seq}`;
  }

  private report(seq: number, kind: AuditProblemKind, message: string): void {
    if (!this.full) this.problems.push({ seq, kind, message });
  }
}

/** Checks a whole list of events (in seq order) against a head; for callers that already hold them. */
export function checkAuditEvents(events: Iterable<AuditEvent>, head: AuditHead | null, maxProblems = DEFAULT_MAX_PROBLEMS): AuditCheckResult {
  const check = new AuditChainCheck(head, maxProblems);
  for (const event of events) {
    if (check.full) break;
    check.add(event);
  }
  return check.finish();
}

function eventsWord(from: number, to: number): string {
  return from === to ? 'event' : `events ${from}–${to}`;
}
