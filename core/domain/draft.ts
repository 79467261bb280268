import type { EmailAddress } from './email.js';

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
