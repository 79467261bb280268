// The outbox sends every reply exactly once — across a worker killed mid-send, two competing
// workers, transient provider errors and repeated enqueues — and only what the send guard allows.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import { MailSendError } from '../../core/replies/mail-send-error.js';
import { migrate, openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { FakeMailProvider, readProviderLog, temporaryFailure, type FakeSendScript } from '../../test/fixtures/fake-mail-provider.js';
import { outboxFixture, sendableReplyFixture } from '../../test/fixtures/workflow.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { OutboxSender, type OutboxSenderSettings } from './outbox-sender.js';

const TENANT = 'tenant-outbox';
const LEASE_MS = 5 * 60_000;
const t0 = new Date('2026-11-20T09:00:00Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);
const silent = pino({ level: 'silent' });
const sor = new InMemorySor(sorSnapshotFixture());

let dir: string;
let storage: StorageHandle;
let dbName: string;
let repos: Repositories;
let providerLog: string;
let dbCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-outbox-sender-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: TENANT });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  dbCount += 1;
  dbName = `outbox_${dbCount}`;
  const db = storage.client.db(dbName);
  await migrate(db, silent);
  repos = createRepositories(db, TENANT);
  providerLog = join(dir, `provider-${dbCount}.jsonl`);
});

function senderWith(provider: FakeMailProvider, over: Partial<OutboxSenderSettings> = {}, lookup = sor, on: Repositories = repos): OutboxSender {
  return new OutboxSender({
    outbox: on.outbox,
    audit: on.audit,
    tasks: on.tasks,
    mail: provider,
    sor: lookup,
    logger: silent,
    settings: { leaseMs: LEASE_MS, maxAttempts: 5, backoff: { baseMs: 30_000, maxMs: 3_600_000 }, ...over },
  });
}

const provider = (...script: FakeSendScript[]) => new FakeMailProvider({ logFile: providerLog, script });
const enqueueSendable = async (n = 1) => {
  const items = [];
  for (let i = 0; i < n; i++) items.push((await repos.outbox.enqueue(outboxFixture({ message: sendableReplyFixture() }), t0)).item);
  return items;
};
const sendsOf = (messageId: string | undefined) => readProviderLog(providerLog).filter((s) => s.messageId === messageId);
const actions = async () => (await repos.audit.list()).map((e) => e.action);

