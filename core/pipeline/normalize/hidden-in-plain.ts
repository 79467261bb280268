// When a message has both parts, newText comes from text/plain, but what is hidden in the
// HTML is usually in the plain part too, in full view of the bot. Those runs are taken out
// of the plain text so hidden content never reaches newText.
import { squash } from './text-cleanup.js';
import { escapeRegExp } from '../escape-regexp.js';

// Shorter runs ("&nbsp;", a stray word in white) are too common to be worth matching.
const MIN_CHARS = 12;
const MAX_CHUNKS = 100;

/** `plain` without the runs of `hidden` text it contains (matched word by word, any whitespace between). */
export function removeHiddenFromPlain(plain: string, hidden: readonly string[]): string {
  let out = plain;
  for (const chunk of hidden.slice(0, MAX_CHUNKS)) {
    const text = squash(chunk);
    if (text.length < MIN_CHARS) continue;
    const pattern = new RegExp(text.split(' ').map(escapeRegExp).join(String.raw`\s+`), 'g');
    out = out.replace(pattern, '');
  }
  return out;
}
