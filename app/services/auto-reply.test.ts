// Automatic replies: queued once under `${emailId}:v1`, held back by the loop guard, kept as
// "would have auto-sent" drafts in shadow mode, and sent end to end into the outbox folder.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FolderMailSender } from '../../adapters/mail/outbox-folder/folder.mail-sender.js';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import type { Decision } from '../../core/policy/decision.js';
import type { RenderedReply } from '../../core/replies/reply-model.js';
import { migrate, openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { outboxFixture, sendableReplyFixture } from '../../test/fixtures/workflow.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { AutoReplyService, WOULD_HAVE_AUTO_SENT, type AutoReplyInput, type AutoReplySettings } from './auto-reply.js';
import type { AnsweredEmail } from './auto-reply-message.js';
import { OutboxSender } from './outbox-sender.js';

const silent = pino({ level: 'silent' });
const now = new Date('2026-11-20T10:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

let dir: string;
let storage: StorageHandle;
let repos: Repositories;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-auto-reply-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  n += 1;
  const db = storage.client.db(`auto_reply_${n}`);
  await migrate(db, silent);
  repos = createRepositories(db, 't');
});

function service(settings: Partial<AutoReplySettings> = {}): AutoReplyService {
  let ids = 0;
  return new AutoReplyService({
    repos,
    settings: { shadowMode: false, threadWindowHours: 24, maxAutoRepliesPerRecipientPerDay: 5, ...settings },
    ownAddresses: ['ar@northwind.example'],
    logger: silent,
    messageIdFor: (from) => `reply-${n}-${(ids += 1)}@${from.split('@')[1]}`,
  });
}

