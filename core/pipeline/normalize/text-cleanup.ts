// Whitespace normalization shared by every text the normalizer produces, so rules and tests
// can rely on "\n" line ends, no trailing blanks and at most one empty line in a row.

/** Private-use character that marks where HTML quote containers start (see html-history-marker). */
export const HISTORY_SENTINEL = '\uE000';

/** LF line ends, NBSP and zero-width characters out, trailing blanks trimmed, blank runs collapsed. */
export function cleanText(text: string): string {
  // trimEnd per line, not /[ \t]+$/gm: that regex is quadratic on long runs of blanks.
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

/** Lines joined back and cleaned. */
export function joinLines(lines: readonly string[]): string {
  return cleanText(lines.join('\n'));
}

/** Whitespace collapsed to single spaces, for comparing text across HTML and plain renderings. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
