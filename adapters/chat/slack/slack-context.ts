// What the Slack entry points share: the review desk (use cases, cards, repositories), links,
// the logger, and how a person is told about a refusal (ephemeral in the channel they clicked
// in, else a direct message).
import type { Logger } from 'pino';
import type { ReviewDesk } from '../../../app/review-desk.js';
import type { ChatIdentity } from '../../../bot/identity.js';
import type { QueryDeps } from '../../../bot/queries/lookup.js';
import { toSlackChatError } from './slack-errors.js';
import { escapeSlack } from './slack-text.js';
import type { SlackWebClient } from './slack-workspaces.js';

export interface SlackHandlerContext {
  desk: Pick<ReviewDesk, 'deps' | 'repos' | 'cards'>;
  /** The dashboard, when there is a public URL (server.publicUrl). */
  dashboardUrl?: string;
  logger: Logger;
  /**
   * How long a modal submission waits for its use case before acknowledging anyway (Slack
   * closes the connection at 3 s): within it, a refusal is shown on the form itself.
   */
  submitDeadlineMs: number;
}

/** What the lookups (`/ar customer` …, App Home) read. */
export function queryDeps(ctx: Pick<SlackHandlerContext, 'desk'>): QueryDeps {
  return { repos: ctx.desk.repos, sor: ctx.desk.deps.sor, clock: ctx.desk.deps.clock };
}

/** The arbot identity of a Slack user id. */
export function slackIdentity(userId: string): ChatIdentity {
  return { platform: 'slack', userId };
}

/** Tells one person something only they see: ephemeral in `channelId` when given, else by direct message. */
export async function tellUser(client: SlackWebClient, logger: Logger, userId: string, channelId: string | undefined, text: string): Promise<void> {
  const safe = escapeSlack(text);
  try {
    if (channelId !== undefined && !channelId.startsWith('D')) {
      await client.chat.postEphemeral({ channel: channelId, user: userId, text: safe });
      return;
    }
    const opened = await client.conversations.open({ users: userId });
    if (opened.channel?.id) await client.chat.postMessage({ channel: opened.channel.id, text: safe });
  } catch (e) {
    logger.warn({ err: toSlackChatError('reply to user', e), slackUserId: userId }, 'Slack: could not tell the user the outcome');
  }
}
