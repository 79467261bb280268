// Express middleware in front of every dashboard API route: a bearer token (Teams SSO token,
// a signed-in Slack session or a configured API token) → a registered user → a Viewer in
// res.locals.viewer. No valid token: 401. A valid token for nobody registered, or for a user
// whose roles allow no dashboard: 403 (audited).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { User } from '../../../core/domain/user.js';
import type { Repositories } from '../../../storage/repositories/index.js';
import { auditDenied } from '../../../bot/authorize.js';
import { looksLikeJwt, type ApiTokenOwner } from './api-tokens.js';
import { InvalidTokenError, type TeamsSsoClaims } from './teams-sso.js';
import { viewerOf, type Viewer } from './viewer.js';

/** A signed-in Slack user (our own session token, see slack-oidc.ts). */
export interface SlackSessionClaims {
  slackUserId: string;
}

export interface AuthenticateDeps {
  repos: Pick<Repositories, 'users' | 'audit'>;
  clock: () => Date;
  logger: Logger;
  /** Teams SSO; absent when Teams is not configured (JWTs are then refused). */
  verifyTeams?: (token: string) => Promise<TeamsSsoClaims>;
  /** Our Slack sign-in sessions; absent when Slack sign-in is not configured. */
  verifySlackSession?: (token: string) => Promise<SlackSessionClaims | null>;
  verifyApiToken: (token: string) => ApiTokenOwner | null;
}

export function unauthorized(res: Response, message: string): void {
  res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
  res.status(401).json({ error: 'unauthorized', message });
}

export function forbidden(res: Response, message: string): void {
  res.status(403).json({ error: 'forbidden', message });
}

/** The viewer a previous `authenticate` stored on the response. */
export function viewerFrom(res: Response): Viewer {
  const viewer = res.locals['viewer'] as Viewer | undefined;
  if (!viewer) throw new Error('dashboard route reached without authenticate');
  return viewer;
}

export function authenticate(deps: AuthenticateDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return unauthorized(res, 'sign in first: no bearer token');
    const token = match[1];
    let found: { user: User | null; via: Viewer['via']; label: string } | null;
    try {
      found = await identify(deps, token);
    } catch (err) {
      if (err instanceof InvalidTokenError) {
        deps.logger.info({ reason: err.reason, path: req.path }, 'dashboard: token refused');
        return unauthorized(res, err.reason);
      }
      throw err;
    }
    if (found === null) return unauthorized(res, 'token not recognised');
    if (found.user === null) {
      await auditDenied(deps, found.label, 'dashboard.view', { type: 'dashboard', id: req.path }, 'unknown_user', 'not a registered arbot user');
      return forbidden(res, 'You are not registered with arbot. Ask a manager to add you.');
    }
    const viewer = viewerOf(found.user, found.via);
    if (viewer === null) {
      await auditDenied(deps, found.user.id, 'dashboard.view', { type: 'dashboard', id: req.path }, 'forbidden', `roles [${found.user.roles.join(', ')}] allow no dashboard`);
      return forbidden(res, 'Your role does not include the dashboards.');
    }
    res.locals['viewer'] = viewer;
    next();
  };
}

async function identify(deps: AuthenticateDeps, token: string): Promise<{ user: User | null; via: Viewer['via']; label: string } | null> {
  if (looksLikeJwt(token)) {
    const slack = deps.verifySlackSession ? await deps.verifySlackSession(token) : null;
    if (slack) return { user: await deps.repos.users.findBySlackId(slack.slackUserId), via: 'slack', label: `slack:${slack.slackUserId}` };
    if (!deps.verifyTeams) throw new InvalidTokenError('Teams sign-in is not configured (MICROSOFT_APP_ID)');
    const claims = await deps.verifyTeams(token);
    return { user: await deps.repos.users.findByTeamsId(claims.oid), via: 'teams', label: `teams:${claims.oid}` };
  }
  const owner = deps.verifyApiToken(token);
  if (owner === null) return null;
  const byId = await deps.repos.users.get(owner.user);
  const user = byId ?? (await deps.repos.users.list()).find((u) => u.email?.toLowerCase() === owner.user.toLowerCase()) ?? null;
  return { user, via: 'token', label: `token:${owner.user}` };
}
