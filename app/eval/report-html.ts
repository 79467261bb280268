// `npm run eval -- <dir> --report out.html`: a self-contained page with the figures, the
// action confusion matrix and every miss with the pipeline's reasons, so a person can see why.
import type { EvalFigures, Prediction } from './metrics.js';
import type { Label } from './labels.js';

const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const ACTIONS = ['auto_reply', 'review', 'no_action'] as const;

export interface ReportInput {
  dataset: string;
  model: string;
  figures: EvalFigures;
  predictions: readonly Prediction[];
  labels: readonly Label[];
  /** Subject and sender per file, for context. */
  emails: ReadonlyMap<string, { subject: string; from: string }>;
}

/** Renders the evaluation report as one HTML document (no external assets). */
export function renderReport(input: ReportInput): string {
  const { figures } = input;
  const byFile = new Map(input.predictions.map((p) => [p.file, p]));
  const misses = input.labels.flatMap((l) => {
    const p = byFile.get(l.file);
    if (!p) return [];
    const wrong: string[] = [];
    if (p.action !== l.expected) wrong.push('action');
    if ([...p.intents].sort().join() !== [...l.intents].sort().join()) wrong.push('intents');
    if (p.customerId !== l.customerId) wrong.push('customer');
    if ([...new Set(p.invoiceNumbers)].sort().join() !== [...new Set(l.invoiceNumbers)].sort().join()) wrong.push('invoices');
    return wrong.length > 0 ? [{ l, p, wrong }] : [];
  });

  const figureRows: Array<[string, string]> = [
    ['emails', String(figures.emails)],
    ['intent macro-F1', String(figures.intent.macroF1)],
    ['intent micro-F1', String(figures.intent.microF1)],
    ['intent exact-set accuracy', String(figures.intent.exactSetAccuracy)],
    ['customer accuracy', String(figures.customer.accuracy)],
    ['invoice-number exact-set accuracy', String(figures.invoiceNumbers.exactSetAccuracy)],
    ['action accuracy', String(figures.action.accuracy)],
    ['auto-reply precision', String(figures.autoReply.precision)],
    ['auto-reply recall', String(figures.autoReply.recall)],
    ['unsafe auto-replies', String(figures.autoReply.unsafe)],
    ['ms per email', String(figures.msPerEmail)],
  ];
  const confusion = `<table><caption>Action: expected (rows) × predicted (columns)</caption><tr><th></th>${ACTIONS.map((a) => `<th scope="col">${a}</th>`).join('')}</tr>${ACTIONS.map(
    (e) => `<tr><th scope="row">${e}</th>${ACTIONS.map((p) => `<td class="${e === p ? 'diag' : (figures.action.confusion[e]?.[p] ?? 0) > 0 ? 'off' : ''}">${figures.action.confusion[e]?.[p] ?? 0}</td>`).join('')}</tr>`,
  ).join('')}</table>`;
  const perIntent = `<table><caption>Per intent</caption><tr><th scope="col">intent</th><th scope="col">precision</th><th scope="col">recall</th><th scope="col">F1</th></tr>${Object.entries(figures.intent.perIntent)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v.precision}</td><td>${v.recall}</td><td>${v.f1}</td></tr>`)
    .join('')}</table>`;
  const missRows = misses
    .map(({ l, p, wrong }) => {
      const email = input.emails.get(l.file);
      return `<tr class="${wrong.includes('action') ? 'action-miss' : ''}"><td>${esc(l.file)}<div class="sub">${esc(email?.from ?? '')}<br>${esc(email?.subject ?? '')}</div></td><td>${esc(wrong.join(', '))}</td>
<td><b>${esc(l.expected)}</b><br>${esc(l.intents.join(', '))}<br>customer ${esc(l.customerId ?? '—')}<br>${esc(l.invoiceNumbers.join(', ') || '—')}<div class="sub">${esc(l.why ?? '')}</div></td>
<td><b>${esc(p.action)}</b><br>${esc(p.intents.join(', '))}<br>customer ${esc(p.customerId ?? '—')}<br>${esc(p.invoiceNumbers.join(', ') || '—')}</td>
<td><ul>${p.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>arbot evaluation — ${esc(input.dataset)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.4rem}table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .6rem;vertical-align:top;text-align:left}caption{text-align:left;font-weight:600;margin-bottom:.3rem}
td.diag{background:#e7f5e9}td.off{background:#fde8e8}.sub{color:#555;font-size:12px}tr.action-miss{background:#fff7e6}ul{margin:0;padding-left:1.1rem}
</style></head><body>
<h1>arbot evaluation: ${esc(input.dataset)}</h1>
<p>Model: <code>${esc(input.model)}</code>. ${misses.length} of ${input.labels.length} emails have at least one miss.</p>
<table><caption>Figures</caption>${figureRows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
${confusion}
${perIntent}
<h2>Misses</h2>
<table><tr><th scope="col">email</th><th scope="col">wrong</th><th scope="col">expected</th><th scope="col">predicted</th><th scope="col">reasons</th></tr>
${missRows}
</table></body></html>
`;
}
