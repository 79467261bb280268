import { describe, expect, it } from 'vitest';
import { emailFixture } from '../../fixtures/email.js';
import type { StorageTestContext } from './context.js';

const now = new Date('2026-11-20T09:05:00Z');

/** EmailRepo (unique Message-ID per tenant) and ThreadRepo. */
export function emailGroup(ctx: StorageTestContext): void {
  describe('emails', () => {
    it('stores a new email as received, with lower-cased addresses', async () => {
      const input = emailFixture({ from: { name: 'Jane', address: 'Jane.Roe@ACME.example' } });
      const { inserted, email } = await ctx.repos.emails.insertIfNew(input, now);
      expect(inserted).toBe(true);
      expect(email).toMatchObject({ messageId: input.messageId, status: 'received', tenantId: 'tenant-a', createdAt: now });
      expect(email.from.address).toBe('jane.roe@acme.example');
      expect(await ctx.repos.emails.get(email.id)).toEqual(email);
      expect(await ctx.repos.emails.findByMessageId(input.messageId)).toEqual(email);
    });

    it('insertIfNew twice keeps one document and returns the first', async () => {
      const input = emailFixture();
      const first = await ctx.repos.emails.insertIfNew(input, now);
      const second = await ctx.repos.emails.insertIfNew({ ...input, subject: 'changed' }, new Date());
      expect(second.inserted).toBe(false);
      expect(second.email).toEqual(first.email);
      expect(await ctx.db.collection('emails').countDocuments({ messageId: input.messageId })).toBe(1);
    });

    it('inserts a Message-ID once when several pollers race', async () => {
      const input = emailFixture();
      const results = await Promise.all(Array.from({ length: 6 }, () => ctx.repos.emails.insertIfNew(input, now)));
      expect(results.filter((r) => r.inserted)).toHaveLength(1);
      expect(new Set(results.map((r) => r.email.id)).size).toBe(1);
    });

    it('keeps tenants apart: the same Message-ID may exist in two tenants', async () => {
      const input = emailFixture();
      await ctx.repos.emails.insertIfNew(input, now);
      const other = await ctx.reposFor('tenant-b').emails.insertIfNew(input, now);
      expect(other.inserted).toBe(true);
      expect(await ctx.reposFor('tenant-b').emails.get((await ctx.repos.emails.findByMessageId(input.messageId))?.id ?? '')).toBeNull();
    });

    it('does not store absent optional fields as null', async () => {
      const { email } = await ctx.repos.emails.insertIfNew({ ...emailFixture(), html: undefined }, now);
      const raw = await ctx.db.collection<{ _id: string }>('emails').findOne({ _id: email.id });
      expect(raw).not.toHaveProperty('html');
      expect(raw).not.toHaveProperty('processingError');
    });

    it('marks emails processed or failed and lists them by status and thread', async () => {
      const a = (await ctx.repos.emails.insertIfNew(emailFixture({ threadKey: 't1', receivedAt: new Date('2026-11-20T08:00:00Z') }), now)).email;
      const b = (await ctx.repos.emails.insertIfNew(emailFixture({ threadKey: 't1', receivedAt: new Date('2026-11-20T07:00:00Z') }), now)).email;
      const c = (await ctx.repos.emails.insertIfNew(emailFixture({ threadKey: 't2' }), now)).email;
      expect(await ctx.repos.emails.markFailed(a.id, 'parse error', now)).toBe(true);
      expect(await ctx.repos.emails.markProcessed(b.id, now)).toBe(true);
      expect(await ctx.repos.emails.markProcessed('missing', now)).toBe(false);
      expect((await ctx.repos.emails.listByStatus('received')).map((e) => e.id)).toEqual([c.id]);
      expect(await ctx.repos.emails.get(a.id)).toMatchObject({ status: 'failed', processingError: 'parse error' });
      expect((await ctx.repos.emails.listByThread('t1')).map((e) => e.id)).toEqual([b.id, a.id]);
      await ctx.repos.emails.markProcessed(a.id, now);
      expect(await ctx.repos.emails.get(a.id)).not.toHaveProperty('processingError');
    });
  });

  describe('threads', () => {
    it('records messages once each and tracks first and last times', async () => {
      const t = ctx.repos.threads;
      await t.recordMessage({ threadKey: 'k', messageId: '<2@x>', subject: 'Re: hi', at: new Date('2026-11-20T10:00:00Z') });
      await t.recordMessage({ threadKey: 'k', messageId: '<1@x>', subject: 'hi', at: new Date('2026-11-20T09:00:00Z') });
      const thread = await t.recordMessage({ threadKey: 'k', messageId: '<2@x>', subject: 'Re: hi', at: new Date('2026-11-20T10:00:00Z') });
      expect(thread).toMatchObject({
        threadKey: 'k',
        subject: 'Re: hi',
        messageIds: ['<2@x>', '<1@x>'],
        firstAt: new Date('2026-11-20T09:00:00Z'),
        lastAt: new Date('2026-11-20T10:00:00Z'),
      });
      expect(await t.setCustomer('k', 'C1001')).toBe(true);
      expect(await t.get('k')).toMatchObject({ customerSorId: 'C1001' });
      expect(await t.get('other')).toBeNull();
    });

    it('creates a thread once when its first messages race', async () => {
      const at = new Date('2026-11-20T10:00:00Z');
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => ctx.repos.threads.recordMessage({ threadKey: 'race', messageId: `<${i}@x>`, subject: 's', at })),
      );
      const thread = await ctx.repos.threads.get('race');
      expect(thread?.messageIds).toHaveLength(5);
      expect(await ctx.db.collection('threads').countDocuments({ threadKey: 'race' })).toBe(1);
    });
  });
}
