// Training of the offline model, pure and deterministic (no randomness, no clock):
//  1. Every example is read as at prediction time (analyzeText): cue hits and features.
//     The vocabulary keeps features seen in at least MIN_DOC_FREQ examples, and all cue features.
//  2. Calibration data come from cross-fitting: the examples are dealt into FOLDS folds by
//     position; for each fold, naive Bayes trained on the other folds gives that fold's log-odds.
//     So every example gets a log-odds from a classifier that never saw it, as a new email would.
//  3. Per intent, a logistic regression (calibration/logistic.ts) is fitted on those held-out
//     log-odds plus the cue evidence (calibration/evidence.ts) against the labels. Its output
//     is the calibrated confidence; the detection threshold is 0.5.
//  4. The stored naive Bayes of each intent is then trained on the whole corpus.
import { createHash } from 'node:crypto';
import { INTENTS, type Intent } from '../../../core/pipeline/intents.js';
import { classifierEvidence, evidence } from './calibration/evidence.js';
import { fitLogistic, type LogisticWeights } from './calibration/logistic.js';
import { BinaryBayes } from './classifier/binary-bayes.js';
import { Vocabulary } from './classifier/vocabulary.js';
import type { IntentModelPart, OfflineModelFile } from './model-file.js';
import { analyzeText, type TextAnalysis } from './text/analyze.js';
import type { CorpusExample } from './training/corpus.js';

/** Bump when features, cues or training change in a way the corpus hash does not show. */
export const FEATURE_VERSION = 7;
const FOLDS = 5;
const MIN_DOC_FREQ = 2;
const SMOOTHING = 0.2;
const L2 = 0.2;
const THRESHOLD = 0.5;

interface Prepared {
  analysis: TextAnalysis;
  positions: number[];
  intents: ReadonlySet<Intent>;
}

function roundWeights(w: LogisticWeights): LogisticWeights {
  const r = (x: number): number => Math.round(x * 1e6) / 1e6;
  return { bias: r(w.bias), weights: w.weights.map(r) };
}

/** Features seen in at least MIN_DOC_FREQ examples, and every cue feature, sorted. */
function buildVocabulary(analyses: readonly TextAnalysis[]): Vocabulary {
  const df = new Map<string, number>();
  for (const a of analyses) for (const f of a.features) df.set(f, (df.get(f) ?? 0) + 1);
  const kept = [...df].filter(([f, n]) => f.startsWith('!') || n >= MIN_DOC_FREQ).map(([f]) => f);
  return new Vocabulary(kept.sort());
}

function trainBayes(vocabulary: Vocabulary, prepared: readonly Prepared[], intent: Intent): BinaryBayes {
  return BinaryBayes.train(vocabulary, prepared.map((p) => ({ positions: p.positions, positive: p.intents.has(intent) })), SMOOTHING);
}

function heldOutEvidence(vocabulary: Vocabulary, prepared: readonly Prepared[], intent: Intent): number[] {
  const out = new Array<number>(prepared.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const bayes = trainBayes(vocabulary, prepared.filter((_, i) => i % FOLDS !== fold), intent);
    prepared.forEach((p, i) => {
      if (i % FOLDS === fold) out[i] = classifierEvidence(bayes, vocabulary, p.analysis);
    });
  }
  return out;
}

/** A short hash of the corpus and feature version, for the model's version string. */
export function corpusVersion(corpus: readonly CorpusExample[]): string {
  const hash = createHash('sha256');
  hash.update(String(FEATURE_VERSION));
  for (const ex of corpus) hash.update(JSON.stringify([ex.language, ex.subject, ex.text, ex.intents]));
  return `${FEATURE_VERSION}-${hash.digest('hex').slice(0, 8)}`;
}

/** Trains the whole offline model from a corpus (in the corpus's order). */
export function trainOfflineModel(corpus: readonly CorpusExample[]): OfflineModelFile {
  const analyses = corpus.map((ex) => analyzeText(ex.subject, ex.text, ex.language));
  const vocabulary = buildVocabulary(analyses);
  const prepared: Prepared[] = corpus.map((ex, i) => ({
    analysis: analyses[i]!,
    positions: vocabulary.encode(analyses[i]!.features),
    intents: new Set(ex.intents),
  }));

  const intents = {} as Record<Intent, IntentModelPart>;
  for (const intent of INTENTS) {
    const classifier = heldOutEvidence(vocabulary, prepared, intent);
    const x = prepared.map((p, i) => evidence(intent, classifier[i] ?? 0, p.analysis));
    const y = prepared.map((p) => (p.intents.has(intent) ? 1 : 0));
    intents[intent] = { bayes: trainBayes(vocabulary, prepared, intent).toJSON(), calibration: roundWeights(fitLogistic(x, y, L2)) };
  }
  return {
    format: 'arbot-offline-intent-model',
    version: corpusVersion(corpus),
    examples: corpus.length,
    threshold: THRESHOLD,
    vocabulary: [...vocabulary.features],
    intents,
  };
}