const email = (over: Partial<AnsweredEmail> = {}): AnsweredEmail => ({
  id: `email-${n}`,
  messageId: `question-${n}@acme.example`,
  threadKey: `question-${n}@acme.example`,
  mailbox: 'ar@northwind.example',
  from: { name: 'Jane Roe', address: 'jane@acme.example' },
  headers: { references: [] },
  ...over,
});
const decision = (over: Partial<Decision> = {}): Decision => ({
  action: 'auto_reply',
  reasons: [{ code: 'auto_reply_checks_passed', message: 'ok' }],
  intents: ['invoice_copy'],
  customerId: 'C1',
  invoiceNumbers: ['INV-204518'],
  recipients: ['jane@acme.example'],
  ...over,
});
const reply: RenderedReply = {
  subject: 'RE: Invoice copy INV-204518',
  text: 'Hello Jane,\n\nplease find invoice INV-204518 attached.',
  html: '<p>Hello Jane,</p><p>please find invoice INV-204518 attached.</p>',
  attachments: [{ filename: 'INV-204518.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70, 45]), kind: 'invoice', invoiceNumber: 'INV-204518' }],
};
const input = (over: Partial<AutoReplyInput> = {}): AutoReplyInput => ({ email: email(), analysis: { decision: decision() }, reply, ...over });
const actions = async () => (await repos.audit.list()).map((e) => e.action);

describe('auto-reply service', () => {
  it('queues an automatic reply under `${emailId}:v1`, approved by the system, with everything the sender and the guard need', async () => {
    const outcome = await service().handle(input(), now);
    expect(outcome).toMatchObject({ kind: 'queued', enqueued: true });
    if (outcome.kind !== 'queued') return;
    const item = await repos.outbox.get(outcome.outboxItemId);
    expect(item).toMatchObject({
      idempotencyKey: `email-${n}:v1`,
      emailId: `email-${n}`,
      taskId: outcome.taskId,
      threadKey: `question-${n}@acme.example`,
      replyVersion: 1,
      status: 'pending',
      message: {
        to: [{ name: 'Jane Roe', address: 'jane@acme.example' }],
        from: { address: 'ar@northwind.example' },
        messageId: `reply-${n}-1@northwind.example`,
        inReplyTo: `question-${n}@acme.example`,
        references: [`question-${n}@acme.example`],
        automatic: true,
        attachInvoices: ['INV-204518'],
        disclosure: { customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204518'] },
      },
    });
    expect(await repos.tasks.get(outcome.taskId)).toMatchObject({ status: 'approved', reasons: [], customerSorId: 'C1' });
    expect(outcome.draft).toMatchObject({ version: 1, createdBy: 'system', taskId: outcome.taskId });
    const events = await repos.audit.list();
    expect(events.map((e) => [e.action, e.actor.id, e.subject])).toEqual([
      ['draft_created', 'auto-reply', { type: 'task', id: outcome.taskId }],
      ['approved', 'auto-reply', { type: 'task', id: outcome.taskId }],
    ]);
    expect(events[1]?.after).toMatchObject({ approvedBy: 'system', idempotencyKey: `email-${n}:v1` });
  });

  it('handling the same email again gives the same task, draft and outbox item, and nothing new in the audit log', async () => {
    const svc = service();
    const first = await svc.handle(input(), now);
    const again = await svc.handle(input(), new Date(now.getTime() + 60_000));
    expect(again).toMatchObject({ kind: 'queued', enqueued: false });
    expect(first.kind === 'queued' && again.kind === 'queued' && again.outboxItemId === first.outboxItemId && again.taskId === first.taskId).toBe(true);
    expect(await repos.tasks.findByEmail(`email-${n}`)).toHaveLength(1);
    expect(await repos.outbox.listByStatus('pending')).toHaveLength(1);
    expect(await actions()).toEqual(['draft_created', 'approved']);
  });

  it('in shadow mode keeps the draft for review, marked "would have auto-sent", and queues nothing', async () => {
    const outcome = await service({ shadowMode: true }).handle(input(), now);
    expect(outcome).toMatchObject({ kind: 'shadow' });
    if (outcome.kind !== 'shadow') return;
    expect(await repos.tasks.get(outcome.taskId)).toMatchObject({ status: 'new', reasons: [WOULD_HAVE_AUTO_SENT] });
    expect(outcome.draft.message).toMatchObject({ subject: reply.subject, disclosure: { customerId: 'C1' } });
    expect(outcome.draft.message.automatic).toBeUndefined();
    expect(outcome.draft.message.messageId).toBeUndefined();
    expect(Buffer.from(outcome.draft.message.attachments?.[0]?.content ?? []).toString('latin1')).toBe('%PDF-');
    expect(await repos.outbox.listByStatus('pending')).toEqual([]);
    const [created, ...rest] = await repos.audit.list();
    expect(created).toMatchObject({ action: 'draft_created', after: { wouldHaveAutoSent: true } });
    expect(rest).toEqual([]);
    expect(await service({ shadowMode: true }).handle(input(), now)).toEqual({ kind: 'already_handled', taskId: outcome.taskId });
  });

  it('holds back a reply into a thread answered automatically within the window, for a person to look at', async () => {
    await repos.outbox.enqueue(outboxFixture({ threadKey: `question-${n}@acme.example`, message: sendableReplyFixture() }), hoursAgo(3));
    const outcome = await service().handle(input(), now);
    expect(outcome).toMatchObject({ kind: 'loop_blocked', code: 'thread_recently_answered' });
    if (outcome.kind !== 'loop_blocked') return;
    expect(await repos.tasks.get(outcome.taskId)).toMatchObject({ status: 'new', reasons: ['loop_guard_thread_recently_answered'] });
    expect(await repos.outbox.listByStatus('pending')).toHaveLength(1);
    expect(await actions()).toEqual(['draft_created']);
  });

  it('caps automatic replies per recipient per day', async () => {
    for (let i = 0; i < 5; i++) await repos.outbox.enqueue(outboxFixture({ threadKey: `other-${i}`, message: sendableReplyFixture() }), hoursAgo(i + 1));
    expect(await service().handle(input(), now)).toMatchObject({ kind: 'loop_blocked', code: 'recipient_rate_cap' });
    expect(await service({ maxAutoRepliesPerRecipientPerDay: 6 }).handle(input({ email: email({ id: `email-${n}-b` }) }), now)).toMatchObject({ kind: 'queued' });
  });

  it('does not answer mail marked auto-submitted or sent from a no-reply address', async () => {
    expect(await service().handle(input({ email: email({ headers: { autoSubmitted: 'auto-replied' } }) }), now)).toMatchObject({ kind: 'loop_blocked', code: 'machine_sent' });
    expect(await service().handle(input({ email: email({ id: 'e-2', from: { address: 'noreply@acme.example' } }) }), now)).toMatchObject({ kind: 'loop_blocked', code: 'system_sender' });
    expect(await service().handle(input({ email: email({ id: 'e-3' }), machineSent: 'null Return-Path (bounce)' }), now)).toMatchObject({ kind: 'loop_blocked', code: 'machine_sent' });
    expect(await repos.outbox.listByStatus('pending')).toEqual([]);
  });

  it('leaves emails decided for review or no action alone', async () => {
    expect(await service().handle(input({ analysis: { decision: decision({ action: 'review', recipients: [] }) } }), now)).toEqual({ kind: 'not_automatic' });
    expect(await repos.tasks.findByEmail(`email-${n}`)).toEqual([]);
    expect(await actions()).toEqual([]);
  });

  it('end to end: the queued reply is sent once into the outbox folder as an auto-replied .eml', async () => {
    const outcome = await service().handle(input(), now);
    const folder = join(dir, `outbox-${n}`);
    const sender = new OutboxSender({
      outbox: repos.outbox,
      audit: repos.audit,
      tasks: repos.tasks,
      mail: new FolderMailSender({ dir: folder, now: () => now }),
      sor: new InMemorySor(sorSnapshotFixture()),
      logger: silent,
      settings: { leaseMs: 300_000, maxAttempts: 5 },
    });
    expect(await sender.drain('w1', () => now, 10)).toMatchObject([{ kind: 'sent', providerMessageId: `reply-${n}-1@northwind.example.eml` }]);
    const files = await readdir(folder);
    expect(files).toEqual([`reply-${n}-1@northwind.example.eml`]);
    const parsed = await simpleParser(await readFile(join(folder, files[0] ?? '')));
    expect(parsed.to).toMatchObject({ value: [{ address: 'jane@acme.example' }] });
    expect(parsed.inReplyTo).toBe(`<question-${n}@acme.example>`);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['INV-204518.pdf']);
    expect(outcome.kind === 'queued' && (await repos.tasks.get(outcome.taskId))?.status).toBe('sent');
    expect(await actions()).toEqual(['draft_created', 'approved', 'sent']);
  });
});
