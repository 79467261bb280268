// The MailSource port: how arbot reads a mailbox folder, whatever the host (IMAP, an .eml
// folder, later Microsoft Graph and Gmail). A source is polled with a cursor it made itself
// and that arbot stores without looking inside: IMAP's { uidValidity, lastUid }, a folder's
// change-time watermark, Graph's delta link, Gmail's history id. The cursor a page returns
// covers exactly that page's messages, so a caller that stores each message before it stores
// the cursor never loses one (at-least-once); Message-IDs make processing exactly-once.

/** A source's position in its folder: JSON, opaque to everyone but the source that made it. */
export type MailCursor = { readonly [key: string]: unknown };

/** One message as the source delivers it. */
export interface SourcedMessage {
  /** The source's id of this message (IMAP `folder:uidValidity:uid`, a file name, a Graph id); unique within the source. */
  id: string;
  /** The message exactly as the host stores it (RFC 5322). */
  raw: Uint8Array;
  /** When the host received it, if it says (IMAP INTERNALDATE, Graph receivedDateTime). */
  receivedAt?: Date;
}

/** One page of a folder, oldest first. */
export interface MailPage {
  messages: SourcedMessage[];
  /** Where the next call continues; store it only once every message of this page is stored. */
  cursor: MailCursor;
  /** True when more messages were waiting beyond this page. */
  more: boolean;
  /** True when the given cursor was no longer valid (IMAP UIDVALIDITY changed) and this page starts the folder over. */
  reset?: boolean;
}

/** Reads one folder of one mailbox. */
export interface MailSource {
  /** The adapter, for logs ("imap", "folder"). */
  readonly name: string;
  /** The account and folder this source reads, e.g. `imap://ar@mail.example/INBOX`; the key its cursor is stored under. */
  readonly address: string;
  /**
   * Up to `limit` messages after `cursor` (null: from the start of the folder), oldest first.
   * Rejects with a MailSourceError; `cursor_expired` when the cursor cannot be used any more
   * (the caller then starts over with null).
   */
  fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage>;
  /**
   * Optional push: calls `onChange` when new mail may have arrived (IMAP IDLE, a folder
   * watcher), so a caller can sync sooner than its next poll. Resolves once watching; the
   * returned function stops it. Callers poll anyway: a notification may be lost.
   */
  watch?(onChange: () => void): Promise<() => Promise<void>>;
  /** Releases connections; the source may not be used afterwards. */
  close?(): Promise<void>;
}

export type MailSourceErrorCode =
  /** Worth trying again later: timeouts, throttling, connection resets, a server restarting. */
  | 'temporary'
  /** Credentials missing, wrong or expired: retried with back-off, since an operator may fix them. */
  | 'auth'
  /** The cursor is no longer valid (expired delta link, pruned history, a cursor of another shape): start over from null. */
  | 'cursor_expired'
  /** The folder or mailbox does not exist. */
  | 'not_found'
  /** Anything else. */
  | 'unknown';

/** A failed read, with the code that decides what happens next; adapters throw nothing else. */
export class MailSourceError extends Error {
  constructor(
    readonly code: MailSourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailSourceError';
  }
}

/** `err` as a MailSourceError: itself, or wrapped as `unknown`. */
export function asMailSourceError(err: unknown): MailSourceError {
  if (err instanceof MailSourceError) return err;
  return new MailSourceError('unknown', err instanceof Error ? err.message : String(err), { cause: err });
}
