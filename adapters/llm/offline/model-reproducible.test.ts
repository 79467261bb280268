import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH } from './load-model.js';
import { OfflineIntentModel } from './offline-intent.model.js';
import { serializeModel } from './serialize-model.js';
import { trainOfflineModel } from './train-model.js';
import { readCorpus } from './training/corpus.js';

describe('model.json', () => {
  it('is exactly what `npm run train:intents` makes from the corpus (run it after changing cues or corpus)', () => {
    const retrained = serializeModel(trainOfflineModel(readCorpus()));
    expect(retrained === readFileSync(MODEL_PATH, 'utf8')).toBe(true);
  });

  it('trains the same model twice and in well under 30 s', () => {
    const corpus = readCorpus();
    const started = performance.now();
    const first = trainOfflineModel(corpus);
    const ms = performance.now() - started;
    expect(trainOfflineModel(corpus)).toEqual(first);
    expect(ms).toBeLessThan(30_000);
  });

  it('scores a typical email in a few milliseconds (measured, not asserted)', async () => {
    const model = new OfflineIntentModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
    const text = 'Hello,\nCould you please send me a copy of invoice INV-118204 and a current statement for account 100-2231?\nThanks,\nJo';
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await model.understand({ subject: 'Invoice copy', text, supportingText: '', language: 'en' });
    console.log(`offline intent model: ${((performance.now() - started) / runs).toFixed(2)} ms per email`);
  });
});
