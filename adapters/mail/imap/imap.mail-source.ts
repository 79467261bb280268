// A MailSource over one IMAP folder (imapflow). The cursor is the folder's UIDVALIDITY and the
// highest UID taken in; each page is the next UIDs above it, oldest first. When the server
// reports another UIDVALIDITY (the folder was recreated or renumbered) the old UIDs mean
// nothing any more: the page starts the folder over and says so (`reset`), and mail sync's
// Message-ID check keeps messages already taken in from being processed twice.
//
// One connection is kept between calls and replaced after any failure. The folder is opened
// read-only: arbot never changes flags or moves mail in the mailbox it reads.
import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { MailSourceError, type MailCursor, type MailPage, type MailSource, type SourcedMessage } from '../../../core/mail/mail-source.js';
import { closeImap, connectImap, imapAddress, type ImapSettings } from './imap-connection.js';
import { imapSourceError } from './imap-errors.js';

export interface ImapMailSourceOptions {
  settings: ImapSettings;
  /** The folder to read (default INBOX). */
  folder?: string;
  /** Connects a client; tests and callers with their own pooling may replace it. */
  connect?: (settings: ImapSettings) => Promise<ImapFlow>;
  /** For trouble on the IDLE connection, which has no caller to reject to. */
  logger?: Pick<Logger, 'warn'>;
}

interface ImapCursor {
  /** UIDVALIDITY as a decimal string (it is a 32-bit unsigned number; imapflow gives a bigint). */
  uidValidity: string;
  lastUid: number;
}

/** Reads one IMAP folder by UID. */
export class ImapMailSource implements MailSource {
  readonly name = 'imap';
  readonly address: string;
  readonly folder: string;
  private client: ImapFlow | undefined;
  private readonly connect: (settings: ImapSettings) => Promise<ImapFlow>;

  constructor(private readonly options: ImapMailSourceOptions) {
    this.folder = options.folder ?? 'INBOX';
    this.address = imapAddress(options.settings, this.folder);
    this.connect = options.connect ?? connectImap;
  }

  async fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage> {
    const from = cursor === null ? null : parseCursor(cursor);
    try {
      const client = await this.session();
      const box = await client.mailboxOpen(this.folder, { readOnly: true });
      const uidValidity = box.uidValidity.toString();
      const reset = from !== null && from.uidValidity !== uidValidity;
      const lastUid = from === null || reset ? 0 : from.lastUid;
      const flag = reset ? { reset: true } : {};
      // UIDNEXT says whether anything is new without a SEARCH (it only grows within one UIDVALIDITY).
      if (box.exists === 0 || (typeof box.uidNext === 'number' && box.uidNext <= lastUid + 1)) {
        return { messages: [], cursor: toJson({ uidValidity, lastUid }), more: false, ...flag };
      }
      // `n:*` always matches the highest UID, even when it is below n: filter.
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
      const batch = uids.slice(0, Math.max(1, limit));
      const messages = batch.length === 0 ? [] : await this.fetchBatch(client, batch, uidValidity);
      return {
        messages,
        // A UID expunged between SEARCH and FETCH is simply not delivered; the cursor still passes it.
        cursor: toJson({ uidValidity, lastUid: batch.at(-1) ?? lastUid }),
        more: uids.length > batch.length,
        ...flag,
      };
    } catch (err) {
      await this.drop();
      throw imapSourceError(err, `reading ${this.folder}`);
    }
  }

  /** IMAP IDLE on a second connection: `onChange` when the server announces new messages. */
  async watch(onChange: () => void): Promise<() => Promise<void>> {
    let client: ImapFlow;
    try {
      client = await this.connect(this.options.settings);
      await client.mailboxOpen(this.folder, { readOnly: true });
    } catch (err) {
      throw imapSourceError(err, `watching ${this.folder}`);
    }
    let stopping = false;
    client.on('exists', () => onChange());
    client.on('close', () => {
      if (!stopping) this.options.logger?.warn({ folder: this.folder }, 'IMAP: the IDLE connection closed; polling continues');
    });
    // IDLE now rather than after imapflow's auto-IDLE delay; it re-enters IDLE by itself later.
    client.idle().catch((err: unknown) => this.options.logger?.warn({ err: imapSourceError(err, 'IDLE'), folder: this.folder }, 'IMAP: IDLE failed; polling continues'));
    return () => {
      stopping = true;
      return closeImap(client);
    };
  }

  async close(): Promise<void> {
    await this.drop();
  }

  private async fetchBatch(client: ImapFlow, batch: number[], uidValidity: string): Promise<SourcedMessage[]> {
    const fetched = await client.fetchAll(batch, { uid: true, source: true, internalDate: true }, { uid: true });
    return fetched
      .filter((m) => m.source !== undefined)
      .sort((a, b) => a.uid - b.uid)
      .map((m) => {
        const receivedAt = m.internalDate instanceof Date ? m.internalDate : typeof m.internalDate === 'string' ? new Date(m.internalDate) : undefined;
        return {
          id: `${this.folder}:${uidValidity}:${m.uid}`,
          raw: m.source as Buffer,
          ...(receivedAt && !Number.isNaN(receivedAt.getTime()) ? { receivedAt } : {}),
        };
      });
  }

  private async session(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    await this.drop();
    this.client = await this.connect(this.options.settings);
    return this.client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await closeImap(client);
  }
}

function toJson(c: ImapCursor): MailCursor {
  return { uidValidity: c.uidValidity, lastUid: c.lastUid };
}

function parseCursor(cursor: MailCursor): ImapCursor {
  const { uidValidity, lastUid } = cursor;
  if (typeof uidValidity === 'string' && /^\d+$/.test(uidValidity) && typeof lastUid === 'number' && Number.isInteger(lastUid) && lastUid >= 0) {
    return { uidValidity, lastUid };
  }
  throw new MailSourceError('cursor_expired', 'IMAP: the stored cursor is not an IMAP cursor; starting the folder over');
}
