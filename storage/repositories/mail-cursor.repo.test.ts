// Mail cursors on the embedded store: compare-and-set advances, failures that leave the
// cursor alone, and cursors MongoDB could not store as documents ($ and dotted keys).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silent } from '../../test/support/bot-world.js';
import { openStorage, type StorageHandle } from '../index.js';
import { MailCursorRepo } from './mail-cursor.repo.js';

let dir: string;
let storage: StorageHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-mail-cursor-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

const t0 = new Date('2026-11-20T09:00:00Z');

describe('MailCursorRepo', () => {
  it('lets only one of two workers advance from the same version', async () => {
    const a = new MailCursorRepo(storage.db, 'cas');
    const b = new MailCursorRepo(storage.db, 'cas');
    expect(await a.get('imap://x/INBOX')).toEqual({ address: 'imap://x/INBOX', cursor: null, version: 0, failures: 0 });
    const first = await Promise.all([a.advance('imap://x/INBOX', 0, { lastUid: 1 }, t0), b.advance('imap://x/INBOX', 0, { lastUid: 2 }, t0)]);
    expect(first.filter(Boolean)).toHaveLength(1);
    const state = await a.get('imap://x/INBOX');
    expect(state.version).toBe(1);
    expect(await b.advance('imap://x/INBOX', 0, { lastUid: 9 }, t0)).toBe(false);
    expect(await b.advance('imap://x/INBOX', 1, { lastUid: 3 }, t0)).toBe(true);
    expect(await a.get('imap://x/INBOX')).toMatchObject({ cursor: { lastUid: 3 }, version: 2 });
  });

  it('records failures without touching the cursor, and a later advance clears them', async () => {
    const repo = new MailCursorRepo(storage.db, 'failures');
    await repo.recordFailure('folder:/in', { failures: 1, error: 'gone', nextAttemptAt: t0 }, t0);
    expect(await repo.get('folder:/in')).toEqual({ address: 'folder:/in', cursor: null, version: 0, failures: 1, nextAttemptAt: t0, lastError: 'gone' });
    expect(await repo.advance('folder:/in', 0, { v: 1 }, t0)).toBe(true);
    await repo.recordFailure('folder:/in', { failures: 1, error: 'again', nextAttemptAt: t0 }, t0);
    expect(await repo.get('folder:/in')).toMatchObject({ cursor: { v: 1 }, version: 1, failures: 1, lastError: 'again' });
    expect(await repo.advance('folder:/in', 1, { v: 2 }, t0)).toBe(true);
    expect(await repo.get('folder:/in')).toEqual({ address: 'folder:/in', cursor: { v: 2 }, version: 2, failures: 0, lastSyncAt: t0 });
  });

  it('stores cursors with keys a document could not hold, and keeps tenants apart', async () => {
    const odd = { $deltaLink: 'https://graph.example/delta?$skiptoken=a.b', 'a.b': [1, 'two'] };
    const repo = new MailCursorRepo(storage.db, 'odd');
    expect(await repo.advance('graph://ar/inbox', 0, odd, t0)).toBe(true);
    expect((await repo.get('graph://ar/inbox')).cursor).toEqual(odd);
    expect((await new MailCursorRepo(storage.db, 'other').get('graph://ar/inbox')).cursor).toBeNull();
  });
});
