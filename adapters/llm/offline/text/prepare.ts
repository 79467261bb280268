// Turns the model's input into the one folded text that cues and features read.
import type { Language } from '../../../../core/pipeline/intents.js';
import { isAutoReplySubject, isReplySubject, machineSubjectPrefix } from '../lexicon/auto-reply-subject.js';
import { withoutBotDirectedParagraphs } from './bot-directed.js';
import { fold } from './fold.js';
import { readingLanguage, type KnownLanguage } from './language-guess.js';
import { withPlaceholders } from './placeholders.js';
import { withoutQuotedHeaderLines } from './quoted-headers.js';
import { tokenize } from './tokenize.js';

/** Requests sit at the top of an email; past this many characters we are reading leftovers. */
const MAX_BODY_CHARS = 4000;

/** Folded subject and body, ready for cues and features. */
export interface PreparedText {
  language: KnownLanguage;
  /** Subject (unless it is a reply's, forward's or receipt's, naming a message someone else wrote) and body, folded, with placeholders. */
  text: string;
  /** The subject is one machines write (auto-reply, bounce, read receipt). */
  autoReplySubject: boolean;
}

/** Prepares subject and new text of an email for the offline model. */
export function prepareText(subject: string, body: string, language: Language | KnownLanguage): PreparedText {
  const foldedSubject = fold(subject).trim();
  const reply = isReplySubject(foldedSubject);
  const bareSubject = foldedSubject.replace(/^\s*(?:[a-z]{1,6}\s*:\s*)+/, '');
  const autoReplySubject = isAutoReplySubject(foldedSubject) || isAutoReplySubject(bareSubject);
  // A receipt's or bounce's subject is ours after the machine's prefix: only the prefix is read.
  const ownSubject = reply ? '' : autoReplySubject ? machineSubjectPrefix(foldedSubject) || machineSubjectPrefix(bareSubject) : foldedSubject;
  const text = withPlaceholders(`${ownSubject}\n${withoutQuotedHeaderLines(withoutBotDirectedParagraphs(fold(body.slice(0, MAX_BODY_CHARS))))}`);
  return { language: readingLanguage(language, tokenize(text)), text, autoReplySubject };
}
