import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createIntentModel, INTENT_MODELS, type IntentModelName } from '../../../adapters/llm/registry.js';
import { describeSkipped } from '../../../adapters/sor/file/sor-json.js';
import { ArbotError } from '../../errors.js';
import { loadDataset } from '../../eval/dataset.js';
import { renderReport } from '../../eval/report-html.js';
import { runEvaluation } from '../../eval/run-eval.js';
import { formatFigures } from '../../eval/format-table.js';
import { automationPolicyFrom, relaxedMatchingFrom } from '../../pipeline-settings.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

interface EvalOptions {
  model?: string;
  json?: boolean;
  report?: string;
}

/** `arbot eval <dataset-dir>`: scores the pipeline on a labelled dataset (also `npm run eval`). */
export const evalCommand: CommandModule = {
  register(program, context) {
    program
      .command('eval')
      .description('run the email pipeline on a labelled dataset and print how well it did')
      .argument('<dataset-dir>', 'folder with sor.json, emails/*.eml and labels.jsonl (see ../shared/datasets/FORMAT.md)')
      .option('--model <name>', `intent model: ${INTENT_MODELS.join(' | ')} (default: ARBOT_INTENT_MODEL, else offline)`)
      .option('--json', 'print exactly one JSON object with the figures on stdout (progress goes to stderr)')
      .option('--report <file>', 'also write an HTML report with the confusion matrix and every miss')
      .addHelpText('after', '\nExample: npm run -s eval -- ../shared/datasets/dev --report eval.html')
      .action((dir: string, options: EvalOptions, command: Command) => runEval(dir, options, command, context));
  },
};

async function runEval(dir: string, options: EvalOptions, command: Command, context: CliContext): Promise<void> {
  if (options.model !== undefined && !(INTENT_MODELS as readonly string[]).includes(options.model)) {
    throw new ArbotError('usage', `--model must be one of ${INTENT_MODELS.join(', ')}, not ${options.model}`);
  }
  const datasetDir = resolve(context.cwd, dir);
  const dataset = await loadDataset(datasetDir).catch((err: unknown) => {
    throw new ArbotError('usage', `cannot load dataset ${datasetDir}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  // The figures are scored without these records: say so where a person (or CI log) sees it, stdout stays the result.
  for (const line of describeSkipped(dataset.sor.skipped)) context.stderr.write(`${join(datasetDir, 'sor.json')}: skipped ${line}\n`);
  const config = loadConfigFor(command, context);
  const model = await createIntentModel((options.model ?? config.pipeline.model) as IntentModelName, config);
  const progress = progressPrinter(context, dataset.emails.size);
  const run = await runEvaluation(dataset, {
    model,
    policy: automationPolicyFrom(config),
    relaxedMatching: relaxedMatchingFrom(config),
    onProgress: progress,
  });
  if (options.report) {
    const file = resolve(context.cwd, options.report);
    await writeFile(file, renderReport({ dataset: datasetDir, model: model.name, figures: run.figures, predictions: run.predictions, labels: dataset.labels, emails: run.emails }));
    context.stderr.write(`report written to ${file}\n`);
  }
  if (options.json) context.stdout.write(`${JSON.stringify(run.figures)}\n`);
  else context.stdout.write(formatFigures(run.figures, model.name, datasetDir));
}

/** Progress on stderr: a line every 10% (stdout stays clean for --json). */
function progressPrinter(context: CliContext, total: number): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 10));
  const started = Date.now();
  return (done) => {
    if (done % step !== 0 && done !== total) return;
    const pct = Math.round((done / total) * 100);
    const bar = '#'.repeat(Math.round(pct / 5)).padEnd(20, '.');
    context.stderr.write(`eval [${bar}] ${String(pct).padStart(3)}% ${done}/${total} emails, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  };
}
