import { describe, expect, it } from 'vitest';
import { findBrokenLink, GENESIS_HASH } from '../../../storage/repositories/audit-hash.js';
import { auditFixture } from '../../fixtures/people.js';
import type { StorageTestContext } from './context.js';

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 20, 10, minute));

/** AuditRepo: sequence numbers, hash chain, range queries. */
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

    it('keeps the chain intact under concurrent appends', async () => {
      await Promise.all(Array.from({ length: 8 }, (_, i) => ctx.repos.audit.append(auditFixture({ at: at(i) }))));
      const stored = await ctx.repos.audit.list();
      expect(stored.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(findBrokenLink(stored)).toBeNull();
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
