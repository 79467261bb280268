// What the naive Bayes classifiers see: stemmed words, bigrams of neighbouring words within a
// sentence, and one token per cue that fired.
import type { CueHits } from '../lexicon/match-cues.js';
import { INTENTS } from '../../../../core/pipeline/intents.js';
import type { KnownLanguage } from './language-guess.js';
import { stem } from './stem.js';
import { isFunctionWord, isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

const SENTENCE_BREAK = /[.!?;:\n]+/;

function sentenceTerms(sentence: string, language: KnownLanguage): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const word of tokenize(sentence)) {
    if (isStopword(word, language) || (word.length < 2 && !word.startsWith('#'))) continue;
    const term = word.startsWith('#') ? word : stem(word, language);
    if (!isFunctionWord(word, language)) out.push(term);
    if (previous !== undefined) out.push(`${previous}_${term}`);
    previous = term;
  }
  return out;
}

function cueFeatures(hits: CueHits, autoReplySubject: boolean): string[] {
  const out: string[] = [];
  for (const intent of INTENTS) {
    if (hits.strong[intent] > 0) out.push(`!strong:${intent}`);
    if (hits.weak[intent] > 0) out.push(`!weak:${intent}`);
  }
  if (hits.acknowledgement) out.push('!ack');
  if (hits.request) out.push('!request');
  if (autoReplySubject) out.push('!auto-subject');
  return out;
}

/** Sorted, distinct classifier features of a prepared text (acknowledgements already blanked) and its cue hits. */
export function classifierFeatures(remainder: string, language: KnownLanguage, hits: CueHits, autoReplySubject: boolean): string[] {
  const terms = remainder.split(SENTENCE_BREAK).flatMap((s) => sentenceTerms(s, language));
  return [...new Set([...terms, ...cueFeatures(hits, autoReplySubject)])].sort();
}
