import { WriteStream } from 'node:tty';
import type { Command } from 'commander';
import pino from 'pino';
import { importConnectorFor, type SorSettings } from '../../../adapters/sor/registry.js';
import { describeRule, parseEnrollmentRule } from '../../../core/sor/enrollment.js';
import { SOR_ENTITIES, SorConnectorError } from '../../../core/sor/sor-connector.js';
import type { SyncRun } from '../../../core/sor/sync-run.js';
import type { StorageHandle } from '../../../storage/index.js';
import type { ArbotConfig } from '../../config/schema.js';
import { ArbotError } from '../../errors.js';
import type { TextSink } from '../../pretty-log.js';
import type { SyncProgressEvent, SyncRequest } from '../../services/sor-sync.js';
import { applyEnrollmentRule, enrollmentRule, setCustomersEnrolled } from '../../services/sor-sync-enrollment.js';
import { sorSyncFor } from '../../services/sor-sync-setup.js';
import { openCliStorage } from '../cli-storage.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

/** `arbot import <path>`, `arbot sync status|run`, `arbot enroll`: the system of record. */
export const sorCommand: CommandModule = {
  register(program, context) {
    program
      .command('import <path>')
      .description('full sync from a sor.json file, or a folder holding sor.json or CSV exports (one file per entity, columns mapped by ARBOT_SOR_MAPPING)')
      .option('--json', 'print the sync run as JSON')
      .addHelpText('after', '\nRun it again after an interruption: it resumes where it stopped.')
      .action((path: string, options: { json?: boolean }, command: Command) => importPath(path, options, command, context));

    const sync = program.command('sync').description('the SoR sync: its runs, and running it now');
    sync
      .command('status')
      .description('the sync state (source, cursors, last full sync) and the latest runs with their counts, refused records and problems')
      .option('--limit <n>', 'how many runs to list', '5')
      .option('--json', 'print as JSON')
      .action((options: { limit: string; json?: boolean }, command: Command) => status(options, command, context));
    sync
      .command('run')
      .description('sync now from the configured SoR (ARBOT_SOR_CONNECTOR): incremental, or full when one is due')
      .option('--full', 'a full sync (also removes records the SoR deleted)')
      .option('--incremental', 'an incremental sync (what changed since the last one)')
      .option('--customer <id>', 're-sync one customer (by SoR id)')
      .option('--json', 'print the sync run as JSON')
      .action((options: RunOptions, command: Command) => runNow(options, command, context));

    program
      .command('enroll [customerIds...]')
      .description('which customers automation may answer: a rule for all customers (--all, --none, --where), or single customers by SoR id')
      .option('--all', 'enroll every customer (and every new one)')
      .option('--none', 'enroll no customer (new ones neither)')
      .option('--where <rule>', 'enroll the customers matching a rule, e.g. "currency=USD,status=active" (operators =, !=, ^= starts with, ~ contains)')
      .option('--remove', 'remove the given customers instead of enrolling them')
      .addHelpText('after', '\nWithout arguments: the current rule and how many customers are enrolled.')
      .action((ids: string[], options: EnrollOptions, command: Command) => enroll(ids, options, command, context));
  },
};

interface RunOptions {
  full?: boolean;
  incremental?: boolean;
  customer?: string;
  json?: boolean;
}

interface EnrollOptions {
  all?: boolean;
  none?: boolean;
  where?: string;
  remove?: boolean;
}

async function withStorage<T>(command: Command, context: CliContext, fn: (storage: StorageHandle, config: ArbotConfig) => Promise<T>): Promise<T> {
  const config = loadConfigFor(command, context);
  const storage = await openCliStorage(config, context);
  try {
    return await fn(storage, config);
  } finally {
    await storage.close();
  }
}

async function importPath(path: string, options: { json?: boolean }, command: Command, context: CliContext): Promise<void> {
  await withStorage(command, context, async (storage, config) => {
    const connector = await connectorError(() => importConnectorFor(path, { cwd: context.cwd, settings: config.sor as SorSettings }));
    await syncAndReport(storage, config, context, { mode: 'full', trigger: 'import' }, options.json === true, connector);
  });
}

