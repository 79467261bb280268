// Header field encoding for outgoing mail: RFC 2047 encoded-words for non-ASCII text,
// RFC 2231 parameters for non-ASCII file names, and folding of long lines.

const ENCODED_WORD_BYTES = 45; // 60 base64 characters: with "=?UTF-8?B?" and "?=" a word stays within 75

/** Printable ASCII with no "=?" that could be mistaken for an encoded-word. */
function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text) && !text.includes('=?');
}

/** The text as is when it is printable ASCII, otherwise as UTF-8 B encoded-words separated by folding whitespace. */
export function encodeHeaderText(text: string): string {
  if (isPlainAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** A MIME parameter (`name="value"`), RFC 2231 encoded (`name*=UTF-8''…`) when the value is not plain ASCII. */
export function mimeParameter(name: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `${name}="${value.replace(/(["\\])/g, '\\$1')}"`;
  const encoded = [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9!#$&+.^_`|~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return `${name}*=UTF-8''${encoded}`;
}

/** "Name: part1<sep>part2…", folded before a part that would push a line past 78 characters. */
export function foldedHeader(name: string, parts: readonly string[], separator: ', ' | ' '): string {
  let out = `${name}: `;
  let lineLength = out.length;
  for (const [i, part] of parts.entries()) {
    const piece = i === 0 ? part : `${separator}${part}`;
    if (i > 0 && lineLength + piece.length > 78) {
      out += `${separator.trimEnd()}\r\n ${part}`;
      lineLength = 1 + part.length;
    } else {
      out += piece;
      lineLength += piece.length;
    }
  }
  return out;
}

/** An RFC 5322 date in UTC, e.g. "Fri, 20 Nov 2026 09:00:00 +0000". */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
