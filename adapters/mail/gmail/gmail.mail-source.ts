// A MailSource over one label of a Google Workspace mailbox, by Gmail history
// (https://developers.google.com/workspace/gmail/api/guides/sync). The cursor is a history id
// and the ids of messages found but not yet delivered:
//   - full sync (null cursor): the mailbox's current history id is read first (getProfile),
//     then every message id in the label is listed (newest first by Gmail, reversed here), so
//     anything arriving meanwhile shows up in the history after that id;
//   - incremental: history.list from the stored id (messageAdded and labelAdded to the label),
//     all pages, and the response's historyId becomes the new cursor.
// Each page delivers up to `limit` of the pending ids, fetched with format=raw (the message as
// it arrived). A history id Gmail no longer keeps answers 404: cursor_expired, and mail sync
// starts over with a full sync, Message-IDs keeping what was taken in from being processed
// twice. A message deleted before it is fetched (404) is skipped.
import type { gmail_v1 } from '@googleapis/gmail';
import type { Logger } from 'pino';
import { MailSourceError, type MailCursor, type MailPage, type MailSource, type SourcedMessage } from '../../../core/mail/mail-source.js';
import type { GmailApi } from './gmail-api.js';
import { gmailFailure, gmailSourceError } from './gmail-errors.js';

export interface GmailMailSourceOptions {
  api: GmailApi;
  /** Label id to read (default INBOX). */
  label?: string;
  logger?: Pick<Logger, 'debug'>;
}

interface GmailCursor {
  mailbox: string;
  label: string;
  /** Everything up to this history id has been listed. */
  historyId: string;
  /** Listed but not yet delivered, oldest first. */
  pending: string[];
}

/** Reads one label of a Gmail mailbox. */
export class GmailMailSource implements MailSource {
  readonly name = 'gmail';
  readonly address: string;
  readonly label: string;

  constructor(private readonly options: GmailMailSourceOptions) {
    this.label = options.label ?? 'INBOX';
    this.address = `gmail://${options.api.user.toLowerCase()}/${this.label}`;
  }

  async fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage> {
    const size = Math.max(1, limit);
    const at = cursor === null ? await this.fullSync() : this.parseCursor(cursor);
    let { historyId } = at;
    const pending = [...at.pending];
    // Only when nothing listed is waiting: what is pending is older than any new history.
    if (pending.length < size) {
      const listed = await this.historySince(historyId);
      historyId = listed.historyId;
      const known = new Set(pending);
      for (const id of listed.ids) if (!known.has(id)) pending.push(id);
    }
    const batch = pending.splice(0, size);
    const messages = (await Promise.all(batch.map((id) => this.fetchRaw(id)))).filter((m): m is SourcedMessage => m !== undefined);
    return { messages, cursor: { mailbox: this.options.api.user.toLowerCase(), label: this.label, historyId, pending }, more: pending.length > 0 };
  }

  /** The start of a full sync: the current history id, then every message id in the label, oldest first. */
  private async fullSync(): Promise<GmailCursor> {
    const { api } = this.options;
    const userId = api.user;
    try {
      // Checked first, so a label that does not exist is not_found rather than an empty folder.
      await api.call('labels.get', () => api.users.labels.get({ userId, id: this.label }));
      const profile = await api.call('getProfile', () => api.users.getProfile({ userId }));
      if (!profile.historyId) throw new MailSourceError('unknown', 'Gmail: the profile had no historyId');
      const ids: string[] = [];
      let pageToken: string | undefined;
      do {
        const page: gmail_v1.Schema$ListMessagesResponse = await api.call('messages.list', () =>
          api.users.messages.list({ userId, labelIds: [this.label], maxResults: 500, ...(pageToken ? { pageToken } : {}) }),
        );
        for (const m of page.messages ?? []) if (m.id) ids.push(m.id);
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return { mailbox: userId.toLowerCase(), label: this.label, historyId: profile.historyId, pending: ids.reverse() };
    } catch (err) {
      throw gmailSourceError(err, `listing ${this.label}`);
    }
  }

  /** Message ids added to the label after `startHistoryId`, in history order, and the mailbox's history id after them. */
  private async historySince(startHistoryId: string): Promise<{ ids: string[]; historyId: string }> {
    const { api } = this.options;
    const ids: string[] = [];
    const seen = new Set<string>();
    let historyId = startHistoryId;
    let pageToken: string | undefined;
    try {
      do {
        const page: gmail_v1.Schema$ListHistoryResponse = await api.call('history.list', () =>
          api.users.history.list({
            userId: api.user,
            startHistoryId,
            labelId: this.label,
            historyTypes: ['messageAdded', 'labelAdded'],
            maxResults: 500,
            ...(pageToken ? { pageToken } : {}),
          }),
        );
        for (const record of page.history ?? []) {
          for (const entry of [...(record.messagesAdded ?? []), ...(record.labelsAdded ?? [])]) {
            const m = entry.message;
            if (!m?.id || seen.has(m.id) || !(m.labelIds ?? []).includes(this.label)) continue;
            seen.add(m.id);
            ids.push(m.id);
          }
        }
        if (page.historyId) historyId = page.historyId;
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
    } catch (err) {
      throw gmailSourceError(err, 'reading the history', true);
    }
    return { ids, historyId };
  }

  private async fetchRaw(id: string): Promise<SourcedMessage | undefined> {
    const { api } = this.options;
    let message: gmail_v1.Schema$Message;
    try {
      message = await api.call('messages.get', () => api.users.messages.get({ userId: api.user, id, format: 'raw' }));
    } catch (err) {
      if (gmailFailure(err).status === 404) {
        this.options.logger?.debug({ id }, 'gmail: a message went away before it was fetched');
        return undefined;
      }
      throw gmailSourceError(err, `fetching message ${id}`);
    }
    if (!message.raw) throw new MailSourceError('unknown', `Gmail: message ${id} came without its raw content`);
    const receivedAt = message.internalDate ? new Date(Number(message.internalDate)) : undefined;
    return { id, raw: Buffer.from(message.raw, 'base64url'), ...(receivedAt && !Number.isNaN(receivedAt.getTime()) ? { receivedAt } : {}) };
  }

  private parseCursor(cursor: MailCursor): GmailCursor {
    const { mailbox, label, historyId, pending } = cursor;
    if (
      mailbox === this.options.api.user.toLowerCase() &&
      label === this.label &&
      typeof historyId === 'string' &&
      /^\d+$/.test(historyId) &&
      Array.isArray(pending) &&
      pending.every((p) => typeof p === 'string')
    ) {
      return { mailbox, label, historyId, pending: pending as string[] };
    }
    throw new MailSourceError('cursor_expired', `Gmail: the stored cursor is not a history cursor of ${this.address}; starting over`);
  }
}
