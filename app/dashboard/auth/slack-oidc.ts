// "Sign in with Slack" (OpenID Connect) for the dashboards in a plain browser:
//   GET /auth/slack/login    → 302 to Slack's authorize page, with a random state and nonce
//                              kept in a short-lived signed cookie;
//   GET /auth/slack/callback → state checked, the code exchanged at openid.connect.token, the
//                              id_token verified (Slack's JWKS, issuer, audience, expiry, nonce),
//                              the Slack user resolved like a Slack chat identity, then a
//                              session cookie (session.ts) and a 302 to /tab;
//   POST /auth/logout        → the session cookie cleared.
// The callback is a browser navigation, so its refusals are small HTML pages.
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { auditDenied } from '../../../bot/authorize.js';
import { resolveUser } from '../../../bot/identity.js';
import type { Repositories } from '../../../storage/repositories/index.js';
import type { ArbotConfig } from '../../config/schema.js';
import { CSRF_HEADER } from './authenticate.js';
import { CookieSigner, parseCookies, serializeCookie, SESSION_COOKIE, SESSION_COOKIE_PATH, sessionSecret, SessionCookies } from './session.js';
import { describeJoseError, remoteKeys } from './teams-sso.js';
import { viewerOf } from './viewer.js';

export const SLACK_AUTHORIZE_URL = 'https://slack.com/openid/connect/authorize';
export const SLACK_JWKS_URL = 'https://slack.com/openid/connect/keys';
export const SLACK_ISSUER = 'https://slack.com';
/** Where Slack sends the person back, under server.publicUrl; also in the Slack app manifest. */
export const SLACK_CALLBACK_PATH = '/api/dashboard/auth/slack/callback';
export const SLACK_SCOPES = ['openid', 'profile', 'email'] as const;

const STATE_COOKIE = 'arbot_slack_signin';
const STATE_COOKIE_PATH = '/api/dashboard/auth/slack';
/** How long the round trip to Slack may take. */
const STATE_TTL_MS = 10 * 60_000;
const TOKEN_TIMEOUT_MS = 10_000;

export interface SlackOidcOptions {
  clientId: string;
  clientSecret: string;
  /** `${publicUrl}/api/dashboard/auth/slack/callback`. */
  redirectUri: string;
  /** Base URL of Slack's Web API, ending in a slash (https://slack.com/api/). */
  apiUrl: string;
  /** Slack's signing keys (the remote JWKS in production). */
  keys: JWTVerifyGetKey;
  clock: () => Date;
  fetch: typeof fetch;
}

/** Who Slack says signed in. */
export interface SlackSignInClaims {
  userId: string;
  teamId: string;
  email?: string;
}

/** Why a sign-in was refused; `status` is what the callback answers. */
export class SlackSignInError extends Error {
  constructor(readonly status: number, readonly reason: string) {
    super(reason);
    this.name = 'SlackSignInError';
  }
}

/** The URL of Slack's sign-in page for one attempt; `team` preselects a workspace. */
export function slackAuthorizeUrl(opts: Pick<SlackOidcOptions, 'clientId' | 'redirectUri'>, attempt: { state: string; nonce: string; team?: string }): string {
  const url = new URL(SLACK_AUTHORIZE_URL);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', SLACK_SCOPES.join(' '));
  url.searchParams.set('client_id', opts.clientId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('state', attempt.state);
  url.searchParams.set('nonce', attempt.nonce);
  if (attempt.team) url.searchParams.set('team', attempt.team);
  // URLSearchParams writes spaces as "+"; Slack's examples (and RFC 3986) use %20.
  return url.toString().replace(/\+/g, '%20');
}

/** Exchanges the callback's code for Slack's id_token (openid.connect.token). */
export async function exchangeSlackCode(opts: SlackOidcOptions, code: string): Promise<string> {
  let res: globalThis.Response;
  try {
    res = await opts.fetch(new URL('openid.connect.token', opts.apiUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: opts.clientId, client_secret: opts.clientSecret, code, redirect_uri: opts.redirectUri, grant_type: 'authorization_code' }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (err) {
    throw new SlackSignInError(502, `Slack could not be reached (${err instanceof Error ? err.message : String(err)})`);
  }
  // fetch resolves for any status, so a non-2xx answer is turned into a refusal here.
  if (!res.ok) throw new SlackSignInError(502, `Slack answered ${res.status} to openid.connect.token`);
  const body = (await res.json().catch(() => null)) as { ok?: unknown; error?: unknown; id_token?: unknown } | null;
  if (body === null || body.ok !== true) throw new SlackSignInError(401, `Slack refused the sign-in (${typeof body?.error === 'string' ? body.error : 'no reason given'})`);
  if (typeof body.id_token !== 'string') throw new SlackSignInError(502, 'Slack returned no id_token');
  return body.id_token;
}

/** Verifies Slack's id_token (signature, issuer, audience, expiry, nonce) and returns who signed in. */
export async function verifySlackIdToken(opts: SlackOidcOptions, idToken: string, nonce: string): Promise<SlackSignInClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(idToken, opts.keys, {
      issuer: SLACK_ISSUER,
      audience: opts.clientId,
      algorithms: ['RS256'],
      currentDate: opts.clock(),
      clockTolerance: 60,
      requiredClaims: ['exp', 'iat', 'nonce'],
    }));
  } catch (err) {
    throw new SlackSignInError(401, describeJoseError(err));
  }
  if (payload['nonce'] !== nonce) throw new SlackSignInError(401, 'token nonce does not match this sign-in');
  const userId = payload['https://slack.com/user_id'];
  const teamId = payload['https://slack.com/team_id'];
  if (typeof userId !== 'string' || userId === '' || typeof teamId !== 'string' || teamId === '') throw new SlackSignInError(401, 'token names no Slack user and workspace');
  const email = payload['email'];
  return { userId, teamId, ...(typeof email === 'string' ? { email } : {}) };
}

