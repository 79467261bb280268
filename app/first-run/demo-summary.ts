// What the demo run did, counted per email and per intent, and its table for the terminal.
// Pure: the first run collects one DemoEmailResult per inbox email and formats the tally.
import { INTENTS, type Intent } from '../../core/pipeline/intents.js';

/** What became of one email: answered, a task for a person, or nothing (machine-sent, thanks). */
export type DemoAction = 'auto_replied' | 'task' | 'no_action';

export interface DemoEmailResult {
  file: string;
  action: DemoAction;
  intents: readonly Intent[];
}

export interface ActionCounts {
  emails: number;
  autoReplied: number;
  tasks: number;
  noAction: number;
}

export interface DemoSummary {
  processed: number;
  autoReplied: number;
  tasks: number;
  noAction: number;
  /** Replies the outbox wrote as .eml files in this run. */
  outboxFiles: number;
  /** Per intent; an email with two intents counts under both. Intents no email had are left out. */
  perIntent: Partial<Record<Intent, ActionCounts>>;
}

const empty = (): ActionCounts => ({ emails: 0, autoReplied: 0, tasks: 0, noAction: 0 });

function add(counts: ActionCounts, action: DemoAction): void {
  counts.emails += 1;
  if (action === 'auto_replied') counts.autoReplied += 1;
  else if (action === 'task') counts.tasks += 1;
  else counts.noAction += 1;
}

/** Counts the results; `outboxFiles` is what the outbox reported writing. */
export function tallyDemo(results: readonly DemoEmailResult[], outboxFiles: number): DemoSummary {
  const total = empty();
  const perIntent: Partial<Record<Intent, ActionCounts>> = {};
  for (const r of results) {
    add(total, r.action);
    for (const intent of new Set(r.intents)) add((perIntent[intent] ??= empty()), r.action);
  }
  return { processed: total.emails, autoReplied: total.autoReplied, tasks: total.tasks, noAction: total.noAction, outboxFiles, perIntent };
}

/** The summary table printed after the demo inbox is processed. */
export function formatDemoSummary(summary: DemoSummary, where: { outboxDir: string; analysts: readonly string[] }): string {
  const n = (v: number) => String(v).padStart(4);
  const rows = INTENTS.flatMap((intent) => {
    const c = summary.perIntent[intent];
    return c ? [`  ${intent.padEnd(18)}${n(c.emails)}${n(c.autoReplied).padStart(14)}${n(c.tasks).padStart(8)}${n(c.noAction).padStart(11)}`] : [];
  });
  const sent =
    summary.outboxFiles === summary.autoReplied
      ? `${summary.outboxFiles} replies written to ${where.outboxDir} as .eml files`
      : `${summary.outboxFiles} of ${summary.autoReplied} replies written to ${where.outboxDir} as .eml files; see the log for the rest`;
  const people = where.analysts.length > 0 ? `, assigned round-robin to ${where.analysts.join(' and ')}` : '';
  return [
    `  Emails processed  ${n(summary.processed)}`,
    `  Auto-replied      ${n(summary.autoReplied)}   (${sent})`,
    `  Review tasks      ${n(summary.tasks)}   (for a person${people})`,
    `  No action         ${n(summary.noAction)}   (out-of-office, bounces, thanks-only: logged, never answered)`,
    '',
    `  ${'intent'.padEnd(18)}emails  auto-replied   tasks  no action`,
    ...rows,
    '',
  ].join('\n');
}
