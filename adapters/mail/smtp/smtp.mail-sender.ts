// A MailSender over SMTP (nodemailer). The message is built by adapters/mail/mime, not by
// nodemailer, so its Message-ID, In-Reply-To and References are exactly ours (the outbox
// fixes the Message-ID before the first attempt, and reconciles by it). The envelope goes to
// every To and Cc address. With a Sent folder over IMAP, a copy is appended there after the
// send and `findSent` searches it; without one, `findSent` cannot tell and says undefined.
import type { Logger } from 'pino';
import type { MailSender, OutgoingMessage } from '../../../core/replies/reply-model.js';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { buildMessage } from '../mime/build-message.js';
import type { ImapSentFolder } from '../imap/imap-sent-folder.js';
import { imapSourceError } from '../imap/imap-errors.js';
import { smtpSendError } from './smtp-errors.js';

/** The part of a nodemailer transport the sender uses (injected: built at the edge, faked in tests). */
export interface SmtpTransport {
  sendMail(mail: { envelope: { from: string; to: string[] }; raw: string }): Promise<{ accepted?: unknown[]; rejected?: unknown[]; response?: string }>;
}

export interface SmtpMailSenderOptions {
  transport: SmtpTransport;
  /** Where sent mail is filed and looked up; leave out when the server offers no IMAP. */
  sent?: { folder: Pick<ImapSentFolder, 'append' | 'contains'>; append: boolean };
  logger?: Pick<Logger, 'warn'>;
  now?: () => Date;
}

/** Sends through an SMTP server. */
export class SmtpMailSender implements MailSender {
  readonly name = 'smtp';
  private readonly now: () => Date;

  constructor(private readonly options: SmtpMailSenderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Sends the message; the provider id is our Message-ID (SMTP has no id of its own beyond a queue id in free text). */
  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const date = this.now();
    const raw = buildMessage(message, date);
    const recipients = [...message.to, ...message.cc];
    let info: Awaited<ReturnType<SmtpTransport['sendMail']>>;
    try {
      info = await this.options.transport.sendMail({ envelope: { from: message.from, to: recipients }, raw });
    } catch (err) {
      throw smtpSendError(err);
    }
    // nodemailer resolves when at least one recipient was accepted; the rest were refused for good.
    if (Array.isArray(info.rejected) && info.rejected.length > 0) {
      this.options.logger?.warn({ messageId: message.messageId, rejected: info.rejected.map(String) }, 'smtp: some recipients were refused');
    }
    if (this.options.sent?.append) await this.fileCopy(message.messageId, raw, date);
    return { providerMessageId: message.messageId };
  }

  /** Whether the Sent folder holds this Message-ID; undefined when there is no Sent folder to ask. */
  async findSent(messageId: string): Promise<{ providerMessageId: string } | undefined> {
    const sent = this.options.sent;
    if (sent === undefined) return undefined;
    try {
      return (await sent.folder.contains(messageId)) ? { providerMessageId: messageId } : undefined;
    } catch (err) {
      const e = imapSourceError(err, 'searching the Sent folder');
      throw new MailSendError(e.code === 'auth' ? 'auth' : 'temporary', e.message, { cause: err });
    }
  }

  /**
   * The message went out: a failed copy must not fail the send (the outbox would retry, find
   * nothing in Sent, and send it twice). It is logged instead.
   */
  private async fileCopy(messageId: string, raw: string, date: Date): Promise<void> {
    try {
      await this.options.sent?.folder.append(raw, date);
    } catch (err) {
      this.options.logger?.warn({ err: imapSourceError(err, 'appending to the Sent folder'), messageId }, 'smtp: sent, but the copy could not be filed in the Sent folder');
    }
  }
}