export interface SlackSignInDeps {
  oidc: SlackOidcOptions;
  signer: CookieSigner;
  sessions: SessionCookies;
  /** Secure cookies (server.publicUrl is https). */
  secure: boolean;
  repos: Pick<Repositories, 'users' | 'audit'>;
  logger: Logger;
  /** The one workspace to preselect on Slack's page, when there is exactly one. */
  workspace?: () => Promise<string | undefined>;
}

/** The routes under /api/dashboard/auth: Slack login and callback, and logout. */
export function slackSignInRoutes(deps: SlackSignInDeps): Router {
  const router = express.Router();
  const clock = deps.oidc.clock;

  router.get('/slack/login', async (_req, res) => {
    const state = randomBytes(18).toString('base64url');
    const nonce = randomBytes(18).toString('base64url');
    const cookie = deps.signer.sign('slack-signin', { s: state, n: nonce }, new Date(clock().getTime() + STATE_TTL_MS));
    res.setHeader('Set-Cookie', serializeCookie(STATE_COOKIE, cookie, { path: STATE_COOKIE_PATH, maxAge: STATE_TTL_MS / 1000, secure: deps.secure }));
    res.setHeader('Cache-Control', 'no-store');
    const team = deps.workspace ? await deps.workspace() : undefined;
    res.redirect(302, slackAuthorizeUrl(deps.oidc, { state, nonce, ...(team ? { team } : {}) }));
  });

  router.get('/slack/callback', async (req, res) => {
    const cookies: string[] = [serializeCookie(STATE_COOKIE, '', { path: STATE_COOKIE_PATH, maxAge: 0, secure: deps.secure })];
    res.setHeader('Cache-Control', 'no-store');
    const refuse = (status: number, message: string, reason = message): void => {
      deps.logger.info({ status, reason }, 'dashboard: Slack sign-in refused');
      res.setHeader('Set-Cookie', cookies);
      page(res, status, message);
    };
    const query = req.query as Record<string, unknown>;
    if (typeof query['error'] === 'string') return refuse(400, `Slack sign-in was not completed (${query['error']}).`);
    const attempt = readAttempt(deps, req);
    if (attempt === null || typeof query['state'] !== 'string' || query['state'] !== attempt.state) {
      return refuse(400, 'This sign-in has expired or was started in another browser. Start again.', 'state does not match');
    }
    if (typeof query['code'] !== 'string' || query['code'] === '') return refuse(400, 'Slack sent no sign-in code. Start again.');
    let claims: SlackSignInClaims;
    try {
      claims = await verifySlackIdToken(deps.oidc, await exchangeSlackCode(deps.oidc, query['code']), attempt.nonce);
    } catch (err) {
      if (err instanceof SlackSignInError) return refuse(err.status, `Sign in with Slack failed: ${err.reason}.`, err.reason);
      throw err;
    }
    const user = await resolveUser(deps.repos.users, { platform: 'slack', userId: claims.userId });
    const subject = { type: 'dashboard', id: 'sign-in' };
    if (user === null) {
      await auditDenied({ repos: deps.repos, clock }, `slack:${claims.userId}`, 'dashboard.view', subject, 'unknown_user', 'not a registered arbot user');
      return refuse(403, `You are not registered in arbot (Slack user ${claims.userId}${claims.email ? `, ${claims.email}` : ''}). Ask an arbot manager to add you.`, 'not registered');
    }
    if (viewerOf(user, 'slack') === null) {
      await auditDenied({ repos: deps.repos, clock }, user.id, 'dashboard.view', subject, 'forbidden', `roles [${user.roles.join(', ')}] allow no dashboard`);
      return refuse(403, 'Your role does not include the dashboards.', 'no dashboard role');
    }
    const issued = deps.sessions.issue(user.id);
    cookies.push(serializeCookie(SESSION_COOKIE, issued.value, { path: SESSION_COOKIE_PATH, maxAge: deps.sessions.maxAgeSeconds, secure: deps.secure }));
    res.setHeader('Set-Cookie', cookies);
    deps.logger.info({ userId: user.id, slackUserId: claims.userId, slackTeamId: claims.teamId, expiresAt: issued.session.expiresAt }, 'dashboard: signed in with Slack');
    res.redirect(302, '/tab');
  });

  router.post('/logout', (req, res) => {
    // A cross-site form cannot set this header, so nobody is signed out by another site.
    if (req.get(CSRF_HEADER) !== '1') {
      res.status(403).json({ error: 'forbidden', message: `cross-site request refused: send the ${CSRF_HEADER} header` });
      return;
    }
    res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { path: SESSION_COOKIE_PATH, maxAge: 0, secure: deps.secure }));
    res.status(204).end();
  });

  return router;
}

