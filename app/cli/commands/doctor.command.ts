import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.js';
import type { ArbotConfig } from '../../config/schema.js';
import { formatResult, runChecks, type CheckResult } from '../../doctor/check.js';
import { ArbotError } from '../../errors.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

/** `arbot doctor`: the configuration and every connection, one line per check; exit 1 when one fails. */
export const doctorCommand: CommandModule = {
  register(program, context) {
    program
      .command('doctor')
      .description('check the configuration and each connection (MongoDB, mailbox, SoR, Teams, Slack, OpenAI): one line per check (✓ works, ✗ broken and how to fix it, – not checked); exit 1 when one fails')
      .option('--offline', 'make no calls outside this machine: logins and tokens are not checked')
      .option('--timeout <ms>', 'longest wait for one connection, in milliseconds', parseTimeout, 5000)
      .action((options: { offline?: boolean; timeout: number }, command: Command) => runDoctor(options, command, context));
  },
};

function parseTimeout(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 120_000) throw new ArbotError('usage', `--timeout: expected milliseconds between 100 and 120000, got "${value}"`);
  return ms;
}

async function runDoctor(options: { offline?: boolean; timeout: number }, command: Command, context: CliContext): Promise<void> {
  const print = (r: CheckResult) => context.stdout.write(`${formatResult(r)}\n`);
  let config: ArbotConfig;
  try {
    config = loadConfigFor(command, context);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const problem of err.problems) print({ name: 'configuration', status: 'fail', detail: problem, fix: 'see `arbot config docs` for the setting' });
    print({ name: 'connections', status: 'skip', detail: 'not checked until the configuration is valid' });
    throw new ArbotError('integrity_failed', `doctor: ${err.problems.length} configuration problem${err.problems.length === 1 ? '' : 's'}`);
  }
  print({ name: 'configuration', status: 'ok', detail: 'valid' });
  // Loaded here: the checks pull in the storage, mail and chat adapters.
  const { doctorChecks } = await import('../../doctor/checks.js');
  const opened: Array<{ close(): Promise<void> }> = [];
  let results: CheckResult[];
  try {
    results = await runChecks(doctorChecks(opened), { config, cwd: context.cwd, fetch, timeoutMs: options.timeout, offline: options.offline === true }, print);
  } finally {
    for (const store of opened) await store.close();
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  if (failed > 0) throw new ArbotError('integrity_failed', `doctor: ${failed} problem${failed === 1 ? '' : 's'} to fix (the ✗ lines above)`);
  context.stdout.write(`All checks passed${results.some((r) => r.status === 'skip') ? ' (– lines were not checked)' : ''}.\n`);
}
