// The first start of arbot on a fresh machine. With the embedded store, no SoR data and no
// mailbox configured (and ARBOT_DEMO not off), it imports the bundled demo company, takes the
// demo inbox through the real inbound path (intake → decision → automatic reply or review
// task) with a progress bar, writes the automatic replies to the outbox folder as .eml files
// through the OutboxSender, and prints what happened and what to do next. A marker in the
// settings collection makes it run once: a later start says the demo is loaded. An
// interrupted demo (marker "started") runs again on the next start; every step is idempotent.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from 'mongodb';
import { createIntentModel } from '../../adapters/llm/registry.js';
import { FolderMailSender } from '../../adapters/mail/outbox-folder/folder.mail-sender.js';
import type { IntentModel } from '../../core/pipeline/understanding.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import type { ArbotConfig } from '../config/schema.js';
import { TAB_DIST } from '../dashboard/mount.js';
import { buildIncomingMail } from '../incoming-mail-wiring.js';
import type { Logger } from '../logger.js';
import type { TextSink } from '../pretty-log.js';
import { createReviewDesk } from '../review-desk.js';
import { OutboxSender } from '../services/outbox-sender.js';
import type { IncomingMailOutcome } from '../services/incoming-mail.js';
import { DEMO_DIR, loadDemoCompany, type DemoCompany } from './demo-company.js';
import { ensureDemoPeople } from './demo-people.js';
import { formatDemoSummary, tallyDemo, type DemoAction, type DemoEmailResult, type DemoSummary } from './demo-summary.js';
import { nextSteps } from './next-steps.js';
import { createProgress, type ProgressStream } from './progress.js';

/** Settings key of the demo marker. */
export const DEMO_MARKER = 'firstRun.demo';

interface DemoMarker {
  status: 'started' | 'done';
  company: string;
  manager?: string;
  summary?: DemoSummary;
}

export interface FirstRunOptions {
  config: ArbotConfig;
  db: Db;
  logger: Logger;
  /** Relative folders (outbox, docs) are resolved against it. */
  cwd: string;
  serverUrl: string;
  /** The summary and next steps. */
  out: TextSink;
  /** The progress bar (a terminal) or progress lines. */
  progress: ProgressStream;
  demoDir?: string;
  clock?: () => Date;
  /** The model reading the demo inbox; default: the offline model, so the figures are the same everywhere. */
  model?: IntentModel;
  /** Where the dashboard page is built; default tab/dist. */
  tabDist?: string;
}

export type FirstRunResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'already_loaded'; summary?: DemoSummary }
  | { kind: 'demo'; summary: DemoSummary };

/** Why the demo must not run with this configuration, or null when it may. */
export function demoBlockedBy(config: ArbotConfig): string | null {
  if (config.demo.mode === 'off') return 'ARBOT_DEMO=off';
  if (config.storage.mongodbUri !== undefined) return 'MONGODB_URI is set (the demo only runs on the embedded store)';
  if (config.mail.provider !== 'none') return `a mailbox is configured (ARBOT_MAIL_PROVIDER=${config.mail.provider})`;
  if (config.company.arMailbox !== undefined) return 'a mailbox is configured (ARBOT_AR_MAILBOX)';
  return null;
}

