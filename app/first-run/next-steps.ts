// What the first run prints after the demo summary: where the dashboard is, how to try the
// Teams bot without a tenant, and the settings that connect real systems.
import type { ArbotConfig } from '../config/schema.js';

export interface NextStepsInput {
  config: ArbotConfig;
  /** The running server, e.g. http://127.0.0.1:3978. */
  serverUrl: string;
  /** Whether tab/dist holds the built dashboard page. */
  tabBuilt: boolean;
  /** The demo manager's email, for a dashboard token; none when the demo is not loaded. */
  demoManager?: string;
}

/** The lines after the summary. */
export function nextSteps({ config, serverUrl, tabBuilt, demoManager }: NextStepsInput): string {
  const tab = `${browsable(config, serverUrl)}/tab`;
  const dashboard = tabBuilt
    ? [`Dashboard:  ${tab}`, ...signIn(config, demoManager)]
    : [`Dashboard:  ${tab} is not built in this checkout: run \`npm run build:tab\` (npm install does it), then restart.`];
  return [
    ...dashboard,
    'Teams:      try the bot without a Microsoft 365 tenant: `npm run teams:playground`, then open http://localhost:56150',
    '',
    'Connect your own systems (README › "Connecting arbot", docs/deployment.md for production):',
    '  Teams    MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID, ARBOT_PUBLIC_URL; `arbot teams package` builds the app',
    '  Slack    SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET); `arbot slack manifest`',
    '  Mailbox  ARBOT_MAIL_PROVIDER=imap|graph|gmail with IMAP_*/SMTP_*, GRAPH_* or GMAIL_*; ARBOT_AR_MAILBOX, ARBOT_COMPANY_NAME',
    '  SoR      ARBOT_SOR_CONNECTOR=file|csv|rest|business-central with ARBOT_SOR_*; or once: `arbot import <sor.json|folder>`',
    '  Check    `arbot doctor` tests the configuration and every connection',
    ...(demoManager ? ['Your own data belongs in a fresh store: stop arbot and delete the demo\'s data folder (' + config.storage.dataDir + '); ARBOT_DEMO=off skips the demo.'] : []),
    '',
  ].join('\n');
}

function signIn(config: ArbotConfig, demoManager: string | undefined): string[] {
  if (config.dashboard.tokens && Object.keys(config.dashboard.tokens).length > 0) return ['            sign in with your token from ARBOT_DASHBOARD_TOKENS'];
  const user = demoManager ?? '<email of a registered user>';
  return [
    '            sign in with an API token: stop arbot and start it with',
    `            ARBOT_DASHBOARD_TOKENS='${user}=<a secret of 24 or more characters>' npm start`,
    '            then paste the secret into the sign-in form' + (demoManager ? ' (that user is the demo\'s manager, Nora Quinn).' : '.'),
  ];
}

/** Where a browser reaches the server: the public URL when set; a wildcard bind address is shown as loopback. */
function browsable(config: ArbotConfig, serverUrl: string): string {
  if (config.server.publicUrl) return config.server.publicUrl.replace(/\/+$/, '');
  return serverUrl.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
}
