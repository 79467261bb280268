// Attachments as the pipeline stores them: bytes kept only up to a size limit, so one huge
// file cannot blow up storage or the text extraction that follows.
import type { Attachment } from 'mailparser';
import type { ParsedAttachment } from '../parsed-email.js';
import type { ProblemList } from './problem-list.js';

/** Maps mailparser attachments; content over `maxBytes` is dropped and noted in `problems`. */
export function toParsedAttachments(list: readonly Attachment[], maxBytes: number, problems: ProblemList): ParsedAttachment[] {
  return list.map((a, i) => {
    const size = a.size ?? a.content.length;
    const keep = size <= maxBytes;
    if (!keep) {
      problems.add(`attachment ${a.filename ?? `#${i + 1}`} (${size} bytes) exceeds ${maxBytes} bytes and was not kept`);
    }
    const contentId = a.cid ?? a.contentId?.replace(/^<|>$/g, '');
    return {
      ...(a.filename ? { filename: a.filename } : {}),
      contentType: (a.contentType || 'application/octet-stream').toLowerCase(),
      size,
      ...(keep ? { content: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength) } : {}),
      ...(contentId ? { contentId } : {}),
      inline: a.contentDisposition === 'inline' || a.related === true,
    };
  });
}
