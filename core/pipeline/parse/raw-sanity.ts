// Checks on the raw bytes that decide whether mailparser can be trusted with them at all.
import type { MimeScan } from './mime-scan.js';

const SAMPLE_BYTES = 8192;

/** True when the start of the message is mostly control bytes: binary data, not RFC 5322 text. */
export function looksBinary(raw: Uint8Array): boolean {
  const n = Math.min(raw.length, SAMPLE_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = raw[i] ?? 0;
    // TAB, LF, FF, CR and ESC (ISO-2022-JP) occur in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
    if (b === 0x7f) control++;
  }
  return control / n > 0.05;
}

// field-name = 1*(printable US-ASCII except ":"), then optional whitespace and the colon.
const HEADER_FIELD_LINE = /^[!-9;-~]+[ \t]*:/;

/** True when the message does not start with a header field: it has no header section. */
export function lacksHeaderSection(scan: MimeScan): boolean {
  const block = scan.text.slice(scan.top.start, scan.top.end);
  if (block.trim() === '') return scan.bodyStart < scan.text.length;
  const firstLine = block.split('\n', 1)[0] ?? '';
  return !HEADER_FIELD_LINE.test(firstLine);
}

/** Header lines that are neither a field nor a continuation: what mailparser will drop or misread. */
export function malformedHeaderLines(scan: MimeScan): number {
  const block = scan.text.slice(scan.top.start, scan.top.end);
  if (block === '') return 0;
  return block
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !HEADER_FIELD_LINE.test(l) && !/^[ \t]/.test(l)).length;
}

/** Old-Mac messages end lines with a bare CR, which no MIME parser reads: CRLF them. Undefined when not needed. */
export function withLineFeeds(raw: Uint8Array): Buffer | undefined {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (buf.includes(0x0a) || !buf.includes(0x0d)) return undefined;
  return Buffer.from(buf.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}
