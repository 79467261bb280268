// Runs `/ar …`: acknowledged at once (Slack shows nothing for an empty ack), then answered
// ephemerally through the command's response_url with Block Kit from cards/slack. Input that
// is not a command gets help, never an error.
import type { App } from '@slack/bolt';
import type { ChatIdentity } from '../../../bot/identity.js';
import { resolveUser } from '../../../bot/identity.js';
import { ADMIN_COMMAND_HELP, runAdminCommand } from '../../../bot/commands/admin-command.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice } from '../../../bot/queries/lookup.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import {
  AR_COMMANDS,
  customerBlocks,
  customerListBlocks,
  helpBlocks,
  invoiceBlocks,
  invoiceNotFoundBlocks,
  statsBlocks,
  taskListBlocks,
  unknownCommandBlocks,
  type SlackMessage,
  type SlashCommandHelp,
} from '../../../cards/slack/index.js';
import { parseArCommand } from './slack-command.js';
import { queryDeps, slackIdentity, type SlackHandlerContext } from './slack-context.js';
import { escapeSlack } from './slack-text.js';

/** The slash command arbot's Slack app manifest declares. */
export const AR_COMMAND = '/ar';

/** The admin commands as help lists them (shown to managers and admins). */
const ADMIN_HELP: readonly SlashCommandHelp[] = ADMIN_COMMAND_HELP.split('\n').map((usage) => ({ usage: `${AR_COMMAND} ${usage}`, description: 'Admin.' }));

/** Registers `/ar` on the Bolt app. */
export function registerArCommand(app: App, ctx: SlackHandlerContext): void {
  app.command(AR_COMMAND, async ({ ack, command, respond }) => {
    await ack();
    let answer: SlackMessage;
    try {
      answer = await answerArCommand(ctx, slackIdentity(command.user_id), command.text ?? '');
    } catch (e) {
      ctx.logger.error({ err: e, command: command.text }, 'Slack: /ar failed');
      answer = plainMessage('Something went wrong looking that up; please try again.');
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text: answer.text, blocks: answer.blocks });
  });
}

/** The answer to `/ar <text>` for one person. */
export async function answerArCommand(ctx: Pick<SlackHandlerContext, 'desk'>, identity: ChatIdentity, text: string): Promise<SlackMessage> {
  const deps = queryDeps(ctx);
  const command = parseArCommand(text);
  switch (command.kind) {
    case 'help':
      return helpBlocks(await commandsFor(ctx, identity));
    case 'customer':
      return answer(await lookupCustomer(deps, identity, command.query), (found) => {
        const [only] = found;
        return only !== undefined && found.length === 1 ? customerBlocks(only) : customerListBlocks(found, command.query);
      });
    case 'invoice':
      return answer(await lookupInvoice(deps, identity, command.number), (invoice) => (invoice === null ? invoiceNotFoundBlocks(command.number) : invoiceBlocks(invoice)));
    case 'tasks':
      return answer(await listTasks(deps, identity, command.scope), taskListBlocks);
    case 'stats':
      return answer(await deskStats(deps, identity), statsBlocks);
    case 'admin':
      return answer(await runAdminCommand(ctx.desk.deps, identity, command.text), plainMessage);
    case 'unknown':
      return unknownCommandBlocks(command.text, await commandsFor(ctx, identity));
  }
}

async function commandsFor(ctx: Pick<SlackHandlerContext, 'desk'>, identity: ChatIdentity): Promise<readonly SlashCommandHelp[]> {
  const user = await resolveUser(ctx.desk.repos.users, identity);
  const admin = user?.roles.some((r) => r === 'Manager' || r === 'SuperAdmin') ?? false;
  return admin ? [...AR_COMMANDS, ...ADMIN_HELP] : AR_COMMANDS;
}

function answer<T>(result: UseCaseResult<T>, render: (value: T) => SlackMessage): SlackMessage {
  return result.ok ? render(result.value) : plainMessage(result.error.message);
}

/** A one-section message of plain text (escaped). */
function plainMessage(text: string): SlackMessage {
  const safe = escapeSlack(text);
  return { text: safe, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: safe.length > 3000 ? `${safe.slice(0, 2999)}…` : safe } }] };
}
