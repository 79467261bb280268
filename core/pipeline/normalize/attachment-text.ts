// Text of the attachments a person would open: PDFs, text and CSV files (remittance detail,
// payment advices), HTML, forwarded messages and delivery reports. Images are skipped on
// purpose; anything else gets an `error` saying why it has no text. Never throws.
import type { AttachmentText } from '../normalized-email.js';
import type { ParsedAttachment } from '../parsed-email.js';
import { decodeUtf8OrLatin1 } from '../parse/charset.js';
import { parseEmail } from '../parse/parse-email.js';
import { errorMessage } from '../parse/problem-list.js';
import { htmlVisibleText } from './html-body.js';
import { pdfText, type ExtractedText } from './pdf-text.js';
import { cleanText } from './text-cleanup.js';

/** Characters of text kept per attachment. */
export const MAX_ATTACHMENT_TEXT_CHARS = 200_000;

const TEXT_EXTENSIONS = /\.(?:txt|csv|tsv|log|text|tab)$/i;
const TEXT_TYPES = /^(?:text\/(?!html)|message\/(?:delivery-status|disposition-notification|feedback-report|global-delivery-status)|application\/(?:csv|x-csv|json|xml))/;

/** One AttachmentText per attachment, in the same order as `attachments`. */
export async function attachmentTexts(attachments: readonly ParsedAttachment[]): Promise<AttachmentText[]> {
  const out: AttachmentText[] = [];
  // One at a time: pdf.js work is CPU-bound, running them in parallel gains nothing.
  for (const a of attachments) out.push(await attachmentText(a));
  return out;
}

async function attachmentText(a: ParsedAttachment): Promise<AttachmentText> {
  const base = { ...(a.filename === undefined ? {} : { filename: a.filename }), contentType: a.contentType };
  if (a.contentType.startsWith('image/')) return { ...base, text: '' };
  if (a.content === undefined) return { ...base, text: '', error: 'content not kept (attachment too large)' };
  let result: ExtractedText;
  try {
    result = await extract(a, a.content);
  } catch (err) {
    result = { text: '', error: `text extraction failed: ${errorMessage(err)}` };
  }
  const text = result.text.length > MAX_ATTACHMENT_TEXT_CHARS ? result.text.slice(0, MAX_ATTACHMENT_TEXT_CHARS) : result.text;
  return { ...base, text, ...(result.error === undefined ? {} : { error: result.error }) };
}

async function extract(a: ParsedAttachment, content: Uint8Array): Promise<ExtractedText> {
  const type = a.contentType;
  const name = a.filename ?? '';
  const generic = type === 'application/octet-stream' || type === 'application/x-download' || type === 'application/download';
  if (type === 'application/pdf' || type === 'application/x-pdf' || (generic && /\.pdf$/i.test(name))) {
    return pdfText(content, MAX_ATTACHMENT_TEXT_CHARS);
  }
  if (type === 'text/html' || (generic && /\.html?$/i.test(name))) return { text: htmlVisibleText(decodeText(content)) };
  if (TEXT_TYPES.test(type) || (generic && TEXT_EXTENSIONS.test(name))) return { text: cleanText(decodeText(content)) };
  if (type === 'message/rfc822' || (generic && /\.eml$/i.test(name))) return embeddedMessageText(content);
  return { text: '', error: `no text extraction for ${type}` };
}

function decodeText(content: Uint8Array): string {
  const head = content.subarray(0, MAX_ATTACHMENT_TEXT_CHARS * 4);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return decodeUtf8OrLatin1(head).text;
}

// A forwarded-as-attachment message: its sender, subject and visible text.
async function embeddedMessageText(content: Uint8Array): Promise<ExtractedText> {
  const inner = await parseEmail(content);
  const body = inner.text.trim() !== '' ? inner.text : inner.html === undefined ? '' : htmlVisibleText(inner.html);
  const head = [
    inner.from ? `From: ${inner.from.name ? `${inner.from.name} <${inner.from.address}>` : inner.from.address}` : '',
    inner.date ? `Date: ${inner.date.toISOString()}` : '',
    `Subject: ${inner.subject}`,
  ].filter((l) => l !== '');
  const problems = inner.problems.filter((p) => p !== 'no Message-ID header');
  return { text: cleanText(`${head.join('\n')}\n\n${body}`), ...(problems.length === 0 ? {} : { error: problems.join('; ') }) };
}
