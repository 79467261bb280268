// Wires the dashboards into the HTTP server: the API under /api/dashboard and the page under
// /tab, with sign-in built from configuration. `arbot start` adds it to the server's mounts.
import { join } from 'node:path';
import type { Express } from 'express';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ArbotConfig } from '../config/schema.js';
import type { RecordActionDeps } from '../../bot/records/record-deps.js';
import { createRepositories } from '../../storage/repositories/index.js';
import { createReviewDesk, type ReviewDesk } from '../review-desk.js';
import { apiTokenVerifier } from './auth/api-tokens.js';
import { slackSignInFromConfig } from './auth/slack-oidc.js';
import { entraIssuers, remoteKeys, teamsSsoVerifier, type TeamsSsoClaims } from './auth/teams-sso.js';
import { dashboardApi } from './router.js';
import { tabRouter } from './tab-static.js';
import type { JWTVerifyGetKey } from 'jose';

/** Where `npm run build:tab` writes the page. */
export const TAB_DIST = join(import.meta.dirname, '../../tab/dist');

export interface DashboardMountDeps {
  db: Db;
  config: ArbotConfig;
  logger: Logger;
  clock?: () => Date;
  /** Signing keys for Teams SSO; default: the JWKS at dashboard.ssoJwksUrl. */
  ssoKeys?: JWTVerifyGetKey;
  /** Signing keys for "Sign in with Slack"; default: Slack's JWKS. */
  slackKeys?: JWTVerifyGetKey;
  distDir?: string;
  /** The running desk (chat in this process); without one the records build their own on first use. */
  desk?: Pick<ReviewDesk, 'records'>;
  /** Where templates and documents are looked up when the records build their own desk; default: the process's cwd. */
  cwd?: string;
}

/** The audiences Teams SSO tokens may carry: the configured one, else the app id URI of the manifest and the app id. */
export function ssoAudiences(config: ArbotConfig): string[] {
  if (config.dashboard.ssoAudience) return [config.dashboard.ssoAudience];
  const appId = config.teams.appId;
  if (!appId) return [];
  const host = config.server.publicUrl ? new URL(config.server.publicUrl).host : undefined;
  return host ? [`api://${host}/${appId}`, appId] : [appId];
}

/** The issuers Teams SSO tokens may come from; undefined: the token's own tenant (multi-tenant apps). */
export function ssoIssuers(config: ArbotConfig): string[] | undefined {
  if (config.dashboard.ssoIssuer) return [config.dashboard.ssoIssuer];
  return config.teams.tenantId ? entraIssuers(config.teams.tenantId) : undefined;
}

export function dashboardMount(deps: DashboardMountDeps): (app: Express) => void {
  const { config } = deps;
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger.child({ component: 'dashboard' });
  const audiences = ssoAudiences(config);
  let verifyTeams: ((token: string) => Promise<TeamsSsoClaims>) | undefined;
  if (audiences.length > 0) {
    verifyTeams = teamsSsoVerifier({ keys: deps.ssoKeys ?? remoteKeys(config.dashboard.ssoJwksUrl), audiences, issuers: ssoIssuers(config), clock });
  }
  const tokens = config.dashboard.tokens ?? {};
  const repos = createRepositories(deps.db, config.tenant.id);
  const slack = slackSignInFromConfig(config, { repos, logger, clock, ...(deps.slackKeys ? { keys: deps.slackKeys } : {}) });
  // Built on the first records request, so a dashboard that never opens a record pays nothing for it.
  let records: Promise<RecordActionDeps> | undefined;
  const recordDeps = (): Promise<RecordActionDeps> =>
    (records ??= deps.desk
      ? Promise.resolve(deps.desk.records)
      : createReviewDesk({ config, db: deps.db, repos, logger, cwd: deps.cwd ?? process.cwd(), clock }).then(
          (desk) => desk.records,
          (err: unknown) => {
            records = undefined; // the next request tries again
            throw err;
          },
        ));
  const api = dashboardApi({
    db: deps.db,
    tenantId: config.tenant.id,
    repos,
    records: recordDeps,
    logger,
    clock,
    ...(verifyTeams ? { verifyTeams } : {}),
    verifyApiToken: apiTokenVerifier(tokens),
    ...(slack ? { sessions: slack.sessions, slackSignIn: slack.routes } : {}),
    signIn: { teams: verifyTeams !== undefined, apiToken: Object.keys(tokens).length > 0, slack: slack !== null },
  });
  const tab = tabRouter(deps.distDir ?? TAB_DIST);
  return (app) => {
    app.use('/api/dashboard', api);
    app.use('/tab', tab);
  };
}
