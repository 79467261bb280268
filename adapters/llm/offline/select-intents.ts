// From calibrated per-intent probabilities to the detected set. 'other' means "none of the AR
// intents", so its confidence is kept consistent with the others: at least the probability that
// no AR intent applies when none is detected, at most it when one is.
import { INTENTS, type Intent } from '../../../core/pipeline/intents.js';
import type { IntentScore } from '../../../core/pipeline/understanding.js';

/** Scores sorted highest first and the intents at or above the threshold (never empty). */
export function selectIntents(probabilities: Record<Intent, number>, threshold: number): { scores: IntentScore[]; intents: Intent[] } {
  const p = { ...probabilities };
  const arMax = Math.max(...INTENTS.filter((i) => i !== 'other').map((i) => p[i]));
  p.other = arMax >= threshold ? Math.min(p.other, 1 - arMax) : Math.max(p.other, 1 - arMax);

  const scores = INTENTS.map((intent) => ({ intent, confidence: round(p[intent]) })).sort(
    (a, b) => b.confidence - a.confidence || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent),
  );
  let intents = scores.filter((s) => s.confidence >= threshold).map((s) => s.intent);
  // A machine-sent message asks nothing: words of the message it answers do not make it a request.
  if (intents[0] === 'auto_reply') intents = ['auto_reply'];
  if (intents.length === 0) intents = ['other'];
  return { scores, intents };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
