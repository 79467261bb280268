// Stage 1 output: an RFC 5322/MIME message taken apart. Nothing here is trusted: every
// field is what the sender (or a forger) put in the message.

export interface MailAddress {
  /** Lower-cased addr-spec. */
  address: string;
  name?: string;
}

export interface ParsedAttachment {
  filename?: string;
  /** Lower-cased MIME type, e.g. "application/pdf". */
  contentType: string;
  size: number;
  /** Raw bytes; absent when the attachment was too large to keep (see problems). */
  content?: Uint8Array;
  contentId?: string;
  inline: boolean;
}

/** Headers the pipeline's rules need, already decoded. */
export interface ParsedHeaders {
  autoSubmitted?: string;
  precedence?: string;
  /** X-Auto-Response-Suppress, X-Autoreply, X-Autorespond … present at all. */
  autoResponseHeaders: string[];
  /** Top-level Content-Type with parameters, lower-cased, e.g. "multipart/report; report-type=delivery-status". */
  contentType: string;
  returnPath?: string;
  listId?: string;
  /** Every Authentication-Results header, unfolded, newest first. */
  authenticationResults: string[];
  /** Received-SPF headers, unfolded. */
  receivedSpf: string[];
}

export interface ParsedEmail {
  /** Message-ID without angle brackets; synthesized from a hash of the raw message when missing. */
  messageId: string;
  messageIdSynthesized: boolean;
  inReplyTo?: string;
  references: string[];
  from?: MailAddress;
  sender?: MailAddress;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date?: Date;
  headers: ParsedHeaders;
  /** The text/plain body ('' when none). */
  text: string;
  /** The text/html body, when present. */
  html?: string;
  attachments: ParsedAttachment[];
  /** Size of the raw message in bytes. */
  rawSize: number;
  /** What could not be parsed cleanly: each becomes a review reason, never a crash. */
  problems: string[];
}
