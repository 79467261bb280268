// A MailSender over the Gmail API, sending as the impersonated mailbox. The reply is built as
// MIME by adapters/mail/mime, so Message-ID, In-Reply-To, References and Auto-Submitted are
// exactly ours, and sent with users.messages.send. To land in the customer's thread in the
// mailbox too, it names the threadId of the message it answers (found by its Message-ID):
// Gmail threads a sent message when threadId is given, In-Reply-To/References are set and the
// subject matches (https://developers.google.com/workspace/gmail/api/guides/sending).
// Messages above 4 MB go as a media upload (message/rfc822, up to Gmail's 35 MB) instead of
// the base64url `raw` field. `findSent` searches SENT by rfc822msgid.
import type { MailSender, OutgoingMessage } from '../../../core/replies/reply-model.js';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { buildMessage } from '../mime/build-message.js';
import type { GmailApi } from './gmail-api.js';
import { gmailSendError } from './gmail-errors.js';

/** Above this, the message is uploaded as media rather than inlined as `raw`. */
export const GMAIL_RAW_LIMIT = 4 * 1024 * 1024;

export interface GmailMailSenderOptions {
  api: GmailApi;
  now?: () => Date;
}

/** Sends through the Gmail API. */
export class GmailMailSender implements MailSender {
  readonly name = 'gmail';
  private readonly now: () => Date;

  constructor(private readonly options: GmailMailSenderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const { api } = this.options;
    const mime = Buffer.from(buildMessage(message, this.now()), 'utf8');
    const threadId = message.inReplyTo === undefined ? undefined : await this.threadOf(message.inReplyTo);
    try {
      const sent = await api.call('messages.send', () =>
        mime.byteLength > GMAIL_RAW_LIMIT
          ? api.users.messages.send({ userId: api.user, requestBody: { ...(threadId ? { threadId } : {}) }, media: { mimeType: 'message/rfc822', body: mime } })
          : api.users.messages.send({ userId: api.user, requestBody: { raw: mime.toString('base64url'), ...(threadId ? { threadId } : {}) } }),
      );
      if (!sent.id) throw new MailSendError('temporary', 'Gmail: the send response had no message id');
      return { providerMessageId: sent.id };
    } catch (err) {
      throw gmailSendError(err, 'sending');
    }
  }

  async findSent(messageId: string): Promise<{ providerMessageId: string } | undefined> {
    const id = await this.search(`rfc822msgid:${messageId}`, ['SENT']);
    return id === undefined ? undefined : { providerMessageId: id.id };
  }

  /** The thread of the message we answer, when the mailbox still has it. */
  private async threadOf(inReplyTo: string): Promise<string | undefined> {
    return (await this.search(`rfc822msgid:${inReplyTo}`))?.threadId;
  }

  private async search(q: string, labelIds?: string[]): Promise<{ id: string; threadId?: string } | undefined> {
    const { api } = this.options;
    try {
      const found = await api.call('messages.list', () => api.users.messages.list({ userId: api.user, q, maxResults: 1, ...(labelIds ? { labelIds } : {}) }));
      const first = found.messages?.[0];
      return first?.id ? { id: first.id, ...(first.threadId ? { threadId: first.threadId } : {}) } : undefined;
    } catch (err) {
      const e = gmailSendError(err, 'searching the mailbox');
      throw e.code === 'rejected' ? new MailSendError('temporary', e.message, { cause: err }) : e;
    }
  }
}
