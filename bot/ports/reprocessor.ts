import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Task } from '../../core/domain/task.js';

/** What a new run of match → decide → draft concluded, using the task's corrections. */
export interface ReprocessOutcome {
  intents: string[];
  /** Why the task still needs a person (empty: the new decision would have answered it). */
  reasons: string[];
  customerSorId?: string;
  invoiceNumbers: string[];
  /** A new draft, when the new decision can be answered from the SoR. */
  draft: ReplyMessage | null;
}

/** Re-runs the pipeline's later stages for a task after a person corrected it. */
export interface Reprocessor {
  reprocess(task: Task): Promise<ReprocessOutcome>;
}
