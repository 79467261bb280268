import { describe, expect, it } from 'vitest';
import type { StorageTestContext } from './context.js';

const t0 = new Date('2026-11-20T09:00:00Z');
const t1 = new Date('2026-11-20T09:30:00Z');

/** SettingRepo: one value per key and tenant. */
export function settingGroup(ctx: StorageTestContext): void {
  describe('settings', () => {
    it('gets, sets, overwrites, lists and deletes values', async () => {
      const s = ctx.repos.settings;
      expect(await s.get('autoReply.enabled')).toBeNull();
      expect(await s.set('autoReply.enabled', true, t0, 'u1')).toEqual({
        tenantId: 'tenant-a',
        key: 'autoReply.enabled',
        value: true,
        updatedAt: t0,
        updatedBy: 'u1',
      });
      await s.set('autoReply.enabled', false, t1);
      expect(await s.get('autoReply.enabled')).toEqual({ tenantId: 'tenant-a', key: 'autoReply.enabled', value: false, updatedAt: t1 });
      await s.set('sla', { hours: 24, businessDays: [1, 2, 3, 4, 5] }, t0);
      expect((await s.list()).map((x) => x.key)).toEqual(['autoReply.enabled', 'sla']);
      expect((await s.get('sla'))?.value).toEqual({ hours: 24, businessDays: [1, 2, 3, 4, 5] });
      expect(await ctx.reposFor('tenant-b').settings.get('sla')).toBeNull();
      expect(await s.delete('sla')).toBe(true);
      expect(await s.delete('sla')).toBe(false);
    });

    it('keeps one document per key when first writes race', async () => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => ctx.repos.settings.set('race', i, t0)));
      expect(await ctx.db.collection('settings').countDocuments({ key: 'race' })).toBe(1);
    });
  });
}
