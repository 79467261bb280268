// Express middleware in front of every dashboard API route: a bearer token (Teams SSO token or
// a configured API token) or the session cookie of "Sign in with Slack" → a registered user →
// a Viewer in res.locals.viewer. No valid identity: 401. A valid one for nobody registered, or
// for a user whose roles allow no dashboard: 403 (audited). A cookie is sent by the browser
// on its own, so a cookie-authenticated request that changes something (not GET/HEAD) must
// carry the X-Arbot-Request header, which a cross-site form cannot set: otherwise 403.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { User } from '../../../core/domain/user.js';
import type { Repositories } from '../../../storage/repositories/index.js';
import { auditDenied } from '../../../bot/authorize.js';
import { looksLikeJwt, type ApiTokenOwner } from './api-tokens.js';
import { parseCookies, SESSION_COOKIE, type SessionCookies } from './session.js';
import { InvalidTokenError, type TeamsSsoClaims } from './teams-sso.js';
import { viewerOf, type Viewer } from './viewer.js';

/** The header the page sends on every API call; required with the session cookie on anything but GET/HEAD. */
export const CSRF_HEADER = 'X-Arbot-Request';

export interface AuthenticateDeps {
  repos: Pick<Repositories, 'users' | 'audit'>;
  clock: () => Date;
  logger: Logger;
  /** Teams SSO; absent when Teams is not configured (JWTs are then refused). */
  verifyTeams?: (token: string) => Promise<TeamsSsoClaims>;
  /** Session cookies of "Sign in with Slack"; absent when it is not configured (cookies are then ignored). */
  sessions?: SessionCookies;
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
    let found: Identified | null;
    if (match?.[1]) {
      try {
        found = await identify(deps, match[1]);
      } catch (err) {
        if (err instanceof InvalidTokenError) {
          deps.logger.info({ reason: err.reason, path: req.path }, 'dashboard: token refused');
          return unauthorized(res, err.reason);
        }
        throw err;
      }
      if (found === null) return unauthorized(res, 'token not recognised');
    } else {
      const cookie = deps.sessions ? parseCookies(req.get('cookie')).get(SESSION_COOKIE) : undefined;
      if (cookie === undefined || !deps.sessions) return unauthorized(res, 'sign in first: no bearer token');
      const session = deps.sessions.read(cookie);
      if (!session.ok) {
        deps.logger.info({ reason: session.reason, path: req.path }, 'dashboard: session refused');
        return unauthorized(res, session.reason);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.get(CSRF_HEADER) !== '1') {
        deps.logger.warn({ method: req.method, path: req.path, userId: session.value.userId }, 'dashboard: cookie request without the CSRF header refused');
        return forbidden(res, `cross-site request refused: send the ${CSRF_HEADER} header`);
      }
      found = { user: await deps.repos.users.get(session.value.userId), via: 'slack', label: `session:${session.value.userId}` };
    }
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

interface Identified {
  user: User | null;
  via: Viewer['via'];
  label: string;
}

async function identify(deps: AuthenticateDeps, token: string): Promise<Identified | null> {
  if (looksLikeJwt(token)) {
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
