import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { WriteStream } from 'node:tty';
import { Option, type Command } from 'commander';
import type { AuditRepo } from '../../../storage/repositories/audit.repo.js';
import { ArbotError } from '../../errors.js';
import type { TextSink } from '../../pretty-log.js';
import { AUDIT_EXPORT_FORMATS, exportAuditLog, type AuditExportFormat } from '../../services/audit-export.js';
import { verifyAuditLog, type AuditCheckResult } from '../../services/audit-verify.js';
import { openCliStorage } from '../cli-storage.js';
import type { CliContext, CommandModule } from '../context.js';
import { parseIsoInstant } from '../iso-instant.js';
import { loadConfigFor } from '../load-config.js';

interface ExportOptions {
  from: string;
  to: string;
  format: AuditExportFormat;
  out?: string;
}

/** Logs shorter than this verify in a blink; a progress bar would only flicker. */
const PROGRESS_MIN_EVENTS = 10_000;

/** `arbot audit verify|export`: check the audit log's hash chain, export a date range. */
export const auditCommand: CommandModule = {
  register(program, context) {
    const audit = program.command('audit').description('the audit log: verify that it is intact, export it');

    audit
      .command('verify')
      .description('check the hash chain and the head anchor of the audit log; exit code 1 when an event was modified or deleted')
      .addHelpText('after', '\nReads the tenant (ARBOT_TENANT_ID) from MONGODB_URI or the embedded store in ARBOT_DATA_DIR.')
      .action((_options: unknown, command: Command) => verify(command, context));

    audit
      .command('export')
      .description('write the audit events of a date range, in seq order, as JSON (default) or CSV')
      .requiredOption('--from <date>', 'start, inclusive: an ISO date (midnight UTC) or date-time (UTC unless it has an offset)')
      .requiredOption('--to <date>', 'end, exclusive, in the same form')
      .addOption(new Option('--format <format>', 'output format').choices(AUDIT_EXPORT_FORMATS).default('json'))
      .option('--out <file>', 'write to <file> instead of stdout')
      .addHelpText('after', '\nExample (November 2026 as CSV): arbot audit export --from 2026-11-01 --to 2026-12-01 --format csv --out audit-2026-11.csv')
      .action((options: ExportOptions, command: Command) => exportRange(options, command, context));
  },
};

async function verify(command: Command, context: CliContext): Promise<void> {
  const storage = await openCliStorage(loadConfigFor(command, context), context);
  let result: AuditCheckResult;
  try {
    const progress = await progressBar(context.stderr, storage.repos.audit);
    try {
      result = await verifyAuditLog(storage.repos.audit, progress === undefined ? {} : { onProgress: progress.update });
    } finally {
      progress?.stop();
    }
  } finally {
    await storage.close();
  }
  for (const warning of result.warnings) context.stderr.write(`warning: ${warning}\n`);
  if (!result.ok) throw new ArbotError('integrity_failed', brokenReport(result));
  const head = result.headSeq === null ? (result.events === 0 ? '' : ', no head anchor') : `, head seq ${result.headSeq}`;
  context.stdout.write(`Audit log intact: ${result.events} events${head}.\n`);
}

/** One line per problem, the first one saying where the log breaks. */
function brokenReport(result: AuditCheckResult): string {
  const [first, ...rest] = result.problems;
  const lines = first === undefined ? [] : [`Audit log BROKEN at seq ${first.seq}: ${first.message}.`];
  for (const problem of rest) lines.push(`also at seq ${problem.seq}: ${problem.message}.`);
  if (!result.complete) lines.push(`stopped after ${result.problems.length} problems; later events were not checked.`);
  lines.push(`${result.events} events read${result.headSeq === null ? '' : `; the head anchor is at seq ${result.headSeq}`}.`);
  return lines.join('\n');
}

/** A progress bar on stderr, only when stderr is a terminal and the log is large enough to wait for. */
async function progressBar(stderr: TextSink, audit: Pick<AuditRepo, 'count'>): Promise<{ update(checked: number): void; stop(): void } | undefined> {
  if (!(stderr instanceof WriteStream) || !stderr.isTTY) return undefined;
  const total = await audit.count();
  if (total < PROGRESS_MIN_EVENTS) return undefined;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: stderr, format: 'verifying [{bar}] {percentage}% {value}/{total} events, {eta_formatted} left', clearOnComplete: true, hideCursor: true },
    progress.Presets.legacy,
  );
  bar.start(total, 0);
  // Events appended while verifying can push the count past the total read at the start.
  return { update: (checked) => bar.update(Math.min(checked, total)), stop: () => bar.stop() };
}

async function exportRange(options: ExportOptions, command: Command, context: CliContext): Promise<void> {
  const range = { from: instantOption('--from', options.from), to: instantOption('--to', options.to) };
  if (range.from >= range.to) throw new ArbotError('usage', `--from (${options.from}) must be before --to (${options.to}); --to is exclusive`);
  const storage = await openCliStorage(loadConfigFor(command, context), context);
  try {
    const audit = storage.repos.audit;
    if (options.out === undefined) {
      await exportAuditLog(audit, range, options.format, (chunk) => writeToSink(context.stdout, chunk));
      return;
    }
    const count = await writeFileAtomically(resolve(context.cwd, options.out), options.out, (write) => exportAuditLog(audit, range, options.format, write));
    context.stderr.write(`exported ${count} events to ${options.out}\n`);
  } finally {
    await storage.close();
  }
}

function instantOption(name: string, value: string): Date {
  const instant = parseIsoInstant(value);
  if (instant === undefined) {
    throw new ArbotError('usage', `${name}: not an ISO date or date-time: ${JSON.stringify(value)} (for example 2026-11-20, 2026-11-20T09:30:00Z or 2026-11-20T10:30:00+01:00)`);
  }
  return instant;
}

/** Writes to stdout and waits when the pipe is full, so a large export does not pile up in memory. */
async function writeToSink(sink: TextSink, chunk: string): Promise<void> {
  if (sink.write(chunk) !== false) return;
  if (hasDrain(sink)) await new Promise<void>((done) => sink.once('drain', () => done()));
}

function hasDrain(sink: TextSink): sink is TextSink & { once(event: 'drain', listener: () => void): unknown } {
  return typeof (sink as { once?: unknown }).once === 'function';
}

/**
 * Writes through a temporary file renamed into place, so a failed export never leaves a partial file behind.
 * The temporary file ends in .partial, not .tmp: the embedded store deletes *.tmp files in its data dir when it opens.
 */
async function writeFileAtomically<T>(path: string, shownName: string, produce: (write: (chunk: string) => Promise<void>) => Promise<T>): Promise<T> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.partial`);
  // Name the file the user asked for, not the temporary one.
  const cannotWrite = (err: unknown): ArbotError =>
    new ArbotError('usage', `cannot write ${shownName}: ${(err instanceof Error ? err.message : String(err)).replaceAll(temp, path)}`, { cause: err });
  const file = await open(temp, 'w').catch((err: unknown) => {
    throw cannotWrite(err);
  });
  let renamed = false;
  try {
    let result: T;
    try {
      result = await produce(async (chunk) => {
        await file.write(chunk);
      });
    } finally {
      await file.close();
    }
    await rename(temp, path).catch((err: unknown) => {
      throw cannotWrite(err);
    });
    renamed = true;
    return result;
  } finally {
    if (!renamed) await rm(temp, { force: true });
  }
}
