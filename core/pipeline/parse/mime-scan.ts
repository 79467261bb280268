// A light scan of the raw message that finds the MIME header blocks (the message's own and
// each part's) without decoding anything. parseEmail uses it to fix charset labels before
// mailparser runs and to report boundary damage that mailparser passes over in silence.

/** [start, end) offsets into MimeScan.text. */
export interface Span {
  start: number;
  end: number;
}

export interface MimeScan {
  /** The raw bytes as a latin1 string: one character per byte, so offsets are byte offsets. */
  text: string;
  /** The message's own header block, without the blank line that ends it. */
  top: Span;
  /** Where the body starts (text.length when there is no body). */
  bodyStart: number;
  /** Header blocks of the MIME parts, in order. */
  parts: Span[];
  /** Boundaries declared by a multipart Content-Type, in order. */
  declared: string[];
  /** Declared boundaries that never occur as a delimiter line. */
  missing: string[];
  /** Boundaries whose closing delimiter (--boundary--) never occurs: the message was cut short. */
  unclosed: string[];
}

// mailparser refuses more than 1000 parts; scanning further only costs time.
const MAX_PARTS = 2000;

/** Finds the header blocks and boundaries of a raw message. */
export function scanMime(raw: Uint8Array): MimeScan {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  const top = headerBlockAt(text, 0);
  const boundaries = new Set<string>();
  const declared: string[] = [];
  const declare = (block: Span): void => {
    const boundary = boundaryOf(contentTypeOf(text.slice(block.start, block.end)));
    if (boundary !== undefined && !boundaries.has(boundary)) {
      boundaries.add(boundary);
      declared.push(boundary);
    }
  };
  declare(top);

  const parts: Span[] = [];
  const found = new Set<string>();
  const closed = new Set<string>();
  let pos = top.next;
  while (pos < text.length && boundaries.size > 0 && parts.length < MAX_PARTS) {
    const lineEnd = indexOrEnd(text, '\n', pos);
    if (text.charCodeAt(pos) === 45 && text.charCodeAt(pos + 1) === 45) {
      const token = text.slice(pos + 2, lineEnd).trimEnd();
      if (boundaries.has(token)) {
        found.add(token);
        const block = headerBlockAt(text, Math.min(lineEnd + 1, text.length));
        parts.push({ start: block.start, end: block.end });
        declare(block);
        pos = block.next;
        continue;
      }
      if (token.endsWith('--') && boundaries.has(token.slice(0, -2))) closed.add(token.slice(0, -2));
    }
    pos = lineEnd + 1;
  }

  return {
    text,
    top: { start: top.start, end: top.end },
    bodyStart: top.next,
    parts,
    declared,
    missing: declared.filter((b) => !found.has(b)),
    unclosed: declared.filter((b) => found.has(b) && !closed.has(b)),
  };
}

/** The unfolded value of the first Content-Type field of a header block ('' when none). */
export function contentTypeOf(block: string): string {
  const match = /(?:^|\n)content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/i.exec(block);
  return match?.[1] === undefined ? '' : match[1].replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** The boundary parameter of a multipart Content-Type value, if it has one. */
export function boundaryOf(contentType: string): string | undefined {
  if (!/^\s*multipart\//i.test(contentType)) return undefined;
  const match = /(?:^|;)\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;"]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary === undefined || boundary === '' ? undefined : boundary;
}

interface HeaderBlock extends Span {
  /** Offset of the first byte after the blank line that ends the block. */
  next: number;
}

function headerBlockAt(text: string, start: number): HeaderBlock {
  if (text.startsWith('\r\n', start)) return { start, end: start, next: start + 2 };
  if (text.startsWith('\n', start)) return { start, end: start, next: start + 1 };
  const crlf = text.indexOf('\n\r\n', start);
  const lf = text.indexOf('\n\n', start);
  if (crlf < 0 && lf < 0) return { start, end: text.length, next: text.length };
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return { start, end: crlf + 1, next: crlf + 3 };
  return { start, end: lf + 1, next: lf + 2 };
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}
