import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/user.js';
import { PERMISSIONS, canGrantRoles, permissionsOf, rolesGrant, type Permission } from './permissions.js';

const sorted = (set: ReadonlySet<Permission>) => [...set].sort();

describe('permissions of roles', () => {
  it('lets an analyst see and work tasks, work customer records and open the dashboards (own figures), nothing else', () => {
    expect(sorted(permissionsOf(['Analyst']))).toEqual(['customer.work', 'dashboard.view', 'task.view', 'task.work']);
    expect(rolesGrant(['Analyst'], 'dashboard.viewAll')).toBe(false);
  });

  it("gives a manager the analyst's permissions plus working any task, settings, users (not admin), the audit and every dashboard", () => {
    expect(sorted(permissionsOf(['Manager']))).toEqual(
      [
        'task.view',
        'task.work',
        'task.work_any',
        'customer.work',
        'customer.manage',
        'settings.templates',
        'settings.automation',
        'settings.teams',
        'settings.policies',
        'users.manage',
        'audit.view',
        'audit.export',
        'dashboard.view',
        'dashboard.viewAll',
      ].sort(),
    );
    expect(rolesGrant(['Manager'], 'users.grant_admin')).toBe(false);
  });

  it('gives a SuperAdmin every permission', () => {
    expect(sorted(permissionsOf(['SuperAdmin']))).toEqual([...PERMISSIONS].sort());
  });

  it('lists every permission once', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(PERMISSIONS).toEqual(expect.arrayContaining(['dashboard.view', 'dashboard.viewAll']));
  });

  it('gives an unknown user (no roles) nothing', () => {
    expect(permissionsOf([]).size).toBe(0);
    for (const p of PERMISSIONS) expect(rolesGrant([], p)).toBe(false);
  });

  it('grants nothing for a role name it does not know', () => {
    expect(permissionsOf(['Auditor' as Role]).size).toBe(0);
  });

  it('combines roles as a union', () => {
    expect(sorted(permissionsOf(['Analyst', 'Manager']))).toEqual(sorted(permissionsOf(['Manager'])));
    expect(sorted(permissionsOf(['Analyst', 'SuperAdmin']))).toEqual([...PERMISSIONS].sort());
  });

  it('answers single permission checks', () => {
    expect(rolesGrant(['Analyst'], 'task.work')).toBe(true);
    expect(rolesGrant(['Analyst'], 'task.work_any')).toBe(false);
    expect(rolesGrant(['Analyst'], 'settings.teams')).toBe(false);
    expect(rolesGrant(['Manager'], 'audit.export')).toBe(true);
    expect(rolesGrant(['SuperAdmin'], 'users.grant_admin')).toBe(true);
  });
});

describe('granting roles', () => {
  it('lets a manager grant Analyst and Manager', () => {
    expect(canGrantRoles(['Manager'], ['Analyst'])).toBe(true);
    expect(canGrantRoles(['Manager'], ['Analyst', 'Manager'])).toBe(true);
  });

  it('lets a manager clear roles (an empty list)', () => {
    expect(canGrantRoles(['Manager'], [])).toBe(true);
  });

  it('denies a manager SuperAdmin, even alongside other roles', () => {
    expect(canGrantRoles(['Manager'], ['SuperAdmin'])).toBe(false);
    expect(canGrantRoles(['Manager'], ['Analyst', 'SuperAdmin'])).toBe(false);
  });

  it('lets only a SuperAdmin grant SuperAdmin', () => {
    expect(canGrantRoles(['SuperAdmin'], ['SuperAdmin'])).toBe(true);
    expect(canGrantRoles(['SuperAdmin'], ['Analyst', 'Manager'])).toBe(true);
  });

  it('denies analysts and unknown users any grant', () => {
    expect(canGrantRoles(['Analyst'], ['Analyst'])).toBe(false);
    expect(canGrantRoles(['Analyst'], [])).toBe(false);
    expect(canGrantRoles([], ['Analyst'])).toBe(false);
  });
});
