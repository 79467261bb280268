// The chat platforms arbot serves (Teams, Slack): each is one factory that returns null when
// it is not configured. A configured platform registers its ChatChannel adapter with the
// review desk and mounts its HTTP routes. Adding a platform is one line in
// `chatPlatformFactories`.
import type { Express } from 'express';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ChatChannel } from '../bot/ports/chat-channel.js';
import { SlaWatch } from './services/sla-watch.js';
import { slaCheckJob } from '../jobs/sla-check.job.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { createRepositories } from '../storage/repositories/index.js';
import type { ArbotConfig } from './config/schema.js';
import { createReviewDesk, type ReviewDesk } from './review-desk.js';
import { slackPlatform } from '../adapters/chat/slack/slack.platform.js';
import { teamsPlatform } from '../adapters/chat/teams/teams.platform.js';

/** One running chat integration. */
export interface ChatPlatform {
  name: string;
  /** The platform's ChatChannel adapter (registered with the desk's fan-out). */
  channel: ChatChannel;
  /** Adds the platform's HTTP routes (mounted before the 404 handler). */
  mount(app: Express): void;
  stop?(): Promise<void>;
}

export interface ChatPlatformContext {
  config: ArbotConfig;
  desk: ReviewDesk;
  logger: Logger;
}

/** Creates a platform from configuration, or returns null when it is not configured. */
export type ChatPlatformFactory = (ctx: ChatPlatformContext) => Promise<ChatPlatform | null>;

/** Every chat platform, one line each (Teams and Slack arrive with their issues). */
export const chatPlatformFactories: readonly ChatPlatformFactory[] = [
  teamsPlatform,
  slackPlatform,
];

/** What `arbot start` gets from the chat side. */
export interface ChatHandle {
  platforms: string[];
  mounts: Array<(app: Express) => void>;
  /** Jobs that only make sense with a chat platform (SLA reminders). */
  jobs: JobDefinition[];
  /** The desk the platforms show tasks through; jobs that open or send tasks use it too. */
  desk?: ReviewDesk;
  stop(): Promise<void>;
}

/** Builds the review desk and every configured platform; with none configured, nothing is built. */
export async function startChatPlatforms(opts: {
  db: Db;
  config: ArbotConfig;
  logger: Logger;
  cwd: string;
  factories?: readonly ChatPlatformFactory[];
}): Promise<ChatHandle> {
  const factories = opts.factories ?? chatPlatformFactories;
  if (factories.length === 0) return { platforms: [], mounts: [], jobs: [], stop: async () => undefined };
  const repos = createRepositories(opts.db, opts.config.tenant.id);
  const desk = await createReviewDesk({ config: opts.config, db: opts.db, repos, logger: opts.logger, cwd: opts.cwd });
  const platforms: ChatPlatform[] = [];
  for (const factory of factories) {
    const platform = await factory({ config: opts.config, desk, logger: opts.logger });
    if (platform === null) continue;
    desk.channels.register(platform.channel);
    platforms.push(platform);
  }
  const jobs: JobDefinition[] =
    platforms.length === 0 ? [] : [slaCheckJob((ctx) => new SlaWatch({ repos: createRepositories(ctx.db, opts.config.tenant.id), channels: desk.channels, logger: ctx.logger }))];
  return {
    platforms: platforms.map((p) => p.name),
    mounts: platforms.map((p) => (app: Express) => p.mount(app)),
    jobs,
    ...(platforms.length > 0 ? { desk } : {}),
    stop: async () => {
      for (const p of platforms) await p.stop?.();
    },
  };
}
