// Runs `/ar …`: acknowledged at once (Slack shows nothing for an empty ack), then answered
// ephemerally through the command's response_url with Block Kit from cards/slack. A customer
// or invoice found is answered with its record (and its buttons, slack-record-actions.ts);
// several customers with a list to open one from. Input that is not a command gets help,
// never an error.
import type { App } from '@slack/bolt';
import type { ChatIdentity } from '../../../bot/identity.js';
import { resolveUser } from '../../../bot/identity.js';
import { ADMIN_COMMAND_HELP, runAdminCommand } from '../../../bot/commands/admin-command.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice } from '../../../bot/queries/lookup.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import {
  AR_COMMANDS,
  customerListBlocks,
  helpBlocks,
  invoiceNotFoundBlocks,
  statsBlocks,
  taskListBlocks,
  unknownCommandBlocks,
  type SlackMessage,
  type SlashCommandHelp,
} from '../../../cards/slack/index.js';
import { parseArCommand } from './slack-command.js';
import { queryDeps, slackIdentity } from './slack-context.js';
import { customerRecordMessage, invoiceRecordMessage, plainMessage, type SlackRecordContext } from './slack-record-modals.js';

/** The slash command arbot's Slack app manifest declares. */
export const AR_COMMAND = '/ar';

/** The admin commands as help lists them (shown to managers and admins). */
const ADMIN_HELP: readonly SlashCommandHelp[] = ADMIN_COMMAND_HELP.split('\n').map((usage) => ({ usage: `${AR_COMMAND} ${usage}`, description: 'Admin.' }));

/** Registers `/ar` on the Bolt app. */
export function registerArCommand(app: App, ctx: SlackRecordContext): void {
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
export async function answerArCommand(ctx: Pick<SlackRecordContext, 'desk' | 'records' | 'dashboardUrl'>, identity: ChatIdentity, text: string): Promise<SlackMessage> {
  const deps = queryDeps(ctx);
  const command = parseArCommand(text);
  switch (command.kind) {
    case 'help':
      return helpBlocks(await commandsFor(ctx, identity));
    case 'customer': {
      // The lookup's rule decides: one clear match (or a single hit) is shown as its record.
      const found = await lookupCustomer(deps, identity, command.query);
      const only = found.ok && found.value.length === 1 ? found.value[0] : undefined;
      if (only !== undefined) return customerRecordMessage(ctx, identity, only.sorId);
      return answer(found, (list) => customerListBlocks(list, command.query));
    }
    case 'invoice': {
      const found = await lookupInvoice(deps, identity, command.number);
      if (found.ok && found.value !== null) return invoiceRecordMessage(ctx, identity, found.value.number);
      return answer(found, () => invoiceNotFoundBlocks(command.number));
    }
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

async function commandsFor(ctx: Pick<SlackRecordContext, 'desk'>, identity: ChatIdentity): Promise<readonly SlashCommandHelp[]> {
  const user = await resolveUser(ctx.desk.repos.users, identity);
  const admin = user?.roles.some((r) => r === 'Manager' || r === 'SuperAdmin') ?? false;
  return admin ? [...AR_COMMANDS, ...ADMIN_HELP] : AR_COMMANDS;
}

function answer<T>(result: UseCaseResult<T>, render: (value: T) => SlackMessage): SlackMessage {
  return result.ok ? render(result.value) : plainMessage(result.error.message);
}
