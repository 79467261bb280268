import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { ArbotConfig } from '../config/schema.js';
import type { CliContext } from './context.js';

/** Loads the configuration for a command, honouring the global `--config <file>` option. */
export function loadConfigFor(command: Command, context: CliContext): ArbotConfig {
  const { config } = command.optsWithGlobals<{ config?: string }>();
  return loadConfig({ env: context.env, cwd: context.cwd, ...(config === undefined ? {} : { file: config }) });
}