async function runNow(options: RunOptions, command: Command, context: CliContext): Promise<void> {
  if (options.full && options.incremental) throw new ArbotError('usage', '--full and --incremental exclude each other');
  await withStorage(command, context, async (storage, config) => {
    if (config.sor.connector === 'none') {
      throw new ArbotError('usage', 'no SoR is configured (ARBOT_SOR_CONNECTOR is none): set it, or load a folder with `arbot import <dir>`');
    }
    const request: SyncRequest = {
      mode: options.full ? 'full' : options.incremental ? 'incremental' : 'auto',
      ...(options.customer !== undefined && { customerSorId: options.customer }),
      trigger: 'cli',
    };
    await syncAndReport(storage, config, context, request, options.json === true);
  });
}

/** Connector set-up failures (bad mapping, missing file) as one-line usage errors. */
async function connectorError<T>(build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (err) {
    if (err instanceof SorConnectorError) throw new ArbotError('usage', err.message, { cause: err });
    throw err;
  }
}

async function syncAndReport(
  storage: StorageHandle,
  config: ArbotConfig,
  context: CliContext,
  request: SyncRequest,
  json: boolean,
  connector?: Awaited<ReturnType<typeof importConnectorFor>>,
): Promise<void> {
  const progress = await progressReporter(context.stderr);
  const sync = await connectorError(() =>
    sorSyncFor({ config, repos: storage.repos, logger: pino({ level: 'silent' }), cwd: context.cwd, onProgress: progress.update, ...(connector && { connector }) }),
  );
  if (sync === undefined) throw new ArbotError('usage', 'no SoR is configured (ARBOT_SOR_CONNECTOR is none)');
  let outcome;
  try {
    outcome = await sync.run(request);
  } finally {
    progress.stop();
  }
  if (outcome.kind === 'busy') {
    const { owner, until } = outcome.heldBy;
    throw new ArbotError('storage_unavailable', `another sync is running (worker ${owner.worker}, pid ${owner.pid} on ${owner.host}; lock held until ${until.toISOString()})`);
  }
  if (json) context.stdout.write(`${JSON.stringify(outcome.run, null, 2)}\n`);
  else context.stdout.write(formatRun(outcome.run, outcome.resumed));
  if (outcome.run.status !== 'succeeded') throw new ArbotError('integrity_failed', `sync ${outcome.run.status}: ${outcome.run.error ?? 'see arbot sync status'}`);
}

