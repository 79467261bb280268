// Stage 1: an RFC 5322/MIME message taken apart. Never throws: whatever cannot be parsed
// cleanly becomes a problem string, and the message still comes out, so it can reach a person.
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail, type StructuredHeader } from 'mailparser';
import type { ParsedEmail } from '../parsed-email.js';
import { toMailAddresses } from './addresses.js';
import { toParsedAttachments } from './attachments.js';
import { charsetDecoderClass } from './body-decoder.js';
import { boundaryProblems, repairTopBoundary } from './boundary-repair.js';
import { RELABELED, decodeUtf8OrLatin1 } from './charset.js';
import { relabelCharsets } from './charset-labels.js';
import { fieldValues, headerFields } from './header-fields.js';
import { messageIds, synthesizedMessageId } from './message-ids.js';
import { scanMime, type MimeScan } from './mime-scan.js';
import { buildParsedHeaders } from './parsed-headers.js';
import { ProblemList, errorMessage } from './problem-list.js';
import { lacksHeaderSection, looksBinary, malformedHeaderLines, withLineFeeds } from './raw-sanity.js';

export interface ParseOptions {
  /** Attachments larger than this keep their metadata but not their bytes. Default 25 MiB. */
  maxAttachmentBytes?: number;
}

/** 25 MiB: larger than any invoice or remittance file, smaller than what would strain storage. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

// Raw body text kept when no MIME part could be read at all.
const MAX_FALLBACK_TEXT_BYTES = 1_000_000;

/** Parses a raw message; never throws, every defect is listed in `problems`. */
export async function parseEmail(raw: Uint8Array, opts: ParseOptions = {}): Promise<ParsedEmail> {
  const problems = new ProblemList();
  const maxAttachmentBytes = opts.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (raw.byteLength === 0) problems.add('empty message');
  if (looksBinary(raw)) {
    problems.add('message is binary data, not an RFC 5322 text message; not parsed');
    return finish(raw, undefined, undefined, maxAttachmentBytes, problems);
  }
  let source: Buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const crlf = withLineFeeds(source);
  if (crlf) {
    problems.add('lines end with bare CR characters; read as CRLF');
    source = crlf;
  }
  let scan = scanMime(source);
  if (lacksHeaderSection(scan)) {
    problems.add('no header section; the whole message was read as body text');
    // A synthetic header block makes mailparser read every byte as one text/plain body.
    source = Buffer.concat([Buffer.from(`Content-Type: text/plain; charset=${RELABELED.none}\r\n\r\n`), source]);
    scan = scanMime(source);
  } else {
    const malformed = malformedHeaderLines(scan);
    if (malformed > 0) problems.add(`${malformed} malformed header line(s) ignored`);
    problems.addAll(boundaryProblems(scan));
    const repaired = repairTopBoundary(scan, problems);
    if (repaired) {
      source = repaired;
      scan = scanMime(repaired);
    }
  }
  source = relabelCharsets(scan, problems) ?? source;

  let mail: ParsedMail | undefined;
  try {
    mail = await simpleParser(source, {
      skipHtmlToText: true, // text must be the real text/plain part; normalize converts HTML itself
      skipTextToHtml: true,
      skipImageLinks: true,
      keepCidLinks: true,
      checksumAlgo: false,
      Iconv: charsetDecoderClass(problems),
    });
  } catch (err) {
    problems.add(`MIME parsing failed: ${errorMessage(err)}`);
  }
  return finish(raw, mail, scan, maxAttachmentBytes, problems);
}

function finish(
  raw: Uint8Array,
  mail: ParsedMail | undefined,
  scan: MimeScan | undefined,
  maxAttachmentBytes: number,
  problems: ProblemList,
): ParsedEmail {
  const fields = headerFields(mail?.headerLines ?? []);
  const first = (name: string): string | undefined => fieldValues(fields, name)[0];

  const idHeader = first('message-id');
  let messageId = idHeader === undefined ? undefined : messageIds(idHeader)[0];
  const messageIdSynthesized = messageId === undefined;
  if (messageId === undefined) {
    problems.add(idHeader === undefined ? 'no Message-ID header' : 'empty Message-ID header');
    messageId = synthesizedMessageId(raw);
  } else if (!messageId.includes('@')) {
    problems.add('malformed Message-ID header (no @)');
  }

  const from = toMailAddresses(mail?.from);
  if (from.length === 0) problems.add('no From address');
  if (from.length > 1) problems.add(`From header has ${from.length} addresses; the first is used`);
  const sender = toMailAddresses(addressHeader(mail?.headers.get('sender')))[0];

  const subject = (mail?.subject ?? '').trim();
  const fromName = from[0]?.name ?? '';
  if (subject.includes('\ufffd') || fromName.includes('\ufffd')) problems.add('a header contains undecodable bytes');

  const text = bodyText(mail, scan, problems);
  const html = typeof mail?.html === 'string' && mail.html.trim() !== '' ? mail.html : undefined;
  const attachments = toParsedAttachments(mail?.attachments ?? [], maxAttachmentBytes, problems);
  if (mail && text.trim() === '' && html === undefined && attachments.length === 0) problems.add('message body is empty');

  const inReplyTo = messageIds(first('in-reply-to') ?? '')[0];
  const date = parseDate(first('date'), problems);
  return {
    messageId,
    messageIdSynthesized,
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    references: fieldValues(fields, 'references').flatMap(messageIds),
    ...(from[0] === undefined ? {} : { from: from[0] }),
    ...(sender === undefined ? {} : { sender }),
    replyTo: toMailAddresses(mail?.replyTo),
    to: toMailAddresses(mail?.to),
    cc: toMailAddresses(mail?.cc),
    subject,
    ...(date === undefined ? {} : { date }),
    headers: buildParsedHeaders(fields, structuredHeader(mail?.headers.get('content-type'))),
    text,
    ...(html === undefined ? {} : { html }),
    attachments,
    rawSize: raw.byteLength,
    problems: problems.toArray(),
  };
}

// The text/plain body; when no MIME part could be read, the raw body itself, so a person sees something.
function bodyText(mail: ParsedMail | undefined, scan: MimeScan | undefined, problems: ProblemList): string {
  const text = mail?.text ?? '';
  if (text.includes('\ufffd') && !problems.has('text declared') && !problems.has('8-bit text')) {
    problems.add('text contains undecodable bytes; they were replaced');
  }
  const nothingRead = mail === undefined || (text === '' && !mail.html && mail.attachments.length === 0);
  if (!nothingRead || scan === undefined) return text;
  const body = Buffer.from(scan.text.slice(scan.bodyStart, scan.bodyStart + MAX_FALLBACK_TEXT_BYTES), 'latin1');
  if (body.toString('latin1').trim() === '') return text;
  problems.add('no readable MIME part; the raw body was kept as text');
  return decodeUtf8OrLatin1(body).text;
}

function parseDate(value: string | undefined, problems: ProblemList): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    problems.add(`unparsable Date header "${value.slice(0, 80)}"`);
    return undefined;
  }
  return date;
}

function addressHeader(value: HeaderValue | undefined): AddressObject | undefined {
  return isAddressObject(value) ? value : undefined;
}

function structuredHeader(value: HeaderValue | undefined): StructuredHeader | undefined {
  return isStructuredHeader(value) ? value : undefined;
}

function isAddressObject(value: HeaderValue | undefined): value is AddressObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return false;
  return 'value' in value && Array.isArray(value.value) && 'text' in value;
}

function isStructuredHeader(value: HeaderValue | undefined): value is StructuredHeader {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return false;
  return 'value' in value && typeof value.value === 'string' && 'params' in value;
}
