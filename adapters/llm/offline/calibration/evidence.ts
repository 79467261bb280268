// The inputs of each intent's calibration: the classifier's log-odds and the cue evidence. The
// same function builds them at training time (on held-out log-odds) and at prediction time.
import type { Intent } from '../../../../core/pipeline/intents.js';
import type { BinaryBayes } from '../classifier/binary-bayes.js';
import type { Vocabulary } from '../classifier/vocabulary.js';
import type { TextAnalysis } from '../text/analyze.js';

/** Names of the evidence inputs, in order (documentation for model.json readers). */
export const EVIDENCE_INPUTS = [
  'classifier evidence: (log-odds − prior) / √(known features + 1), clipped to ±4',
  'strong cues of this intent (max 2)',
  'weak cues of this intent (max 2)',
  'strong cues of other AR intents (max 2)',
  'acknowledgement without a request',
  'a request marker',
  'an auto-reply subject',
] as const;

/**
 * The classifier's evidence for one intent. Naive Bayes log-odds grow with the length of a text
 * and real emails are longer than the training examples, so the evidence per word (log-odds
 * over the prior, divided by √(known features + 1)) is what transfers; clipped to ±4.
 */
export function classifierEvidence(bayes: BinaryBayes, vocabulary: Vocabulary, analysis: TextAnalysis): number {
  const s = bayes.logOdds(vocabulary.encode(analysis.features));
  return Math.max(-4, Math.min(4, (s.logOdds - s.prior) / Math.sqrt(s.known + 1)));
}

/** Evidence vector for one intent. */
export function evidence(intent: Intent, classifier: number, analysis: TextAnalysis): number[] {
  const { hits } = analysis;
  let elsewhere = 0;
  for (const [other, n] of Object.entries(hits.strong)) if (other !== intent && other !== 'other' && n > 0) elsewhere++;
  return [
    classifier,
    Math.min(hits.strong[intent], 2),
    Math.min(hits.weak[intent], 2),
    Math.min(elsewhere, 2),
    hits.acknowledgement && !hits.request ? 1 : 0,
    hits.request ? 1 : 0,
    analysis.autoReplySubject ? 1 : 0,
  ];
}
