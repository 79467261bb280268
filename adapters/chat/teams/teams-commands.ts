// What the bot answers to a typed message, in a personal chat or a channel (where the bot's
// @mention has been stripped): the lookups (`customer` and `invoice` answer with their record
// cards, teams-record-actions.ts; `tasks`, `stats`), `help` and the admin commands shared with
// Slack. Parsing is pure; answering calls the use cases and renders the Teams cards.
import type { ChatIdentity } from '../../../bot/identity.js';
import { ADMIN_COMMAND_HELP, runAdminCommand } from '../../../bot/commands/admin-command.js';
import type { AdminDeps } from '../../../bot/admin/admin-actor.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice, type QueryDeps } from '../../../bot/queries/lookup.js';
import { customerListCard, errorCard, helpCard, invoiceNotFoundCard, statsCard, taskListCard } from '../../../cards/teams/index.js';
import { customerRecordReply, invoiceRecordReply, type RecordActionContext } from './teams-record-actions.js';

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
  {
    command: 'customer <name or account>',
    description: "A customer's record: balances and aging, contacts, open invoices, recent activity, notes, with its actions (statement, send invoices, note, re-sync). Several matches: a list to open one from.",
  },
  { command: 'invoice <number>', description: "An invoice's record: amount, balance, aging, payments, credits, contacts; send a copy, PDF." },
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

/** Answers one command for `identity`; `records` renders the customer and invoice records. */
export async function answerCommand(deps: QueryDeps & AdminDeps, identity: ChatIdentity, command: BotCommand, records: RecordActionContext): Promise<CommandReply> {
  switch (command.kind) {
    case 'customer': {
      // lookupCustomer applies the search's rule: one clear match alone, else the close matches.
      const r = await lookupCustomer(deps, identity, command.query);
      if (!r.ok) return failed(r.error.message, r.error.details);
      const [first] = r.value;
      if (r.value.length === 1 && first) return customerRecordReply(records, identity, first.sorId);
      if (r.value.length === 0) return { text: `No customer matches "${command.query}".` };
      return { card: customerListCard(r.value, command.query), summary: `${r.value.length} customers match "${command.query}"` };
    }
    case 'invoice': {
      const r = await lookupInvoice(deps, identity, command.number);
      if (!r.ok) return failed(r.error.message, r.error.details);
      if (r.value === null) return { card: invoiceNotFoundCard(command.number), summary: `No invoice ${command.number}` };
      const read = r.value.matchedAs ? { text: `Read “${command.number.trim()}” as ${r.value.number}.`, tone: 'info' as const } : undefined;
      return invoiceRecordReply(records, identity, r.value.number, read);
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
