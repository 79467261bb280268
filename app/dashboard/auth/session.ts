// Browser sessions of the dashboards after "Sign in with Slack": a cookie holding the arbot
// user id and an expiry, signed with HMAC-SHA-256 so it cannot be forged or altered. Nothing
// is stored on the server, so a session ends when it expires, when the person signs out
// (the cookie is cleared) or when the secret changes. The same signer protects the short-lived
// state/nonce cookie of the sign-in round trip.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';

/** The session cookie; sent to the dashboard API only. */
export const SESSION_COOKIE = 'arbot_dashboard_session';
export const SESSION_COOKIE_PATH = '/api/dashboard';

/** What a valid session cookie says. */
export interface Session {
  userId: string;
  expiresAt: Date;
}

export type CookieCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Signs and checks small JSON payloads; `purpose` is signed too, so one kind of cookie cannot stand in for another. */
export class CookieSigner {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (this.key.length < 32) throw new Error('ARBOT_DASHBOARD_SESSION_SECRET must be at least 32 characters');
  }

  /** `<payload>.<signature>`, both base64url; the payload carries its expiry. */
  sign(purpose: string, payload: Record<string, unknown>, expiresAt: Date): string {
    const body = Buffer.from(JSON.stringify({ ...payload, p: purpose, exp: expiresAt.getTime() }), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The payload of a value `sign` made for `purpose`, unless it is altered, for another purpose or expired at `now`. */
  verify(purpose: string, value: string, now: Date): CookieCheck<Record<string, unknown>> {
    const [body, mac, extra] = value.split('.');
    if (!body || !mac || extra !== undefined) return { ok: false, reason: 'session cookie is malformed' };
    const expected = Buffer.from(this.mac(body), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'session cookie signature is not valid' };
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch (err) {
      // Signed by us yet not JSON: only possible with a reused secret; refuse, naming why.
      return { ok: false, reason: `session cookie is malformed (${err instanceof Error ? err.message : String(err)})` };
    }
    if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'session cookie is malformed' };
    const record = payload as Record<string, unknown>;
    if (record['p'] !== purpose) return { ok: false, reason: 'session cookie is for something else' };
    if (typeof record['exp'] !== 'number' || record['exp'] <= now.getTime()) return { ok: false, reason: 'session expired' };
    return { ok: true, value: record };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body, 'utf8').digest('base64url');
  }
}

/** Issues and reads session cookies. */
export class SessionCookies {
  constructor(
    private readonly signer: CookieSigner,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  issue(userId: string): { value: string; session: Session } {
    const expiresAt = new Date(this.clock().getTime() + this.ttlMs);
    return { value: this.signer.sign('session', { u: userId }, expiresAt), session: { userId, expiresAt } };
  }

  read(value: string): CookieCheck<Session> {
    const checked = this.signer.verify('session', value, this.clock());
    if (!checked.ok) return checked;
    const userId = checked.value['u'];
    if (typeof userId !== 'string' || userId === '') return { ok: false, reason: 'session cookie names no user' };
    return { ok: true, value: { userId, expiresAt: new Date(checked.value['exp'] as number) } };
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }
}

/** The configured secret, or a random one for this process (logged, since sessions then end at a restart). */
export function sessionSecret(configured: string | undefined, logger: Logger): string | Buffer {
  if (configured !== undefined) return configured;
  logger.warn('dashboard: ARBOT_DASHBOARD_SESSION_SECRET is not set; using a random one, so Slack sign-in sessions will not survive a restart');
  return randomBytes(32);
}

/** The cookies of a request's Cookie header, by name (the first of a repeated name wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? '' : part.slice(0, eq).trim();
    if (name === '') continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  secure: boolean;
}

/** A Set-Cookie header value: always HttpOnly and SameSite=Lax (sent on the top-level redirect back from Slack, not on cross-site posts). */
export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${opts.path}`, `Max-Age=${opts.maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (opts.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
