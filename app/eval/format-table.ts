// The human-readable summary `arbot eval` prints.
import type { EvalFigures } from './metrics.js';

/** Figures as aligned text tables. */
export function formatFigures(f: EvalFigures, model: string, dataset: string): string {
  const rows: Array<[string, string]> = [
    ['emails', String(f.emails)],
    ['intent macro-F1', f.intent.macroF1.toFixed(3)],
    ['intent micro-F1', f.intent.microF1.toFixed(3)],
    ['intent exact-set accuracy', f.intent.exactSetAccuracy.toFixed(3)],
    ['customer accuracy', f.customer.accuracy.toFixed(3)],
    ['invoice numbers exact-set accuracy', f.invoiceNumbers.exactSetAccuracy.toFixed(3)],
    ['action accuracy', f.action.accuracy.toFixed(3)],
    ['auto-reply precision', f.autoReply.precision.toFixed(3)],
    ['auto-reply recall', f.autoReply.recall.toFixed(3)],
    ['UNSAFE auto-replies', String(f.autoReply.unsafe)],
    ['ms per email', f.msPerEmail.toFixed(1)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [`arbot eval — ${dataset} — model ${model}`, '', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), '', '  per intent           precision  recall     F1'];
  for (const [intent, s] of Object.entries(f.intent.perIntent)) {
    lines.push(`  ${intent.padEnd(19)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3).padStart(5)}`);
  }
  lines.push('', '  action: expected ↓ / predicted →   auto_reply  review  no_action');
  for (const expected of ['auto_reply', 'review', 'no_action']) {
    const row = f.action.confusion[expected] ?? {};
    lines.push(`  ${expected.padEnd(33)}  ${String(row.auto_reply ?? 0).padStart(10)}  ${String(row.review ?? 0).padStart(6)}  ${String(row.no_action ?? 0).padStart(9)}`);
  }
  return `${lines.join('\n')}\n`;
}