/** A worker process (test/fixtures/outbox-worker.ts) on the shared store, with its output lines. */
interface Worker {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(workerId: string, script: string, now: Date): Worker {
  const uri = storage.embedded?.uri;
  if (!uri) throw new Error('the test store is embedded and has a uri');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../test/fixtures/outbox-worker.ts'), uri, dbName, workerId, providerLog, script, now.toISOString()],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, exited };
}

/** Waits (bounded) until the worker printed `line`. */
async function waitForLine(worker: Worker, line: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!worker.lines.includes(line)) {
    if (Date.now() > until) throw new Error(`worker did not print "${line}" within ${timeoutMs} ms (got: ${worker.lines.join(' | ')})`);
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) throw new Error(`worker exited before printing "${line}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function go(worker: Worker): void {
  worker.child.stdin?.write('go\n');
}

describe('outbox sender: crashes', () => {
  it('a worker killed between the provider accepting the send and recording it: after restart the item is sent, and the provider saw one send', { timeout: 90_000 }, async () => {
    const [item] = await enqueueSendable();
    const crashing = startWorker('worker-crash', 'accept-then-crash', t0);
    await waitForLine(crashing, 'ready');
    go(crashing);
    expect(await crashing.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // The kill came after the provider's record and before markSent: that is the state on disk.
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
    const stuck = await repos.outbox.get(item?.id ?? '');
    expect(stuck).toMatchObject({ status: 'sending', claimedBy: 'worker-crash', attempts: 1, intent: { attempt: 1, messageId: item?.message.messageId, workerId: 'worker-crash' } });
    expect(stuck?.providerMessageId).toBeUndefined();

    // Within the lease nobody touches it (the worker might only be slow).
    expect(await senderWith(provider()).sendNext('worker-early', at(LEASE_MS - 1000))).toEqual({ kind: 'idle' });

    const restarted = startWorker('worker-restarted', 'none', at(LEASE_MS + 1000));
    await waitForLine(restarted, 'ready');
    go(restarted);
    await waitForLine(restarted, 'done');
    expect((await restarted.exited).code).toBe(0);

    const [providerSend] = sendsOf(item?.message.messageId);
    expect(restarted.lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as unknown) : l))).toEqual([
      'ready',
      { kind: 'sent', itemId: item?.id, providerMessageId: providerSend?.providerMessageId, reconciled: true },
      'done',
    ]);
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
    expect(await repos.outbox.get(item?.id ?? '')).toMatchObject({ status: 'sent', providerMessageId: providerSend?.providerMessageId, attempts: 2 });
    const sent = (await repos.audit.list()).filter((e) => e.action === 'sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.after).toMatchObject({ reconciled: true, attempt: 2, providerMessageId: providerSend?.providerMessageId });
  });

  it('a worker killed after recording its intent but before the provider accepted: after restart the item is sent once, not lost', { timeout: 90_000 }, async () => {
    const [item] = await enqueueSendable();
    const crashing = startWorker('worker-crash', 'crash-before-accept', t0);
    await waitForLine(crashing, 'ready');
    go(crashing);
    expect((await crashing.exited).signal).toBe('SIGKILL');
    expect(sendsOf(item?.message.messageId)).toHaveLength(0);
    expect(await repos.outbox.get(item?.id ?? '')).toMatchObject({ status: 'sending', intent: { attempt: 1 } });

    const outcome = await senderWith(provider()).sendNext('worker-restarted', at(LEASE_MS + 1000));
    expect(outcome).toMatchObject({ kind: 'sent', reconciled: false });
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
  });
});

describe('outbox sender: concurrency', () => {
  it('two worker processes drain 50 items: every item sent exactly once', { timeout: 120_000 }, async () => {
    const items = await enqueueSendable(50);
    const workers = [startWorker('worker-a', 'none', t0), startWorker('worker-b', 'none', t0)];
    for (const w of workers) await waitForLine(w, 'ready');
    for (const w of workers) go(w);
    for (const w of workers) await waitForLine(w, 'done', 60_000);
    for (const w of workers) expect((await w.exited).code).toBe(0);
    // both workers took part (the split is close to even), so the claims really competed
    for (const w of workers) expect(w.lines.filter((l) => l.startsWith('{')).length).toBeGreaterThan(0);

    const sends = readProviderLog(providerLog);
    expect(sends).toHaveLength(50);
    expect(new Set(sends.map((s) => s.messageId))).toEqual(new Set(items.map((i) => i.message.messageId)));
    const outcomes = workers.map((w) => w.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { kind: string; itemId: string }));
    expect(outcomes.flat().every((o) => o.kind === 'sent')).toBe(true);
    expect(new Set(outcomes.flat().map((o) => o.itemId)).size).toBe(50);
    expect(await repos.outbox.listByStatus('sent', 100)).toHaveLength(50);
    expect((await actions()).filter((a) => a === 'sent')).toHaveLength(50);
  });

  it('three senders in one process, each on its own connection, never send an item twice', async () => {
    const items = await enqueueSendable(30);
    const uri = storage.embedded?.uri ?? '';
    const clients = await Promise.all([1, 2, 3].map(() => new MongoClient(uri, { directConnection: true }).connect()));
    try {
      const senders = clients.map((c, i) => ({ w: `w${i + 1}`, sender: senderWith(provider(), {}, sor, createRepositories(c.db(dbName), TENANT)) }));
      const results = await Promise.all(senders.map(({ w, sender }) => sender.drain(w, () => t0, 100)));
      expect(results.flat()).toHaveLength(30);
      expect(results.flat().every((o) => o.kind === 'sent')).toBe(true);
    } finally {
      for (const c of clients) await c.close();
    }
    expect(readProviderLog(providerLog).map((s) => s.messageId).sort()).toEqual(items.map((i) => i.message.messageId).sort());
  });

  it('enqueueing the same idempotency key twice gives one item and one send', async () => {
    const input = outboxFixture({ idempotencyKey: 'email-42:v1', message: sendableReplyFixture() });
    const first = await repos.outbox.enqueue(input, t0);
    const second = await repos.outbox.enqueue({ ...input, message: sendableReplyFixture() }, at(1000));
    expect(second).toEqual({ enqueued: false, item: first.item });
    await senderWith(provider()).drain('w1', () => at(2000), 10);
    expect(readProviderLog(providerLog).map((s) => s.messageId)).toEqual([first.item.message.messageId]);
  });
});

describe('outbox sender: retries', () => {
  it('retries after a transient error that happened before the provider accepted, with back-off, and sends once', async () => {
    const [item] = await enqueueSendable();
    const sender = senderWith(provider({ fail: temporaryFailure('HTTP 503') }));
    const first = await sender.sendNext('w1', t0);
    expect(first).toEqual({ kind: 'retry', itemId: item?.id, error: 'MailSendError: HTTP 503', retryAt: at(30_000) });
    expect(await sender.sendNext('w1', at(29_000))).toEqual({ kind: 'idle' });
    expect(await sender.sendNext('w1', at(30_000))).toMatchObject({ kind: 'sent', reconciled: false });
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
    expect(await actions()).toEqual(['send_failed', 'sent']);
  });

  it('a send the provider accepted but whose answer was lost is found on retry, not sent again', async () => {
    const [item] = await enqueueSendable();
    const sender = senderWith(provider({ acceptThenFail: temporaryFailure('socket hang up') }));
    expect(await sender.sendNext('w1', t0)).toMatchObject({ kind: 'retry' });
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
    expect(await sender.sendNext('w1', at(60_000))).toMatchObject({ kind: 'sent', reconciled: true });
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
  });

  it('gives up after the last attempt, and at once on a rejection', async () => {
    const [item] = await enqueueSendable();
    const failing = senderWith(provider(...Array.from({ length: 3 }, () => ({ fail: temporaryFailure() }))), { maxAttempts: 3 });
    const kinds: string[] = [];
    for (let minute = 0; minute < 60; minute++) {
      const outcome = await failing.sendNext('w1', at(minute * 60_000));
      if (outcome.kind !== 'idle') kinds.push(outcome.kind);
    }
    expect(kinds).toEqual(['retry', 'retry', 'failed']);
    expect(await repos.outbox.get(item?.id ?? '')).toMatchObject({ status: 'failed', attempts: 3 });

    const [rejected] = await enqueueSendable();
    const rejecting = senderWith(provider({ fail: new MailSendError('rejected', '550 mailbox unavailable') }));
    expect(await rejecting.sendNext('w1', t0)).toMatchObject({ kind: 'failed', itemId: rejected?.id });
    expect(readProviderLog(providerLog)).toHaveLength(0);
  });

  it('fails an item whose workers kept dying, after asking the provider once more', async () => {
    const [item] = await enqueueSendable();
    const fake = provider();
    const asked: string[] = [];
    const findSent = fake.findSent.bind(fake);
    fake.findSent = (id) => {
      asked.push(id);
      return findSent(id);
    };
    // two claims whose workers died (the lease ran out) after writing their intent, before any outcome
    for (let i = 0; i < 2; i++) {
      const claimed = await repos.outbox.claimNext(`dead-${i}`, at(i * LEASE_MS), LEASE_MS);
      await repos.outbox.recordIntent(item?.id ?? '', `dead-${i}`, { attempt: claimed?.attempts ?? 0, messageId: item?.message.messageId ?? '', workerId: `dead-${i}`, at: at(i * LEASE_MS) });
    }
    const outcome = await senderWith(fake, { maxAttempts: 2 }).sendNext('w1', at(2 * LEASE_MS));
    expect(outcome).toMatchObject({ kind: 'failed', itemId: item?.id, error: expect.stringMatching(/^gave up after 2 attempts/) });
    expect(asked).toEqual([item?.message.messageId]);
    expect(readProviderLog(providerLog)).toHaveLength(0);
  });

  it('retries when the provider cannot be asked about an earlier attempt, and sends nothing meanwhile', async () => {
    const [item] = await enqueueSendable();
    const flaky = provider({ acceptThenFail: temporaryFailure() });
    const sender = senderWith(flaky);
    await sender.sendNext('w1', t0);
    flaky.findSent = async () => {
      throw temporaryFailure('lookup unavailable');
    };
    expect(await sender.sendNext('w1', at(60_000))).toMatchObject({ kind: 'retry', error: 'MailSendError: lookup unavailable' });
    expect(sendsOf(item?.message.messageId)).toHaveLength(1);
  });
});

describe('outbox sender: the send guard runs again before every send', () => {
  it('blocks an item whose recipient is not a known contact: failed for good, audited, nothing sent', async () => {
    const { item } = await repos.outbox.enqueue(outboxFixture({ message: sendableReplyFixture({ to: [{ address: 'eve@evil.example' }] }) }), t0);
    const outcome = await senderWith(provider()).sendNext('w1', t0);
    expect(outcome).toMatchObject({ kind: 'blocked', itemId: item.id });
    expect(outcome.kind === 'blocked' && outcome.reasons.join()).toMatch(/recipient_not_known_contact: eve@evil\.example/);
    expect(await repos.outbox.get(item.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^send guard: recipient_not_known_contact/) });
    expect(readProviderLog(providerLog)).toHaveLength(0);
    const [event] = await repos.audit.list();
    expect(event).toMatchObject({ action: 'send_blocked', actor: { kind: 'system', id: 'outbox-sender' }, subject: { type: 'outbox', id: item.id } });
    expect(await senderWith(provider()).sendNext('w1', at(86_400_000))).toEqual({ kind: 'idle' });
  });

  it('blocks a Cc to a stranger, an attached invoice of another customer, and a contact removed from the SoR since queueing', async () => {
    const cc = await repos.outbox.enqueue(outboxFixture({ message: sendableReplyFixture({ cc: [{ address: 'bob@beta.example' }] }) }), t0);
    const foreign = await repos.outbox.enqueue(
      outboxFixture({ message: sendableReplyFixture({ attachments: [{ filename: 'INV-300001.pdf', contentType: 'application/pdf', content: new Uint8Array([1]), invoiceNumber: 'INV-300001' }] }) }),
      t0,
    );
    const sender = senderWith(provider());
    expect(await sender.sendNext('w1', t0)).toMatchObject({ kind: 'blocked', itemId: cc.item.id });
    expect(await sender.sendNext('w1', t0)).toMatchObject({ kind: 'blocked', itemId: foreign.item.id, reasons: [expect.stringMatching(/^foreign_invoice/)] });

    const removed = await repos.outbox.enqueue(outboxFixture({ message: sendableReplyFixture() }), t0);
    const withoutJane = new InMemorySor(sorSnapshotFixture({ contacts: [], invoices: sorSnapshotFixture().invoices.map((i) => ({ ...i, contactEmails: [] })) }));
    expect(await senderWith(provider(), {}, withoutJane).sendNext('w1', t0)).toMatchObject({ kind: 'blocked', itemId: removed.item.id });
    expect(readProviderLog(providerLog)).toHaveLength(0);
  });

  it('refuses an item that does not say whose data it carries, or has no Message-ID', async () => {
    const { disclosure: _d, ...noDisclosure } = sendableReplyFixture();
    const { messageId: _m, ...noMessageId } = sendableReplyFixture();
    await repos.outbox.enqueue(outboxFixture({ message: noDisclosure }), t0);
    await repos.outbox.enqueue(outboxFixture({ message: noMessageId }), t0);
    const outcomes = await senderWith(provider()).drain('w1', () => t0, 10);
    expect(outcomes.map((o) => (o.kind === 'blocked' ? o.reasons : o.kind))).toEqual([
      [expect.stringMatching(/not_sendable: .*whose data/)],
      [expect.stringMatching(/not_sendable: .*Message-ID/)],
    ]);
    expect(readProviderLog(providerLog)).toHaveLength(0);
  });
});

describe('outbox sender: the task follows its reply', () => {
  it('closes an approved task as sent, and puts it back in the queue when its reply is blocked', async () => {
    const okTask = await repos.tasks.create({ emailId: 'e-1', intents: ['invoice_copy'], reasons: [], status: 'approved' }, t0);
    const badTask = await repos.tasks.create({ emailId: 'e-2', intents: ['invoice_copy'], reasons: [], status: 'approved', assignee: 'u-1' }, t0);
    await repos.outbox.enqueue(outboxFixture({ taskId: okTask.id, message: sendableReplyFixture() }), t0);
    await repos.outbox.enqueue(outboxFixture({ taskId: badTask.id, message: sendableReplyFixture({ to: [{ address: 'eve@evil.example' }] }) }), t0);
    await senderWith(provider()).drain('w1', () => at(1000), 10);
    expect(await repos.tasks.get(okTask.id)).toMatchObject({ status: 'sent', closedAt: at(1000) });
    const back = await repos.tasks.get(badTask.id);
    expect(back).toMatchObject({ status: 'new', reasons: ['send_blocked'] });
    expect(back?.assignee).toBeUndefined();
  });
});
