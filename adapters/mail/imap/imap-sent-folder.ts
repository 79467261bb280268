// The Sent folder over IMAP, for senders that deliver by SMTP: a copy of each sent message is
// appended there (optional: Gmail and Microsoft 365 file SMTP mail in Sent themselves), and
// "was this Message-ID sent?" is a header search there, which lets the outbox reconcile after
// a crash instead of sending twice. One short connection per call: both are rare.
import type { ImapFlow } from 'imapflow';
import { closeImap, connectImap, type ImapSettings } from './imap-connection.js';

export interface ImapSentFolderOptions {
  settings: ImapSettings;
  /** The folder sent mail is filed in (e.g. "Sent", "Sent Items", "[Gmail]/Sent Mail"). */
  folder: string;
  connect?: (settings: ImapSettings) => Promise<ImapFlow>;
}

/** Appends to and searches the Sent folder. Errors are imapflow's; callers normalize them. */
export class ImapSentFolder {
  private readonly connect: (settings: ImapSettings) => Promise<ImapFlow>;

  constructor(private readonly options: ImapSentFolderOptions) {
    this.connect = options.connect ?? connectImap;
  }

  /** Files `raw` in the Sent folder, marked as read. */
  async append(raw: string | Uint8Array, date: Date): Promise<void> {
    await this.with(async (client) => {
      await client.append(this.options.folder, typeof raw === 'string' ? raw : Buffer.from(raw), ['\\Seen'], date);
    });
  }

  /** Whether a message with this Message-ID (bare, without brackets) is in the Sent folder. */
  async contains(messageId: string): Promise<boolean> {
    return this.with(async (client) => {
      await client.mailboxOpen(this.options.folder, { readOnly: true });
      // SEARCH HEADER matches substrings; the brackets make a shorter id's match impossible.
      const uids = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
      return Array.isArray(uids) && uids.length > 0;
    });
  }

  private async with<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await this.connect(this.options.settings);
    try {
      return await fn(client);
    } finally {
      await closeImap(client);
    }
  }
}
