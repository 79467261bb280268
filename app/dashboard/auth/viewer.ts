// The person looking at the dashboards, and what they may see: `dashboard.view` opens them
// (the task panel, one's own figures), `dashboard.viewAll` shows every panel and everyone's
// figures (core/review/permissions.ts), `audit.view` the audit trail of a task.
import type { User } from '../../../core/domain/user.js';
import { permissionsOf } from '../../../core/review/permissions.js';

export interface Viewer {
  user: User;
  /** Managers (and SuperAdmins): every panel and every person's figures. */
  seesAll: boolean;
  /** May open the audit trail of a task. */
  seesAudit: boolean;
  /** How they signed in, for the log. */
  via: 'teams' | 'token' | 'slack';
}

/** The viewer for a registered user, or null when their roles allow no dashboard at all. */
export function viewerOf(user: User, via: Viewer['via']): Viewer | null {
  const permissions = permissionsOf(user.roles);
  const seesAll = permissions.has('dashboard.viewAll');
  if (!permissions.has('dashboard.view') && !seesAll) return null;
  return { user, seesAll, seesAudit: permissions.has('audit.view'), via };
}
