// Multi-label scores of predicted intent sets against labelled ones.
import { INTENTS, type Intent } from '../../../../core/pipeline/intents.js';

/** One email's labelled and predicted intents. */
export interface LabelledPrediction {
  gold: readonly Intent[];
  predicted: readonly Intent[];
}

/** Precision, recall and F1 of one intent. */
export interface IntentMetrics {
  intent: Intent;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores of a whole evaluation. */
export interface EvaluationMetrics {
  perIntent: IntentMetrics[];
  microF1: number;
  /** Mean F1 over intents that occur in the labels. */
  macroF1: number;
  /** Share of emails whose predicted set equals the labelled set. */
  exactSet: number;
}

function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Computes per-intent, micro and macro F1 and exact-set accuracy. */
export function evaluate(rows: readonly LabelledPrediction[]): EvaluationMetrics {
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  const perIntent = INTENTS.map((intent) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { gold, predicted } of rows) {
      const g = gold.includes(intent);
      const p = predicted.includes(intent);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    return { intent, support: tp + fn, tp, fp, fn, ...f1(tp, fp, fn) };
  });
  const present = perIntent.filter((m) => m.support > 0);
  const exact = rows.filter((r) => r.gold.length === r.predicted.length && r.gold.every((g) => r.predicted.includes(g))).length;
  return {
    perIntent,
    microF1: f1(tpAll, fpAll, fnAll).f1,
    macroF1: present.reduce((s, m) => s + m.f1, 0) / Math.max(present.length, 1),
    exactSet: rows.length === 0 ? 0 : exact / rows.length,
  };
}
