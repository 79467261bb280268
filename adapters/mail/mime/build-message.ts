// A small RFC 5322 / MIME message builder for outgoing replies (nodemailer is not a
// dependency): text and HTML as multipart/alternative, attachments in multipart/mixed,
// quoted-printable text and base64 files. Header values are checked, never trusted: a CR
// or LF in an address or id would let a value add headers of its own.
import { createHash } from 'node:crypto';
import type { OutgoingMessage } from '../../../core/replies/reply-model.js';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { encodeHeaderText, foldedHeader, mimeParameter, rfc5322Date } from './header-encoding.js';
import { quotedPrintable } from './quoted-printable.js';

const ADDRESS = /^[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+$/;
const MESSAGE_ID = /^[^\s<>]+@[^\s<>]+$/;
const CRLF = '\r\n';

/** One MIME entity: its header lines and its (already encoded) body. */
interface Part {
  headers: string[];
  body: string;
}

/** The complete message as CRLF text, dated `date`; throws MailSendError('rejected') on an unusable address or id. */
export function buildMessage(message: OutgoingMessage, date: Date): string {
  const headers = [
    `From: ${address(message.from)}`,
    foldedHeader('To', message.to.map(address), ', '),
    ...(message.cc.length > 0 ? [foldedHeader('Cc', message.cc.map(address), ', ')] : []),
    `Subject: ${encodeHeaderText(message.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: ${messageId(message.messageId)}`,
    ...(message.inReplyTo ? [`In-Reply-To: ${messageId(message.inReplyTo)}`] : []),
    ...(message.references.length > 0 ? [foldedHeader('References', message.references.map(messageId), ' ')] : []),
    ...(message.autoSubmitted ? ['Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All'] : []),
    'MIME-Version: 1.0',
  ];
  if (message.to.length === 0) throw new MailSendError('rejected', 'the message has no To address');
  const root = rootPart(message);
  return [...headers, ...root.headers].join(CRLF) + CRLF + CRLF + root.body;
}

function rootPart(message: OutgoingMessage): Part {
  const boundary = (kind: string) => `=_arbot_${createHash('sha256').update(`${message.messageId}/${kind}`).digest('hex').slice(0, 24)}`;
  const text = textPart('plain', message.text);
  const body = message.html === '' ? text : multipart('alternative', boundary('alt'), [text, textPart('html', message.html)]);
  if (message.attachments.length === 0) return body;
  return multipart('mixed', boundary('mixed'), [body, ...message.attachments.map(attachmentPart)]);
}

function textPart(subtype: 'plain' | 'html', content: string): Part {
  return {
    headers: [`Content-Type: text/${subtype}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable'],
    body: quotedPrintable(content),
  };
}

function attachmentPart(a: OutgoingMessage['attachments'][number]): Part {
  const filename = a.filename.replace(/[\r\n]+/g, ' ');
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(a.contentType)) throw new MailSendError('rejected', `attachment ${filename} has an invalid content type`);
  const base64 = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength).toString('base64');
  return {
    headers: [
      `Content-Type: ${a.contentType};${CRLF} ${mimeParameter('name', filename)}`,
      `Content-Disposition: attachment;${CRLF} ${mimeParameter('filename', filename)}`,
      'Content-Transfer-Encoding: base64',
    ],
    body: base64.replace(/.{76}(?=.)/g, `$&${CRLF}`),
  };
}

function multipart(subtype: 'alternative' | 'mixed', boundary: string, parts: readonly Part[]): Part {
  const entities = parts.map((p) => `--${boundary}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}${CRLF}`);
  return {
    headers: [`Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"`],
    body: `${entities.join('')}--${boundary}--${CRLF}`,
  };
}

function address(value: string): string {
  const trimmed = value.trim();
  if (!ADDRESS.test(trimmed)) throw new MailSendError('rejected', `not a plain mail address: ${JSON.stringify(value)}`);
  return trimmed;
}

function messageId(value: string): string {
  const bare = value.trim().replace(/^<(.*)>$/, '$1');
  if (!MESSAGE_ID.test(bare)) throw new MailSendError('rejected', `not a Message-ID: ${JSON.stringify(value)}`);
  return `<${bare}>`;
}
