// Slack as one of arbot's chat platforms: configured when SLACK_SIGNING_SECRET is set together
// with a bot token (one workspace) or the OAuth trio (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
// SLACK_STATE_SECRET: any number of workspaces, installations kept in MongoDB).
import type { ChatPlatformFactory } from '../../../app/chat-platforms.js';
import type { ArbotConfig } from '../../../app/config/schema.js';
import { createSlackApp, SLACK_REDIRECT_PATH, type SlackAuth } from './slack-app.js';
import { SLACK } from './slack-errors.js';
import { mongoInstallationStore } from './slack-installation-store.js';
import { SlackChatChannel } from './slack.chat-channel.js';
import { InstalledWorkspaces, newSlackWebClient, SingleWorkspace } from './slack-workspaces.js';

/** Under Slack's 3 s: how long a form submission waits for its use case to show a refusal on the form. */
const SUBMIT_DEADLINE_MS = 2000;

/** The dashboard's path on the server (the Teams tab and the browser page). */
const DASHBOARD_PATH = '/tab';

export type SlackSettings =
  | { configured: false; problem?: string }
  | { configured: true; signingSecret: string; auth: { kind: 'token'; botToken: string } | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string }; warning?: string };

/** Whether and how Slack is configured. Pure. */
export function slackSettings(config: Pick<ArbotConfig, 'slack'>): SlackSettings {
  const { signingSecret, botToken, clientId, clientSecret, stateSecret } = config.slack;
  const oauthParts = [clientId, clientSecret, stateSecret].filter((v) => v !== undefined && v !== '').length;
  if (!signingSecret) {
    return botToken || oauthParts > 0 ? { configured: false, problem: 'Slack is not started: SLACK_SIGNING_SECRET is not set.' } : { configured: false };
  }
  if (oauthParts === 3) {
    return {
      configured: true,
      signingSecret,
      auth: { kind: 'oauth', clientId: clientId as string, clientSecret: clientSecret as string, stateSecret: stateSecret as string },
      ...(botToken ? { warning: 'SLACK_BOT_TOKEN is ignored: the OAuth settings are set, so each workspace installs the app through /slack/install.' } : {}),
    };
  }
  if (botToken) {
    return {
      configured: true,
      signingSecret,
      auth: { kind: 'token', botToken },
      // SLACK_CLIENT_ID and SLACK_CLIENT_SECRET alone are "Sign in with Slack" for the dashboards, not a half-set OAuth install.
      ...(oauthParts > 0 && !(clientId && clientSecret && !stateSecret)
        ? { warning: 'Slack OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; using SLACK_BOT_TOKEN.' }
        : {}),
    };
  }
  return { configured: false, problem: 'Slack is not started: set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.' };
}

/** The Slack platform, or null when Slack is not configured. */
export const slackPlatform: ChatPlatformFactory = async ({ config, desk, logger }) => {
  const settings = slackSettings(config);
  if (!settings.configured) {
    if (settings.problem) logger.warn(settings.problem);
    return null;
  }
  const log = logger.child({ platform: SLACK });
  if (settings.warning) log.warn(settings.warning);
  const slackApiUrl = config.slack.apiUrl;
  const clientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), logger: log };
  const base = config.server.publicUrl?.replace(/\/+$/, '');
  let auth: SlackAuth;
  let workspaces;
  if (settings.auth.kind === 'token') {
    auth = settings.auth;
    workspaces = new SingleWorkspace(newSlackWebClient(settings.auth.botToken, clientOptions));
  } else {
    auth = {
      ...settings.auth,
      installationStore: mongoInstallationStore(desk.repos.slackInstallations, desk.deps.clock),
      ...(base ? { redirectUri: `${base}${SLACK_REDIRECT_PATH}` } : {}),
    };
    workspaces = new InstalledWorkspaces(desk.repos.slackInstallations, (token) => newSlackWebClient(token, clientOptions));
  }
  const channel = new SlackChatChannel({
    workspaces,
    logger: log,
    ...(base ? { tabUrl: (taskId: string) => `${base}${DASHBOARD_PATH}?task=${encodeURIComponent(taskId)}` } : {}),
  });
  const { router } = createSlackApp({
    signingSecret: settings.signingSecret,
    auth,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    logger: log,
    records: desk.records,
    handlers: { desk, logger: log, submitDeadlineMs: SUBMIT_DEADLINE_MS, ...(base ? { dashboardUrl: `${base}${DASHBOARD_PATH}` } : {}) },
  });
  log.info({ mode: settings.auth.kind }, 'Slack ready on /slack/events');
  return {
    name: SLACK,
    channel,
    mount: (app) => {
      app.use(router);
    },
  };
};
