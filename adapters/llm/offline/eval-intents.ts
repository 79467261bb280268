// `node bin/run-ts.js adapters/llm/offline/eval-intents.ts <dataset-dir>`: runs the offline model
// on every email of a dataset (see shared/datasets/FORMAT.md), after the pipeline's own parse and
// normalize stages, and prints intent scores against labels.jsonl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIntent, type Intent } from '../../../core/pipeline/intents.js';
import { parseAndNormalize } from '../../../core/pipeline/parse/index.js';
import { evaluate, type LabelledPrediction } from './eval/metrics.js';
import { loadOfflineModel } from './load-model.js';

interface Label {
  file: string;
  intents: Intent[];
}

function readLabels(dir: string): Label[] {
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const v = JSON.parse(l) as { file?: unknown; intents?: unknown };
      if (typeof v.file !== 'string' || !Array.isArray(v.intents) || !v.intents.every(isIntent)) throw new Error(`bad label line: ${l}`);
      return { file: v.file, intents: v.intents };
    });
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

async function main(dir: string | undefined): Promise<void> {
  if (!dir) throw new Error('usage: node bin/run-ts.js adapters/llm/offline/eval-intents.ts <dataset-dir>');
  const model = loadOfflineModel();
  const rows: LabelledPrediction[] = [];
  const misses: string[] = [];
  let modelMs = 0;
  for (const label of readLabels(dir)) {
    const { parsed, normalized } = await parseAndNormalize(readFileSync(join(dir, 'emails', label.file)));
    const supportingText = [normalized.forwardedText ?? '', ...normalized.attachments.map((a) => a.text)].filter(Boolean).join('\n\n');
    const started = performance.now();
    const u = await model.understand({ subject: parsed.subject, text: normalized.newText, supportingText, language: normalized.language });
    modelMs += performance.now() - started;
    rows.push({ gold: label.intents, predicted: u.intents });
    const same = label.intents.length === u.intents.length && label.intents.every((i) => u.intents.includes(i));
    if (!same) {
      const top = u.scores.slice(0, 3).map((s) => `${s.intent} ${s.confidence.toFixed(2)}`).join(', ');
      misses.push(`${label.file}  gold [${label.intents.join(', ')}]  got [${u.intents.join(', ')}]  (${top})`);
    }
  }
  const m = evaluate(rows);
  console.log(`${model.name} on ${dir} (${rows.length} emails)\n`);
  console.log('intent              support    P      R      F1');
  for (const r of m.perIntent) console.log(`${r.intent.padEnd(18)} ${String(r.support).padStart(7)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}`);
  console.log(`\nmicro-F1 ${pct(m.microF1)}   macro-F1 ${pct(m.macroF1)}   exact-set ${pct(m.exactSet)}   model ${(modelMs / Math.max(rows.length, 1)).toFixed(2)} ms/email`);
  if (misses.length > 0) console.log(`\nmisses:\n${misses.join('\n')}`);
}

await main(process.argv[2]);
