// How arbot reaches the Bot Connector REST API outside a turn (proactive posts, updates,
// direct messages): the SDK's CloudAdapter makes the ConnectorClient, authenticated as the
// bot (or anonymous for the local Playground), and the TeamsChatChannel only sees the small
// TeamsConnector interface, so tests can point it anywhere.
import { AuthType, CloudAdapter, ConnectorClient, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { ArbotConfig } from '../../../app/config/schema.js';

/** Gives a Bot Connector client for a service URL (the one Teams called from). */
export interface TeamsConnector {
  client(serviceUrl: string): Promise<ConnectorClient>;
}

/** The scope of tokens for the Bot Connector (Azure Bot Service). */
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

/** The SDK's authentication settings for the bot's Entra app, from arbot's config; empty (anonymous) without an app id. */
export function teamsAuthConfig(teams: ArbotConfig['teams']): AuthConfiguration {
  if (!teams.appId) return {};
  const tenant = teams.tenantId ? { tenantId: teams.tenantId } : {};
  switch (teams.appType) {
    case 'UserAssignedMSI':
      return { clientId: teams.appId, authType: AuthType.UserManagedIdentity, ...tenant };
    case 'MultiTenant':
      // Multi-tenant bots get their tokens from the botframework.com tenant (the SDK's default authority).
      return { clientId: teams.appId, clientSecret: teams.appPassword, authType: AuthType.ClientSecret };
    case 'SingleTenant':
    default:
      return { clientId: teams.appId, clientSecret: teams.appPassword, authType: AuthType.ClientSecret, ...tenant };
  }
}

/** The SDK's CloudAdapter, plus connector clients for proactive calls. */
export class TeamsCloudAdapter extends CloudAdapter implements TeamsConnector {
  /** A Bot Connector client for `serviceUrl`, with a token for the bot's app (none when anonymous). */
  async client(serviceUrl: string): Promise<ConnectorClient> {
    const appId = this.getClientId();
    // Without an app id there is no token to get: the Playground (and the SDK's own anonymous
    // path in createConnectorClientWithIdentity) talk to the connector without one.
    if (!appId) return ConnectorClient.createClientWithToken(serviceUrl, '');
    return this.createConnectorClient(serviceUrl, BOT_FRAMEWORK_SCOPE, CloudAdapter.createIdentity(appId));
  }
}

/** One member of a team or chat as the connector lists them. */
export interface TeamsMember {
  /** Teams user id ("29:…"). */
  id: string;
  aadObjectId?: string;
  name?: string;
}

const ROSTER_PAGE = 200;

/**
 * The members of a conversation (a team, a channel, a chat), at most `max`. The SDK's
 * ConnectorClient has no call for the roster, so this uses the documented Bot Connector REST
 * API (GET /v3/conversations/{id}/pagedmembers) through the client's own HTTP client, which
 * carries its token.
 */
export async function listMembers(client: ConnectorClient, conversationId: string, max = 1000): Promise<TeamsMember[]> {
  const members: TeamsMember[] = [];
  let continuationToken: string | undefined;
  do {
    const response = await client.httpClient.request<unknown>({
      method: 'get',
      url: `v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers`,
      params: { pageSize: String(ROSTER_PAGE), continuationToken },
    });
    const page = pagedMembers(response.data);
    members.push(...page.members);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && members.length < max);
  return members.slice(0, max);
}

/** Reads one page of the roster answer. Pure. */
export function pagedMembers(data: unknown): { members: TeamsMember[]; continuationToken?: string } {
  if (typeof data !== 'object' || data === null) return { members: [] };
  const body = data as { members?: unknown; continuationToken?: unknown };
  const raw = Array.isArray(body.members) ? body.members : [];
  const members = raw.flatMap((m: unknown): TeamsMember[] => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as { id?: unknown; aadObjectId?: unknown; objectId?: unknown; name?: unknown };
    if (typeof r.id !== 'string' || r.id === '') return [];
    const aad = typeof r.aadObjectId === 'string' ? r.aadObjectId : typeof r.objectId === 'string' ? r.objectId : undefined;
    return [{ id: r.id, ...(aad ? { aadObjectId: aad } : {}), ...(typeof r.name === 'string' ? { name: r.name } : {}) }];
  });
  const token = typeof body.continuationToken === 'string' && body.continuationToken !== '' ? body.continuationToken : undefined;
  return token ? { members, continuationToken: token } : { members };
}
