import type { Task } from '../../core/domain/task.js';

/** Shows a task's current state wherever its card is (Teams, Slack); called after every change. */
export interface TaskPublisher {
  /** Brings every posted card of the task up to date; never throws for a platform failure (it logs). */
  taskChanged(task: Task): Promise<void>;
}
