import type { DataScope } from '../policy/send-guard.js';
import type { EmailAddress } from './email.js';

/** A file sent with a reply (a rendered or SoR-provided PDF of an invoice or statement). */
export interface ReplyMessageAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  kind?: 'invoice' | 'statement';
  invoiceNumber?: string;
}

/** Whose data a reply carries: the send guard's inputs, checked again right before every send. */
export interface ReplyDisclosure {
  customerId: string;
  scope: DataScope;
  invoiceNumbers: string[];
}

/** The outgoing message itself, as drafted, approved and handed to the mail sender. */
export interface ReplyMessage {
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  /** Invoice numbers whose PDFs are attached. */
  attachInvoices: string[];
  /** Our mailbox the reply goes out from. */
  from?: EmailAddress;
  /** Our RFC 5322 Message-ID (no brackets), fixed when the reply is queued so every retry is the same message. */
  messageId?: string;
  /** The files sent with the reply, as rendered when it was drafted. */
  attachments?: ReplyMessageAttachment[];
  /** What the reply discloses; a queued message without it is never sent. */
  disclosure?: ReplyDisclosure;
  /** Sent without a person (carries Auto-Submitted: auto-replied, counts for the loop guard). */
  automatic?: boolean;
}

/** One version of the reply drafted for a task; every edit adds a version. */
export interface Draft {
  id: string;
  tenantId: string;
  taskId: string;
  version: number;
  message: ReplyMessage;
  /** User id, or "system" for generated drafts. */
  createdBy: string;
  createdAt: Date;
}
