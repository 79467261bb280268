// Which Slack workspace, and so which bot token, serves a channel or a person. With a single
// bot token (SLACK_BOT_TOKEN) there is one workspace; with OAuth there is one installation per
// workspace, and a channel id is found by asking each workspace once (then remembered).
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ChatChannelError } from '../../../bot/ports/chat-channel.js';
import type { SlackInstallationRepo } from '../../../storage/repositories/slack-installation.repo.js';
import { SLACK } from './slack-errors.js';
import { botTokenOf } from './slack-installation-store.js';
import { slackLogger } from './slack-logger.js';

export type SlackWebClient = webApi.WebClient;

export interface SlackWebClientOptions {
  /** Base URL of the Web API (tests point it at a stub), e.g. "http://127.0.0.1:4000/api/". */
  slackApiUrl?: string;
  /** Per-request timeout, milliseconds. */
  timeoutMs?: number;
  logger: Logger;
}

/**
 * A WebClient that fails fast: no retries and no waiting out rate limits, since a failed card
 * update is brought up to date by the task's next change, and a chat call must never hold up
 * the use case that triggered it.
 */
export function newSlackWebClient(token: string | undefined, options: SlackWebClientOptions): SlackWebClient {
  return new webApi.WebClient(token, {
    ...(options.slackApiUrl ? { slackApiUrl: withTrailingSlash(options.slackApiUrl) } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logger: slackLogger(options.logger),
  });
}

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Resolves the client (workspace) for a channel or a user. */
export interface SlackWorkspaces {
  forChannel(channelId: string): Promise<SlackWebClient>;
  forUser(slackUserId: string): Promise<SlackWebClient>;
}

/** One workspace, one bot token. */
export class SingleWorkspace implements SlackWorkspaces {
  constructor(private readonly client: SlackWebClient) {}
  forChannel(): Promise<SlackWebClient> {
    return Promise.resolve(this.client);
  }
  forUser(): Promise<SlackWebClient> {
    return Promise.resolve(this.client);
  }
}

/** Every workspace that installed the app through OAuth. */
export class InstalledWorkspaces implements SlackWorkspaces {
  private readonly clients = new Map<string, SlackWebClient>();
  private readonly owners = new Map<string, SlackWebClient>();

  constructor(
    private readonly repo: Pick<SlackInstallationRepo, 'list'>,
    private readonly makeClient: (token: string) => SlackWebClient,
  ) {}

  forChannel(channelId: string): Promise<SlackWebClient> {
    return this.owner(`channel:${channelId}`, (client) => client.conversations.info({ channel: channelId }));
  }

  forUser(slackUserId: string): Promise<SlackWebClient> {
    return this.owner(`user:${slackUserId}`, (client) => client.users.info({ user: slackUserId }));
  }

  private async owner(key: string, probe: (client: SlackWebClient) => Promise<unknown>): Promise<SlackWebClient> {
    const known = this.owners.get(key);
    if (known) return known;
    const clients = await this.all();
    if (clients.length === 0) throw new ChatChannelError(SLACK, 'auth', 'Slack is not installed in any workspace yet (open /slack/install).');
    if (clients.length === 1) return clients[0] as SlackWebClient;
    for (const client of clients) {
      // A workspace that does not have the channel answers channel_not_found: try the next one.
      const found = await probe(client).then(
        () => true,
        () => false,
      );
      if (found) {
        this.owners.set(key, client);
        return client;
      }
    }
    throw new ChatChannelError(SLACK, 'not_found', `no Slack workspace that installed arbot has ${key.replace(':', ' ')}`);
  }

  private async all(): Promise<SlackWebClient[]> {
    const tokens = (await this.repo.list()).flatMap((r) => {
      const token = botTokenOf(r.installation);
      return token ? [token] : [];
    });
    return tokens.map((token) => {
      let client = this.clients.get(token);
      if (!client) {
        client = this.makeClient(token);
        this.clients.set(token, client);
      }
      return client;
    });
  }
}
