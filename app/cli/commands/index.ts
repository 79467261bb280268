import type { CommandModule } from '../context.js';
import { configCommand } from './config.command.js';
import { evalCommand } from './eval.command.js';
import { replyCommand } from './reply.command.js';
import { startCommand } from './start.command.js';

/** Every command group of the `arbot` CLI, in help order. A new group is one line here. */
export const commands: readonly CommandModule[] = [startCommand, configCommand, evalCommand, replyCommand];
