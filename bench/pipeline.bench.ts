// `npm run bench:pipeline [-- <dataset-dir> --emails 10000]`: emails/s through parse → decide
// on a dataset repeated to 10,000 emails, beside the rate of parsing alone on the same data in
// the same run, and peak RSS. Message-IDs repeat, which does not matter: nothing is stored.
import { resolve } from 'node:path';
import { DEFAULT_POLICY } from '../core/policy/automation-policy.js';
import { analyzeEmail } from '../core/pipeline/analyze.js';
import { InMemorySor } from '../core/pipeline/in-memory-sor.js';
import { parseEmail } from '../core/pipeline/parse/parse-email.js';
import { loadOfflineModel } from '../adapters/llm/offline/load-model.js';
import { loadDataset } from '../app/eval/dataset.js';
import { peakRssMiB, printTable, rate } from './measure.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--emails') ?? 'test/fixtures/datasets/dev');
const countArg = args.indexOf('--emails');
const TOTAL = countArg >= 0 ? Number(args[countArg + 1]) : 10_000;

const dataset = await loadDataset(dir);
const raws = Array.from(dataset.emails.values());
const deps = { model: loadOfflineModel(), sor: new InMemorySor(dataset.sor), policy: DEFAULT_POLICY };
const at = (i: number) => raws[i % raws.length] as Uint8Array;

// warm-up: JIT, lazy module loads (PDF extraction)
for (const raw of raws) await analyzeEmail(raw, deps);

const parseOnly = await rate(`parse only, ${TOTAL} emails`, TOTAL, async () => {
  for (let i = 0; i < TOTAL; i++) await parseEmail(at(i));
});
const full = await rate(`parse → normalize → understand → match → decide, ${TOTAL} emails`, TOTAL, async () => {
  for (let i = 0; i < TOTAL; i++) await analyzeEmail(at(i), deps);
});
printTable(`pipeline on ${dir} (${raws.length} distinct emails, repeated)`, [parseOnly, full]);
console.log(`\nfull pipeline / parse only: ${(full.perSecond / parseOnly.perSecond).toFixed(2)}x the rate (${(parseOnly.perSecond / full.perSecond).toFixed(1)}x slower)`);
console.log(`peak RSS: ${peakRssMiB()} MiB`);
