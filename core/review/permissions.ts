// Who may do what: permissions are derived from roles here only, so the bot, the tab and jobs agree.
import type { Role } from '../domain/user.js';

export type Permission =
  /** See tasks. */
  | 'task.view'
  /** Claim, unclaim, reassign, edit, approve, close, reprocess and note tasks one holds or unassigned ones. */
  | 'task.work'
  /** Act on tasks held by someone else (take over, reassign, reopen). */
  | 'task.work_any'
  /** Customer-record actions: notes, statements, sending invoice copies to known contacts, re-sync. */
  | 'customer.work'
  /** Archive customer records and merge duplicates (irreversible). */
  | 'customer.manage'
  | 'settings.templates'
  | 'settings.automation'
  | 'settings.teams'
  | 'settings.policies'
  /** Add users, set Analyst/Manager roles, set away for others. */
  | 'users.manage'
  /** Grant or remove SuperAdmin. */
  | 'users.grant_admin'
  | 'audit.view'
  | 'audit.export'
  /** Open the dashboards: the task panel with one's own figures. */
  | 'dashboard.view'
  /** Every dashboard panel and everyone's figures. */
  | 'dashboard.viewAll';

export const PERMISSIONS: readonly Permission[] = [
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
  'users.grant_admin',
  'audit.view',
  'audit.export',
  'dashboard.view',
  'dashboard.viewAll',
];

const ANALYST: readonly Permission[] = ['task.view', 'task.work', 'customer.work', 'dashboard.view'];
const MANAGER: readonly Permission[] = [
  ...ANALYST,
  'task.work_any',
  'customer.manage',
  'settings.templates',
  'settings.automation',
  'settings.teams',
  'settings.policies',
  'users.manage',
  'audit.view',
  'audit.export',
  'dashboard.viewAll',
];

const BY_ROLE: Readonly<Record<Role, readonly Permission[]>> = {
  Analyst: ANALYST,
  Manager: MANAGER,
  SuperAdmin: PERMISSIONS,
};

/** Everything the given roles allow together (an unknown user has no roles and so no permissions). */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  // A role name stored by an older or newer version grants nothing rather than crashing.
  return new Set(roles.flatMap((role) => BY_ROLE[role] ?? []));
}

/** Whether any of the roles grants the permission. */
export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}

/** Whether someone with `granterRoles` may give (or take away) `roles`: SuperAdmin needs users.grant_admin, the rest users.manage. */
export function canGrantRoles(granterRoles: readonly Role[], roles: readonly Role[]): boolean {
  const granted = permissionsOf(granterRoles);
  // Changing someone's roles is user management even when the new list is empty.
  if (!granted.has('users.manage')) return false;
  return roles.every((role) => role !== 'SuperAdmin' || granted.has('users.grant_admin'));
}
