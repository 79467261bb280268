// Reads the committed model.json that `npm run train:intents` writes next to this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OfflineIntentModel } from './offline-intent.model.js';

/** Where the trained model lives. */
export const MODEL_PATH = fileURLToPath(new URL('./model.json', import.meta.url));

/** Builds the offline model from model.json (or another trained file). */
export function loadOfflineModel(path: string = MODEL_PATH): OfflineIntentModel {
  return new OfflineIntentModel(JSON.parse(readFileSync(path, 'utf8')));
}
