import { describe, expect, it } from 'vitest';
import { replyFixture, taskFixture } from '../../fixtures/workflow.js';
import type { StorageTestContext } from './context.js';

const t0 = new Date('2026-11-20T09:00:00Z');
const t1 = new Date('2026-11-20T09:10:00Z');

/** TaskRepo (optimistic versioned transitions) and DraftRepo (numbered reply versions). */
export function taskGroup(ctx: StorageTestContext): void {
  describe('tasks', () => {
    it('creates a task at version 1 in status new', async () => {
      const task = await ctx.repos.tasks.create(taskFixture({ emailId: 'e1' }), t0);
      expect(task).toMatchObject({ emailId: 'e1', status: 'new', version: 1, createdAt: t0, updatedAt: t0, tenantId: 'tenant-a' });
      expect(await ctx.repos.tasks.get(task.id)).toEqual(task);
      expect(await ctx.repos.tasks.get('missing')).toBeNull();
    });

    it('transitions with the current version and bumps it', async () => {
      const task = await ctx.repos.tasks.create(taskFixture(), t0);
      const result = await ctx.repos.tasks.transition(task.id, 1, { status: 'assigned', assignee: 'u1', teamId: 'team1' }, t1);
      expect(result).toEqual({ ok: true, task: { ...task, status: 'assigned', assignee: 'u1', teamId: 'team1', version: 2, updatedAt: t1 } });
      const unassigned = await ctx.repos.tasks.transition(task.id, 2, { status: 'new', assignee: null }, t1);
      expect(unassigned.ok && unassigned.task).not.toHaveProperty('assignee');
      expect(unassigned.ok && unassigned.task.version).toBe(3);
    });

    it('refuses a transition from a stale version and reports the current task', async () => {
      const task = await ctx.repos.tasks.create(taskFixture(), t0);
      await ctx.repos.tasks.transition(task.id, 1, { status: 'assigned', assignee: 'u1' }, t1);
      const stale = await ctx.repos.tasks.transition(task.id, 1, { status: 'assigned', assignee: 'u2' }, t1);
      expect(stale).toMatchObject({ ok: false, reason: 'version_conflict', current: { assignee: 'u1', version: 2 } });
      expect(await ctx.repos.tasks.transition('missing', 1, { status: 'closed_no_reply' }, t1)).toEqual({ ok: false, reason: 'not_found' });
    });

    it('lets exactly one of several concurrent claimers of the same version win', async () => {
      const task = await ctx.repos.tasks.create(taskFixture(), t0);
      const results = await Promise.all(
        ['u1', 'u2', 'u3', 'u4'].map((u) => ctx.repos.tasks.transition(task.id, 1, { status: 'assigned', assignee: u }, t1)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await ctx.repos.tasks.get(task.id))?.version).toBe(2);
    });

    it('lists by status, by assignee and by email', async () => {
      const a = await ctx.repos.tasks.create(taskFixture({ emailId: 'e1' }), t0);
      const b = await ctx.repos.tasks.create(taskFixture({ emailId: 'e2', status: 'assigned', assignee: 'u1' }), t1);
      const c = await ctx.repos.tasks.create(taskFixture({ status: 'sent', assignee: 'u1' }), t1);
      expect((await ctx.repos.tasks.listByStatus(['new', 'assigned'])).map((t) => t.id)).toEqual([a.id, b.id]);
      expect((await ctx.repos.tasks.listByAssignee('u1')).map((t) => t.id)).toEqual([b.id, c.id]);
      expect((await ctx.repos.tasks.listByAssignee('u1', ['sent'])).map((t) => t.id)).toEqual([c.id]);
      expect((await ctx.repos.tasks.findByEmail('e1')).map((t) => t.id)).toEqual([a.id]);
    });

    it('makes one task per email: createOnce returns the existing one, create refuses a second', async () => {
      const first = await ctx.repos.tasks.createOnce(taskFixture({ emailId: 'once' }), t0);
      const again = await Promise.all([1, 2, 3].map(() => ctx.repos.tasks.createOnce(taskFixture({ emailId: 'once' }), t1)));
      expect(first.created).toBe(true);
      expect(again.map((r) => [r.created, r.task.id])).toEqual([1, 2, 3].map(() => [false, first.task.id]));
      await expect(ctx.repos.tasks.create(taskFixture({ emailId: 'once' }), t1)).rejects.toThrow();
    });

    it('counts open tasks per assignee', async () => {
      await ctx.repos.tasks.create(taskFixture({ status: 'assigned', assignee: 'u1' }), t0);
      await ctx.repos.tasks.create(taskFixture({ status: 'in_review', assignee: 'u1' }), t0);
      await ctx.repos.tasks.create(taskFixture({ status: 'sent', assignee: 'u1' }), t0);
      await ctx.repos.tasks.create(taskFixture({ status: 'assigned', assignee: 'u2' }), t0);
      expect(Object.fromEntries(await ctx.repos.tasks.openCounts(['u1', 'u2', 'u3']))).toEqual({ u1: 2, u2: 1, u3: 0 });
    });

    it('lists open tasks whose reminder or due time has come, and keeps SLA marks, notes and posts', async () => {
      const due = new Date('2026-11-20T12:00:00Z');
      const remind = await ctx.repos.tasks.create(taskFixture({ remindAt: t1, dueAt: due }), t0);
      const breached = await ctx.repos.tasks.create(taskFixture({ remindAt: t0, remindedAt: t0, dueAt: t1 }), t0);
      await ctx.repos.tasks.create(taskFixture({ remindAt: due, dueAt: due }), t0);
      await ctx.repos.tasks.create(taskFixture({ status: 'sent', remindAt: t0, dueAt: t1 }), t0);
      expect((await ctx.repos.tasks.listSlaDue(t1)).map((t) => t.id).sort()).toEqual([remind.id, breached.id].sort());
      const note = { id: 'n1', by: 'u1', at: t1, text: 'called them' };
      const posts = [{ platform: 'teams', conversationId: 'c1', messageId: 'm1' }];
      const r = await ctx.repos.tasks.transition(breached.id, 1, { escalatedAt: t1, addNote: note, posts }, t1);
      expect(r.ok && r.task).toMatchObject({ escalatedAt: t1, notes: [note], posts, version: 2 });
      expect((await ctx.repos.tasks.listSlaDue(t1)).map((t) => t.id)).toEqual([remind.id]);
    });
  });

  describe('drafts', () => {
    it('numbers each saved reply of a task and returns the latest', async () => {
      const v1 = await ctx.repos.drafts.save('task1', replyFixture(), 'system', t0);
      const v2 = await ctx.repos.drafts.save('task1', replyFixture({ text: 'edited' }), 'u1', t1);
      await ctx.repos.drafts.save('task2', replyFixture(), 'system', t0);
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect(await ctx.repos.drafts.latest('task1')).toEqual(v2);
      expect(await ctx.repos.drafts.get('task1', 1)).toEqual(v1);
      expect((await ctx.repos.drafts.list('task1')).map((d) => d.message.text)).toEqual([v1.message.text, 'edited']);
      expect(await ctx.repos.drafts.latest('none')).toBeNull();
    });

    it('gives concurrent saves distinct versions', async () => {
      const saved = await Promise.all(Array.from({ length: 4 }, (_, i) => ctx.repos.drafts.save('t', replyFixture({ text: `v${i}` }), 'u', t0)));
      expect(saved.map((d) => d.version).sort()).toEqual([1, 2, 3, 4]);
    });
  });
}
