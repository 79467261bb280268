// One task, many platforms: posts, updates and notifications go to every chat platform that
// has an adapter registered and where the team (or person) is present. One platform failing
// never stops the others.
import type { TaskPost } from '../core/domain/task.js';
import type { Team, TeamChannels } from '../core/domain/team.js';
import { asChatChannelError, ChatChannelError, platformUserId, type ChannelAddress, type ChatChannel, type ChatText, type ChatUserRef } from './ports/chat-channel.js';
import type { TaskCardView } from './task-view.js';

/** A delivery that failed while the fan-out went on. */
export interface ChatDeliveryFailure {
  operation: 'postTask' | 'notify' | 'postMessage';
  platform: string;
  error: ChatChannelError;
}

export interface ChatChannelsOptions {
  /**
   * Told about every failed postTask, notify and postToChannels delivery (log it). When no
   * delivery of a call went through, the call also rejects with the first failure.
   */
  onFailure?: (failure: ChatDeliveryFailure) => void;
  /** A person's id on a platform; defaults to the ChatUserRef field of that platform. */
  userIdOf?: (user: ChatUserRef, platform: string) => string | undefined;
}

export interface UpdateEverywhereResult {
  updated: number;
  failed: { post: TaskPost; error: ChatChannelError }[];
}

/** How a team's channel on each platform is addressed: one line per platform. */
const TEAM_CHANNEL_ADDRESSES: ReadonlyArray<(channels: TeamChannels) => ChannelAddress | undefined> = [
  // A Teams channel's conversation id is the channel id ("19:…@thread.tacv2"); the team id is not needed to post.
  (c) => (c.teams ? { platform: 'teams', conversationId: c.teams.channelId } : undefined),
  (c) => (c.slack ? { platform: 'slack', conversationId: c.slack.channelId } : undefined),
];

/** The chat addresses of a team's channels, whether or not an adapter exists for them. */
export function channelAddresses(channels: TeamChannels): ChannelAddress[] {
  return TEAM_CHANNEL_ADDRESSES.flatMap((address) => {
    const a = address(channels);
    return a && a.conversationId.trim() !== '' ? [a] : [];
  });
}

type Settled<T> = { platform: string; ok: true; value: T } | { platform: string; ok: false; error: ChatChannelError };

/** The registered ChatChannel adapters, keyed by platform, and the fan-out over them. */
export class ChatChannels {
  private readonly adapters = new Map<string, ChatChannel>();
  /** The tail of each task's chain of card operations, so two quick updates arrive in order. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly onFailure: (failure: ChatDeliveryFailure) => void;
  private readonly userIdOf: (user: ChatUserRef, platform: string) => string | undefined;

  constructor(channels: Iterable<ChatChannel> = [], options: ChatChannelsOptions = {}) {
    this.onFailure = options.onFailure ?? (() => undefined);
    this.userIdOf = options.userIdOf ?? platformUserId;
    for (const channel of channels) this.register(channel);
  }

  /** Adds an adapter; a second adapter for the same platform is a wiring mistake and throws. */
  register(channel: ChatChannel): this {
    if (this.adapters.has(channel.platform)) throw new Error(`a chat adapter for platform "${channel.platform}" is already registered`);
    this.adapters.set(channel.platform, channel);
    return this;
  }

  /** Platforms with an adapter, in registration order. */
  platforms(): string[] {
    return [...this.adapters.keys()];
  }

  get(platform: string): ChatChannel | undefined {
    return this.adapters.get(platform);
  }

  /** Posts the card in every channel of the team that has an adapter; returns the posts made. */
  postTask(team: Pick<Team, 'channels'>, view: TaskCardView): Promise<TaskPost[]> {
    return this.serialise(view.taskId, async () => {
      const targets = this.reachable(channelAddresses(team.channels));
      const results = await Promise.all(targets.map(({ channel, address }) => settle(channel.platform, () => channel.postTask(address, view))));
      return this.delivered('postTask', results);
    });
  }

  /** Brings every posted copy of the card to `view`; failures are returned, never thrown. */
  updateEverywhere(posts: TaskPost[], view: TaskCardView): Promise<UpdateEverywhereResult> {
    return this.serialise(view.taskId, async () => {
      const results = await Promise.all(
        posts.map(async (post) => {
          const channel = this.adapters.get(post.platform);
          if (!channel) return { post, error: new ChatChannelError(post.platform, 'invalid', `no chat adapter is registered for platform "${post.platform}"`) };
          const r = await settle(post.platform, () => channel.updateTask(post, view));
          return r.ok ? { post } : { post, error: r.error };
        }),
      );
      const failed = results.flatMap((r) => (r.error ? [{ post: r.post, error: r.error }] : []));
      return { updated: results.length - failed.length, failed };
    });
  }

  /** Direct-messages the person on every platform they are on; returns the platforms it reached. */
  async notify(user: ChatUserRef, message: ChatText): Promise<string[]> {
    const targets = [...this.adapters.values()].filter((channel) => this.userIdOf(user, channel.platform) !== undefined);
    const results = await Promise.all(
      targets.map((channel) =>
        settle(channel.platform, async () => {
          await channel.notifyUser(user, message);
          return channel.platform;
        }),
      ),
    );
    return this.delivered('notify', results);
  }

  /** Posts a plain message in each of the channels that has an adapter; returns the posts made. */
  async postToChannels(channels: TeamChannels, message: ChatText): Promise<TaskPost[]> {
    const targets = this.reachable(channelAddresses(channels));
    const results = await Promise.all(targets.map(({ channel, address }) => settle(channel.platform, () => channel.postMessage(address, message))));
    return this.delivered('postMessage', results);
  }

  private reachable(addresses: ChannelAddress[]): { channel: ChatChannel; address: ChannelAddress }[] {
    return addresses.flatMap((address) => {
      const channel = this.adapters.get(address.platform);
      return channel ? [{ channel, address }] : [];
    });
  }

  /** The values delivered; reports each failure, and rejects when there were targets but none succeeded. */
  private delivered<T>(operation: ChatDeliveryFailure['operation'], results: Settled<T>[]): T[] {
    const values: T[] = [];
    const errors: ChatChannelError[] = [];
    for (const r of results) {
      if (r.ok) values.push(r.value);
      else {
        errors.push(r.error);
        this.onFailure({ operation, platform: r.platform, error: r.error });
      }
    }
    const [first] = errors;
    if (values.length === 0 && first) throw first;
    return values;
  }

  /** Runs `run` after every earlier operation on the same task has settled. */
  private serialise<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(run);
    const tail = result.then(
      () => undefined,
      // The caller gets this rejection through `result`; the chain only waits for it to settle.
      () => undefined,
    );
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return result;
  }
}

/** Calls an adapter, turning whatever it throws (even synchronously) into a ChatChannelError. */
async function settle<T>(platform: string, call: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { platform, ok: true, value: await call() };
  } catch (error) {
    return { platform, ok: false, error: asChatChannelError(platform, error) };
  }
}
