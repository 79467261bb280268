// Turns the model's input into the one folded text that cues and features read.
import type { Language } from '../../../../core/pipeline/intents.js';
import { isAutoReplySubject, isReplySubject } from '../lexicon/auto-reply-subject.js';
import { withoutBotDirectedParagraphs } from './bot-directed.js';
import { fold } from './fold.js';
import { guessLanguage, type KnownLanguage } from './language-guess.js';
import { withPlaceholders } from './placeholders.js';
import { tokenize } from './tokenize.js';

/** Requests sit at the top of an email; past this many characters we are reading leftovers. */
const MAX_BODY_CHARS = 4000;

/** Folded subject and body, ready for cues and features. */
export interface PreparedText {
  language: KnownLanguage;
  /** Subject (unless it is a reply's or forward's, written by someone else) and body, folded, with placeholders. */
  text: string;
  /** The subject is one machines write (auto-reply, bounce, read receipt). */
  autoReplySubject: boolean;
}

/** Prepares subject and new text of an email for the offline model. */
export function prepareText(subject: string, body: string, language: Language): PreparedText {
  const foldedSubject = fold(subject).trim();
  const reply = isReplySubject(foldedSubject);
  const bareSubject = foldedSubject.replace(/^\s*(?:[a-z]{1,6}\s*:\s*)+/, '');
  const autoReplySubject = isAutoReplySubject(foldedSubject) || isAutoReplySubject(bareSubject);
  const text = withPlaceholders(`${reply ? '' : foldedSubject}\n${withoutBotDirectedParagraphs(fold(body.slice(0, MAX_BODY_CHARS)))}`);
  return { language: language === 'und' ? guessLanguage(tokenize(text)) : language, text, autoReplySubject };
}
