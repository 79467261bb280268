// Which buttons one person sees on a task card: the actions the task's status allows (the
// view's `actions`), narrowed to what this person's roles and relation to the task permit.
// The server checks again on every click; this only keeps people from seeing buttons that
// would be refused.
import type { Role } from '../core/domain/user.js';
import { rolesGrant } from '../core/review/permissions.js';
import type { TaskActionId, TaskCardView } from './task-view.js';

export interface CardViewer {
  userId: string;
  roles: readonly Role[];
}

/** Actions a holder or a manager may take on a task someone holds. */
const HOLDER_ACTIONS: ReadonlySet<TaskActionId> = new Set(['unclaim', 'edit', 'approve', 'close', 'reprocess']);

/** The actions `viewer` may take on the task shown by `view` (none for unknown people). */
export function actionsFor(view: Pick<TaskCardView, 'actions' | 'assignee'>, viewer: CardViewer | null): TaskActionId[] {
  if (viewer === null || !rolesGrant(viewer.roles, 'task.work')) return [];
  const manager = rolesGrant(viewer.roles, 'task.work_any');
  const holder = view.assignee?.userId;
  const mine = holder === viewer.userId;
  return view.actions.filter((action) => {
    if (action === 'reopen') return manager;
    if (action === 'note') return true;
    if (action === 'claim') return !mine && (holder === undefined || manager);
    if (action === 'reassign') return holder === undefined || mine || manager;
    if (HOLDER_ACTIONS.has(action)) return holder === undefined ? action !== 'unclaim' : mine || manager;
    return true;
  });
}
