// What the bot answers to a typed message, in a personal chat or a channel (where the bot's
// @mention has been stripped): the lookups (`customer`, `invoice`, `tasks`, `stats`), `help`
// and the admin commands shared with Slack. Parsing is pure; answering calls the use cases
// and renders the Teams cards.
import type { ChatIdentity } from '../../../bot/identity.js';
import { ADMIN_COMMAND_HELP, runAdminCommand } from '../../../bot/commands/admin-command.js';
import type { AdminDeps } from '../../../bot/admin/admin-actor.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice, type QueryDeps } from '../../../bot/queries/lookup.js';
import { customerCard, customerListCard, errorCard, helpCard, invoiceCard, invoiceNotFoundCard, statsCard, taskListCard } from '../../../cards/teams/index.js';

export type BotCommand =
  | { kind: 'customer'; query: string }
  | { kind: 'invoice'; number: string }
  | { kind: 'tasks'; scope: 'mine' | 'team' }
  | { kind: 'stats' }
  | { kind: 'help' }
  | { kind: 'admin'; text: string }
  | { kind: 'unknown'; text: string };

/** The bot's answer: a card, or one line of text. */
export type CommandReply = { card: object; summary: string } | { text: string };

const ADMIN_VERBS: ReadonlySet<string> = new Set(['whoami', 'user', 'role', 'away', 'team']);

export const COMMANDS: readonly { command: string; description: string }[] = [
  { command: 'customer <name or account>', description: 'A customer: open balance, overdue invoices, contacts, open tasks.' },
  { command: 'invoice <number>', description: 'An invoice: amount, balance, due date, payments.' },
  { command: 'tasks [mine|team]', description: 'Open review tasks: yours, or your teams\' queue.' },
  { command: 'stats', description: 'The desk today: open tasks by status, overdue, closed in 24 hours.' },
  { command: 'help', description: 'This list.' },
  ...ADMIN_COMMAND_HELP.split('\n').map((line) => ({ command: line, description: 'Administration (managers and admins).' })),
];

/** Reads a message's text (bot mention already stripped) as a command. Pure. */
export function parseCommand(text: string): BotCommand {
  const trimmed = text.trim();
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const verb = head.toLowerCase().replace(/^\//, '');
  const arg = rest.join(' ').trim();
  switch (verb) {
    case 'customer':
    case 'cust':
      return { kind: 'customer', query: arg };
    case 'invoice':
    case 'inv':
      return { kind: 'invoice', number: arg };
    case 'tasks':
    case 'task':
      return { kind: 'tasks', scope: arg.toLowerCase() === 'team' ? 'team' : 'mine' };
    case 'stats':
      return { kind: 'stats' };
    case 'help':
    case '?':
    case '':
      return { kind: 'help' };
    default:
      return ADMIN_VERBS.has(verb) ? { kind: 'admin', text: trimmed } : { kind: 'unknown', text: trimmed };
  }
}

/** Answers one command for `identity`. */
export async function answerCommand(deps: QueryDeps & AdminDeps, identity: ChatIdentity, command: BotCommand): Promise<CommandReply> {
  switch (command.kind) {
    case 'customer': {
      const r = await lookupCustomer(deps, identity, command.query);
      if (!r.ok) return failed(r.error.message, r.error.details);
      const [first] = r.value;
      if (r.value.length === 1 && first) return { card: customerCard(first), summary: `Customer ${first.name}` };
      if (r.value.length === 0) return { text: `No customer matches "${command.query}".` };
      return { card: customerListCard(r.value, command.query), summary: `${r.value.length} customers match "${command.query}"` };
    }
    case 'invoice': {
      const r = await lookupInvoice(deps, identity, command.number);
      if (!r.ok) return failed(r.error.message, r.error.details);
      if (r.value === null) return { card: invoiceNotFoundCard(command.number), summary: `No invoice ${command.number}` };
      return { card: invoiceCard(r.value), summary: `Invoice ${r.value.number}` };
    }
    case 'tasks': {
      const r = await listTasks(deps, identity, command.scope);
      return r.ok ? { card: taskListCard(r.value), summary: `${r.value.items.length} open tasks` } : failed(r.error.message, r.error.details);
    }
    case 'stats': {
      const r = await deskStats(deps, identity);
      return r.ok ? { card: statsCard(r.value), summary: 'Desk statistics' } : failed(r.error.message, r.error.details);
    }
    case 'admin': {
      const r = await runAdminCommand(deps, identity, command.text);
      return { text: r.ok ? r.value : r.error.message };
    }
    case 'help':
    case 'unknown':
      return { card: helpCard([...COMMANDS]), summary: 'What I can do' };
  }
}

function failed(message: string, details?: string[]): CommandReply {
  return { card: errorCard(message, details ?? []), summary: message };
}
