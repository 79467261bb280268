import type { Command } from 'commander';
import type { Env } from '../config/load.js';
import type { TextSink } from '../pretty-log.js';
import type { startApp } from '../start.js';
import type { SignalSource } from './shutdown.js';

/** Everything a command touches outside itself; main.ts passes the real process, tests pass fakes. */
export interface CliContext {
  env: Env;
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  signals: SignalSource;
  /** Ends the process at once; only for a forced exit on a repeated signal. */
  exit(code: number): void;
  startApp: typeof startApp;
}

/** A group of commands; adding one to the registry in commands/index.ts is all it takes to ship it. */
export interface CommandModule {
  register(program: Command, context: CliContext): void;
}
