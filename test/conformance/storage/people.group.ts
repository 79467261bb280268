import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../storage/errors.js';
import { teamFixture, userFixture } from '../../fixtures/people.js';
import type { StorageTestContext } from './context.js';

const t0 = new Date('2026-11-20T09:00:00Z');
const t1 = new Date('2026-11-20T09:30:00Z');

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

/** UserRepo (unique chat identities) and TeamRepo (unique names). */
export function peopleGroup(ctx: StorageTestContext): void {
  describe('users', () => {
    it('creates users and finds them by Teams or Slack identity', async () => {
      const sam = await ctx.repos.users.create(userFixture({ identities: { teamsAadObjectId: 'aad-1', slackUserId: 'U1' } }), t0);
      expect(sam).toMatchObject({ away: false, roles: ['Analyst'], createdAt: t0 });
      expect(await ctx.repos.users.findByTeamsId('aad-1')).toEqual(sam);
      expect(await ctx.repos.users.findBySlackId('U1')).toEqual(sam);
      expect(await ctx.repos.users.findBySlackId('U2')).toBeNull();
      expect(await ctx.repos.users.get(sam.id)).toEqual(sam);
    });

    it('refuses a second user with the same Teams identity as DUPLICATE_KEY', async () => {
      await ctx.repos.users.create(userFixture({ identities: { teamsAadObjectId: 'aad-1' } }), t0);
      const err = await rejection(ctx.repos.users.create(userFixture({ identities: { teamsAadObjectId: 'aad-1' } }), t0));
      expect(err).toBeInstanceOf(StorageError);
      expect((err as StorageError).code).toBe('DUPLICATE_KEY');
      expect((err as StorageError).message).toContain('teams:aad-1');
      const slackErr = await rejection(
        Promise.all([
          ctx.repos.users.create(userFixture({ identities: { slackUserId: 'U9' } }), t0),
          ctx.repos.users.create(userFixture({ identities: { slackUserId: 'U9' } }), t0),
        ]),
      );
      expect((slackErr as StorageError).code).toBe('DUPLICATE_KEY');
    });

    it('allows many users without a given identity (partial unique index)', async () => {
      await ctx.repos.users.create(userFixture({ identities: { slackUserId: 'U1' } }), t0);
      await ctx.repos.users.create(userFixture({ identities: { slackUserId: 'U2' } }), t0);
      await ctx.repos.users.create(userFixture({ identities: {} }), t0);
      await ctx.repos.users.create(userFixture({ identities: {} }), t0);
      expect(await ctx.repos.users.list()).toHaveLength(4);
      await ctx.reposFor('tenant-b').users.create(userFixture({ identities: { slackUserId: 'U1' } }), t0);
    });

    it('sets the away flag and roles, and lists by role', async () => {
      const u = await ctx.repos.users.create(userFixture(), t0);
      await ctx.repos.users.create(userFixture({ roles: ['Manager'] }), t0);
      expect(await ctx.repos.users.setAway(u.id, true, t1)).toBe(true);
      expect(await ctx.repos.users.setRoles(u.id, ['Analyst', 'SuperAdmin'], t1)).toBe(true);
      expect(await ctx.repos.users.get(u.id)).toMatchObject({ away: true, roles: ['Analyst', 'SuperAdmin'], updatedAt: t1 });
      expect((await ctx.repos.users.list({ role: 'SuperAdmin' })).map((x) => x.id)).toEqual([u.id]);
      expect(await ctx.repos.users.setAway('missing', true, t1)).toBe(false);
    });
  });

  describe('teams', () => {
    it('creates teams, finds them by name and member, and updates members and channels', async () => {
      const team = await ctx.repos.teams.create(teamFixture({ name: 'Collections', members: ['u1'] }), t0);
      expect(await ctx.repos.teams.findByName('Collections')).toEqual(team);
      expect(await ctx.repos.teams.setMembers(team.id, ['u1', 'u2'], t1)).toBe(true);
      expect((await ctx.repos.teams.findByMember('u2')).map((t) => t.id)).toEqual([team.id]);
      expect(await ctx.repos.teams.setChannels(team.id, { slack: { channelId: 'C123' } }, t1)).toBe(true);
      expect(await ctx.repos.teams.get(team.id)).toMatchObject({ channels: { slack: { channelId: 'C123' } }, members: ['u1', 'u2'] });
      expect(await ctx.repos.teams.list()).toHaveLength(1);
    });

    it('refuses a second team with the same name as DUPLICATE_KEY', async () => {
      await ctx.repos.teams.create(teamFixture({ name: 'Disputes' }), t0);
      const err = await rejection(ctx.repos.teams.create(teamFixture({ name: 'Disputes' }), t0));
      expect(err).toBeInstanceOf(StorageError);
      expect((err as StorageError).code).toBe('DUPLICATE_KEY');
    });
  });
}