/** Runs the demo when this is a first start that should get it; says so when it was loaded before. */
export async function runFirstRun(opts: FirstRunOptions): Promise<FirstRunResult> {
  const { config, logger } = opts;
  if (config.demo.mode === 'off') return { kind: 'skipped', reason: 'ARBOT_DEMO=off' };
  const repos = createRepositories(opts.db, config.tenant.id);
  const clock = opts.clock ?? (() => new Date());
  const marker = (await repos.settings.get(DEMO_MARKER))?.value as DemoMarker | undefined;
  const tabBuilt = existsSync(join(opts.tabDist ?? TAB_DIST, 'index.html'));

  if (marker?.status === 'done') {
    const s = marker.summary;
    const figures = s ? `: ${s.processed} emails processed, ${s.autoReplied} auto-replied, ${s.tasks} review tasks, ${s.noAction} no action` : '';
    opts.out.write(`\nThe demo company ${marker.company} is already loaded in this store${figures}. Not imported again.\n\n`);
    opts.out.write(nextSteps({ config, serverUrl: opts.serverUrl, tabBuilt, ...(marker.manager ? { demoManager: marker.manager } : {}) }));
    return { kind: 'already_loaded', ...(s ? { summary: s } : {}) };
  }
  const blocked = demoBlockedBy(config);
  if (blocked !== null) {
    logger.info({ reason: blocked }, 'first run: no demo');
    return { kind: 'skipped', reason: blocked };
  }
  if (marker === undefined && (await repos.customers.enrolmentCounts()).customers > 0) {
    logger.info('first run: the store holds SoR data already; no demo');
    return { kind: 'skipped', reason: 'the store holds SoR data' };
  }

  const demo = await loadDemoCompany(opts.demoDir ?? DEMO_DIR);
  opts.out.write(`\nFirst run: no SoR data and no mailbox yet, so arbot loads its demo company, ${demo.sor.company.name} (demo/), and reads its inbox. ARBOT_DEMO=off skips this.\n`);
  await repos.settings.set(DEMO_MARKER, { status: 'started', company: demo.sor.company.name } satisfies DemoMarker, clock(), 'first-run');
  const { summary, manager, analysts } = await runDemo(opts, repos, demo, clock);
  await repos.settings.set(DEMO_MARKER, { status: 'done', company: demo.sor.company.name, manager, summary } satisfies DemoMarker, clock(), 'first-run');
  logger.info({ demo: summary }, 'first run: demo company loaded and its inbox processed');

  const sor = demo.sor;
  opts.out.write(
    [
      '',
      `Demo company: ${sor.company.name} (${sor.customers.length} customers, ${sor.invoices.length} invoices, ${sor.payments.length} payments, ${sor.creditMemos.length} credit memos) — demo/`,
      '',
      formatDemoSummary(summary, { outboxDir: config.replies.outboxDir, analysts }),
      '',
    ].join('\n'),
  );
  opts.out.write(nextSteps({ config, serverUrl: opts.serverUrl, tabBuilt, demoManager: manager }));
  return { kind: 'demo', summary };
}

async function runDemo(opts: FirstRunOptions, repos: Repositories, demo: DemoCompany, clock: () => Date): Promise<{ summary: DemoSummary; manager: string; analysts: string[] }> {
  // The demo company's name and mailbox hold for this run only; the configuration is not changed.
  const config: ArbotConfig = { ...opts.config, company: { name: demo.sor.company.name, arMailbox: demo.sor.company.arMailbox } };
  // Per-email info logs would scroll the progress bar away; warnings and errors still show.
  const logger = opts.logger.child({ component: 'demo' }, { level: 'warn' });
  const now = clock();
  await importSnapshot(repos, demo.sor, now, { applyEnrolment: true });
  const people = await ensureDemoPeople(repos, now);
  const desk = await createReviewDesk({ config, db: opts.db, repos, logger, cwd: opts.cwd, clock });
  const model = opts.model ?? (await createIntentModel('offline', config));
  const mail = buildIncomingMail({ desk, db: opts.db, config, model, mailbox: demo.sor.company.arMailbox, clock });

  const progress = createProgress(opts.progress, demo.inbox.length, 'demo inbox');
  const results: DemoEmailResult[] = [];
  try {
    for (const { file, raw } of demo.inbox) {
      const outcome = await mail.handle(raw);
      const analysis = await repos.analyses.findByEmailId(outcome.emailId);
      const action = actionOf(outcome);
      results.push({ file, action, intents: analysis?.decision.intents ?? ['other'] });
      progress.tick(file, action === 'auto_replied' ? 'auto-reply' : action === 'task' ? 'review task' : 'no action');
    }
  } finally {
    progress.stop();
  }

  const outbox = resolve(opts.cwd, config.replies.outboxDir);
  const sender = new OutboxSender({
    outbox: repos.outbox,
    audit: repos.audit,
    tasks: repos.tasks,
    mail: new FolderMailSender({ dir: outbox, now: clock }),
    sor: desk.sor,
    logger,
    publisher: desk.cards,
    settings: { leaseMs: config.replies.sendLeaseSeconds * 1000, maxAttempts: config.replies.maxSendAttempts },
  });
  const sent = await sender.drain('first-run', clock, 10_000);
  for (const s of sent) if (s.kind !== 'sent') logger.warn({ outcome: s }, 'demo: a reply was not written to the outbox');
  const manager = people.find((p) => p.roles.includes('Manager'))?.email ?? '';
  const analysts = people.filter((p) => p.roles.includes('Analyst')).map((p) => p.displayName);
  return { summary: tallyDemo(results, sent.filter((s) => s.kind === 'sent').length), manager, analysts };
}

/** Answered automatically (queued, or queued by an earlier interrupted run), a task, or nothing. */
function actionOf(outcome: IncomingMailOutcome): DemoAction {
  switch (outcome.kind) {
    case 'no_action':
      return 'no_action';
    case 'review':
      return 'task';
    case 'auto_reply':
      return outcome.outcome.kind === 'queued' || outcome.outcome.kind === 'already_handled' ? 'auto_replied' : 'task';
  }
}
