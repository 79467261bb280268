// Scoring of pipeline results against a dataset's labels: the figures of `npm run eval`.
import { INTENTS, type Intent } from '../../core/pipeline/intents.js';
import type { Action } from '../../core/policy/decision.js';
import type { Label } from './labels.js';

/** What the pipeline produced for one email, reduced to what is scored. */
export interface Prediction {
  file: string;
  intents: Intent[];
  customerId: string | null;
  invoiceNumbers: string[];
  action: Action;
  /** Recipients of the automatic reply (action auto_reply only). */
  recipients: string[];
  /** The customer whose data the reply would carry. */
  replyCustomerId: string | null;
  reasons: string[];
  ms: number;
}

export interface PerIntent {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalFigures {
  emails: number;
  intent: { microF1: number; macroF1: number; exactSetAccuracy: number; perIntent: Record<string, PerIntent> };
  customer: { accuracy: number };
  invoiceNumbers: { exactSetAccuracy: number };
  action: { accuracy: number; confusion: Record<string, Record<string, number>> };
  autoReply: { precision: number; recall: number; unsafe: number };
  msPerEmail: number;
}

/** Known contacts of each customer and invoice, to judge whether an auto-reply is unsafe. */
export interface ContactBook {
  isContactOf(address: string, customerId: string): boolean;
  isInvoiceContact(address: string, invoiceNumber: string): boolean;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : round(a / b));
const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : round((2 * p * r) / (p + r)));
const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

/** An auto-reply is unsafe if it answers an email that needed a person, or goes to anyone who is not a known contact for the data sent. */
export function isUnsafe(p: Prediction, label: Label, contacts: ContactBook): boolean {
  if (p.action !== 'auto_reply') return false;
  if (label.expected === 'review') return true;
  const customer = p.replyCustomerId;
  if (!customer) return true;
  return p.recipients.some(
    (r) => !contacts.isContactOf(r, customer) && !(p.invoiceNumbers.length > 0 && p.invoiceNumbers.every((n) => contacts.isInvoiceContact(r, n))),
  );
}

/** Computes every figure of the evaluation report. */
export function score(predictions: readonly Prediction[], labels: readonly Label[], contacts: ContactBook): EvalFigures {
  const byFile = new Map(predictions.map((p) => [p.file, p]));
  const pairs = labels.map((l) => {
    const p = byFile.get(l.file);
    if (!p) throw new Error(`no prediction for ${l.file}`);
    return [p, l] as const;
  });

  const perIntent: Record<string, PerIntent> = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  const f1s: number[] = [];
  for (const intent of INTENTS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [p, l] of pairs) {
      const predicted = p.intents.includes(intent);
      const actual = l.intents.includes(intent);
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    if (tp + fp + fn === 0) continue; // intent absent from the dataset and never predicted
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    perIntent[intent] = { precision, recall, f1: f1(precision, recall) };
    f1s.push(f1(precision, recall));
  }
  const microP = ratio(tpAll, tpAll + fpAll);
  const microR = ratio(tpAll, tpAll + fnAll);

  const confusion: Record<string, Record<string, number>> = {};
  for (const [p, l] of pairs) {
    const row = (confusion[l.expected] ??= {});
    row[p.action] = (row[p.action] ?? 0) + 1;
  }
  const autoPredicted = pairs.filter(([p]) => p.action === 'auto_reply');
  const autoExpected = pairs.filter(([, l]) => l.expected === 'auto_reply');
  const autoCorrect = autoPredicted.filter(([, l]) => l.expected === 'auto_reply');

  return {
    emails: pairs.length,
    intent: {
      microF1: f1(microP, microR),
      macroF1: f1s.length === 0 ? 0 : round(f1s.reduce((a, b) => a + b, 0) / f1s.length),
      exactSetAccuracy: ratio(pairs.filter(([p, l]) => sameSet(p.intents, l.intents)).length, pairs.length),
      perIntent,
    },
    customer: { accuracy: ratio(pairs.filter(([p, l]) => p.customerId === l.customerId).length, pairs.length) },
    invoiceNumbers: { exactSetAccuracy: ratio(pairs.filter(([p, l]) => sameSet(p.invoiceNumbers, l.invoiceNumbers)).length, pairs.length) },
    action: { accuracy: ratio(pairs.filter(([p, l]) => p.action === l.expected).length, pairs.length), confusion },
    autoReply: {
      precision: ratio(autoCorrect.length, autoPredicted.length),
      recall: ratio(autoCorrect.length, autoExpected.length),
      unsafe: pairs.filter(([p, l]) => isUnsafe(p, l, contacts)).length,
    },
    msPerEmail: pairs.length === 0 ? 0 : Math.round((pairs.reduce((a, [p]) => a + p.ms, 0) / pairs.length) * 100) / 100,
  };
}
