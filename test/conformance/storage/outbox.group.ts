import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../storage/errors.js';
import type { OutboxItem } from '../../../core/domain/outbox-item.js';
import { outboxFixture, replyFixture } from '../../fixtures/workflow.js';
import type { StorageTestContext } from './context.js';

const t0 = new Date('2026-11-20T09:00:00Z');
const t1 = new Date('2026-11-20T09:01:00Z');
const t2 = new Date('2026-11-20T09:05:00Z');

/** OutboxRepo: idempotent enqueue, atomic claims, sent and failed outcomes. */
export function outboxGroup(ctx: StorageTestContext): void {
  describe('outbox', () => {
    it('enqueues once per idempotency key', async () => {
      const input = outboxFixture();
      const first = await ctx.repos.outbox.enqueue(input, t0);
      expect(first).toMatchObject({ enqueued: true, item: { status: 'pending', attempts: 0, nextAttemptAt: t0 } });
      const again = await ctx.repos.outbox.enqueue({ ...input, replyVersion: 9 }, t1);
      expect(again).toEqual({ enqueued: false, item: first.item });
      expect(await ctx.repos.outbox.findByKey(input.idempotencyKey)).toEqual(first.item);
      expect(await ctx.db.collection('outbox').countDocuments()).toBe(1);
    });

    it('refuses a key that another tenant already used', async () => {
      const input = outboxFixture();
      await ctx.reposFor('tenant-b').outbox.enqueue(input, t0);
      const err = await ctx.repos.outbox.enqueue(input, t0).then(
        () => expect.fail('expected a rejection'),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StorageError);
      expect((err as StorageError).code).toBe('DUPLICATE_KEY');
    });

    it('claims the oldest due item, and nothing that is not due', async () => {
      const later = await ctx.repos.outbox.enqueue(outboxFixture({ nextAttemptAt: t2 }), t0);
      const due = await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      const claimed = await ctx.repos.outbox.claimNext('w1', t1);
      expect(claimed).toMatchObject({ id: due.item.id, status: 'sending', claimedBy: 'w1', claimedAt: t1, attempts: 1 });
      expect(await ctx.repos.outbox.claimNext('w1', t1)).toBeNull();
      expect((await ctx.repos.outbox.claimNext('w2', t2))?.id).toBe(later.item.id);
    });

    it('gives each item to exactly one of two concurrent claimers', async () => {
      const n = 20;
      for (let i = 0; i < n; i++) await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      const drain = async (worker: string): Promise<OutboxItem[]> => {
        const got: OutboxItem[] = [];
        for (let item = await ctx.repos.outbox.claimNext(worker, t1); item; item = await ctx.repos.outbox.claimNext(worker, t1)) got.push(item);
        return got;
      };
      const [a, b] = await Promise.all([drain('w1'), drain('w2')]);
      const ids = [...a, ...b].map((i) => i.id);
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
      expect(a.every((i) => i.claimedBy === 'w1') && b.every((i) => i.claimedBy === 'w2')).toBe(true);
      expect(await ctx.repos.outbox.listByStatus('sending', 100)).toHaveLength(n);
    });

    it('marks sent only for the worker holding the claim', async () => {
      const { item } = await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      await ctx.repos.outbox.claimNext('w1', t1);
      expect(await ctx.repos.outbox.markSent(item.id, 'w2', 'provider-1', t2)).toBeNull();
      const sent = await ctx.repos.outbox.markSent(item.id, 'w1', 'provider-1', t2);
      expect(sent).toMatchObject({ status: 'sent', providerMessageId: 'provider-1', sentAt: t2 });
      expect(await ctx.repos.outbox.markSent(item.id, 'w1', 'provider-2', t2)).toBeNull();
      expect(await ctx.repos.outbox.get(item.id)).toMatchObject({ providerMessageId: 'provider-1' });
    });

    it('retries a failed send after retryAt, and fails for good without it', async () => {
      const { item } = await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      await ctx.repos.outbox.claimNext('w1', t0);
      const retry = await ctx.repos.outbox.markFailed(item.id, 'w1', 'HTTP 503', t2);
      expect(retry).toMatchObject({ status: 'pending', lastError: 'HTTP 503', nextAttemptAt: t2, attempts: 1 });
      expect(retry).not.toHaveProperty('claimedBy');
      expect(await ctx.repos.outbox.claimNext('w1', t1)).toBeNull();
      const second = await ctx.repos.outbox.claimNext('w2', t2);
      expect(second).toMatchObject({ id: item.id, attempts: 2, claimedBy: 'w2' });
      expect(await ctx.repos.outbox.markFailed(item.id, 'w1', 'not mine')).toBeNull();
      expect(await ctx.repos.outbox.markFailed(item.id, 'w2', 'HTTP 400 invalid recipient')).toMatchObject({ status: 'failed' });
      expect(await ctx.repos.outbox.claimNext('w3', new Date('2030-01-01T00:00:00Z'))).toBeNull();
      expect((await ctx.repos.outbox.listByStatus('failed')).map((i) => i.id)).toEqual([item.id]);
    });

    it('lets another worker take over a sending claim once its lease has run out', async () => {
      const lease = 5 * 60_000;
      const { item } = await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      expect(await ctx.repos.outbox.claimNext('w1', t0, lease)).toMatchObject({ id: item.id, attempts: 1 });
      // w1 died without recording anything: within the lease nobody may touch the item
      expect(await ctx.repos.outbox.claimNext('w2', new Date(t0.getTime() + lease - 1), lease)).toBeNull();
      const taken = await ctx.repos.outbox.claimNext('w2', new Date(t0.getTime() + lease), lease);
      expect(taken).toMatchObject({ id: item.id, status: 'sending', claimedBy: 'w2', attempts: 2, claimedAt: new Date(t0.getTime() + lease) });
      // the dead worker's late outcome no longer counts
      expect(await ctx.repos.outbox.markSent(item.id, 'w1', 'late', t2)).toBeNull();
      expect(await ctx.repos.outbox.markFailed(item.id, 'w1', 'late')).toBeNull();
      expect(await ctx.repos.outbox.recordIntent(item.id, 'w1', { attempt: 1, messageId: 'm-1@x', workerId: 'w1', at: t2 })).toBeNull();
      // a sent item is never claimed again, however old its claim
      await ctx.repos.outbox.markSent(item.id, 'w2', 'p-1', t2);
      expect(await ctx.repos.outbox.claimNext('w3', new Date('2030-01-01T00:00:00Z'), lease)).toBeNull();
    });

    it('records the send intent only for the worker holding the claim', async () => {
      const { item } = await ctx.repos.outbox.enqueue(outboxFixture(), t0);
      await ctx.repos.outbox.claimNext('w1', t1);
      const intent = { attempt: 1, messageId: 'm-1@x', workerId: 'w1', at: t1 };
      expect(await ctx.repos.outbox.recordIntent(item.id, 'w2', intent)).toBeNull();
      expect(await ctx.repos.outbox.recordIntent(item.id, 'w1', intent)).toMatchObject({ intent });
      const retry = await ctx.repos.outbox.markFailed(item.id, 'w1', 'timeout', t1);
      // the intent stays across the retry: the next claim must ask the provider first
      expect(retry?.intent).toEqual(intent);
    });

    it('keeps attachment bytes and the reply metadata intact', async () => {
      const content = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
      const message = replyFixture({
        messageId: 'reply-1@northwind.example',
        from: { address: 'ar@northwind.example' },
        automatic: true,
        disclosure: { customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204518'] },
        attachments: [{ filename: 'INV-204518.pdf', contentType: 'application/pdf', content, kind: 'invoice', invoiceNumber: 'INV-204518' }],
      });
      const { item } = await ctx.repos.outbox.enqueue(outboxFixture({ message, threadKey: 'thread-1' }), t0);
      const claimed = await ctx.repos.outbox.claimNext('w1', t1);
      const stored = claimed?.message.attachments?.[0]?.content;
      expect(stored).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(stored ?? new Uint8Array()).equals(Buffer.from(content))).toBe(true);
      expect(claimed).toMatchObject({ id: item.id, threadKey: 'thread-1', message: { messageId: 'reply-1@northwind.example', automatic: true, disclosure: message.disclosure } });
    });

    it('lists recent automatic replies for the loop guard, leaving out failed and manual ones', async () => {
      const auto = (to: string, threadKey?: string) =>
        outboxFixture({ message: replyFixture({ automatic: true, to: [{ address: to }], cc: [{ address: 'cc@acme.example' }] }), ...(threadKey ? { threadKey } : {}) });
      await ctx.repos.outbox.enqueue(auto('old@acme.example', 'th-old'), t0);
      const sent = await ctx.repos.outbox.enqueue(auto('jane@acme.example', 'th-1'), t1);
      const queued = await ctx.repos.outbox.enqueue(auto('bob@acme.example'), t1);
      await ctx.repos.outbox.enqueue(outboxFixture({ threadKey: 'th-manual' }), t1);
      const failed = await ctx.repos.outbox.enqueue({ ...auto('eve@acme.example', 'th-f'), nextAttemptAt: t2 }, t1);
      // claim everything due (queue order), then settle two of them
      while (await ctx.repos.outbox.claimNext('w1', t2));
      await ctx.repos.outbox.markSent(sent.item.id, 'w1', 'p-1', t2);
      await ctx.repos.outbox.markFailed(failed.item.id, 'w1', 'blocked');
      expect(await ctx.repos.outbox.recentAutomaticReplies(t1)).toEqual([
        { threadKey: 'th-1', recipients: ['jane@acme.example', 'cc@acme.example'], at: t2 },
        { threadKey: `email:${queued.item.emailId}`, recipients: ['bob@acme.example', 'cc@acme.example'], at: t1 },
      ]);
    });
  });
}
