// The task state machine as a pure planner: a use case loads the task, asks for a plan, then writes
// the change under the task's version check and records `event` in the audit log.
import { OPEN_TASK_STATUSES, type Task, type TaskStatus } from '../domain/task.js';
import type { Role } from '../domain/user.js';
import { rolesGrant } from './permissions.js';

export type TaskCommand =
  /** Distribution (system) or a reassignment to a person. */
  | { kind: 'assign'; assignee: string; teamId?: string }
  /** Back to a team's queue, unassigned. */
  | { kind: 'route_to_team'; teamId: string }
  | { kind: 'claim' }
  | { kind: 'unclaim' }
  /** Change intents, fix data, edit the draft. */
  | { kind: 'edit' }
  | { kind: 'approve' }
  | { kind: 'close_no_reply'; reason: string }
  | { kind: 'start_reprocess' }
  | { kind: 'finish_reprocess' }
  | { kind: 'add_note' }
  | { kind: 'reopen' };

export type TaskActor = { kind: 'system'; id: string } | { kind: 'user'; userId: string; roles: readonly Role[] };

export type DenialCode = 'forbidden' | 'already_claimed' | 'not_holder' | 'invalid_state' | 'invalid_input';

export interface TransitionDenial {
  code: DenialCode;
  message: string;
  /** User id of the current assignee, when the denial is about them (the use case shows a display name). */
  holder?: string;
}

/** Fields a transition changes; null removes an optional field. */
export interface TaskChange {
  status?: TaskStatus;
  assignee?: string | null;
  teamId?: string | null;
  closedAt?: Date | null;
  closeReason?: string | null;
}

export type TransitionPlan = { ok: true; change: TaskChange; event: string } | { ok: false; denial: TransitionDenial };

/** Statuses a task never leaves on its own; only a note (or a manager's reopen) still applies. */
export const TERMINAL_STATUSES: readonly TaskStatus[] = ['sent', 'closed_no_reply'];

/** Whether a task in this status still needs a person. */
export function isOpenStatus(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status);
}

type TaskState = Pick<Task, 'status' | 'assignee' | 'teamId'>;
type CommandKind = TaskCommand['kind'];
type UserActor = Extract<TaskActor, { kind: 'user' }>;
type WorkCommand = Extract<TaskCommand, { kind: 'edit' | 'approve' | 'close_no_reply' | 'start_reprocess' }>;
type Step = { change: TaskChange } | { denial: TransitionDenial };

const EVENTS: Readonly<Record<CommandKind, string>> = {
  assign: 'assigned',
  route_to_team: 'routed_to_team',
  claim: 'claimed',
  unclaim: 'unclaimed',
  edit: 'edited',
  approve: 'approved',
  close_no_reply: 'closed_no_reply',
  start_reprocess: 'reprocess_started',
  finish_reprocess: 'reprocessed',
  add_note: 'note_added',
  reopen: 'reopened',
};

// Statuses outside the open ones accept only a few commands; the message says why the rest fail.
const RESTRICTED: Partial<Record<TaskStatus, { allows: readonly CommandKind[]; message: string }>> = {
  sent: { allows: ['add_note'], message: 'This task was already sent.' },
  closed_no_reply: { allows: ['add_note', 'reopen'], message: 'This task was closed without a reply.' },
  approved: { allows: ['add_note'], message: 'This task is approved and waiting to be sent.' },
  reprocessing: { allows: ['finish_reprocess', 'add_note'], message: 'This task is being reprocessed.' },
};

/** What a command would change on the task, or why this actor may not run it now. */
export function planTransition(task: TaskState, command: TaskCommand, actor: TaskActor, now: Date): TransitionPlan {
  const refused = checkPermission(command, actor) ?? checkState(task.status, command.kind);
  if (refused) return { ok: false, denial: refused };
  const step = planCommand(task, command, actor, now);
  if ('denial' in step) return { ok: false, denial: step.denial };
  return { ok: true, change: withoutNoOps(task, step.change), event: EVENTS[command.kind] };
}

function checkPermission(command: TaskCommand, actor: TaskActor): TransitionDenial | undefined {
  if (actor.kind === 'system') return undefined;
  if (!rolesGrant(actor.roles, 'task.work')) return denial('forbidden', 'You are not allowed to work on tasks.');
  if (command.kind === 'reopen' && !rolesGrant(actor.roles, 'task.work_any')) {
    return denial('forbidden', 'Only a manager can reopen a task.');
  }
  return undefined;
}

function checkState(status: TaskStatus, kind: CommandKind): TransitionDenial | undefined {
  const restricted = RESTRICTED[status];
  if (restricted) return restricted.allows.includes(kind) ? undefined : denial('invalid_state', restricted.message);
  if (kind === 'finish_reprocess') return denial('invalid_state', 'This task is not being reprocessed.');
  if (kind === 'reopen') return denial('invalid_state', 'This task is not closed, so it cannot be reopened.');
  return undefined;
}

