// The chat platforms: Teams (app id, secret, tenant, and a Bot Framework token from Entra ID)
// and Slack (signing secret, and the bot token through auth.test).
import { fail, fetchJson, isLocalUrl, networkError, ok, skip, type CheckResult, type DoctorContext } from './check.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra ID, where the bot gets its Bot Framework tokens. */
export const ENTRA_LOGIN_URL = 'https://login.microsoftonline.com';
const SLACK_API_URL = 'https://slack.com/api/';

export async function checkTeams(ctx: DoctorContext, loginUrl = ENTRA_LOGIN_URL): Promise<CheckResult[]> {
  const t = ctx.config.teams;
  const name = 'Teams';
  const results: CheckResult[] = [];
  if (t.allowUnauthenticated) {
    const exposed = !isLoopbackHost(ctx.config.server.host) || ctx.config.server.publicUrl !== undefined;
    results.push(
      exposed
        ? fail(name, 'ARBOT_TEAMS_ALLOW_UNAUTHENTICATED=true on a server others can reach: anyone can act as any Teams user', 'unset ARBOT_TEAMS_ALLOW_UNAUTHENTICATED (it is for the Agents Playground on 127.0.0.1 only)')
        : skip(name, 'accepts requests without authentication (ARBOT_TEAMS_ALLOW_UNAUTHENTICATED): the local Agents Playground only'),
    );
  }
  if (!t.appId) return results.length > 0 ? results : [skip(name, 'not configured (MICROSOFT_APP_ID is not set)')];
  const problems = [
    ...(GUID.test(t.appId) ? [] : [`MICROSOFT_APP_ID "${t.appId}" is not a GUID`]),
    ...(t.appType !== 'UserAssignedMSI' && !t.appPassword ? ['MICROSOFT_APP_PASSWORD is not set'] : []),
    ...(t.appType !== 'MultiTenant' && !t.tenantId ? [`MICROSOFT_APP_TENANT_ID is not set (needed for ${t.appType})`] : []),
    ...(ctx.config.server.publicUrl === undefined ? ['ARBOT_PUBLIC_URL is not set (Teams must reach <public URL>/api/messages)'] : []),
  ];
  if (problems.length > 0) return [...results, fail(name, problems.join('; '), 'copy the values from the Azure Bot resource and its Entra app registration (docs/deployment.md §4)')];
  if (t.appType === 'UserAssignedMSI') return [...results, skip(name, 'managed identity: the token is only available on Azure; not checked here')];
  if (ctx.offline) return [...results, skip(name, `app ${t.appId}: settings complete; token not checked: offline`)];
  const tenant = t.appType === 'MultiTenant' ? 'botframework.com' : (t.tenantId as string);
  try {
    const { status, body } = await fetchJson(ctx, `${loginUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: t.appId, client_secret: t.appPassword as string, scope: 'https://api.botframework.com/.default' }).toString(),
    });
    if (status === 200) return [...results, ok(name, `app ${t.appId} gets a Bot Framework token from tenant ${tenant}`)];
    const error = typeof body === 'object' && body !== null ? String((body as { error_description?: unknown }).error_description ?? (body as { error?: unknown }).error ?? status) : `HTTP ${status}`;
    return [...results, fail(name, `app ${t.appId}: Entra ID refused the credentials: ${error.split(/\r?\n/)[0]}`, 'check MICROSOFT_APP_PASSWORD (a client secret of the app, not its id; expired?), MICROSOFT_APP_TENANT_ID and MICROSOFT_APP_TYPE')];
  } catch (err) {
    return [...results, fail(name, `cannot reach ${loginUrl}: ${networkError(err, ctx.timeoutMs)}`, 'allow outbound HTTPS to login.microsoftonline.com (proxy, firewall)')];
  }
}

export async function checkSlack(ctx: DoctorContext): Promise<CheckResult[]> {
  const { slackSettings } = await import('../../adapters/chat/slack/slack.platform.js');
  const settings = slackSettings(ctx.config);
  const name = 'Slack';
  if (!settings.configured) {
    return settings.problem ? [fail(name, settings.problem.replace(/^Slack is not started: /, 'not started: '), 'set the missing Slack settings from the app\'s Basic Information and OAuth & Permissions pages')] : [skip(name, 'not configured (SLACK_SIGNING_SECRET is not set)')];
  }
  if (settings.auth.kind === 'oauth') return [ok(name, 'OAuth installs (any number of workspaces) at <public URL>/slack/install; tokens are checked per workspace when used')];
  const apiUrl = ctx.config.slack.apiUrl ?? SLACK_API_URL;
  const url = `${apiUrl.replace(/\/+$/, '')}/auth.test`;
  if (ctx.offline && !isLocalUrl(url)) return [skip(name, 'SLACK_BOT_TOKEN set; not checked: offline')];
  try {
    const { status, body } = await fetchJson(ctx, url, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.auth.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    const answer = (typeof body === 'object' && body !== null ? body : {}) as { ok?: unknown; error?: unknown; team?: unknown; user?: unknown };
    if (answer.ok === true) return [ok(name, `SLACK_BOT_TOKEN works: bot ${String(answer.user)} in workspace ${String(answer.team)}`)];
    const error = typeof answer.error === 'string' ? answer.error : `HTTP ${status}`;
    return [fail(name, `SLACK_BOT_TOKEN was refused by Slack (${error})`, 'copy the Bot User OAuth Token (xoxb-…) from the app\'s OAuth & Permissions page; reinstall the app if it was revoked')];
  } catch (err) {
    return [fail(name, `cannot reach ${url}: ${networkError(err, ctx.timeoutMs)}`, 'allow outbound HTTPS to slack.com (proxy, firewall), or fix SLACK_API_URL')];
  }
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
