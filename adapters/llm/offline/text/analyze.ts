// Everything the offline model reads from one email, computed once for the classifier and the calibration.
import type { Language } from '../../../../core/pipeline/intents.js';
import { matchCues, type CueHits } from '../lexicon/match-cues.js';
import { classifierFeatures } from './features.js';
import type { KnownLanguage } from './language-guess.js';
import { prepareText } from './prepare.js';

/** Cue hits and classifier features of one email. */
export interface TextAnalysis {
  hits: CueHits;
  autoReplySubject: boolean;
  features: string[];
}

/** Reads subject and new text the way the offline model does. */
export function analyzeText(subject: string, body: string, language: Language | KnownLanguage): TextAnalysis {
  const prepared = prepareText(subject, body, language);
  const hits = matchCues(prepared.text);
  return {
    hits,
    autoReplySubject: prepared.autoReplySubject,
    features: classifierFeatures(hits.remainder, prepared.language, hits, prepared.autoReplySubject),
  };
}
