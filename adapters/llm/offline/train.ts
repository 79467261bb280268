// `npm run train:intents`: retrains the offline model from training/*.jsonl and writes model.json.
import { writeFileSync } from 'node:fs';
import { MODEL_PATH } from './load-model.js';
import { serializeModel } from './serialize-model.js';
import { trainOfflineModel } from './train-model.js';
import { readCorpus } from './training/corpus.js';

const started = performance.now();
const corpus = readCorpus();
const model = trainOfflineModel(corpus);
writeFileSync(MODEL_PATH, serializeModel(model));
console.log(`trained offline@${model.version} on ${corpus.length} examples in ${Math.round(performance.now() - started)} ms → ${MODEL_PATH}`);
