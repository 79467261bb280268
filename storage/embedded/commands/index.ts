// Command dispatch: the first field of the command document names the command.
import type { Logger } from 'pino';
import { CommandError, ErrorCodes } from '../errors.js';
import type { Doc } from '../engine/values.js';
import { adminCommands } from './admin.js';
import type { CommandContext, CommandHandler } from './context.js';
import { handshakeCommands } from './handshake.js';
import { readCommands } from './read.js';
import { writeCommands } from './write.js';

const registry = new Map<string, CommandHandler>(
  Object.entries({ ...handshakeCommands, ...readCommands, ...writeCommands, ...adminCommands }),
);
const byLowerName = new Map<string, CommandHandler>(Array.from(registry, ([k, v]) => [k.toLowerCase(), v]));

export const TRANSACTION_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/** Runs one command and always returns a reply document; unexpected failures become InternalError replies. */
export function runCommand(body: Doc, ctx: CommandContext, logger: Logger): Doc {
  const name = Object.keys(body)[0];
  try {
    if (!name) throw new CommandError(ErrorCodes.FailedToParse, 'empty command document');
    if (body.txnNumber !== undefined || body.autocommit !== undefined || TRANSACTION_COMMANDS.has(name)) {
      throw new CommandError(ErrorCodes.IllegalOperation, 'Transaction numbers are only allowed on a replica set member or mongos');
    }
    const handler = registry.get(name) ?? byLowerName.get(name.toLowerCase());
    if (!handler) throw new CommandError(ErrorCodes.CommandNotFound, `no such command: '${name}'`);
    return handler(body, ctx);
  } catch (e) {
    if (e instanceof CommandError) return e.toReply();
    logger.error({ err: e, command: name }, 'embedded store: command failed unexpectedly');
    return new CommandError(ErrorCodes.InternalError, `internal error in '${name}': ${(e as Error).message}`).toReply();
  }
}

export { registry as commandRegistry };
