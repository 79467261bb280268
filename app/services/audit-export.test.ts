import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/domain/audit-event.js';
import type { AuditRange } from '../../storage/repositories/audit.repo.js';
import { auditFixture } from '../../test/fixtures/people.js';
import { AUDIT_CSV_COLUMNS, auditCsvRow, csvField, exportAuditLog, type AuditExportFormat } from './audit-export.js';

function event(seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { ...auditFixture({ at: new Date(Date.UTC(2026, 10, seq, 9)) }), id: `e${seq}`, tenantId: 't', seq, prevHash: 'p'.repeat(64), hash: 'h'.repeat(64), ...overrides };
}

/** A fake log that filters by time like the repository and records the ranges it was asked for. */
function fakeLog(events: AuditEvent[]) {
  const asked: AuditRange[] = [];
  return {
    asked,
    async *iterate(range: AuditRange = {}) {
      asked.push(range);
      for (const e of events) if ((range.from === undefined || e.at >= range.from) && (range.to === undefined || e.at < range.to)) yield e;
    },
  };
}

async function exported(events: AuditEvent[], format: AuditExportFormat, range = { from: new Date('2026-11-01'), to: new Date('2026-12-01') }) {
  const chunks: string[] = [];
  const count = await exportAuditLog(fakeLog(events), range, format, async (chunk) => void chunks.push(chunk));
  return { count, text: chunks.join(''), chunks };
}

describe('audit export', () => {
  it('quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('writes a CSV header and one CRLF-terminated row per event, before/after as compact JSON', () => {
    const row = auditCsvRow(event(3, { actor: { kind: 'user', id: 'u,1' }, subject: { type: 'task', id: 't9' }, before: undefined, after: { note: 'He said "no", twice' } }));
    expect(row).toBe(`3,2026-11-03T09:00:00.000Z,user,"u,1",task.approve,task,t9,,"{""note"":""He said \\""no\\"", twice""}",${'p'.repeat(64)},${'h'.repeat(64)}\r\n`);
  });

  it('exports the range as CSV', async () => {
    const { count, text } = await exported([event(1), event(2), event(3)], 'csv', { from: new Date('2026-11-02'), to: new Date('2026-11-03T09:00:00Z') });
    expect(count).toBe(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^2,2026-11-02T09:00:00\.000Z,user,user-1,task\.approve,task,task-\d+,"{""status"":""in_review""}","{""status"":""approved""}",p{64},h{64}$/);
    expect(lines.slice(2)).toEqual(['']);
  });

  it('exports JSON as an array of events with ISO dates', async () => {
    const { count, text } = await exported([event(1), event(2)], 'json');
    expect(count).toBe(2);
    const parsed = JSON.parse(text) as unknown[];
    expect(parsed).toEqual([expect.objectContaining({ seq: 1, at: '2026-11-01T09:00:00.000Z', id: 'e1', tenantId: 't' }), expect.objectContaining({ seq: 2 })]);
    expect(await exported([], 'json')).toMatchObject({ count: 0, text: '[]\n' });
    expect(await exported([], 'csv')).toMatchObject({ count: 0, text: `${AUDIT_CSV_COLUMNS.join(',')}\r\n` });
  });

  it('hands large exports over in chunks', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => event(1, { seq: i + 1 }));
    const { count, chunks, text } = await exported(many, 'json');
    expect(count).toBe(2000);
    expect(chunks.length).toBeGreaterThan(5);
    expect((JSON.parse(text) as unknown[]).length).toBe(2000);
  });
});
