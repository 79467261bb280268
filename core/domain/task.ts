import type { EmailAddress } from './email.js';

export type TaskStatus =
  | 'new'
  | 'assigned'
  | 'in_review'
  | 'approved'
  | 'sent'
  | 'closed_no_reply'
  | 'reprocessing';

/** Statuses in which a task still needs a person (counted against open-task caps and SLAs). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['new', 'assigned', 'in_review', 'reprocessing'];

export type TaskPriority = 'high' | 'normal';

/** Where one chat platform shows a task's card, so every copy can be updated in place. */
export interface TaskPost {
  /** Chat platform id, e.g. "teams" or "slack". */
  platform: string;
  conversationId: string;
  messageId: string;
}

/** An internal note an analyst added to a task (never sent to the customer). */
export interface TaskNote {
  id: string;
  /** User id of the author. */
  by: string;
  at: Date;
  text: string;
}

/** Corrections a person made to what the pipeline extracted; a reprocess uses them instead. */
export interface TaskCorrections {
  customerSorId?: string;
  invoiceNumbers?: string[];
  amounts?: { value: number; currency?: string }[];
  /** Extra recipients a person added to the reply (still checked by the send guard). */
  cc?: EmailAddress[];
}

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
  /** Invoice numbers the task is about (SoR numbers, as matched or corrected). */
  invoiceNumbers?: string[];
  /** Why the task needs a person (e.g. "unknown_sender", "dispute"). */
  reasons: string[];
  /** Facts distribution rules and SLAs use, captured when the task was made. */
  language?: string;
  /** Largest amount the email mentions (in the customer's currency when known). */
  amount?: number;
  priority?: TaskPriority;
  /** When the first response is due (SLA); reminders and escalation key off it. */
  dueAt?: Date;
  remindAt?: Date;
  remindedAt?: Date;
  escalatedAt?: Date;
  /** Where the task's card is shown. */
  posts?: TaskPost[];
  notes?: TaskNote[];
  corrections?: TaskCorrections;
  /** User id of who approved the reply ("system" for automatic replies). */
  approvedBy?: string;
  /** Why it was closed without a reply. */
  closeReason?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}
