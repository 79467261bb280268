import { Command, CommanderError } from 'commander';
import { ArbotError, exitCodeFor } from '../errors.js';
import { version } from '../version.js';
import { commands } from './commands/index.js';
import type { CliContext, CommandModule } from './context.js';

/** Builds the `arbot` program with every registered command group. */
export function buildProgram(context: CliContext, modules: readonly CommandModule[] = commands): Command {
  const program = new Command('arbot')
    .description('AR helpdesk bot for Microsoft Teams and Slack')
    .version(version)
    .option('-c, --config <file>', 'config file (default: ARBOT_CONFIG, else arbot.config.json|yaml|yml in the working directory)')
    // Settings set here are inherited by every command added afterwards.
    .exitOverride()
    .configureOutput({ writeOut: (text) => context.stdout.write(text), writeErr: (text) => context.stderr.write(text) })
    .showHelpAfterError('(run `arbot --help` for usage)')
    .showSuggestionAfterError();
  for (const module of modules) module.register(program, context);
  return program;
}

/** Runs the CLI with `args` (without node and script) and returns the process exit code. */
export async function runCli(args: readonly string[], context: CliContext): Promise<number> {
  try {
    await buildProgram(context).parseAsync([...args], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err, context);
  }
}

// Commander has already printed its own message (unknown command, missing argument, help).
function reportError(err: unknown, context: CliContext): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof ArbotError) {
    context.stderr.write(err.message.split('\n').map((line) => `arbot: ${line}\n`).join(''));
    return exitCodeFor(err.code);
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  context.stderr.write(`arbot: unexpected error: ${detail}\n`);
  return 1;
}
