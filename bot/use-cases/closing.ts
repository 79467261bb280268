// Ending or re-running a task: close it without a reply, reopen it, reprocess it after
// corrections, or leave an internal note.
import { randomUUID } from 'node:crypto';
import type { Task } from '../../core/domain/task.js';
import { planTransition } from '../../core/review/task-lifecycle.js';
import type { TaskPatch } from '../../storage/repositories/task.repo.js';
import type { BotDeps } from '../bot-deps.js';
import type { ChatIdentity } from '../identity.js';
import type { Reprocessor } from '../ports/reprocessor.js';
import { runTaskCommand } from '../task-command.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';

/** Closes the task without answering the customer; the reason is kept. */
export function closeWithoutReply(deps: BotDeps, identity: ChatIdentity, taskId: string, reason: string): Promise<UseCaseResult<Task>> {
  return runTaskCommand(deps, identity, taskId, {
    useCase: 'close_no_reply',
    command: { kind: 'close_no_reply', reason },
    detail: () => ({ reason: reason.trim() }),
  });
}

/** Puts a task closed without reply back in the queue (managers). */
export function reopenTask(deps: BotDeps, identity: ChatIdentity, taskId: string): Promise<UseCaseResult<Task>> {
  return runTaskCommand(deps, identity, taskId, { useCase: 'reopen', command: { kind: 'reopen' } });
}

/** Adds an internal note (never sent to the customer). */
export function addNote(deps: BotDeps, identity: ChatIdentity, taskId: string, text: string): Promise<UseCaseResult<Task>> {
  const body = text.trim();
  if (body === '') return Promise.resolve(failure('invalid_input', 'The note is empty.'));
  if (body.length > 4000) return Promise.resolve(failure('invalid_input', 'The note is longer than 4,000 characters.'));
  return runTaskCommand(deps, identity, taskId, {
    useCase: 'add_note',
    command: { kind: 'add_note' },
    extra: (_task, user) => ({ addNote: { id: randomUUID(), by: user.id, at: deps.clock(), text: body } }),
    detail: () => ({ note: body }),
  });
}

/**
 * Re-runs match → decide → draft with the task's corrections. The task is marked
 * `reprocessing` meanwhile (so nobody approves a stale draft), and always comes back out of it,
 * with the failure as a reason when the run fails.
 */
export async function reprocessTask(
  deps: BotDeps & { reprocessor: Reprocessor },
  identity: ChatIdentity,
  taskId: string,
): Promise<UseCaseResult<Task>> {
  const started = await runTaskCommand(deps, identity, taskId, { useCase: 'reprocess', command: { kind: 'start_reprocess' } });
  if (!started.ok) return started;
  const system = { kind: 'system', id: 'reprocess' } as const;
  let outcome;
  let error: string | undefined;
  try {
    outcome = await deps.reprocessor.reprocess(started.value);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    deps.logger.error({ err: e, taskId }, 'reprocess failed; the task goes back to review with the reason');
  }
  if (outcome?.draft) await deps.repos.drafts.save(taskId, outcome.draft, 'system', deps.clock());
  for (let attempt = 1; attempt <= 5; attempt++) {
    const task = await deps.repos.tasks.get(taskId);
    if (task === null) return failure('not_found', `There is no task ${taskId}.`);
    if (task.status !== 'reprocessing') return success(task);
    const plan = planTransition(task, { kind: 'finish_reprocess' }, system, deps.clock());
    if (!plan.ok) return failure(plan.denial.code, plan.denial.message);
    const patch: TaskPatch = outcome
      ? { ...plan.change, intents: outcome.intents, reasons: outcome.reasons, invoiceNumbers: outcome.invoiceNumbers, ...(outcome.customerSorId ? { customerSorId: outcome.customerSorId } : {}) }
      : { ...plan.change, reasons: [...new Set([...task.reasons, 'reprocess_failed'])] };
    const done = await deps.repos.tasks.transition(task.id, task.version, patch, deps.clock());
    if (done.ok) {
      await deps.repos.audit.append({
        at: deps.clock(),
        actor: system,
        action: 'reprocessed',
        subject: { type: 'task', id: taskId },
        before: { intents: task.intents, reasons: task.reasons, invoiceNumbers: task.invoiceNumbers ?? [] },
        after: outcome ? { intents: outcome.intents, reasons: outcome.reasons, invoiceNumbers: outcome.invoiceNumbers, newDraft: outcome.draft !== null } : { error },
      });
      await deps.publisher.taskChanged(done.task);
      return error ? failure('invalid_state', `Reprocessing failed: ${error}. The task is back in review.`) : success(done.task);
    }
  }
  return failure('conflict', 'The task kept changing while it was reprocessed; please try again.');
}
