/** Marks the end of a field arbot shortened; the system prompt tells the model what it means. */
export const TRUNCATION_NOTE_PREFIX = '[truncated by arbot:';

/** Keeps the first `maxChars` characters of `text` and appends a note saying how much was left out. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars);
  // Never split a surrogate pair: the lone half would reach the model as a stray escape.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}\n${TRUNCATION_NOTE_PREFIX} ${text.length - end} of ${text.length} characters left out]`;
}
