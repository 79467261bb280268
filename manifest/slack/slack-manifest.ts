// The Slack app manifest, built from configuration: paste it at api.slack.com/apps ("Create
// New App" → "From a manifest") and every URL, scope, command and event is set up at once.
// Every request URL is Bolt's single endpoint, /slack/events, which tells commands, events and
// interactions apart by their payload.
import { stringify } from 'yaml';
import { ACCENT_COLOR } from '../brand.js';
import type { SlackManifest } from './slack-manifest.schema.js';

export type { SlackManifest } from './slack-manifest.schema.js';
export { validateSlackManifest } from './slack-manifest.schema.js';

/** The bot scopes arbot asks for, and what for. */
export const SLACK_BOT_SCOPES = [
  'chat:write', // post and update task cards, answer commands
  'chat:write.public', // post to a team's channel without being invited first
  'commands', // /ar
  'users:read', // names for mentions and assignees
  'users:read.email', // match Slack users to registered people by email
  'im:write', // open a direct message for SLA reminders
  'channels:read', // check a configured public channel
  'groups:read', // … or private channel
  'app_mentions:read', // @arbot in a channel
  'im:history', // messages sent to the bot directly
  'files:write', // statement and invoice PDFs posted from a record
] as const;

/** The user scopes of "Sign in with Slack" (OpenID Connect) on the dashboards. */
export const SLACK_SIGN_IN_SCOPES = ['openid', 'email', 'profile'] as const;

/** Where "Sign in with Slack" returns to, under the public URL (app/dashboard/auth/slack-oidc.ts). */
export const SLACK_SIGN_IN_REDIRECT_PATH = '/api/dashboard/auth/slack/callback';

export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const;

export const SLACK_COMMAND = '/ar';

export interface SlackManifestInput {
  /** Public https address of the server (ARBOT_PUBLIC_URL). */
  publicUrl: string;
  /** Display name, at most 35 characters. */
  appName: string;
  /** Only HTTP mode is supported: Slack calls the public URL. */
  socketMode?: false;
}

/** Builds the Slack app manifest for one arbot installation. */
export function buildSlackManifest(input: SlackManifestInput): SlackManifest {
  const base = input.publicUrl.replace(/\/+$/, '');
  const events = `${base}/slack/events`;
  return {
    display_information: {
      name: input.appName,
      description: 'Answers accounts-receivable email; routes the rest to your team as tasks.',
      long_description:
        'arbot reads the accounts-receivable mailbox, understands each email and answers the safe requests '
        + '(invoice copies, balance statements, payment status) from the system of record. Everything else '
        + 'arrives in your team\'s channel as a review task to claim, edit, approve and send. Type /ar to look '
        + 'up a customer, an invoice, your tasks or today\'s numbers.',
      background_color: ACCENT_COLOR,
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: botUserName(input.appName), always_online: true },
      slash_commands: [
        {
          command: SLACK_COMMAND,
          url: events,
          description: 'Look up a customer, an invoice, your tasks or today\'s numbers',
          usage_hint: 'customer <name> | invoice <number> | tasks [mine|team] | stats | help',
          should_escape: false,
        },
      ],
    },
    oauth_config: {
      redirect_urls: [`${base}/slack/oauth_redirect`, `${base}${SLACK_SIGN_IN_REDIRECT_PATH}`],
      scopes: { bot: [...SLACK_BOT_SCOPES], user: [...SLACK_SIGN_IN_SCOPES] },
    },
    settings: {
      event_subscriptions: { request_url: events, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, request_url: events },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

export type SlackManifestFormat = 'yaml' | 'json';
export const SLACK_MANIFEST_FORMATS: readonly SlackManifestFormat[] = ['yaml', 'json'];

/** The manifest as text, ready to paste into Slack's manifest editor. */
export function formatSlackManifest(manifest: SlackManifest, format: SlackManifestFormat): string {
  // lineWidth 0: no folded lines, so what is pasted reads as written.
  return format === 'json' ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 });
}

/** Slack bot user names allow a-z, 0-9, ".", "_" and "-": "AR Helpdesk" → "ar-helpdesk". */
function botUserName(appName: string): string {
  const name = appName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return name === '' ? 'arbot' : name;
}
