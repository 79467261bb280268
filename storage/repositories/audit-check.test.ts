import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/domain/audit-event.js';
import { auditFixture } from '../../test/fixtures/people.js';
import { checkAuditEvents } from './audit-check.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import type { AuditHead } from './audit.repo.js';

/** A valid chain of `n` events, seq 1…n, as the repository would have written it. */
function chain(n: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const at = new Date(Date.UTC(2026, 10, 20, 10, seq));
    events.push(sealed({ ...auditFixture({ at }), id: `e${seq}`, tenantId: 't', seq, prevHash: events.at(-1)?.hash ?? GENESIS_HASH }));
  }
  return events;
}

/** An event with its hash computed from its content, as someone who knows the algorithm would forge it. */
function sealed(event: Omit<AuditEvent, 'hash'>): AuditEvent {
  return { ...event, hash: auditHash(event) };
}

/** Re-chains events from the first one on: renumbers them 1…n and recomputes every link and hash. */
function rechained(events: readonly AuditEvent[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const [i, e] of events.entries()) out.push(sealed({ ...e, seq: i + 1, prevHash: out.at(-1)?.hash ?? GENESIS_HASH }));
  return out;
}

const headOf = (events: readonly AuditEvent[]): AuditHead => {
  const last = events.at(-1);
  if (last === undefined) throw new Error('headOf: no events');
  return { seq: last.seq, hash: last.hash };
};

const without = (events: readonly AuditEvent[], ...seqs: number[]): AuditEvent[] => events.filter((e) => !seqs.includes(e.seq));

const replaced = (events: readonly AuditEvent[], seq: number, change: (e: AuditEvent) => AuditEvent): AuditEvent[] =>
  events.map((e) => (e.seq === seq ? change(e) : e));

describe('audit chain check', () => {
  it('passes an intact log that reaches its head anchor', () => {
    const events = chain(5);
    expect(checkAuditEvents(events, headOf(events))).toEqual({ ok: true, events: 5, headSeq: 5, problems: [], warnings: [], complete: true });
  });

  it('passes an empty log without an anchor', () => {
    expect(checkAuditEvents([], null)).toEqual({ ok: true, events: 0, headSeq: null, problems: [], warnings: [], complete: true });
  });

  it('passes a log without an anchor (written before anchors existed) with a warning', () => {
    const result = checkAuditEvents(chain(3), null);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/^no head anchor/)]);
  });

  it('passes events appended after the anchor was read (or while it lagged): the chain covers them', () => {
    const events = chain(6);
    const head = headOf(events.slice(0, 4));
    expect(checkAuditEvents(events, head)).toMatchObject({ ok: true, events: 6, headSeq: 4 });
  });

  it('finds modified content, once', () => {
    const events = chain(5);
    const tampered = replaced(events, 3, (e) => ({ ...e, after: { status: 'rejected' } }));
    expect(checkAuditEvents(tampered, headOf(events)).problems).toEqual([{ seq: 3, kind: 'modified', message: 'event modified (hash does not match its content)' }]);
  });

  it('finds a modified hash, once', () => {
    const events = chain(5);
    const tampered = replaced(events, 3, (e) => ({ ...e, hash: 'f'.repeat(64) }));
    expect(checkAuditEvents(tampered, headOf(events)).problems).toEqual([{ seq: 3, kind: 'modified', message: 'event modified (hash does not match its content)' }]);
  });

  it('finds the newest event modified and re-sealed, by the anchor', () => {
    const events = chain(5);
    const tampered = replaced(events, 5, (e) => sealed({ ...e, after: { status: 'rejected' } }));
    expect(checkAuditEvents(tampered, headOf(events)).problems).toEqual([{ seq: 5, kind: 'relinked', message: expect.stringMatching(/^chain rewritten/) }]);
  });

  it('finds a deleted middle event', () => {
    const events = chain(5);
    expect(checkAuditEvents(without(events, 3), headOf(events)).problems).toEqual([
      { seq: 3, kind: 'missing', message: 'event missing (deleted): the log jumps from seq 2 to seq 4' },
    ]);
    expect(checkAuditEvents(without(events, 2, 3), headOf(events)).problems).toEqual([
      { seq: 2, kind: 'missing', message: 'events 2–3 missing (deleted): the log jumps from seq 1 to seq 4' },
    ]);
  });

  it('finds a deleted first event', () => {
    const events = chain(3);
    expect(checkAuditEvents(without(events, 1), headOf(events)).problems).toEqual([{ seq: 1, kind: 'missing', message: 'event missing (deleted): the log starts at seq 2' }]);
  });

  it('finds deleted newest events by the anchor', () => {
    const events = chain(5);
    expect(checkAuditEvents(without(events, 5), headOf(events)).problems).toEqual([
      { seq: 5, kind: 'truncated', message: 'event missing (deleted from the end): the log ends at seq 4 but the head anchor is at seq 5' },
    ]);
    expect(checkAuditEvents(without(events, 4, 5), headOf(events)).problems).toEqual([
      { seq: 4, kind: 'truncated', message: 'events 4–5 missing (deleted from the end): the log ends at seq 3 but the head anchor is at seq 5' },
    ]);
    expect(checkAuditEvents([], headOf(events)).problems).toEqual([
      { seq: 1, kind: 'truncated', message: 'events 1–5 missing (deleted from the end): the log is empty but the head anchor is at seq 5' },
    ]);
  });

  it('finds events swapped and re-sealed', () => {
    const events = chain(5);
    const [e2, e3] = [events[1], events[2]];
    if (e2 === undefined || e3 === undefined) throw new Error('chain too short');
    const swapped = [events[0], sealed({ ...e3, seq: 2 }), sealed({ ...e2, seq: 3 }), ...events.slice(3)].filter((e) => e !== undefined);
    const { problems } = checkAuditEvents(swapped, headOf(events));
    expect(problems[0]).toEqual({ seq: 2, kind: 'relinked', message: 'event relinked (its prevHash is not the hash of event 1): events were reordered, inserted or removed' });
    expect(problems.every((p) => p.kind === 'relinked')).toBe(true);
  });

  it('finds an event relinked to the wrong predecessor', () => {
    const events = chain(4);
    const tampered = replaced(events, 1, (e) => sealed({ ...e, prevHash: 'a'.repeat(64) }));
    expect(checkAuditEvents(tampered, headOf(events)).problems[0]).toEqual({ seq: 1, kind: 'relinked', message: expect.stringContaining('its prevHash is not the genesis hash') });
  });

  it('finds a deleted event hidden by rewriting the whole chain, by the anchor', () => {
    const events = chain(5);
    const rewritten = rechained(without(events, 3));
    expect(checkAuditEvents(rewritten, headOf(events)).problems).toEqual([{ seq: 5, kind: 'truncated', message: expect.any(String) }]);
    const padded = rechained([...without(events, 3), { ...auditFixture(), id: 'forged', tenantId: 't', seq: 0, prevHash: '', hash: '' }]);
    expect(checkAuditEvents(padded, headOf(events)).problems).toEqual([{ seq: 5, kind: 'relinked', message: expect.stringMatching(/^chain rewritten/) }]);
  });

  it('stops after the most problems it was asked for and says so', () => {
    const events = chain(10).map((e) => ({ ...e, action: 'forged' }));
    const result = checkAuditEvents(events, { seq: 12, hash: 'b'.repeat(64) }, 3);
    expect(result).toMatchObject({ ok: false, events: 3, complete: false });
    expect(result.problems.map((p) => p.seq)).toEqual([1, 2, 3]);
  });
});
