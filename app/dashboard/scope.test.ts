import { describe, expect, it } from 'vitest';
import type { User } from '../../core/domain/user.js';
import { viewerOf } from './auth/viewer.js';
import type { DashboardFilter } from './filters.js';
import { panels } from './panels/index.js';
import { scopeFor } from './scope.js';

const user = (roles: User['roles']): User => ({ id: 'u1', tenantId: 't', displayName: 'U', identities: {}, roles, away: false, createdAt: new Date(0), updatedAt: new Date(0) });
const filter: DashboardFilter = { from: new Date(0), to: new Date(1) };

describe('scopeFor', () => {
  it('lets managers see every panel and person', () => {
    const manager = viewerOf(user(['Manager']), 'teams');
    expect(manager?.seesAll).toBe(true);
    if (!manager) return;
    expect(scopeFor(manager, panels.mailbox, { ...filter, user: 'u2' })).toEqual({ ok: true, filter: { ...filter, user: 'u2' } });
  });

  it('keeps analysts to the task panel and their own figures', () => {
    const analyst = viewerOf(user(['Analyst']), 'teams');
    if (!analyst) throw new Error('analyst has no viewer');
    expect(analyst.seesAll).toBe(false);
    expect(scopeFor(analyst, panels.tasks, filter)).toEqual({ ok: true, filter: { ...filter, user: 'u1' } });
    expect(scopeFor(analyst, panels.tasks, { ...filter, user: 'u2' }).ok).toBe(false);
    expect(scopeFor(analyst, panels.sor, filter).ok).toBe(false);
  });

  it('gives users without a role no dashboard', () => {
    expect(viewerOf(user([]), 'token')).toBeNull();
  });
});
