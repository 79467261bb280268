// Mail sync on the embedded store: pages in, cursor stored only after the messages; errors
// mapped by code to back-off or a resync; a lost compare-and-set; and, on the real desk, a
// crash after handling but before the cursor was stored re-delivers the page, which is then
// processed once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadOfflineModel } from '../../adapters/llm/offline/load-model.js';
import { MailSourceError } from '../../core/mail/mail-source.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { MailCursorRepo } from '../../storage/repositories/mail-cursor.repo.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { silent } from '../../test/support/bot-world.js';
import { MemoryMailSource } from '../../test/support/memory-mail-source.js';
import { mimeMessage } from '../../test/fixtures/mime.js';
import { configFixture } from '../config/config.fixture.js';
import { loadDataset } from '../eval/dataset.js';
import { buildIncomingMail } from '../incoming-mail-wiring.js';
import { createReviewDesk } from '../review-desk.js';
import type { IncomingMail, IncomingMailOutcome } from './incoming-mail.js';
import { MailSync } from './mail-sync.js';

let dir: string;
let storage: StorageHandle;
let tenant = 0;
let cursors: MailCursorRepo;
let now: Date;
const clock = () => now;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-mail-sync-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  // A tenant per test: cursors of one test never meet another's.
  cursors = new MailCursorRepo(storage.db, `t${++tenant}`);
  now = new Date('2026-11-20T09:00:00Z');
});

/** An IncomingMail stand-in that remembers Message-IDs, as the real one does by its unique index. */
class RecordingIncoming implements Pick<IncomingMail, 'handle'> {
  readonly handled: string[] = [];
  readonly seen = new Set<string>();
  failOn: string | undefined;
  async handle(raw: Uint8Array): Promise<IncomingMailOutcome> {
    const id = /Message-ID: <([^>]+)>/.exec(Buffer.from(raw).toString('latin1'))?.[1] ?? '?';
    if (id === this.failOn) throw new Error('storage is unavailable');
    this.handled.push(id);
    const duplicate = this.seen.has(id);
    this.seen.add(id);
    return { kind: 'no_action', emailId: id, duplicate };
  }
}

const messages = (n: number, label = 'm') => Array.from({ length: n }, (_, i) => mimeMessage({ messageId: `<${label}-${i}@acme.example>` }));
const sync = (settings = {}) => new MailSync({ cursors, logger: silent, clock, settings });

