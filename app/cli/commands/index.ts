import type { CommandModule } from '../context.js';
import { auditCommand } from './audit.command.js';
import { configCommand } from './config.command.js';
import { doctorCommand } from './doctor.command.js';
import { evalCommand } from './eval.command.js';
import { manifestCommand } from './manifest.command.js';
import { peopleCommand } from './people.command.js';
import { policyCommand } from './policy.command.js';
import { replyCommand } from './reply.command.js';
import { sorCommand } from './sor.command.js';
import { startCommand } from './start.command.js';

/** Every command group of the `arbot` CLI, in help order. A new group is one line here. */
export const commands: readonly CommandModule[] = [startCommand, configCommand, evalCommand, replyCommand, peopleCommand, policyCommand, auditCommand, manifestCommand, sorCommand, doctorCommand];
