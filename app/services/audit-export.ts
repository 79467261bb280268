import type { AuditEvent } from '../../core/domain/audit-event.js';
import type { AuditRepo } from '../../storage/repositories/audit.repo.js';

export const AUDIT_EXPORT_FORMATS = ['json', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The CSV header; `before` and `after` are compact JSON. */
export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actorKind', 'actorId', 'action', 'subjectType', 'subjectId', 'before', 'after', 'prevHash', 'hash'] as const;

/** RFC 4180 line break. */
const CRLF = '\r\n';

/** Output is handed to `write` in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

export interface AuditExportRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/**
 * Writes a tenant's audit events with `from <= at < to`, in seq order, as a JSON array or CSV,
 * streaming them from storage and out through `write` so a large range is never held in memory.
 * Returns the number of events written.
 */
export async function exportAuditLog(
  audit: Pick<AuditRepo, 'iterate'>,
  range: AuditExportRange,
  format: AuditExportFormat,
  write: (chunk: string) => Promise<void>,
  batchSize?: number,
): Promise<number> {
  const out = new ChunkedWriter(write);
  let count = 0;
  await out.add(format === 'csv' ? auditCsvHeader() : '[');
  for await (const event of audit.iterate({ from: range.from, to: range.to }, batchSize)) {
    if (format === 'csv') await out.add(auditCsvRow(event));
    else await out.add(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(auditJsonRecord(event))}`);
    count++;
  }
  if (format === 'json') await out.add(count === 0 ? ']\n' : '\n]\n');
  await out.flush();
  return count;
}

/** The CSV header line (with its line break). */
export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}${CRLF}`;
}

/** One event as a CSV line (with its line break). */
export function auditCsvRow(event: AuditEvent): string {
  const fields = [
    String(event.seq),
    event.at.toISOString(),
    event.actor.kind,
    event.actor.id,
    event.action,
    event.subject.type,
    event.subject.id,
    compactJson(event.before),
    compactJson(event.after),
    event.prevHash,
    event.hash,
  ];
  return `${fields.map(csvField).join(',')}${CRLF}`;
}

/** An event as exported in JSON: every field the hash covers, in a fixed order, dates as ISO strings. */
export function auditJsonRecord(event: AuditEvent): Record<string, unknown> {
  const { id, tenantId, seq, at, actor, action, subject, before, after, prevHash, hash } = event;
  return { id, tenantId, seq, at: at.toISOString(), actor, action, subject, before, after, prevHash, hash };
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Compact JSON of a before/after value; empty when the event has none. */
function compactJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** Collects small strings and passes them on in large chunks, awaiting each write (back-pressure). */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (chunk: string) => Promise<void>) {}

  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.write(chunk);
  }
}