describe('MailSync', () => {
  it('takes a folder in page by page, storing the cursor after each page, and finds nothing new the next time', async () => {
    const source = new MemoryMailSource().add(...messages(5));
    const incoming = new RecordingIncoming();
    expect(await sync({ pageSize: 2 }).syncOnce({ source, incoming })).toEqual({ kind: 'synced', messages: 5, duplicates: 0, pages: 3, more: false, resynced: false });
    expect(incoming.handled).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4'].map((m) => `${m}@acme.example`));
    expect(await cursors.get(source.address)).toMatchObject({ cursor: { epoch: 1, pos: 5 }, version: 3, failures: 0, lastSyncAt: now });

    source.add(...messages(1, 'late'));
    expect(await sync({ pageSize: 2 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 1, duplicates: 0 });
    expect(incoming.handled.at(-1)).toBe('late-0@acme.example');
    expect(source.calls.at(-1)).toEqual({ epoch: 1, pos: 5 });
    expect(await cursors.get(source.address)).toMatchObject({ cursor: { epoch: 1, pos: 6 }, version: 4 });
  });

  it('stops a run at its message limit and says more is waiting', async () => {
    const source = new MemoryMailSource().add(...messages(7));
    const incoming = new RecordingIncoming();
    expect(await sync({ pageSize: 2, maxMessagesPerRun: 3 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 3, more: true });
    expect(await sync({ pageSize: 2, maxMessagesPerRun: 3 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 3, more: true });
    expect(await sync({ pageSize: 2, maxMessagesPerRun: 3 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 1, more: false });
    expect(incoming.handled).toHaveLength(7);
  });

  it('starts the folder over when the source says the cursor expired, and the desk sees the old messages as duplicates', async () => {
    const source = new MemoryMailSource().add(...messages(3));
    const incoming = new RecordingIncoming();
    await sync().syncOnce({ source, incoming });
    source.renumber();
    source.add(...messages(1, 'new'));
    expect(await sync().syncOnce({ source, incoming })).toEqual({ kind: 'synced', messages: 4, duplicates: 3, pages: 1, more: false, resynced: true });
    expect(source.calls.slice(-2)).toEqual([{ epoch: 1, pos: 3 }, null]);
    expect(await cursors.get(source.address)).toMatchObject({ cursor: { epoch: 2, pos: 4 } });
  });

  it('backs off on a temporary failure without moving the cursor, waits out the back-off, then resumes', async () => {
    const source = new MemoryMailSource().add(...messages(2));
    const incoming = new RecordingIncoming();
    source.failures.push(new MailSourceError('temporary', 'connection reset'));
    const failed = await sync().syncOnce({ source, incoming });
    expect(failed).toEqual({ kind: 'failed', code: 'temporary', error: 'connection reset', retryAt: new Date('2026-11-20T09:00:30Z'), messages: 0 });
    expect(await cursors.get(source.address)).toMatchObject({ cursor: null, version: 0, failures: 1, lastError: 'connection reset' });

    now = new Date('2026-11-20T09:00:10Z');
    expect(await sync().syncOnce({ source, incoming })).toEqual({ kind: 'backing_off', until: new Date('2026-11-20T09:00:30Z') });
    expect(source.calls).toHaveLength(1);

    // A second failure in a row waits twice as long.
    now = new Date('2026-11-20T09:00:30Z');
    source.failures.push(new MailSourceError('temporary', 'connection reset'));
    expect(await sync().syncOnce({ source, incoming })).toMatchObject({ kind: 'failed', retryAt: new Date('2026-11-20T09:01:30Z') });

    now = new Date('2026-11-20T09:01:30Z');
    expect(await sync().syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 2 });
    const state = await cursors.get(source.address);
    expect(state).toMatchObject({ failures: 0, cursor: { pos: 2 } });
    expect(state.nextAttemptAt).toBeUndefined();
    expect(state.lastError).toBeUndefined();
  });

  it('backs off longer on auth and not_found, and wraps anything else as unknown', async () => {
    const incoming = new RecordingIncoming();
    const source = new MemoryMailSource();
    source.failures.push(new MailSourceError('auth', 'password expired'));
    expect(await sync().syncOnce({ source, incoming })).toMatchObject({ kind: 'failed', code: 'auth', retryAt: new Date('2026-11-20T09:05:00Z') });
    const other = new MemoryMailSource('memory://other');
    other.failures.push(new TypeError('a bug in an adapter'));
    expect(await sync().syncOnce({ source: other, incoming })).toMatchObject({ kind: 'failed', code: 'unknown', retryAt: new Date('2026-11-20T09:01:00Z') });
  });

  it('keeps the cursor before a page whose message could not be processed, so that message comes again', async () => {
    const source = new MemoryMailSource().add(...messages(4));
    const incoming = new RecordingIncoming();
    incoming.failOn = 'm-3@acme.example';
    expect(await sync({ pageSize: 2 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'failed', code: 'processing', messages: 3 });
    expect(await cursors.get(source.address)).toMatchObject({ cursor: { pos: 2 }, failures: 1 });
    incoming.failOn = undefined;
    now = new Date('2026-11-20T10:00:00Z');
    expect(await sync({ pageSize: 2 }).syncOnce({ source, incoming })).toMatchObject({ kind: 'synced', messages: 2, duplicates: 1 });
    expect(incoming.handled).toEqual(['m-0', 'm-1', 'm-2', 'm-2', 'm-3'].map((m) => `${m}@acme.example`));
  });

  it('leaves the folder to another worker that stored a cursor first', async () => {
    const source = new MemoryMailSource().add(...messages(2));
    const incoming = new RecordingIncoming();
    // The other worker advances the cursor while this one is fetching.
    const racing = { ...source, address: source.address, name: source.name, fetchSince: async (c: Parameters<typeof source.fetchSince>[0], limit: number) => {
      const page = await source.fetchSince(c, limit);
      expect(await cursors.advance(source.address, 0, page.cursor, now)).toBe(true);
      return page;
    } };
    expect(await sync().syncOnce({ source: racing, incoming })).toEqual({ kind: 'lost_race', messages: 2 });
    expect(await cursors.get(source.address)).toMatchObject({ version: 1, cursor: { pos: 2 } });
  });
});

describe('MailSync on the real desk', () => {
  it('processes a page once when a crash after handling it kept the cursor from being stored', { timeout: 120_000 }, async () => {
    const dataset = await loadDataset(join(import.meta.dirname, '../../test/fixtures/datasets/dev'));
    const repos = (await import('../../storage/repositories/index.js')).createRepositories(storage.db, 'desk');
    await importSnapshot(repos, dataset.sor, new Date(), { applyEnrolment: true });
    const config = configFixture({ tenant: { id: 'desk' }, company: { name: dataset.sor.company.name, arMailbox: dataset.sor.company.arMailbox } });
    const desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
    const analysts = await Promise.all(['Ana Lima', 'Ben Okafor'].map((name, i) => repos.users.create({ displayName: name, identities: { teamsAadObjectId: `aad-${i}` }, roles: ['Analyst'] }, now)));
    await repos.teams.create({ name: 'Collections', members: analysts.map((u) => u.id), channels: {} }, now);
    const incoming = buildIncomingMail({ desk, db: storage.db, config, model: loadOfflineModel(), mailbox: dataset.sor.company.arMailbox });
    const source = new MemoryMailSource('memory://desk').add(...[...dataset.emails.values()].slice(0, 12));

    // The first worker takes the page in, then dies before its cursor write lands.
    const crashing = { get: repos.mailCursors.get.bind(repos.mailCursors), recordFailure: repos.mailCursors.recordFailure.bind(repos.mailCursors), advance: async () => {
      throw new Error('worker killed before the cursor was stored');
    } };
    await expect(new MailSync({ cursors: crashing, logger: silent, clock }).syncOnce({ source, incoming })).rejects.toThrow(/worker killed/);
    const count = async () => ({
      emails: await storage.db.collection('emails').countDocuments({ tenantId: 'desk' }),
      analyses: await storage.db.collection('analyses').countDocuments({ tenantId: 'desk' }),
      tasks: await storage.db.collection('tasks').countDocuments({ tenantId: 'desk' }),
      outbox: await storage.db.collection('outbox').countDocuments({ tenantId: 'desk' }),
      audit: await storage.db.collection('audit').countDocuments({ tenantId: 'desk' }),
    });
    const afterCrash = await count();
    expect(afterCrash.emails).toBe(12);
    expect(await repos.mailCursors.get(source.address)).toMatchObject({ cursor: null, version: 0 });

    // The restarted worker gets the same page again: every message is recognised, nothing is done twice.
    const again = await new MailSync({ cursors: repos.mailCursors, logger: silent, clock }).syncOnce({ source, incoming });
    expect(again).toEqual({ kind: 'synced', messages: 12, duplicates: 12, pages: 1, more: false, resynced: false });
    expect(await count()).toEqual(afterCrash);
    expect(await repos.mailCursors.get(source.address)).toMatchObject({ cursor: { pos: 12 }, version: 1 });
  });
});
