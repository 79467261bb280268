// From the model's parsed answer to the pipeline's Understanding. The answer is validated again
// here, whatever the client already checked: it is the only way model output enters the system.
import { INTENTS, type Intent } from '../../../core/pipeline/intents.js';
import type { IntentScore, Understanding } from '../../../core/pipeline/understanding.js';
import { cleanEntities } from './clean-entities.js';
import { IntentModelError } from './intent-model-error.js';
import { intentProposalSchema } from './intent-proposal.schema.js';

/** Confidence at or above which an intent counts as detected. */
export const DETECTION_THRESHOLD = 0.5;

/**
 * Validates a parsed model answer and maps it to an Understanding: confidences clamped to 0–1,
 * scores highest first, keys that are not intents dropped, 'other' when nothing reaches the threshold.
 * Throws IntentModelError('bad_response') when the answer does not have the schema's shape.
 */
export function toUnderstanding(answer: unknown, model: string): Understanding {
  const checked = intentProposalSchema.safeParse(answer);
  if (!checked.success) {
    throw new IntentModelError('bad_response', `${model} answered outside the output schema: ${checked.error.issues[0]?.message ?? 'invalid'}`, {
      cause: checked.error,
    });
  }
  const { confidences, entities } = checked.data;
  // INTENTS order first, then a stable sort: ties keep the taxonomy order.
  const scores: IntentScore[] = INTENTS.map((intent) => ({ intent, confidence: clamp(confidences[intent]) }))
    .sort((a, b) => b.confidence - a.confidence);
  const detected: Intent[] = scores.filter((s) => s.confidence >= DETECTION_THRESHOLD).map((s) => s.intent);
  return {
    scores,
    intents: detected.length > 0 ? detected : ['other'],
    entities: cleanEntities(entities),
    model,
  };
}

function clamp(confidence: number): number {
  return Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
}
