// The body taken apart: what the sender wrote, the history below it (quoted or forwarded),
// the signature, and text hidden in the HTML.
import type { NormalizedEmail } from '../normalized-email.js';
import type { ParsedEmail } from '../parsed-email.js';
import type { ProblemList } from '../parse/problem-list.js';
import { splitHistory } from './history-split.js';
import { stripQuotedLines } from './quote-lines.js';
import { splitSignature } from './signature.js';
import { HISTORY_SENTINEL, cleanText } from './text-cleanup.js';
import { visibleBody } from './visible-body.js';

/** The text fields of a NormalizedEmail, as this step produces them. */
export type BodyParts = Pick<NormalizedEmail, 'newText' | 'fullText' | 'quotedText' | 'forwardedText' | 'signature' | 'hiddenText'>;

/** Splits the visible body of a parsed message into its parts. */
export function splitBody(parsed: ParsedEmail, problems: ProblemList): BodyParts {
  const body = visibleBody(parsed, problems);
  const history = splitHistory(body.text, parsed.subject);
  const quotes = stripQuotedLines(history.body);
  const signature = splitSignature(quotes.body);
  const quoted = [...quotes.quoted, ...(history.kind === 'quoted' && history.history !== undefined ? [history.history] : [])];
  return {
    newText: signature.body,
    fullText: cleanText(body.text.split(HISTORY_SENTINEL).join('')),
    quotedText: quoted.join('\n\n'),
    ...(history.kind === 'forwarded' && history.history !== undefined ? { forwardedText: history.history } : {}),
    ...(signature.signature === undefined ? {} : { signature: signature.signature }),
    hiddenText: body.hiddenText,
  };
}

/** The parts of a body that could not be split: all of its plain text counts as new. */
export function unsplitBody(parsed: ParsedEmail): BodyParts {
  const text = cleanText(parsed.text);
  return { newText: text, fullText: text, quotedText: '', hiddenText: '' };
}