function readAttempt(deps: SlackSignInDeps, req: Request): { state: string; nonce: string } | null {
  const value = parseCookies(req.get('cookie')).get(STATE_COOKIE);
  if (value === undefined) return null;
  const checked = deps.signer.verify('slack-signin', value, deps.oidc.clock());
  if (!checked.ok) return null;
  const { s, n } = checked.value;
  return typeof s === 'string' && typeof n === 'string' ? { state: s, nonce: n } : null;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal page for the browser that followed Slack's redirect. */
function page(res: Response, status: number, message: string): void {
  res.status(status).type('html').send(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>arbot sign-in</title></head>'
    + `<body><main><h1>arbot sign-in</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/tab">Back to the dashboards</a></p></main></body></html>`,
  );
}

export interface SlackSignInSetup {
  repos: Pick<Repositories, 'users' | 'audit' | 'slackInstallations'>;
  logger: Logger;
  clock: () => Date;
  /** Slack's signing keys; default: the remote JWKS at slack.com. */
  keys?: JWTVerifyGetKey;
  fetch?: typeof fetch;
}

/** Sign in with Slack as configured: offered when the Slack app's client id and secret and server.publicUrl are set; null otherwise. */
export function slackSignInFromConfig(config: ArbotConfig, setup: SlackSignInSetup): { routes: Router; sessions: SessionCookies } | null {
  const { clientId, clientSecret } = config.slack;
  const publicUrl = config.server.publicUrl;
  if (!clientId || !clientSecret || !publicUrl) return null;
  const signer = new CookieSigner(sessionSecret(config.dashboard.sessionSecret, setup.logger));
  const sessions = new SessionCookies(signer, config.dashboard.sessionHours * 3_600_000, setup.clock);
  const apiUrl = config.slack.apiUrl ?? 'https://slack.com/api/';
  const routes = slackSignInRoutes({
    oidc: {
      clientId,
      clientSecret,
      redirectUri: `${publicUrl.replace(/\/+$/, '')}${SLACK_CALLBACK_PATH}`,
      apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      keys: setup.keys ?? remoteKeys(SLACK_JWKS_URL),
      clock: setup.clock,
      // Looked up at call time, so whatever fetch the process has then is used.
      fetch: setup.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    },
    signer,
    sessions,
    secure: new URL(publicUrl).protocol === 'https:',
    repos: setup.repos,
    logger: setup.logger,
    workspace: async () => {
      // With exactly one workspace installed through OAuth, Slack's page preselects it.
      const workspaces = (await setup.repos.slackInstallations.list()).filter((i) => !i.isEnterpriseInstall && i.teamId);
      return workspaces.length === 1 ? workspaces[0]?.teamId : undefined;
    },
  });
  return { routes, sessions };
}
