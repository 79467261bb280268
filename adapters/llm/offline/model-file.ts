// The trained offline model as stored in model.json: checked when loaded, so a hand-edited or
// truncated file fails at start-up rather than scoring garbage.
import { z } from 'zod';
import { INTENTS, type Intent } from '../../../core/pipeline/intents.js';
import type { LogisticWeights } from './calibration/logistic.js';
import type { SerializedBayes } from './classifier/binary-bayes.js';

/** Per-intent parts of the model. */
export interface IntentModelPart {
  bayes: SerializedBayes;
  calibration: LogisticWeights;
}

/** Contents of model.json. */
export interface OfflineModelFile {
  format: 'arbot-offline-intent-model';
  /** Feature version and a hash of the training corpus, e.g. "1-3fa9c2d1". */
  version: string;
  /** Number of training examples. */
  examples: number;
  /** Detection threshold on calibrated confidence. */
  threshold: number;
  /** Classifier features, by position (see classifier/vocabulary.ts). */
  vocabulary: string[];
  intents: Record<Intent, IntentModelPart>;
}

const counts = z.record(z.string(), z.number());
const part = z.object({
  bayes: z.object({ classFeatures: z.record(z.string(), counts), classTotals: counts, totalExamples: z.number(), smoothing: z.number() }),
  calibration: z.object({ bias: z.number(), weights: z.array(z.number()) }),
});
const schema = z.object({
  format: z.literal('arbot-offline-intent-model'),
  version: z.string().min(1),
  examples: z.number().int().positive(),
  threshold: z.number().min(0).max(1),
  vocabulary: z.array(z.string()),
  intents: z.object(Object.fromEntries(INTENTS.map((i) => [i, part])) as Record<Intent, typeof part>),
});

/** Validates parsed model.json content. */
export function parseModelFile(json: unknown): OfflineModelFile {
  return schema.parse(json);
}
