export type TaskStatus =
  | 'new'
  | 'assigned'
  | 'in_review'
  | 'approved'
  | 'sent'
  | 'closed_no_reply'
  | 'reprocessing';

/** Work for a person about one email; `version` guards concurrent edits (optimistic concurrency). */
export interface Task {
  id: string;
  tenantId: string;
  emailId: string;
  status: TaskStatus;
  /** User id of the analyst working on it. */
  assignee?: string;
  teamId?: string;
  customerSorId?: string;
  intents: string[];
  /** Why the task needs a person (e.g. "unknown_sender", "dispute"). */
  reasons: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}
