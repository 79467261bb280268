// A MailSender that "sends" by writing each message as an RFC 5322 .eml file into a folder,
// for demos and shadow runs when no mailbox is configured. The file is named by our
// Message-ID, so the folder is its own idempotency record: `findSent` is "the file exists",
// and sending the same Message-ID again leaves the first file alone.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailSender, OutgoingMessage } from '../../../core/replies/reply-model.js';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { buildMessage } from '../mime/build-message.js';

export interface FolderMailSenderOptions {
  /** Folder the .eml files go to (created when missing). */
  dir: string;
  /** Clock for the Date header. */
  now?: () => Date;
}

/** Writes outgoing mail to `<dir>/<Message-ID>.eml`. */
export class FolderMailSender implements MailSender {
  readonly name = 'outbox-folder';
  private readonly now: () => Date;

  constructor(private readonly options: FolderMailSenderOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Writes the message unless a file for its Message-ID exists; the file name is the provider id. */
  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const name = fileNameFor(message.messageId);
    const content = buildMessage(message, this.now());
    try {
      return await this.write(name, content);
    } catch (err) {
      // A full disk or a folder that cannot be written may be fixed meanwhile: worth retrying.
      throw new MailSendError('temporary', `outbox folder ${this.options.dir}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  private async write(name: string, content: string): Promise<{ providerMessageId: string }> {
    const target = join(this.options.dir, name);
    await mkdir(this.options.dir, { recursive: true });
    // Write a temporary file, flush it, then link it in place: a crash never leaves a half
    // file under the real name, and link() refuses to replace a file another sender wrote.
    const temp = join(this.options.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, target);
    } catch (err) {
      if (!isErrno(err, 'EEXIST')) throw err;
      // Already written for this Message-ID (an earlier attempt): that file is the sent message.
    } finally {
      await unlink(temp);
    }
    return { providerMessageId: name };
  }

  /** The file name when a message with this Message-ID was written. */
  async findSent(messageId: string): Promise<{ providerMessageId: string } | undefined> {
    const name = fileNameFor(messageId);
    try {
      await stat(join(this.options.dir, name));
      return { providerMessageId: name };
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
  }
}

/** `<Message-ID>.eml`, with characters outside [A-Za-z0-9._@+-] escaped (%XX) so distinct ids never share a file. */
export function fileNameFor(messageId: string): string {
  const bare = messageId.trim().replace(/^<(.*)>$/, '$1');
  const safe = [...Buffer.from(bare, 'utf8')]
    .map((b) => (/[A-Za-z0-9._@+-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  // Very long ids would exceed file-name limits: name those by their hash instead.
  const stem = safe.length > 0 && safe.length <= 200 && !safe.startsWith('.') ? safe : `sha256-${createHash('sha256').update(bare).digest('hex')}`;
  return `${stem}.eml`;
}

function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}
