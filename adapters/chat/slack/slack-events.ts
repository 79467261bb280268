// `@arbot …` in a channel and direct messages to arbot, answered like `/ar …` (the same parse
// and the same answer, slack-command.handler.ts). A mention is answered in its thread; an
// answer that shows desk or customer data goes only to the person who asked (ephemeral, like
// the slash command), while help and "not understood" are posted in the thread. In a direct
// message everything is posted normally: only that person sees it anyway. Messages from bots
// (arbot's own replies included), edits, deletions and other message subtypes are ignored, so
// arbot never answers itself.
import type { App } from '@slack/bolt';
import type { SlackMessage } from '../../../cards/slack/index.js';
import { parseArCommand, type ArCommand } from './slack-command.js';
import { answerArCommand } from './slack-command.handler.js';
import { slackIdentity } from './slack-context.js';
import { toSlackChatError } from './slack-errors.js';
import { plainMessage, type SlackRecordContext } from './slack-record-modals.js';
import type { SlackWebClient } from './slack-workspaces.js';

/** A person's message to arbot, reduced to what answering it needs. */
export interface ConversationMessage {
  user: string;
  channel: string;
  /** What to run, the bot's own mention removed. */
  text: string;
  ts: string;
  /** Set when the message is itself in a thread. */
  threadTs?: string;
  /** A direct message (an `im` conversation). */
  direct: boolean;
}

/** The fields of an app_mention or message event arbot reads (both arrive loosely typed). */
export interface ConversationEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  channel?: string;
  channel_type?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  edited?: unknown;
}

/**
 * The message to answer, or null for one arbot must not answer: from a bot or arbot itself,
 * an edit, a deletion or another subtype, or, for message events, anything but a direct
 * message (mentions in channels arrive as app_mention).
 */
export function conversationMessage(event: ConversationEvent, botUserId: string | undefined): ConversationMessage | null {
  if (event.subtype !== undefined || event.bot_id !== undefined || event.edited !== undefined) return null;
  const { user, channel, ts } = event;
  if (user === undefined || channel === undefined || ts === undefined || user === botUserId) return null;
  const direct = event.channel_type === 'im' || channel.startsWith('D');
  // A mention inside a direct message also arrives as message.im: answer that one only.
  if (event.type === 'app_mention' ? direct : !direct) return null;
  return {
    user,
    channel,
    text: commandText(event.text ?? '', botUserId, event.type === 'app_mention'),
    ts,
    ...(event.thread_ts !== undefined ? { threadTs: event.thread_ts } : {}),
    direct,
  };
}

/**
 * The command in a message to arbot: what follows arbot's mention ("hey @arbot customer acme"),
 * or what precedes it when nothing follows ("customer acme @arbot"), other mentions of arbot
 * removed. When arbot's user id is not known, the first mention of an app_mention is arbot's.
 */
export function commandText(text: string, botUserId: string | undefined, mention: boolean): string {
  const known = botUserId !== undefined && /^[A-Z0-9]+$/i.test(botUserId) ? botUserId : undefined;
  const pattern = known !== undefined ? `<@${known}(?:\\|[^>]*)?>` : mention ? '<@[UW][A-Z0-9]+(?:\\|[^>]*)?>' : undefined;
  if (pattern === undefined) return tidy(text);
  const first = new RegExp(pattern).exec(text);
  if (first === null) return tidy(text);
  const after = text.slice(first.index + first[0].length);
  const chosen = tidy(after) !== '' ? after : text.slice(0, first.index);
  return tidy(known !== undefined ? chosen.replace(new RegExp(pattern, 'g'), ' ') : chosen);
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether an answer may show data (records, tasks, numbers, people) and so goes only to the asker in a channel. */
export function answerIsPrivate(command: ArCommand): boolean {
  return command.kind !== 'help' && command.kind !== 'unknown';
}

/** Registers the app_mention and message.im handlers. */
export function registerConversationEvents(app: App, ctx: SlackRecordContext): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    if (isTimeoutRetry(context)) return;
    const message = conversationMessage(event, context.botUserId ?? botUserOf(body));
    if (message !== null) await answerConversation(ctx, client, message);
  });
  app.event('message', async ({ event, body, context, client }) => {
    if (isTimeoutRetry(context)) return;
    const message = conversationMessage(event as ConversationEvent, context.botUserId ?? botUserOf(body));
    if (message !== null) await answerConversation(ctx, client, message);
  });
}

/** Answers one message like `/ar <text>`, in the thread (channel) or the conversation (DM). */
export async function answerConversation(ctx: SlackRecordContext, client: SlackWebClient, message: ConversationMessage): Promise<void> {
  const command = parseArCommand(message.text);
  let answer: SlackMessage;
  let priv = answerIsPrivate(command);
  try {
    answer = await answerArCommand(ctx, slackIdentity(message.user), message.text);
  } catch (e) {
    ctx.logger.error({ err: e, slackUserId: message.user }, 'Slack: answering a message to arbot failed');
    answer = plainMessage('Something went wrong looking that up; please try again.');
    priv = true;
  }
  const reply = { channel: message.channel, text: answer.text, blocks: answer.blocks };
  try {
    if (message.direct) {
      await client.chat.postMessage({ ...reply, ...(message.threadTs !== undefined ? { thread_ts: message.threadTs } : {}) });
    } else if (priv) {
      await client.chat.postEphemeral({ ...reply, user: message.user, thread_ts: message.threadTs ?? message.ts });
    } else {
      await client.chat.postMessage({ ...reply, thread_ts: message.threadTs ?? message.ts });
    }
  } catch (e) {
    ctx.logger.warn({ err: toSlackChatError('answer a message', e), slackUserId: message.user, channel: message.channel }, 'Slack: could not answer a message to arbot');
  }
}

/**
 * Slack redelivers an event it did not see acknowledged within 3 s; arbot acknowledges events
 * before handling them, so a timeout retry is one already being answered.
 */
function isTimeoutRetry(context: { retryNum?: number; retryReason?: string }): boolean {
  return context.retryNum !== undefined && context.retryReason === 'http_timeout';
}

/** arbot's bot user id as the event envelope names it (with a single bot token, Bolt's context does not). */
function botUserOf(body: unknown): string | undefined {
  const auths = (body as { authorizations?: { user_id?: string; is_bot?: boolean }[] }).authorizations;
  return auths?.find((a) => a.is_bot === true)?.user_id;
}
