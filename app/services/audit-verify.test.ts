import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, openStorage, type StorageHandle } from '../../storage/index.js';
import type { AuditRepo } from '../../storage/repositories/audit.repo.js';
import { auditFixture } from '../../test/fixtures/people.js';
import { uniqueNumber } from '../../test/fixtures/unique.js';
import { verifyAuditLog } from './audit-verify.js';

let dir: string;
let storage: StorageHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-audit-verify-'));
  storage = await openStorage({ dataDir: dir, dbName: 'audit', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** A fresh tenant's log with `n` events appended through the repository. */
async function logWith(n: number): Promise<{ audit: AuditRepo; tenantId: string }> {
  const tenantId = `tenant-${uniqueNumber()}`;
  const audit = createRepositories(storage.db, tenantId).audit;
  for (let i = 0; i < n; i++) await audit.append(auditFixture({ at: new Date(Date.UTC(2026, 10, 20, 10, i)) }));
  return { audit, tenantId };
}

const events = () => storage.db.collection('audit');

describe('verifyAuditLog', () => {
  it('streams an intact log in batches and reports progress per batch', async () => {
    const { audit } = await logWith(10);
    const progress: number[] = [];
    const result = await verifyAuditLog(audit, { batchSize: 4, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ ok: true, events: 10, headSeq: 10, problems: [], warnings: [], complete: true });
    expect(progress).toEqual([4, 8, 10]);
  });

  it('passes an empty log', async () => {
    const { audit } = await logWith(0);
    expect(await verifyAuditLog(audit)).toMatchObject({ ok: true, events: 0, headSeq: null, warnings: [] });
  });

  it('keeps the anchor at the newest event under concurrent appends', async () => {
    const { audit } = await logWith(0);
    // Eight at once: append retries a taken seq up to ten times, so many more concurrent appends than that can fail.
    await Promise.all(Array.from({ length: 8 }, () => audit.append(auditFixture())));
    await Promise.all(Array.from({ length: 8 }, () => audit.append(auditFixture())));
    const last = await audit.last();
    expect(await audit.head()).toEqual({ seq: 16, hash: last?.hash });
    expect(await verifyAuditLog(audit, { batchSize: 5 })).toMatchObject({ ok: true, events: 16, headSeq: 16 });
  });

  it('finds an event modified in the database', async () => {
    const { audit, tenantId } = await logWith(8);
    await events().updateOne({ tenantId, seq: 5 }, { $set: { 'after.status': 'rejected' } });
    expect(await verifyAuditLog(audit, { batchSize: 3 })).toMatchObject({ ok: false, problems: [{ seq: 5, kind: 'modified' }] });
  });

  it('finds a deleted middle event and deleted newest events', async () => {
    const middle = await logWith(8);
    await events().deleteOne({ tenantId: middle.tenantId, seq: 4 });
    expect(await verifyAuditLog(middle.audit)).toMatchObject({ ok: false, problems: [{ seq: 4, kind: 'missing' }] });
    const newest = await logWith(8);
    await events().deleteMany({ tenantId: newest.tenantId, seq: { $gte: 7 } });
    expect(await verifyAuditLog(newest.audit)).toMatchObject({ ok: false, events: 6, headSeq: 8, problems: [{ seq: 7, kind: 'truncated' }] });
  });

  it('only warns about a log written before anchors existed', async () => {
    const { audit, tenantId } = await logWith(3);
    await storage.db.collection('audit_heads').deleteOne({ tenantId });
    const result = await verifyAuditLog(audit);
    expect(result).toMatchObject({ ok: true, events: 3, headSeq: null });
    expect(result.warnings).toHaveLength(1);
    // The next append anchors the log again.
    await audit.append(auditFixture());
    expect(await verifyAuditLog(audit)).toMatchObject({ ok: true, events: 4, headSeq: 4, warnings: [] });
  });

  it('accepts an anchor lagging behind the log (a crash between appending and anchoring)', async () => {
    const { audit, tenantId } = await logWith(5);
    const third = await events().findOne({ tenantId, seq: 3 });
    await storage.db.collection('audit_heads').updateOne({ tenantId }, { $set: { seq: 3, hash: third?.['hash'] } });
    expect(await verifyAuditLog(audit)).toMatchObject({ ok: true, events: 5, headSeq: 3 });
  });

  it('stops reading after maxProblems', async () => {
    const { audit, tenantId } = await logWith(12);
    await events().updateMany({ tenantId }, { $set: { action: 'forged' } });
    expect(await verifyAuditLog(audit, { maxProblems: 2, batchSize: 4 })).toMatchObject({ ok: false, events: 2, complete: false });
  });
});
