// Chooses the body text that newText is made of, and collects hidden text from the HTML.
// text/plain is used when it has content; otherwise the HTML, converted. Hidden HTML text
// is reported either way and removed from the plain text, and plain and HTML parts that
// say different things are reported as a problem.
import type { ParsedEmail } from '../parsed-email.js';
import type { ProblemList } from '../parse/problem-list.js';
import { removeHiddenFromPlain } from './hidden-in-plain.js';
import { readHtmlBody } from './html-body.js';
import { partsDisagreement } from './parts-agreement.js';
import { HISTORY_SENTINEL, cleanText, squash } from './text-cleanup.js';

export interface VisibleBody {
  /** Visible body text; may hold a HISTORY_SENTINEL line (HTML quote container). */
  text: string;
  hiddenText: string;
}

// Bodies beyond this are generated reports or junk; rules and the reader need the start.
const MAX_TEXT_CHARS = 1_000_000;

/** The visible text of the message and the text hidden in its HTML. */
export function visibleBody(parsed: ParsedEmail, problems: ProblemList): VisibleBody {
  const html = parsed.html === undefined ? undefined : readHtmlBody(parsed.html, problems);
  const hiddenText = (html?.hidden ?? []).join('\n');
  let plain = cleanText(parsed.text.split(HISTORY_SENTINEL).join(''));
  if (plain.length > MAX_TEXT_CHARS) {
    problems.add(`text body of ${plain.length} characters was cut to ${MAX_TEXT_CHARS} for reading`);
    plain = plain.slice(0, MAX_TEXT_CHARS);
  }
  if (squash(plain) === '') return { text: html?.text ?? '', hiddenText };
  const text = cleanText(removeHiddenFromPlain(plain, html?.hidden ?? []));
  if (html !== undefined && squash(html.text) !== '') {
    const disagreement = partsDisagreement(text, html.text);
    if (disagreement !== undefined) problems.add(disagreement);
  }
  return { text, hiddenText };
}
