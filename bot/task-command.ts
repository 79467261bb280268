// Runs one lifecycle command on a task for a person: authorize, plan the transition from the
// task as stored, apply it only if nobody changed the task meanwhile (versioned update), and
// on a lost race plan again from the new state. So when twenty people click Claim at once,
// exactly one update lands and the others re-plan against a claimed task and are told who
// has it. Every success and every refusal is audited, and the cards are refreshed.
import type { Task } from '../core/domain/task.js';
import type { User } from '../core/domain/user.js';
import { planTransition, type TaskCommand } from '../core/review/task-lifecycle.js';
import type { TaskPatch } from '../storage/repositories/task.repo.js';
import { auditDenied, authorize } from './authorize.js';
import type { BotDeps } from './bot-deps.js';
import type { ChatIdentity } from './identity.js';
import { failure, success, type UseCaseResult } from './use-case-result.js';

/** How often a command is planned again after losing a race to a concurrent change. */
const ATTEMPTS = 8;

export interface TaskCommandSpec {
  /** Use-case name for the audit log and error messages, e.g. "claim". */
  useCase: string;
  command: TaskCommand;
  /** Extra fields the use case changes together with the transition (read from the task being changed). */
  extra?: (task: Task, user: User) => TaskPatch;
  /** Extra audit detail. */
  detail?: (before: Task, after: Task) => Record<string, unknown>;
  /** Audit action instead of the lifecycle's event name (e.g. "intents_changed" for an edit). */
  event?: string;
  /** Record the change (new version, audit, card refresh) even when no task field changes, e.g. a new draft version. */
  touch?: boolean;
}

/** Applies one command to a task on behalf of a chat identity. */
export async function runTaskCommand(deps: BotDeps, identity: ChatIdentity, taskId: string, spec: TaskCommandSpec): Promise<UseCaseResult<Task>> {
  const subject = { type: 'task', id: taskId };
  const who = await authorize(deps, identity, 'task.work', spec.useCase, subject);
  if (!who.ok) return who;
  return runAsUser(deps, who.value, taskId, spec);
}

/** The same for a user already authorized (for use cases that check more first). */
export async function runAsUser(deps: BotDeps, user: User, taskId: string, spec: TaskCommandSpec): Promise<UseCaseResult<Task>> {
  const subject = { type: 'task', id: taskId };
  const actor = { kind: 'user' as const, userId: user.id, roles: user.roles };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const task = await deps.repos.tasks.get(taskId);
    if (task === null) return failure('not_found', `There is no task ${taskId}.`);
    const now = deps.clock();
    const plan = planTransition(task, spec.command, actor, now);
    if (!plan.ok) {
      const message = await withHolderName(deps, plan.denial.message, plan.denial.holder);
      await auditDenied(deps, user.id, spec.useCase, subject, plan.denial.code, message);
      return failure(plan.denial.code, message);
    }
    const patch: TaskPatch = { ...plan.change, ...(spec.extra ? spec.extra(task, user) : {}) };
    if (Object.keys(patch).length === 0 && spec.touch !== true) return success(task);
    const outcome = await deps.repos.tasks.transition(task.id, task.version, patch, now);
    if (outcome.ok) {
      await deps.repos.audit.append({
        at: now,
        actor: { kind: 'user', id: user.id },
        action: spec.event ?? plan.event,
        subject,
        before: snapshot(task),
        after: { ...snapshot(outcome.task), ...(spec.detail ? spec.detail(task, outcome.task) : {}) },
      });
      await deps.publisher.taskChanged(outcome.task);
      return success(outcome.task);
    }
    if (outcome.reason === 'not_found') return failure('not_found', `There is no task ${taskId}.`);
    // version_conflict: someone changed the task meanwhile; plan again from what is stored now.
  }
  return failure('conflict', 'The task kept changing while you worked on it; please try again.');
}

/** The fields of a task worth keeping in the audit trail of a transition. */
function snapshot(task: Task): Record<string, unknown> {
  return { status: task.status, assignee: task.assignee ?? null, teamId: task.teamId ?? null, version: task.version };
}

/** Names the holder in a refusal ("Already claimed by Ana Lima."). */
async function withHolderName(deps: BotDeps, message: string, holder: string | undefined): Promise<string> {
  if (holder === undefined) return message;
  const user = await deps.repos.users.get(holder);
  const name = user?.displayName ?? holder;
  if (message.includes('another analyst')) return message.replace('another analyst', name);
  if (message.includes('the assignee')) return message.replace('the assignee', `the assignee (${name})`);
  return `${message} ${name} has it.`;
}
