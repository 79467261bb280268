// The port every chat platform implements (adapters/chat/teams, adapters/chat/slack): post a
// task card, update it in place, direct-message a person, post a plain message. Every failure
// leaves an adapter as a ChatChannelError with one of a few codes, so callers decide on retry,
// back-off or giving up without knowing the platform.
import type { TaskPost } from '../../core/domain/task.js';
import type { TaskCardView } from '../task-view.js';

/** A person as chat platforms know them (for @mentions and direct messages). */
export interface ChatUserRef {
  /** arbot's user id. */
  userId: string;
  displayName: string;
  teamsAadObjectId?: string;
  slackUserId?: string;
}

/** A channel or conversation on one platform (Teams: the channel's conversation id; Slack: channel id). */
export interface ChannelAddress {
  platform: string;
  conversationId: string;
}

/**
 * A message. Each person in `mentions` is written "@displayName" in `text`; the adapter turns
 * that into the platform's mention (Teams `<at>` entity, Slack `<@U…>`). A person without an
 * identity on the platform stays plain text.
 */
export interface ChatText {
  text: string;
  mentions?: ChatUserRef[];
}

export type ChatChannelErrorCode = 'not_found' | 'forbidden' | 'auth' | 'temporary' | 'invalid' | 'unknown';

/** Any failure of a chat adapter, normalized at the edge. */
export class ChatChannelError extends Error {
  override readonly name = 'ChatChannelError';
  readonly code: ChatChannelErrorCode;
  readonly platform: string;

  constructor(platform: string, code: ChatChannelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.platform = platform;
    this.code = code;
  }
}

/** `error` as a ChatChannelError of `platform`: kept as is when it already is one, else wrapped as 'unknown'. */
export function asChatChannelError(platform: string, error: unknown): ChatChannelError {
  if (error instanceof ChatChannelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChatChannelError(platform, 'unknown', message, { cause: error });
}

export interface ChatChannel {
  readonly platform: string;
  /** Posts a task card (mentioning the assignee when they have an identity here); the returned post is where updates go. */
  postTask(to: ChannelAddress, view: TaskCardView): Promise<TaskPost>;
  /** Replaces a posted card in place (everyone sees the new state). */
  updateTask(post: TaskPost, view: TaskCardView): Promise<void>;
  /** A direct message to one person (reminders); ChatChannelError 'invalid' when they have no identity here. */
  notifyUser(user: ChatUserRef, message: ChatText): Promise<void>;
  /** A plain message in a channel (escalations, summaries). */
  postMessage(to: ChannelAddress, message: ChatText): Promise<TaskPost>;
}

/** Where each platform keeps a person's id on ChatUserRef: one line per platform. */
const PLATFORM_USER_IDS: Readonly<Record<string, (user: ChatUserRef) => string | undefined>> = {
  teams: (user) => user.teamsAadObjectId,
  slack: (user) => user.slackUserId,
};

/** The person's id on `platform` ("teams", "slack"), or undefined when they have none there. */
export function platformUserId(user: ChatUserRef, platform: string): string | undefined {
  const id = Object.hasOwn(PLATFORM_USER_IDS, platform) ? PLATFORM_USER_IDS[platform]?.(user) : undefined;
  return id === undefined || id.trim() === '' ? undefined : id;
}
