// The Bolt app on arbot's own express server: an ExpressReceiver whose router is mounted on the
// shared app, with Bolt's single endpoint /slack/events for events, slash commands and
// interactivity (Slack tells them apart by payload), and, with OAuth, /slack/install and
// /slack/oauth_redirect. The receiver checks every request's signature (v0 HMAC-SHA256 with
// the signing secret, timestamp within 5 minutes) before anything runs, and answers 401
// otherwise. Handlers ack first and work after (processBeforeResponse: false).
import { App, ExpressReceiver, type InstallationStore } from '@slack/bolt';
import type { IRouter } from 'express';
import type { Logger } from 'pino';
import type { RecordActionDeps } from '../../../bot/records/record-deps.js';
import { SLACK_BOT_SCOPES } from '../../../manifest/slack/slack-manifest.js';
import { registerTaskActions } from './slack-actions.js';
import { registerArCommand } from './slack-command.handler.js';
import type { SlackHandlerContext } from './slack-context.js';
import { registerConversationEvents } from './slack-events.js';
import { registerAppHome } from './slack-home.js';
import { slackLogger } from './slack-logger.js';
import { registerModalSubmissions } from './slack-modals.js';
import { registerRecordActions } from './slack-record-actions.js';
import { registerRecordModalSubmissions } from './slack-record-modals.js';
import { withTrailingSlash } from './slack-workspaces.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** How the app gets its bot token: one workspace's token, or per workspace through OAuth installs. */
export type SlackAuth =
  | { kind: 'token'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string; installationStore: InstallationStore; redirectUri?: string };

export interface SlackAppOptions {
  signingSecret: string;
  auth: SlackAuth;
  /** The Web API base URL (a stub in tests); unset: Slack's. */
  slackApiUrl?: string;
  handlers: SlackHandlerContext;
  /** The customer and invoice record use cases' dependencies (ReviewDesk.records). */
  records: RecordActionDeps;
  logger: Logger;
}

export interface SlackApp {
  bolt: App;
  /** The routes to mount on arbot's express app. */
  router: IRouter;
}

/** Builds the Bolt app and its routes; nothing listens until the router is mounted. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = slackLogger(options.logger);
  // Fail fast like the channel adapter: a slow or rate-limited Slack must not hold a handler.
  const clientOptions = {
    ...(options.slackApiUrl ? { slackApiUrl: withTrailingSlash(options.slackApiUrl) } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
  const { auth } = options;
  const receiver = new ExpressReceiver({
    signingSecret: options.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    processBeforeResponse: false,
    ...(auth.kind === 'oauth'
      ? {
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          stateSecret: auth.stateSecret,
          scopes: [...SLACK_BOT_SCOPES],
          installationStore: auth.installationStore,
          ...(auth.redirectUri ? { redirectUri: auth.redirectUri } : {}),
          installerOptions: { directInstall: true, installPath: SLACK_INSTALL_PATH, redirectUriPath: SLACK_REDIRECT_PATH, clientOptions },
        }
      : {}),
  });
  const bolt = new App({
    receiver,
    logger,
    clientOptions,
    // One workspace: every request is served with the configured token (no auth.test round trip).
    ...(auth.kind === 'token' ? { authorize: () => Promise.resolve({ botToken: auth.botToken }) } : {}),
  });
  bolt.error(async (error) => {
    options.logger.error({ err: error, code: error.code }, 'Slack: request handling failed');
  });
  registerTaskActions(bolt, options.handlers);
  registerModalSubmissions(bolt, options.handlers);
  const withRecords = { ...options.handlers, records: options.records };
  registerRecordActions(bolt, withRecords);
  registerRecordModalSubmissions(bolt, withRecords);
  registerArCommand(bolt, withRecords);
  registerConversationEvents(bolt, withRecords);
  registerAppHome(bolt, options.handlers);
  if (auth.kind === 'oauth') registerUninstall(bolt, auth.installationStore, options.logger);
  return { bolt, router: receiver.router };
}

/** Forgets a workspace's installation (and so its token) when the app is uninstalled there. */
function registerUninstall(bolt: App, store: InstallationStore, logger: Logger): void {
  bolt.event('app_uninstalled', async ({ body, context }) => {
    const query = {
      teamId: context.teamId ?? body.team_id,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    };
    await store.deleteInstallation?.(query);
    logger.info({ teamId: query.teamId, enterpriseId: query.enterpriseId }, 'Slack: app uninstalled; installation removed');
  });
}
