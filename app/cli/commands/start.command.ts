import type { Command } from 'commander';
import { redactConfig } from '../../config/redact.js';
import { createLogger } from '../../logger.js';
import { version } from '../../version.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';
import { signalExitCode, watchShutdownSignals } from '../shutdown.js';

/** `arbot start`: runs the bot until SIGINT/SIGTERM. */
export const startCommand: CommandModule = {
  register(program, context) {
    program
      .command('start')
      .description('start the bot: storage, background jobs and the HTTP server; Ctrl-C stops it gracefully')
      .addHelpText('after', '\nSettings come from environment variables and an optional config file; see `arbot config docs`.')
      .action((_options: unknown, command: Command) => runStart(command, context));
  },
};

async function runStart(command: Command, context: CliContext): Promise<void> {
  const config = loadConfigFor(command, context);
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, destination: context.stdout });
  logger.info({ version, config: redactConfig(config) }, 'starting arbot');

  // Listen before starting, so a Ctrl-C during a slow start still shuts down cleanly.
  const shutdown = watchShutdownSignals(context.signals, (signal) => {
    logger.warn(`${signal} again: exiting without finishing shutdown`);
    context.exit(signalExitCode(signal));
  });
  try {
    const app = await context.startApp(config, logger);
    const signal = await shutdown.requested;
    logger.info(`${signal}: stopping`);
    await app.stop();
    logger.info('stopped');
  } finally {
    shutdown.dispose();
  }
}