function planCommand(task: TaskState, command: TaskCommand, actor: TaskActor, now: Date): Step {
  switch (command.kind) {
    case 'claim':
      return actor.kind === 'user' ? planClaim(task, actor) : refuse('invalid_input', 'Only a person can claim a task.');
    case 'unclaim':
      if (!task.assignee) return refuse('invalid_state', 'This task is not claimed.');
      return guarded(task, actor, { status: 'new', assignee: null });
    case 'assign':
      return planAssign(task, command, actor);
    case 'route_to_team': {
      if (!command.teamId.trim()) return refuse('invalid_input', 'Choose a team to route the task to.');
      return guarded(task, actor, { status: 'new', assignee: null, teamId: command.teamId });
    }
    case 'edit':
    case 'approve':
    case 'close_no_reply':
    case 'start_reprocess':
      return planWork(task, command, actor, now);
    case 'finish_reprocess':
      return guarded(task, actor, { status: task.assignee ? 'in_review' : 'new' });
    case 'add_note':
      return { change: {} };
    case 'reopen':
      return { change: { status: 'new', assignee: null, closedAt: null, closeReason: null } };
  }
}

function planClaim(task: TaskState, actor: UserActor): Step {
  const holder = task.assignee;
  if (!holder || holder === actor.userId) return { change: { status: 'in_review', assignee: actor.userId } };
  // Someone is already reviewing it: even a manager must reassign explicitly rather than grab it.
  if (task.status === 'in_review' || !rolesGrant(actor.roles, 'task.work_any')) {
    return refuse('already_claimed', 'Already claimed by another analyst.', holder);
  }
  return { change: { status: 'in_review', assignee: actor.userId } };
}

function planAssign(task: TaskState, command: Extract<TaskCommand, { kind: 'assign' }>, actor: TaskActor): Step {
  const { assignee, teamId } = command;
  if (!assignee.trim()) return refuse('invalid_input', 'Choose who to assign the task to.');
  if (teamId !== undefined && !teamId.trim()) return refuse('invalid_input', 'Choose a team or leave the team out.');
  const team: TaskChange = teamId === undefined ? {} : { teamId };
  // Reassigning to the current holder keeps their progress (an in-review task stays in review).
  if (assignee === task.assignee) return guarded(task, actor, team);
  return guarded(task, actor, { status: 'assigned', assignee, ...team });
}

function planWork(task: TaskState, command: WorkCommand, actor: TaskActor, now: Date): Step {
  // A person who acts on an unassigned task takes it, so it never sits half-done with nobody on it.
  const claim: TaskChange = actor.kind === 'user' && !task.assignee ? { assignee: actor.userId } : {};
  switch (command.kind) {
    case 'edit':
      return guarded(task, actor, { status: 'in_review', ...claim });
    case 'approve':
      return guarded(task, actor, { status: 'approved', ...claim });
    case 'start_reprocess':
      return guarded(task, actor, { status: 'reprocessing', ...claim });
    case 'close_no_reply': {
      const refused = holderGuard(task, actor);
      if (refused) return { denial: refused };
      const reason = command.reason.trim();
      if (!reason) return refuse('invalid_input', 'Say why the task is closed without a reply.');
      return { change: { status: 'closed_no_reply', closedAt: now, closeReason: reason, ...claim } };
    }
  }
}

/** The change when the actor may act on the task as it is held, else a not_holder denial. */
function guarded(task: TaskState, actor: TaskActor, change: TaskChange): Step {
  const refused = holderGuard(task, actor);
  return refused ? { denial: refused } : { change };
}

// Permission to work was checked already; what is left is whose task it is.
function holderGuard(task: TaskState, actor: TaskActor): TransitionDenial | undefined {
  if (actor.kind === 'system' || !task.assignee || task.assignee === actor.userId) return undefined;
  if (rolesGrant(actor.roles, 'task.work_any')) return undefined;
  return denial('not_holder', 'Only the assignee or a manager can do this.', task.assignee);
}

// Dropping fields that already hold their target value makes a repeated command an empty change.
function withoutNoOps(task: TaskState, change: TaskChange): TaskChange {
  const out: TaskChange = { ...change };
  if (out.status === task.status) delete out.status;
  if (out.assignee !== undefined && out.assignee === (task.assignee ?? null)) delete out.assignee;
  if (out.teamId !== undefined && out.teamId === (task.teamId ?? null)) delete out.teamId;
  return out;
}

function denial(code: DenialCode, message: string, holder?: string): TransitionDenial {
  return holder === undefined ? { code, message } : { code, message, holder };
}

function refuse(code: DenialCode, message: string, holder?: string): Step {
  return { denial: denial(code, message, holder) };
}