/** A progress bar on a terminal; elsewhere one line per finished entity (so logs show progress too). */
async function progressReporter(stderr: TextSink): Promise<{ update(event: SyncProgressEvent): void; stop(): void }> {
  if (!(stderr instanceof WriteStream) || !stderr.isTTY) {
    return {
      update: (e) => {
        if (e.phase === 'done') stderr.write(`${e.entity}: ${e.read} read\n`);
      },
      stop: () => undefined,
    };
  }
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar({ stream: stderr, format: 'syncing {entity}: {value} records read', clearOnComplete: true, hideCursor: true }, progress.Presets.legacy);
  let started = false;
  return {
    update: (e) => {
      if (!started) {
        bar.start(0, 0, { entity: e.entity });
        started = true;
      }
      bar.update(e.read, { entity: e.phase === 'sweeping' ? `${e.entity} (removing deleted records)` : e.entity });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** A run as a short table: counts per entity, then the refused records and problems kept. */
export function formatRun(run: SyncRun, resumed = false): string {
  const took = run.finishedAt ? ` in ${((run.finishedAt.getTime() - new Date(run.startedAt).getTime()) / 1000).toFixed(1)} s` : '';
  const lines = [
    `Sync ${run.mode}${run.customerSorId ? ` of customer ${run.customerSorId}` : ''} ${run.status}${took}${resumed || run.resumed > 0 ? ` (resumed ${run.resumed}×)` : ''} — run ${run.id}, ${run.connector}, started ${new Date(run.startedAt).toISOString()}`,
    `${'entity'.padEnd(12)}${pad('read', 9)}${pad('inserted', 10)}${pad('updated', 9)}${pad('unchanged', 11)}${pad('deleted', 9)}${pad('invalid', 9)}`,
  ];
  for (const entity of SOR_ENTITIES) {
    const c = run.counts[entity];
    lines.push(`${entity.padEnd(12)}${pad(c.read, 9)}${pad(c.inserted, 10)}${pad(c.updated, 9)}${pad(c.unchanged, 11)}${pad(c.deleted, 9)}${pad(c.invalid, 9)}`);
  }
  if (run.error) lines.push(`error: ${run.error}`);
  if (run.invalidTotal > 0) {
    lines.push(`${run.invalidTotal} records refused (skipped; stored versions kept)${run.invalidTotal > run.invalid.length ? `, first ${run.invalid.length}` : ''}:`);
    for (const i of run.invalid.slice(0, 20)) lines.push(`  ${i.entity} ${i.key ?? '(no id)'}: ${i.reasons.join('; ')}`);
    if (run.invalid.length > 20) lines.push(`  … see arbot sync status --json`);
  }
  if (run.problemsTotal > 0) {
    lines.push(`${run.problemsTotal} consistency problems (reported, not fixed)${run.problemsTotal > run.problems.length ? `, first ${run.problems.length}` : ''}:`);
    for (const p of run.problems.slice(0, 20)) lines.push(`  ${p.message}`);
    if (run.problems.length > 20) lines.push(`  … see arbot sync status --json`);
  }
  return `${lines.join('\n')}\n`;
}

async function status(options: { limit: string; json?: boolean }, command: Command, context: CliContext): Promise<void> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ArbotError('usage', `--limit: expected a positive whole number, got ${JSON.stringify(options.limit)}`);
  await withStorage(command, context, async (storage) => {
    const state = await storage.repos.syncRuns.getState();
    const runs = await storage.repos.syncRuns.latest(limit);
    const enrolment = await storage.repos.customers.enrolmentCounts();
    const rule = await enrollmentRule(storage.repos);
    if (options.json) {
      const { lock, ...rest } = state;
      context.stdout.write(`${JSON.stringify({ state: { ...rest, locked: lock !== undefined }, enrollment: { rule: describeRule(rule), ...enrolment }, runs }, null, 2)}\n`);
      return;
    }
    const lines = [
      `Source: ${state.sourceId ?? '(none synced yet)'}`,
      `Last full sync: ${state.lastFullAt ? state.lastFullAt.toISOString() : 'never'}`,
      `Cursors: ${SOR_ENTITIES.map((e) => `${e} ${state.cursors[e]?.modifiedSince?.toISOString() ?? '-'}`).join(', ')}`,
      `Enrollment: rule ${describeRule(rule)}; ${enrolment.enrolled} of ${enrolment.customers} customers enrolled`,
      ...(state.lock ? [`Running now: ${state.lock.owner.worker} (pid ${state.lock.owner.pid}), lock until ${state.lock.until.toISOString()}`] : []),
      '',
    ];
    context.stdout.write(lines.join('\n'));
    if (runs.length === 0) context.stdout.write('No sync runs yet.\n');
    for (const run of runs) context.stdout.write(`${formatRun(run)}\n`);
  });
}

async function enroll(ids: string[], options: EnrollOptions, command: Command, context: CliContext): Promise<void> {
  const rules = [options.all, options.none, options.where !== undefined].filter(Boolean).length;
  if (rules > 1) throw new ArbotError('usage', '--all, --none and --where exclude each other');
  if (rules === 1 && ids.length > 0) throw new ArbotError('usage', 'give a rule (--all, --none, --where) or customer ids, not both');
  if (options.remove && ids.length === 0) throw new ArbotError('usage', '--remove needs the customer ids to remove');
  await withStorage(command, context, async (storage) => {
    const now = new Date();
    if (rules === 1) {
      const parsed = options.all ? ({ kind: 'all' } as const) : options.none ? ({ kind: 'none' } as const) : parseEnrollmentRule(options.where ?? '');
      if ('error' in parsed) throw new ArbotError('usage', `--where: ${parsed.error}`);
      const counts = await applyEnrollmentRule(storage.repos, parsed, now, 'cli');
      context.stdout.write(`Enrollment rule ${describeRule(parsed)}: ${counts.enrolled} of ${counts.customers} customers enrolled.\n`);
      return;
    }
    if (ids.length > 0) {
      const unknown = await setCustomersEnrolled(storage.repos, ids, !options.remove, now);
      const done = ids.length - unknown.length;
      context.stdout.write(`${options.remove ? 'Removed' : 'Enrolled'} ${done} customer${done === 1 ? '' : 's'}.\n`);
      if (unknown.length > 0) throw new ArbotError('usage', `no such customer: ${unknown.join(', ')}`);
      return;
    }
    const counts = await storage.repos.customers.enrolmentCounts();
    context.stdout.write(`Enrollment rule ${describeRule(await enrollmentRule(storage.repos))}: ${counts.enrolled} of ${counts.customers} customers enrolled.\n`);
  });
}
