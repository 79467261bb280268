// The ChatChannel port on Slack's Web API: a task card is a Block Kit message (cards/slack)
// posted with chat.postMessage and replaced in place with chat.update, carrying the task id,
// version and status as message metadata so anyone (and the tests) can read what a message
// shows. Direct messages go through conversations.open. Every failure leaves as a
// ChatChannelError (slack-errors.ts).
import type { Logger } from 'pino';
import { ChatChannelError, platformUserId, type ChannelAddress, type ChatChannel, type ChatText, type ChatUserRef } from '../../../bot/ports/chat-channel.js';
import type { TaskCardView } from '../../../bot/task-view.js';
import type { TaskPost } from '../../../core/domain/task.js';
import { taskMessage } from '../../../cards/slack/index.js';
import { SLACK, toSlackChatError } from './slack-errors.js';
import { slackText } from './slack-text.js';
import type { SlackWorkspaces } from './slack-workspaces.js';

/** The message metadata event type of a task card. */
export const TASK_CARD_EVENT = 'arbot_task_card';

/** How many posts' last-shown assignee is remembered (to say "Assigned to" in the thread once per change). */
const REMEMBERED_POSTS = 5000;

export interface SlackChatChannelOptions {
  workspaces: SlackWorkspaces;
  /** The task's page in the arbot dashboard (an "Open in arbot" button), when there is a public URL. */
  tabUrl?: (taskId: string) => string;
  logger: Logger;
}

export class SlackChatChannel implements ChatChannel {
  readonly platform = SLACK;
  /** channel:ts → the Slack id of the assignee the card last showed ('' for nobody). */
  private readonly shownAssignee = new Map<string, string>();

  constructor(private readonly options: SlackChatChannelOptions) {}

  async postTask(to: ChannelAddress, view: TaskCardView): Promise<TaskPost> {
    const client = await this.options.workspaces.forChannel(to.conversationId);
    const message = this.render(view);
    const result = await client.chat
      .postMessage({ channel: to.conversationId, ...message, metadata: taskMetadata(view), unfurl_links: false, unfurl_media: false })
      .catch((e: unknown) => {
        throw toSlackChatError('chat.postMessage', e);
      });
    if (typeof result.ts !== 'string') throw new ChatChannelError(SLACK, 'unknown', 'Slack chat.postMessage answered without a message ts');
    const post: TaskPost = { platform: SLACK, conversationId: result.channel ?? to.conversationId, messageId: result.ts };
    this.remember(post, assigneeId(view));
    return post;
  }

  async updateTask(post: TaskPost, view: TaskCardView): Promise<void> {
    const client = await this.options.workspaces.forChannel(post.conversationId);
    await client.chat.update({ channel: post.conversationId, ts: post.messageId, ...this.render(view), metadata: taskMetadata(view) }).catch((e: unknown) => {
      throw toSlackChatError('chat.update', e);
    });
    // chat.update notifies nobody, so a new assignee is also @mentioned in the card's thread,
    // where the discussion of the task happens.
    const key = postKey(post);
    const now = assigneeId(view);
    const before = this.shownAssignee.get(key);
    this.remember(post, now);
    if (before !== undefined && now !== '' && now !== before) {
      await client.chat.postMessage({ channel: post.conversationId, thread_ts: post.messageId, text: `Assigned to <@${now}>` }).catch((e: unknown) => {
        this.options.logger.warn({ err: toSlackChatError('chat.postMessage', e), taskId: view.taskId }, 'Slack: assignment note in the thread failed');
      });
    }
  }

  async notifyUser(user: ChatUserRef, message: ChatText): Promise<void> {
    const id = platformUserId(user, SLACK);
    if (id === undefined) throw new ChatChannelError(SLACK, 'invalid', `${user.displayName} has no Slack identity`);
    const client = await this.options.workspaces.forUser(id);
    const opened = await client.conversations.open({ users: id }).catch((e: unknown) => {
      throw toSlackChatError('conversations.open', e);
    });
    const channel = opened.channel?.id;
    if (!channel) throw new ChatChannelError(SLACK, 'unknown', 'Slack conversations.open answered without a channel');
    await client.chat.postMessage({ channel, text: slackText(message).text }).catch((e: unknown) => {
      throw toSlackChatError('chat.postMessage', e);
    });
  }

  async postMessage(to: ChannelAddress, message: ChatText): Promise<TaskPost> {
    const client = await this.options.workspaces.forChannel(to.conversationId);
    const result = await client.chat.postMessage({ channel: to.conversationId, text: slackText(message).text, unfurl_links: false }).catch((e: unknown) => {
      throw toSlackChatError('chat.postMessage', e);
    });
    if (typeof result.ts !== 'string') throw new ChatChannelError(SLACK, 'unknown', 'Slack chat.postMessage answered without a message ts');
    return { platform: SLACK, conversationId: result.channel ?? to.conversationId, messageId: result.ts };
  }

  private render(view: TaskCardView): { text: string; blocks: ReturnType<typeof taskMessage>['blocks'] } {
    const message = taskMessage(view, this.options.tabUrl ? { tabUrl: this.options.tabUrl(view.taskId) } : {});
    return { text: withAssigneeMention(message.text, view), blocks: message.blocks };
  }

  private remember(post: TaskPost, assignee: string): void {
    const key = postKey(post);
    this.shownAssignee.delete(key);
    this.shownAssignee.set(key, assignee);
    if (this.shownAssignee.size > REMEMBERED_POSTS) {
      const oldest = this.shownAssignee.keys().next().value;
      if (oldest !== undefined) this.shownAssignee.delete(oldest);
    }
  }
}

/** What a task card carries as message metadata (Slack shows it to apps, not to people). */
export function taskMetadata(view: Pick<TaskCardView, 'taskId' | 'version' | 'status'>): { event_type: string; event_payload: Record<string, string | number> } {
  return { event_type: TASK_CARD_EVENT, event_payload: { task_id: view.taskId, version: view.version, status: view.status } };
}

function assigneeId(view: TaskCardView): string {
  return view.assignee ? (platformUserId(view.assignee, SLACK) ?? '') : '';
}

/** The notification text names the assignee as a mention when the blocks' text does not already. */
function withAssigneeMention(text: string, view: TaskCardView): string {
  const id = assigneeId(view);
  if (id === '' || text.includes(`<@${id}>`)) return text;
  return `${text} · Assigned to <@${id}>`;
}

function postKey(post: TaskPost): string {
  return `${post.conversationId}:${post.messageId}`;
}

