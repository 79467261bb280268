// TEST DOUBLE. An in-memory ChatChannel for use-case and fan-out tests: it keeps what a chat
// platform would show (cards, messages, direct messages) and lets a test read it back through
// the same probe the conformance suite uses. It is not a chat adapter: the Teams and Slack
// adapters live in adapters/chat/ and run the same conformance suite against their own stubs.
import type { TaskPost } from '../../core/domain/task.js';
import { ChatChannelError, platformUserId, type ChannelAddress, type ChatChannel, type ChatText, type ChatUserRef } from '../../bot/ports/chat-channel.js';
import type { TaskCardView } from '../../bot/task-view.js';
import type { ChatChannelHarness } from '../conformance/chat-channel.suite.js';

export interface MemoryChatChannelOptions {
  /** Platform id it answers as (default 'memory'); as 'teams' or 'slack' it stands in for that adapter. */
  platform?: string;
  /** Conversations it can post in; when given, any other conversation fails with 'not_found'. Default: all. */
  conversations?: Iterable<string>;
  /** A person's id here; defaults to their ChatUserRef field for the platform (nobody has one on 'memory'). */
  userIdOf?: (user: ChatUserRef) => string | undefined;
}

/** One message as the platform shows it. */
export interface MemoryMessage {
  messageId: string;
  conversationId: string;
  /** The card's latest view, for task cards. */
  view?: TaskCardView;
  text: string;
  /** Platform ids of the people mentioned. */
  mentionedUserIds: string[];
  /** How often the message was replaced in place. */
  updates: number;
}

type Probe = ChatChannelHarness['probe'];

export class MemoryChatChannel implements ChatChannel {
  readonly platform: string;
  /** Every call made, in order, e.g. "postTask T-1 v3" (handy to assert on order). */
  readonly calls: string[] = [];
  private readonly conversations: Set<string> | undefined;
  private readonly userIdOf: (user: ChatUserRef) => string | undefined;
  private readonly messages = new Map<string, MemoryMessage>();
  private readonly dms = new Map<string, string[]>();
  private nextId = 1;
  private failure: unknown = undefined;
  private delayOf: (call: string) => number = () => 0;

  constructor(options: MemoryChatChannelOptions = {}) {
    this.platform = options.platform ?? 'memory';
    this.conversations = options.conversations ? new Set(options.conversations) : undefined;
    const platform = this.platform;
    this.userIdOf = options.userIdOf ?? ((user) => platformUserId(user, platform));
  }

  /** Makes every call reject with `error` (anything, to test wrapping) until called with undefined. */
  failWith(error: unknown): void {
    this.failure = error;
  }

  /** Makes calls take real time, e.g. `(call) => (call.endsWith(' v2') ? 30 : 0)` (to test ordering of overlapping calls). */
  delay(ms: number | ((call: string) => number)): void {
    this.delayOf = typeof ms === 'number' ? () => ms : ms;
  }

  async postTask(to: ChannelAddress, view: TaskCardView): Promise<TaskPost> {
    await this.enter(`postTask ${view.taskId} v${view.version}`);
    this.checkAddress(to);
    return this.add(to.conversationId, { view, text: cardText(view), mentionedUserIds: this.mentioned(view.assignee ? [view.assignee] : []) });
  }

  async updateTask(post: TaskPost, view: TaskCardView): Promise<void> {
    await this.enter(`updateTask ${view.taskId} v${view.version}`);
    this.checkPlatform(post.platform);
    const message = this.messages.get(post.messageId);
    if (!message || message.conversationId !== post.conversationId || !message.view) {
      throw new ChatChannelError(this.platform, 'not_found', `no task card ${post.messageId} in ${post.conversationId}`);
    }
    Object.assign(message, { view, text: cardText(view), mentionedUserIds: this.mentioned(view.assignee ? [view.assignee] : []), updates: message.updates + 1 });
  }

