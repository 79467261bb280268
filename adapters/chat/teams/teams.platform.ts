// Teams as one of arbot's chat platforms: configured when MICROSOFT_APP_ID is set (requests
// must carry a valid Bot Framework token for that app) or, for local development with the
// Microsoft 365 Agents Playground only, when ARBOT_TEAMS_ALLOW_UNAUTHENTICATED is true.
// The bot answers on POST /api/messages through the SDK's CloudAdapter.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { authorizeJWT, type TurnContext } from '@microsoft/agents-hosting';
import type { ChatPlatformFactory } from '../../../app/chat-platforms.js';
import type { ArbotConfig } from '../../../app/config/schema.js';
import { TeamsBot } from './teams-bot.js';
import { teamsAuthConfig, TeamsCloudAdapter } from './teams-connector.js';
import { TeamsDirectory } from './teams-directory.js';
import { TEAMS } from './teams-errors.js';
import { TeamsChatChannel } from './teams.chat-channel.js';

/** Where Teams (and the Playground) post activities. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** The dashboard's path on the server (the card links to `<tab>/tasks/<id>`). */
const DASHBOARD_PATH = '/tab';

/** Whether Teams is configured: an app id, or unauthenticated local development. Pure. */
export function teamsConfigured(config: Pick<ArbotConfig, 'teams'>): boolean {
  return Boolean(config.teams.appId) || config.teams.allowUnauthenticated;
}

/** The Teams platform, or null when Teams is not configured. */
export const teamsPlatform: ChatPlatformFactory = async ({ config, desk, logger }) => {
  if (!teamsConfigured(config)) return null;
  const log = logger.child({ platform: TEAMS });
  const teams = config.teams;
  if (teams.allowUnauthenticated) {
    log.warn('Teams requests are accepted WITHOUT authentication (ARBOT_TEAMS_ALLOW_UNAUTHENTICATED=true): only for local development with the Agents Playground, never in production');
  }
  if (teams.appId && !teams.appPassword && teams.appType !== 'UserAssignedMSI') {
    log.warn('MICROSOFT_APP_PASSWORD is not set: the bot cannot get tokens to post to Teams');
  }
  const authConfig = teamsAuthConfig(teams);
  const adapter = new TeamsCloudAdapter(authConfig);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, type: context.activity.type, name: context.activity.name }, 'teams: the turn failed');
    if (context.activity.type === 'message') await context.sendActivity('Sorry, something went wrong on my side. Please try again.');
  };
  const directory = new TeamsDirectory(desk.repos.settings, desk.deps.clock);
  const base = config.server.publicUrl?.replace(/\/+$/, '');
  const tabUrl = base ? `${base}${DASHBOARD_PATH}` : undefined;
  const channel = new TeamsChatChannel({ connector: adapter, directory, logger: log, clock: desk.deps.clock, ...(tabUrl ? { tabUrl } : {}) });
  const bot = new TeamsBot({
    deps: desk.deps,
    cards: desk.cards,
    queries: { repos: desk.repos, sor: desk.sor, clock: desk.deps.clock },
    directory,
    logger: log,
    ...(tabUrl ? { tabUrl } : {}),
    records: { deps: desk.records, ...(base ? { publicUrl: base } : {}) },
  });
  // With an app id every request must carry a Bot Framework token for it; unauthenticated mode skips the check.
  const checkToken = authorizeJWT(authConfig);
  const authorize = teams.allowUnauthenticated ? [] : [(req: Request, res: Response, next: NextFunction) => checkToken(req, res, next)];
  log.info({ auth: teams.allowUnauthenticated ? 'none' : 'bot-framework-jwt', appType: teams.appType }, `Teams ready on ${TEAMS_MESSAGES_PATH}`);
  return {
    name: TEAMS,
    channel,
    mount: (app: Express) => {
      app.post(TEAMS_MESSAGES_PATH, express.json({ limit: '1mb' }), ...authorize, async (req: Request, res: Response) => {
        await adapter.process(req, res, (context) => bot.run(context));
      });
    },
  };
};
