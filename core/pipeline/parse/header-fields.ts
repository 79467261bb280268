// Header fields straight from the raw header lines: the values the rules need exactly as the
// sender (or a relay) wrote them, unfolded, without mailparser's interpretation.
import type { HeaderLines } from 'mailparser';

export interface HeaderField {
  /** Lower-cased field name. */
  name: string;
  /** Unfolded value, runs of whitespace collapsed. */
  value: string;
}

/** Unfolds a header value (RFC 5322 §2.2.3) and collapses whitespace. */
export function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').replace(/\s+/g, ' ').trim();
}

/** Every header field in message order; 8-bit lines are read as UTF-8. */
export function headerFields(lines: HeaderLines): HeaderField[] {
  return lines.map(({ key, line }) => {
    const text = /[\x80-\xff]/.test(line) ? Buffer.from(line, 'latin1').toString('utf8') : line;
    const colon = text.indexOf(':');
    return { name: key.toLowerCase(), value: unfold(colon < 0 ? '' : text.slice(colon + 1)) };
  });
}

/** The values of every field with this (lower-case) name, in message order. */
export function fieldValues(fields: readonly HeaderField[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}
