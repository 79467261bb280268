// `node bin/run-ts.js adapters/llm/offline/cross-validate.ts [-v]`: five-fold cross-validation of
// the whole offline model (cues, classifier, calibration) on its own training corpus. A measure
// that needs no evaluation set: run it after editing the corpus or the cues. -v lists the misses.
import { evaluate, type LabelledPrediction } from './eval/metrics.js';
import { reliability } from './eval/reliability.js';
import { OfflineIntentModel } from './offline-intent.model.js';
import { trainOfflineModel } from './train-model.js';
import { readCorpus } from './training/corpus.js';

const FOLDS = 5;
const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

const corpus = readCorpus();
const rows: LabelledPrediction[] = [];
const pairs: Array<[number, 0 | 1]> = [];
const misses: string[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const model = new OfflineIntentModel(trainOfflineModel(corpus.filter((_, i) => i % FOLDS !== fold)));
  for (const ex of corpus.filter((_, i) => i % FOLDS === fold)) {
    const u = await model.understand({ subject: ex.subject, text: ex.text, supportingText: '', language: ex.language === 'sv' ? 'und' : ex.language }); // the pipeline never reports Swedish
    rows.push({ gold: ex.intents, predicted: u.intents });
    for (const s of u.scores) pairs.push([s.confidence, ex.intents.includes(s.intent) ? 1 : 0]);
    if ([...u.intents].sort().join() !== ex.intents.join()) misses.push(`${ex.source}  gold [${ex.intents.join(', ')}]  got [${u.intents.join(', ')}]  ${ex.text.slice(0, 70).replace(/\s+/g, ' ')}`);
  }
}

const m = evaluate(rows);
console.log(`${FOLDS}-fold cross-validation on ${corpus.length} corpus examples\n\nintent              support    P      R      F1`);
for (const r of m.perIntent) console.log(`${r.intent.padEnd(18)} ${String(r.support).padStart(7)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}`);
console.log(`\nmicro-F1 ${pct(m.microF1)}   macro-F1 ${pct(m.macroF1)}   exact-set ${pct(m.exactSet)}`);
const rel = reliability(pairs);
console.log(`\nconfidence    count   mean   observed`);
for (const b of rel.bins) console.log(`${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.count).padStart(9)}  ${b.meanConfidence.toFixed(2)}   ${b.frequency.toFixed(2)}`);
console.log(`expected calibration error ${rel.ece.toFixed(4)}, Brier score ${rel.brier.toFixed(4)}`);
if (process.argv.includes('-v')) console.log(`\nmisses:\n${misses.join('\n')}`);
