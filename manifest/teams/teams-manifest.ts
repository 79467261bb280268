// The Teams app manifest, built from configuration: the bot with its commands, the message
// extension's search command, the dashboard tab (personal) and the channel tab, the valid
// domain and the SSO resource, all derived from the bot id and the public URL.
import type { TeamsManifestV1D29 } from '@microsoft/app-manifest';
import { ACCENT_COLOR, APP_NAME } from '../brand.js';

/**
 * The newest generally available schema that @microsoft/app-manifest bundles within 1.2x
 * (it also bundles 1.30, not yet GA when this was written). One constant: the type, the
 * $schema URL and the offline validation all follow it.
 */
export const TEAMS_MANIFEST_VERSION = '1.29';
export const TEAMS_MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export type TeamsManifest = TeamsManifestV1D29.TeamsManifestV1D29;

/** File names of the icons inside the app package, as the manifest names them. */
export const TEAMS_ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** The bot's commands as Teams lists them when someone types @arbot or opens the chat. */
export const TEAMS_BOT_COMMANDS: ReadonlyArray<{ title: string; description: string }> = [
  { title: 'customer', description: 'A customer\'s open balance, open and overdue invoices and contacts: customer <name or account number>' },
  { title: 'invoice', description: 'An invoice\'s status, balance and payments: invoice <number>' },
  { title: 'tasks', description: 'Open review tasks, yours or your team\'s: tasks [mine|team]' },
  { title: 'stats', description: 'Open tasks by status, overdue tasks, and what was closed and answered automatically in the last 24 hours' },
  { title: 'help', description: 'What arbot can do and how to ask' },
];

/**
 * The message extension's one search command (composeExtension/query invokes carry its id and
 * parameter name; adapters/chat/teams/teams-message-extension.ts answers them).
 */
export const TEAMS_SEARCH_COMMAND = {
  id: 'searchRecords',
  title: 'Customers and invoices',
  description: 'Find a customer or an invoice and share its summary card in the conversation',
  parameter: { name: 'query', title: 'Customer or invoice', description: 'Name (typos are fine), account number, contact email or domain, invoice or PO number' },
} as const;

export interface TeamsManifestInput {
  /** The bot's Microsoft Entra application id (MICROSOFT_APP_ID). */
  botId: string;
  /** The Teams app's own id; defaults to the bot id. */
  manifestId?: string;
  /** Public https address of the server (ARBOT_PUBLIC_URL); tabs and the SSO resource derive from it. */
  publicUrl: string;
  companyName: string;
  /** App version, MAJOR.MINOR.PATCH; a new upload to Teams needs a higher one. */
  version: string;
  /** Publisher details; each defaults to the company name or the public URL. */
  developer?: { name?: string; websiteUrl?: string; privacyUrl?: string; termsOfUseUrl?: string; mpnId?: string };
}

/** Builds the Teams app manifest (schema TEAMS_MANIFEST_VERSION) for one arbot installation. */
export function buildTeamsManifest(input: TeamsManifestInput): TeamsManifest {
  const base = input.publicUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  const developer = input.developer ?? {};
  return {
    $schema: TEAMS_MANIFEST_SCHEMA_URL,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: input.version,
    id: input.manifestId ?? input.botId,
    developer: {
      // The schema caps the developer name at 32 characters and the app names at 30 and 100.
      name: clip(developer.name ?? input.companyName, 32),
      // An app in an organisation's own catalogue needs no separate pages; pass real ones when you have them.
      websiteUrl: developer.websiteUrl ?? base,
      privacyUrl: developer.privacyUrl ?? base,
      termsOfUseUrl: developer.termsOfUseUrl ?? base,
      ...(developer.mpnId === undefined ? {} : { mpnId: developer.mpnId }),
    },
    name: { short: APP_NAME, full: clip(`${APP_NAME} for ${input.companyName}`, 100) },
    description: {
      short: 'Answers accounts-receivable email; routes the rest to your team as tasks.',
      full:
        'arbot reads the accounts-receivable mailbox, understands each email, answers the safe requests '
        + '(invoice copies, balance statements, payment status) from the system of record, and posts '
        + 'everything else here as a review task to claim, edit, approve and send. Ask it about a customer, '
        + 'an invoice, your tasks or today\'s numbers; the Dashboard tab shows the queue, SLAs and aging.',
    },
    icons: { color: TEAMS_ICON_FILES.color, outline: TEAMS_ICON_FILES.outline },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: input.botId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal', 'team', 'groupChat'], commands: TEAMS_BOT_COMMANDS.map((c) => ({ ...c })) }],
      },
    ],
    composeExtensions: [
      {
        botId: input.botId,
        commands: [
          {
            id: TEAMS_SEARCH_COMMAND.id,
            type: 'query',
            title: TEAMS_SEARCH_COMMAND.title,
            description: TEAMS_SEARCH_COMMAND.description,
            // Opening the command shows the customers of the person's open tasks before they type.
            initialRun: true,
            context: ['compose', 'commandBox'],
            parameters: [{ ...TEAMS_SEARCH_COMMAND.parameter, inputType: 'text' }],
          },
        ],
      },
    ],
    staticTabs: [
      // "conversations" is the reserved id of the bot's chat; listing it keeps the chat first, before the tab.
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'dashboard', name: 'Dashboard', contentUrl: `${base}/tab`, websiteUrl: `${base}/tab`, scopes: ['personal'] },
    ],
    configurableTabs: [
      {
        configurationUrl: `${base}/tab/configure`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab'],
      },
    ],
    validDomains: [host],
    webApplicationInfo: { id: input.botId, resource: `api://${host}/${input.botId}` },
  };
}

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}
