import type { ReplyMessage } from './draft.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * Written on the item right before the provider is called: a later claim that finds it knows
 * a send may already have happened and asks the provider (by our Message-ID) before sending.
 */
export interface SendIntent {
  /** The claim's attempt number (the item's `attempts` when it was recorded). */
  attempt: number;
  /** Our Message-ID handed to the provider: what reconciliation asks the provider about. */
  messageId: string;
  workerId: string;
  at: Date;
}

/** A reply waiting to be sent; `idempotencyKey` makes enqueueing and sending happen once. */
export interface OutboxItem {
  id: string;
  tenantId: string;
  idempotencyKey: string;
  emailId: string;
  taskId?: string;
  /** Thread of the email being answered (the loop guard's "already answered" check). */
  threadKey?: string;
  replyVersion: number;
  message: ReplyMessage;
  status: OutboxStatus;
  attempts: number;
  /** Not claimed before this time (retry back-off). */
  nextAttemptAt: Date;
  claimedBy?: string;
  claimedAt?: Date;
  /** The latest attempt that may have reached the provider. */
  intent?: SendIntent;
  providerMessageId?: string;
  lastError?: string;
  createdAt: Date;
  sentAt?: Date;
}
