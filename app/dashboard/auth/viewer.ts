// The person looking at the dashboards, and what they may see. There is no dashboard
// permission in core/review/permissions.ts yet: managers' oversight permission `audit.view`
// stands for "sees every figure"; `task.view` (Analysts) for "sees tasks and their own figures".
import type { User } from '../../../core/domain/user.js';
import { permissionsOf, type Permission } from '../../../core/review/permissions.js';

export interface Viewer {
  user: User;
  /** Managers (and SuperAdmins): every panel and every person's figures. */
  seesAll: boolean;
  /** May open the audit trail of a task. */
  seesAudit: boolean;
  /** How they signed in, for the log. */
  via: 'teams' | 'token' | 'slack';
}

const SEES_ALL: Permission = 'audit.view';
const SEES_OWN: Permission = 'task.view';

/** The viewer for a registered user, or null when their roles allow no dashboard at all. */
export function viewerOf(user: User, via: Viewer['via']): Viewer | null {
  const permissions = permissionsOf(user.roles);
  if (!permissions.has(SEES_OWN) && !permissions.has(SEES_ALL)) return null;
  return { user, seesAll: permissions.has(SEES_ALL), seesAudit: permissions.has('audit.view'), via };
}
