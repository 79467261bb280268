import { describe, expect, it } from 'vitest';
import { findBrokenLink, GENESIS_HASH } from '../../../storage/repositories/audit-hash.js';
import { auditFixture } from '../../fixtures/people.js';
import type { StorageTestContext } from './context.js';

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 20, 10, minute));

/** AuditRepo: sequence numbers, hash chain, head anchor, range queries. */
export function auditGroup(ctx: StorageTestContext): void {
  describe('audit', () => {
    it('appends events with consecutive seqs and a valid hash chain', async () => {
      const events = [];
      for (let i = 0; i < 5; i++) events.push(await ctx.repos.audit.append(auditFixture({ at: at(i) })));
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(events[0]?.prevHash).toBe(GENESIS_HASH);
      expect(events[1]?.prevHash).toBe(events[0]?.hash);
      const stored = await ctx.repos.audit.list();
      expect(stored).toEqual(events);
      expect(findBrokenLink(stored)).toBeNull();
      expect(await ctx.repos.audit.last()).toEqual(events[4]);
    });

    it('lists by seq range, time range and limit', async () => {
      for (let i = 0; i < 6; i++) await ctx.repos.audit.append(auditFixture({ at: at(i) }));
      expect((await ctx.repos.audit.list({ fromSeq: 2, toSeq: 4 })).map((e) => e.seq)).toEqual([2, 3, 4]);
      expect((await ctx.repos.audit.list({ from: at(1), to: at(3) })).map((e) => e.seq)).toEqual([2, 3]);
      expect((await ctx.repos.audit.list({ fromSeq: 3, limit: 2 })).map((e) => e.seq)).toEqual([3, 4]);
      expect(await ctx.repos.audit.list({ fromSeq: 7 })).toEqual([]);
    });

    it('keeps the chain intact under concurrent appends (40 at once, through separate repository objects)', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => ctx.reposFor('tenant-a').audit.append(auditFixture({ at: at(i) }))));
      const stored = await ctx.repos.audit.list();
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(findBrokenLink(stored)).toBeNull();
    });

    it('keeps a head anchor at the newest event, per tenant', async () => {
      expect(await ctx.repos.audit.head()).toBeNull();
      const first = await ctx.repos.audit.append(auditFixture({ at: at(0) }));
      expect(await ctx.repos.audit.head()).toEqual({ seq: 1, hash: first.hash });
      const second = await ctx.repos.audit.append(auditFixture({ at: at(1) }));
      expect(await ctx.repos.audit.head()).toEqual({ seq: 2, hash: second.hash });
      expect(await ctx.reposFor('tenant-b').audit.head()).toBeNull();
      const other = await ctx.reposFor('tenant-b').audit.append(auditFixture());
      expect(await ctx.reposFor('tenant-b').audit.head()).toEqual({ seq: 1, hash: other.hash });
      expect(await ctx.repos.audit.head()).toEqual({ seq: 2, hash: second.hash });
    });

    it('keeps the head anchor at the newest event under concurrent appends, the first ones included', async () => {
      const appended = await Promise.all(Array.from({ length: 8 }, (_, i) => ctx.repos.audit.append(auditFixture({ at: at(i) }))));
      const newest = appended.reduce((a, b) => (b.seq > a.seq ? b : a));
      expect(newest.seq).toBe(8);
      expect(await ctx.repos.audit.head()).toEqual({ seq: 8, hash: newest.hash });
      expect(await ctx.db.collection('audit_heads').countDocuments({ tenantId: 'tenant-a' })).toBe(1);
    });

    it('never moves the head anchor back (an append finishing after a later one)', async () => {
      await ctx.repos.audit.append(auditFixture({ at: at(0) }));
      // As if a concurrent append of seq 9 had already moved the head when this one (seq 2) gets to it.
      await ctx.db.collection('audit_heads').updateOne({ tenantId: 'tenant-a' }, { $set: { seq: 9, hash: 'later' } });
      expect((await ctx.repos.audit.append(auditFixture({ at: at(1) }))).seq).toBe(2);
      expect(await ctx.repos.audit.head()).toEqual({ seq: 9, hash: 'later' });
      expect(await ctx.db.collection('audit_heads').countDocuments({ tenantId: 'tenant-a' })).toBe(1);
    });

    it('streams events in seq order in batches, with the same ranges as list', async () => {
      for (let i = 0; i < 7; i++) await ctx.repos.audit.append(auditFixture({ at: at(i) }));
      const streamed = [];
      for await (const e of ctx.repos.audit.iterate({}, 3)) streamed.push(e);
      expect(streamed).toEqual(await ctx.repos.audit.list());
      const ranged = [];
      for await (const e of ctx.repos.audit.iterate({ from: at(2), to: at(5) }, 2)) ranged.push(e.seq);
      expect(ranged).toEqual([3, 4, 5]);
      expect(await ctx.repos.audit.count()).toBe(7);
    });

    it('detects an event changed after the fact', async () => {
      for (let i = 0; i < 3; i++) await ctx.repos.audit.append(auditFixture({ at: at(i) }));
      await ctx.db.collection('audit').updateOne({ tenantId: 'tenant-a', seq: 2 }, { $set: { 'after.status': 'sent' } });
      expect(findBrokenLink(await ctx.repos.audit.list())).toBe(2);
    });

    it('numbers each tenant separately and lists by subject', async () => {
      const e = await ctx.repos.audit.append(auditFixture({ subject: { type: 'task', id: 't1' } }));
      await ctx.repos.audit.append(auditFixture({ subject: { type: 'task', id: 't2' } }));
      const other = await ctx.reposFor('tenant-b').audit.append(auditFixture({ subject: { type: 'task', id: 't1' } }));
      expect(other.seq).toBe(1);
      expect(await ctx.repos.audit.listBySubject('task', 't1')).toEqual([e]);
    });
  });
}
