/** One mailbox address; `address` is stored lower-cased. */
export interface EmailAddress {
  name?: string;
  address: string;
}

/** The headers the pipeline reads; everything else stays in the raw message. */
export interface EmailHeaders {
  date?: string;
  inReplyTo?: string;
  references?: string[];
  autoSubmitted?: string;
  authenticationResults?: string;
  precedence?: string;
}

/** Metadata of one attachment; the bytes live elsewhere (`storageRef`). */
export interface AttachmentMeta {
  filename: string;
  contentType: string;
  size: number;
  contentId?: string;
  sha256?: string;
  storageRef?: string;
}

export type EmailStatus = 'received' | 'processed' | 'failed';

/** An inbound email of the AR mailbox, unique per tenant by its Message-ID. */
export interface Email {
  id: string;
  tenantId: string;
  messageId: string;
  threadKey: string;
  mailbox: string;
  from: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress[];
  subject: string;
  receivedAt: Date;
  headers: EmailHeaders;
  text?: string;
  html?: string;
  attachments: AttachmentMeta[];
  status: EmailStatus;
  processingError?: string;
  createdAt: Date;
  processedAt?: Date;
}
