// Decoding text bytes whose charset label may be missing, wrong or unknown. Mail in the wild
// says utf-8 over latin-1 bytes, says nothing over 8-bit bytes, or names charsets nobody knows;
// the text must still come out readable, with the damage recorded as a problem.
import { isUtf8 } from 'node:buffer';
import type { ProblemList } from './problem-list.js';

/** Labels parseEmail puts on text parts so that mailparser hands their bytes to decodeTextBytes. */
export const RELABELED = {
  utf8: 'x-arbot-utf-8',
  ascii: 'x-arbot-us-ascii',
  /** A text part that declared no charset at all. */
  none: 'x-arbot-none',
} as const;

/** Whether the platform decoder (WHATWG encodings) knows a charset label. */
export function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch (err) {
    // TextDecoder reports an unknown label with a RangeError; anything else is a real failure.
    if (err instanceof RangeError) return false;
    throw err;
  }
}

/** UTF-7 is refused, never decoded: it smuggles markup past filters ("+ADw-script+AD4-"). */
export function isRefusedCharset(label: string): boolean {
  return /^(?:(?:cs)?unicode11)?utf7(?:imap)?$/.test(label.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

// windows-1252's 0x80-0x9F; the five bytes it leaves undefined stay C1 controls, as in WHATWG.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes latin-1 the way mail clients do: as windows-1252, its superset (so 0x80 is "€").
 * Node 20's TextDecoder decodes the windows-1252 labels as plain ISO-8859-1, hence the table.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Decodes bytes in a charset the platform knows (WHATWG labels). */
function decodeKnown(bytes: Uint8Array, label: string): string {
  const decoder = new TextDecoder(label);
  return decoder.encoding === 'windows-1252' ? decodeLatin1(bytes) : decoder.decode(bytes);
}

/** Decodes bytes that should be UTF-8: invalid UTF-8 without any valid multi-byte character is read as latin-1. */
export function decodeUtf8OrLatin1(bytes: Uint8Array): { text: string; latin1: boolean; replaced: boolean } {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), latin1: false, replaced: false };
  const lenient = new TextDecoder('utf-8').decode(bytes);
  // Valid multi-byte characters next to bad bytes mean UTF-8 with damage, not latin-1.
  if (/[\u0080-\ufffc\ufffe\uffff]/.test(lenient)) return { text: lenient, latin1: false, replaced: true };
  return { text: decodeLatin1(bytes), latin1: true, replaced: false };
}

/** Decodes the bytes of a text part given its (possibly relabeled) charset label, noting problems. */
export function decodeTextBytes(bytes: Uint8Array, label: string, problems: ProblemList): string {
  const name = label.trim().toLowerCase();
  if (name === RELABELED.utf8) {
    const r = decodeUtf8OrLatin1(bytes);
    if (r.latin1) problems.add('text declared utf-8 is not valid UTF-8; decoded as latin-1');
    if (r.replaced) problems.add('text declared utf-8 contains invalid bytes; they were replaced');
    return r.text;
  }
  if (name === RELABELED.ascii || name === RELABELED.none) {
    const r = decodeUtf8OrLatin1(bytes);
    const declared = name === RELABELED.ascii ? 'declared us-ascii' : 'without a charset';
    if (r.latin1) problems.add(`8-bit text ${declared}; decoded as latin-1`);
    if (r.replaced) problems.add(`8-bit text ${declared} contains invalid UTF-8 bytes; they were replaced`);
    return r.text;
  }
  if (isKnownCharset(name)) return decodeKnown(bytes, name);
  problems.add(`unknown charset ${name}; decoded as latin-1`);
  return decodeLatin1(bytes);
}