  async notifyUser(user: ChatUserRef, message: ChatText): Promise<void> {
    await this.enter(`notifyUser ${user.userId}`);
    const id = this.userIdOf(user);
    if (id === undefined) throw new ChatChannelError(this.platform, 'invalid', `${user.displayName} (${user.userId}) has no ${this.platform} identity`);
    this.dms.set(id, [...(this.dms.get(id) ?? []), message.text]);
  }

  async postMessage(to: ChannelAddress, message: ChatText): Promise<TaskPost> {
    await this.enter(`postMessage ${to.conversationId}`);
    this.checkAddress(to);
    return this.add(to.conversationId, { text: message.text, mentionedUserIds: this.mentioned(message.mentions ?? []) });
  }

  /** Everything shown in a conversation, oldest first. */
  messagesOf(conversationId: string): MemoryMessage[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId);
  }

  /** The latest view of every task card, in posting order. */
  cards(): TaskCardView[] {
    return [...this.messages.values()].flatMap((m) => (m.view ? [m.view] : []));
  }

  /** The read-back the conformance suite and tests use. */
  readonly probe: Probe = {
    shownTask: async (post) => {
      const m = post.platform === this.platform ? this.messages.get(post.messageId) : undefined;
      if (!m?.view || m.conversationId !== post.conversationId) return null;
      return { taskId: m.view.taskId, version: m.view.version, status: m.view.status, mentionedUserIds: [...m.mentionedUserIds] };
    },
    directMessagesTo: async (user) => {
      const id = this.userIdOf(user);
      return id === undefined ? [] : [...(this.dms.get(id) ?? [])];
    },
    messagesIn: async (address) =>
      address.platform === this.platform ? this.messagesOf(address.conversationId).map((m) => ({ text: m.text, mentionedUserIds: [...m.mentionedUserIds] })) : [],
  };

  private async enter(call: string): Promise<void> {
    this.calls.push(call);
    const ms = this.delayOf(call);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    if (this.failure !== undefined) throw this.failure;
  }

  private checkPlatform(platform: string): void {
    if (platform !== this.platform) throw new ChatChannelError(this.platform, 'invalid', `a ${platform} address was given to the ${this.platform} channel`);
  }

  private checkAddress(to: ChannelAddress): void {
    this.checkPlatform(to.platform);
    if (this.conversations && !this.conversations.has(to.conversationId)) {
      throw new ChatChannelError(this.platform, 'not_found', `no conversation ${to.conversationId}`);
    }
  }

  private add(conversationId: string, shown: Pick<MemoryMessage, 'view' | 'text' | 'mentionedUserIds'>): TaskPost {
    const messageId = `${this.platform}-msg-${this.nextId++}`;
    this.messages.set(messageId, { messageId, conversationId, updates: 0, ...shown });
    return { platform: this.platform, conversationId, messageId };
  }

  private mentioned(users: ChatUserRef[]): string[] {
    return users.flatMap((u) => {
      const id = this.userIdOf(u);
      return id === undefined ? [] : [id];
    });
  }
}

function cardText(view: TaskCardView): string {
  return `[${view.statusLabel}] ${view.subject}`;
}

/** A harness over a fresh MemoryChatChannel with one known conversation and two people. */
export function memoryChatChannelHarness(platform: 'teams' | 'slack'): ChatChannelHarness {
  const channel = new MemoryChatChannel({ platform, conversations: ['C-AR-HELPDESK'] });
  const identity = platform === 'teams' ? { teamsAadObjectId: '7d3b1c4e-0000-4000-8000-000000000001' } : { slackUserId: 'U0ANALYST1' };
  return {
    channel,
    address: { platform, conversationId: 'C-AR-HELPDESK' },
    missingAddress: { platform, conversationId: 'C-DOES-NOT-EXIST' },
    user: { userId: 'user-ana', displayName: 'Ana Lima', ...identity },
    // Has an identity on the other platform only.
    userWithoutIdentity: platform === 'teams' ? { userId: 'user-bo', displayName: 'Bo Chen', slackUserId: 'U0BO' } : { userId: 'user-bo', displayName: 'Bo Chen', teamsAadObjectId: '7d3b1c4e-0000-4000-8000-000000000002' },
    probe: channel.probe,
    teardown: async () => undefined,
  };
}
