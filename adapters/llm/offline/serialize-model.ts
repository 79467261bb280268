// model.json layout: one line per intent part, so a retrain shows as a readable diff per intent.
import type { OfflineModelFile } from './model-file.js';

/** The exact text of model.json for a trained model. */
export function serializeModel(model: OfflineModelFile): string {
  const intents = Object.entries(model.intents)
    .map(([intent, part]) => `    ${JSON.stringify(intent)}: {\n      "calibration": ${JSON.stringify(part.calibration)},\n      "bayes": ${JSON.stringify(part.bayes)}\n    }`)
    .join(',\n');
  const { format, version, examples, threshold, vocabulary } = model;
  return `{\n  "format": ${JSON.stringify(format)},\n  "version": ${JSON.stringify(version)},\n  "examples": ${examples},\n  "threshold": ${threshold},\n  "vocabulary": ${JSON.stringify(vocabulary)},\n  "intents": {\n${intents}\n  }\n}\n`;
}
