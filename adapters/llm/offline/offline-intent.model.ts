// The default IntentModel: no network, no key. Multilingual cue phrases plus one naive Bayes
// classifier per intent, combined by a per-intent logistic calibration (see train-model.ts).
import { INTENTS, type Intent } from '../../../core/pipeline/intents.js';
import { emptyEntities, type IntentModel, type UnderstandInput, type Understanding } from '../../../core/pipeline/understanding.js';
import { classifierEvidence, evidence } from './calibration/evidence.js';
import { predictLogistic, type LogisticWeights } from './calibration/logistic.js';
import { BinaryBayes } from './classifier/binary-bayes.js';
import { Vocabulary } from './classifier/vocabulary.js';
import { parseModelFile, type OfflineModelFile } from './model-file.js';
import { selectIntents } from './select-intents.js';
import { analyzeText } from './text/analyze.js';

/** Multi-label intent model that runs offline from a trained model.json. */
export class OfflineIntentModel implements IntentModel {
  readonly name: string;
  private readonly threshold: number;
  private readonly vocabulary: Vocabulary;
  private readonly parts: ReadonlyArray<{ intent: Intent; bayes: BinaryBayes; calibration: LogisticWeights }>;

  /** Takes the parsed content of model.json (see loadOfflineModel). */
  constructor(modelJson: unknown) {
    const model: OfflineModelFile = parseModelFile(modelJson);
    this.name = `offline@${model.version}`;
    this.threshold = model.threshold;
    this.vocabulary = new Vocabulary(model.vocabulary);
    this.parts = INTENTS.map((intent) => ({
      intent,
      bayes: BinaryBayes.restore(model.intents[intent].bayes, this.vocabulary),
      calibration: model.intents[intent].calibration,
    }));
  }

  /** Calibrated confidence for every intent, highest first, and the detected intents. Reads subject and text; supportingText carries no requests. */
  async understand(input: UnderstandInput): Promise<Understanding> {
    const analysis = analyzeText(input.subject, input.text, input.language);
    const probabilities = {} as Record<Intent, number>;
    for (const { intent, bayes, calibration } of this.parts) {
      probabilities[intent] = predictLogistic(calibration, evidence(intent, classifierEvidence(bayes, this.vocabulary, analysis), analysis));
    }
    return { ...selectIntents(probabilities, this.threshold), entities: emptyEntities(), model: this.name };
  }
}
