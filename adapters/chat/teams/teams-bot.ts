// The Teams bot: every activity first teaches the directory where the bot is (service URL,
// team, channel, the person's Teams id); messages are commands (teams-commands.ts);
// `adaptiveCard/action` invokes are task card clicks and refreshes (teams-card-actions.ts)
// or customer and invoice record clicks (verbs record.* / invoice.*, teams-record-actions.ts),
// answered with the card for the person who clicked, well within Teams' invoke time limit.
import { Activity } from '@microsoft/agents-activity';
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type InvokeResponse, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { ChatIdentity } from '../../../bot/identity.js';
import type { AdminDeps } from '../../../bot/admin/admin-actor.js';
import type { QueryDeps } from '../../../bot/queries/lookup.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/teams/index.js';
import { cardMessage, stripBotMention } from './teams-activities.js';
import { runCardAction, type CardActionContext } from './teams-card-actions.js';
import { answerCommand, parseCommand } from './teams-commands.js';
import { isRecordVerb, runRecordAction, type RecordActionContext } from './teams-record-actions.js';
import { answerMessageExtensionQuery, MESSAGE_EXTENSION_QUERY } from './teams-message-extension.js';
import type { TeamsDirectory } from './teams-directory.js';

export interface TeamsBotDeps extends CardActionContext {
  /** The lookups' and admin commands' dependencies (the desk's repositories and SoR). */
  queries: QueryDeps & AdminDeps;
  directory: TeamsDirectory;
  logger: Logger;
  /** The customer and invoice records (desk.records) and the tab's public URL. */
  records: RecordActionContext;
}

/** What the bot says where it is added (a team's channel, a chat, a person's app). */
export const WELCOME =
  "Hello, I'm arbot, the AR helpdesk. Review tasks for this team appear here as cards: open one to claim it, fix what was read, edit the reply and approve it. Type **help** (in a channel: @mention me first) for lookups such as `customer Acme` or `invoice 204518`.";

export class TeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onTurn(async (context, next) => {
      try {
        await deps.directory.remember(context.activity);
      } catch (err) {
        // Not remembering only costs proactive posts until the next activity; the turn goes on.
        deps.logger.warn({ err, type: context.activity.type }, 'teams: could not store the conversation reference');
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (botId && (context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await context.sendActivity(Activity.fromObject({ type: 'message', textFormat: 'markdown', text: WELCOME }));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const identity = identityOf(activity);
    const text = stripBotMention(activity.text ?? '', activity.recipient?.name);
    if (identity === null) {
      await context.sendActivity('I could not tell who you are (no Entra object id on the message).');
      return;
    }
    const reply = await answerCommand(this.deps.queries, identity, parseCommand(text), this.deps.records);
    if ('text' in reply) await context.sendActivity(Activity.fromObject({ type: 'message', text: reply.text, textFormat: 'plain' }));
    else await context.sendActivity(Activity.fromObject(cardMessage(reply.card, reply.summary)));
  }

  /** Message extension searches (teams-message-extension.ts); every other invoke as the SDK routes it. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === MESSAGE_EXTENSION_QUERY) return answerMessageExtensionQuery(this.deps, identityOf(context.activity), context.activity.value);
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const identity = identityOf(context.activity);
    const action = invokeValue.action as { verb?: unknown; data?: unknown };
    const verb = typeof action.verb === 'string' ? action.verb : '';
    const data = typeof action.data === 'object' && action.data !== null ? (action.data as Record<string, unknown>) : {};
    const started = Date.now();
    // Someone without an Entra object id is nobody arbot knows; the use cases refuse them.
    const who: ChatIdentity = identity ?? { platform: 'teams', aadObjectId: '' };
    const result = isRecordVerb(verb)
      ? await runRecordAction(this.deps.records, { identity: who, verb, data })
      : await runCardAction(this.deps, { identity: who, verb, data, ...(context.activity.from?.id ? { teamsUserId: context.activity.from.id } : {}) });
    this.deps.logger.info(
      { verb, taskId: data.taskId, sorId: data.sorId, refused: result.refused?.code, ms: Date.now() - started, trigger: invokeValue.trigger },
      result.refused ? 'teams: card action refused' : 'teams: card action',
    );
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card as Record<string, unknown> };
  }
}

/** The arbot identity of the sender: their Entra object id, or null when Teams sent none. */
export function identityOf(activity: { from?: { aadObjectId?: string } }): ChatIdentity | null {
  const aad = activity.from?.aadObjectId?.trim();
  return aad ? { platform: 'teams', aadObjectId: aad } : null;
}
