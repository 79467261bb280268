// Keeps an approved task in step with its reply: sent closes it, a reply that could not be
// sent goes back to the queue with the reason, so a person sees it.
import type { Logger } from 'pino';
import type { Task } from '../../core/domain/task.js';
import type { TaskRepo } from '../../storage/repositories/task.repo.js';

export type SendResult = 'sent' | 'send_failed' | 'send_blocked';

/** Moves the task of a sent or failed reply on from `approved`; other states are left to the people working them. Returns the updated task, if it changed. */
export async function updateTaskAfterSend(
  tasks: Pick<TaskRepo, 'get' | 'transition'>,
  taskId: string,
  result: SendResult,
  now: Date,
  logger: Logger,
): Promise<Task | undefined> {
  const task = await tasks.get(taskId);
  if (task === null || task.status !== 'approved') return undefined;
  const patch =
    result === 'sent'
      ? { status: 'sent' as const, closedAt: now }
      : { status: 'new' as const, reasons: [...new Set([...task.reasons, result])], assignee: null };
  const outcome = await tasks.transition(task.id, task.version, patch, now);
  if (!outcome.ok) {
    logger.warn({ taskId, result, reason: outcome.reason }, 'outbox: task changed meanwhile; its status was left alone');
    return undefined;
  }
  return outcome.task;
}
