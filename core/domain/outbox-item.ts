import type { ReplyMessage } from './draft.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A reply waiting to be sent; `idempotencyKey` makes enqueueing and sending happen once. */
export interface OutboxItem {
  id: string;
  tenantId: string;
  idempotencyKey: string;
  emailId: string;
  taskId?: string;
  replyVersion: number;
  message: ReplyMessage;
  status: OutboxStatus;
  attempts: number;
  /** Not claimed before this time (retry back-off). */
  nextAttemptAt: Date;
  claimedBy?: string;
  claimedAt?: Date;
  providerMessageId?: string;
  lastError?: string;
  createdAt: Date;
  sentAt?: Date;
}
