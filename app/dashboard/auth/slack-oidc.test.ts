// "Sign in with Slack" over HTTP, end to end: the arbot server on a seeded embedded store, and
// Slack's token endpoint and signing keys (JWKS) played by nock with an RSA key made here, so
// the id_tokens are signed exactly as Slack signs them (or wrongly, per case).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import nock from 'nock';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configFixture } from '../../config/config.fixture.js';
import { listen } from '../../http/listen.js';
import { createHttpApp } from '../../http/server.js';
import { openStorage, type StorageHandle } from '../../../storage/index.js';
import { DASHBOARD_NOW, seedDashboardWorld, TENANT, type DashboardWorld } from '../../../test/fixtures/dashboard-world.js';
import { dashboardMount } from '../mount.js';
import { SESSION_COOKIE } from './session.js';

const CLIENT_ID = '2141029472.691202649728';
const CLIENT_SECRET = 'slack-client-secret-for-tests';
const PUBLIC_URL = 'https://arbot.example.com';
const REDIRECT_URI = `${PUBLIC_URL}/api/dashboard/auth/slack/callback`;
const KID = 'slack-key-1';

let dir: string;
let storage: StorageHandle;
let world: DashboardWorld;
let url: string;
let close: () => Promise<void>;
let now = DASHBOARD_NOW;
let realKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const real = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  realKey = real.privateKey;
  otherKey = other.privateKey;
  const jwk = { ...(await exportJWK(real.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  nock('https://slack.com').persist().get('/openid/connect/keys').reply(200, { keys: [jwk] });

  dir = await mkdtemp(join(tmpdir(), 'arbot-slack-oidc-'));
  const logger = pino({ level: 'silent' });
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'dash', embeddedPort: 0, journalCompactBytes: 1 << 26, logger, tenantId: TENANT });
  world = await seedDashboardWorld(storage.db, storage.repos);
  const config = configFixture({
    tenant: { id: TENANT },
    server: { publicUrl: PUBLIC_URL },
    slack: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    dashboard: { sessionSecret: 'a-session-secret-of-at-least-32-characters' },
  });
  const app = createHttpApp({ db: storage.db, storage: 'embedded', version: 'test', logger, mounts: [dashboardMount({ db: storage.db, config, logger, clock: () => now })] });
  const http = await listen(app, '127.0.0.1', 0);
  url = http.url;
  close = () => http.close();
});

afterEach(() => {
  now = DASHBOARD_NOW;
});

afterAll(async () => {
  await close?.();
  await storage?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

function call(method: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${path}`, { method, headers, redirect: 'manual' });
}

/** name=value of the Set-Cookie headers, by name, with each header's attributes. */
function setCookies(res: Response): Map<string, { value: string; header: string }> {
  const out = new Map<string, { value: string; header: string }>();
  for (const header of res.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq), { value: pair.slice(eq + 1), header });
  }
  return out;
}

/** Starts a sign-in: Slack's authorize URL and the state cookie to send back with the callback. */
async function login(): Promise<{ location: URL; state: string; nonce: string; cookie: string }> {
  const res = await call('GET', '/api/dashboard/auth/slack/login');
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  const stateCookie = [...setCookies(res)].find(([name]) => name === 'arbot_slack_signin');
  expect(stateCookie?.[1].header).toMatch(/HttpOnly/);
  return { location, state: location.searchParams.get('state') ?? '', nonce: location.searchParams.get('nonce') ?? '', cookie: `arbot_slack_signin=${stateCookie?.[1].value ?? ''}` };
}

interface IdTokenOptions {
  userId?: string;
  nonce: string;
  audience?: string;
  /** Seconds from `now` to expiry (negative: expired). */
  expiresIn?: number;
  key?: CryptoKey;
}

function idToken(o: IdTokenOptions): Promise<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  const userId = o.userId ?? 'UMIA';
  return new SignJWT({ 'https://slack.com/user_id': userId, 'https://slack.com/team_id': 'T0NORTH', email: 'someone@northwind.example', nonce: o.nonce })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer('https://slack.com')
    .setSubject(userId)
    .setAudience(o.audience ?? CLIENT_ID)
    .setIssuedAt(seconds - 5)
    .setExpirationTime(seconds + (o.expiresIn ?? 300))
    .sign(o.key ?? realKey);
}

/** Slack's openid.connect.token answering one code, checking what arbot sends. */
function tokenEndpoint(code: string, answer: Record<string, unknown>): nock.Scope {
  return nock('https://slack.com')
    .post('/api/openid.connect.token', (body: Record<string, string>) =>
      body['client_id'] === CLIENT_ID && body['client_secret'] === CLIENT_SECRET && body['code'] === code && body['redirect_uri'] === REDIRECT_URI)
    .reply(200, answer);
}

/** Login → Slack → callback with an id_token made by `token`; returns the callback's answer. */
async function signIn(token: (nonce: string) => Promise<string>): Promise<Response> {
  const started = await login();
  const code = `code-${Math.random().toString(36).slice(2)}`;
  const scope = tokenEndpoint(code, { ok: true, access_token: 'xoxp-1', token_type: 'Bearer', id_token: await token(started.nonce) });
  const res = await call('GET', `/api/dashboard/auth/slack/callback?code=${code}&state=${encodeURIComponent(started.state)}`, { cookie: started.cookie });
  expect(scope.isDone()).toBe(true);
  return res;
}

async function sessionOf(res: Response): Promise<string> {
  const session = setCookies(res).get(SESSION_COOKIE);
  if (!session) throw new Error(`no session cookie (status ${res.status}: ${await res.text()})`);
  return `${SESSION_COOKIE}=${session.value}`;
}

describe('Sign in with Slack', () => {
  it('is offered on the sign-in page', async () => {
    expect(await (await call('GET', '/api/dashboard/auth/config')).json()).toMatchObject({ slack: true });
  });

  it('sends the browser to Slack with a fresh state and nonce, preselecting the one installed workspace', async () => {
    const first = await login();
    expect(`${first.location.origin}${first.location.pathname}`).toBe('https://slack.com/openid/connect/authorize');
    expect(first.location.search).toContain('scope=openid%20profile%20email');
    expect(Object.fromEntries(first.location.searchParams)).toMatchObject({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI });
    expect(first.location.searchParams.has('team')).toBe(false);
    expect(first.state).toMatch(/^[\w-]{20,}$/);
    expect(first.nonce).toMatch(/^[\w-]{20,}$/);
    const second = await login();
    expect(second.state).not.toBe(first.state);
    expect(second.nonce).not.toBe(first.nonce);

    await storage.repos.slackInstallations.save({ key: 'T:T0NORTH', teamId: 'T0NORTH', isEnterpriseInstall: false, installation: {}, installedAt: now });
    try {
      expect((await login()).location.searchParams.get('team')).toBe('T0NORTH');
    } finally {
      await storage.repos.slackInstallations.delete('T:T0NORTH');
    }
  });

  it('signs a registered Slack user in: session cookie, back to /tab, and the API knows them', async () => {
    const res = await signIn((nonce) => idToken({ nonce }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tab');
    const cookies = setCookies(res);
    expect(cookies.get(SESSION_COOKIE)?.header).toMatch(/; Path=\/api\/dashboard; Max-Age=28800; HttpOnly; SameSite=Lax; Secure$/);
    expect(cookies.get('arbot_slack_signin')?.header).toContain('Max-Age=0');
    const me = await call('GET', '/api/dashboard/me', { cookie: await sessionOf(res) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { id: world.manager.id, displayName: 'Mia Manager' }, scope: 'all', via: 'slack' });
  });

  it('gives an analyst signed in with Slack their own figures only', async () => {
    const cookie = await sessionOf(await signIn((nonce) => idToken({ nonce, userId: 'UANA' })));
    expect(await (await call('GET', '/api/dashboard/me', { cookie })).json()).toMatchObject({ user: { id: world.ana.id }, scope: 'own', via: 'slack' });
    expect((await call('GET', '/api/dashboard/panels/mailbox', { cookie })).status).toBe(403);
  });

  it('refuses a callback whose state does not match, or without the state cookie, before asking Slack anything', async () => {
    const started = await login();
    const wrong = await call('GET', `/api/dashboard/auth/slack/callback?code=c1&state=not-the-state`, { cookie: started.cookie });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('expired or was started in another browser');
    expect(setCookies(wrong).has(SESSION_COOKIE)).toBe(false);
    const noCookie = await call('GET', `/api/dashboard/auth/slack/callback?code=c1&state=${encodeURIComponent(started.state)}`);
    expect(noCookie.status).toBe(400);
    expect(setCookies(noCookie).has(SESSION_COOKIE)).toBe(false);
    const cancelled = await call('GET', `/api/dashboard/auth/slack/callback?error=access_denied&state=${encodeURIComponent(started.state)}`, { cookie: started.cookie });
    expect(cancelled.status).toBe(400);
    expect(await cancelled.text()).toContain('access_denied');
  });

  it('refuses id_tokens with the wrong nonce or audience, expired, or signed by another key', async () => {
    const cases: Array<[string, (nonce: string) => Promise<string>, RegExp]> = [
      ['wrong nonce', () => idToken({ nonce: 'a-nonce-from-another-sign-in' }), /nonce does not match/],
      ['wrong audience', (nonce) => idToken({ nonce, audience: '999.999' }), /claim aud is not valid/],
      ['expired', (nonce) => idToken({ nonce, expiresIn: -600 }), /token expired/],
      ['forged signature', (nonce) => idToken({ nonce, key: otherKey }), /signature is not valid/],
    ];
    for (const [name, token, reason] of cases) {
      const res = await signIn(token);
      expect(res.status, name).toBe(401);
      expect(await res.text(), name).toMatch(reason);
      expect(setCookies(res).has(SESSION_COOKIE), name).toBe(false);
    }
  });

  it('refuses when Slack refuses the code', async () => {
    const started = await login();
    const scope = tokenEndpoint('used-code', { ok: false, error: 'invalid_code' });
    const res = await call('GET', `/api/dashboard/auth/slack/callback?code=used-code&state=${encodeURIComponent(started.state)}`, { cookie: started.cookie });
    expect(scope.isDone()).toBe(true);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('invalid_code');
    expect(setCookies(res).has(SESSION_COOKIE)).toBe(false);
  });

  it('tells a Slack user nobody registered that they are not registered in arbot, without a session, and audits it', async () => {
    const res = await signIn((nonce) => idToken({ nonce, userId: 'UNOBODY' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('You are not registered in arbot (Slack user UNOBODY');
    expect(setCookies(res).has(SESSION_COOKIE)).toBe(false);
    const denied = (await storage.repos.audit.list()).filter((e) => e.action === 'denied' && e.actor.id === 'slack:UNOBODY');
    expect(denied).toHaveLength(1);
  });
});

describe('the session cookie', () => {
  it('is refused when tampered with or expired', async () => {
    const cookie = await sessionOf(await signIn((nonce) => idToken({ nonce })));
    const [name, value = ''] = cookie.split('=');
    const [body = '', mac = ''] = value.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherUser = Buffer.from(JSON.stringify({ ...payload, u: world.ana.id }), 'utf8').toString('base64url');
    for (const [label, bad] of [['other user, old signature', `${name}=${otherUser}.${mac}`], ['flipped signature', `${name}=${body}.${mac.slice(0, -2)}AA`], ['garbage', `${name}=garbage`]] as const) {
      const res = await call('GET', '/api/dashboard/me', { cookie: bad });
      expect(res.status, label).toBe(401);
    }
    expect((await call('GET', '/api/dashboard/me', { cookie })).status).toBe(200);
    now = new Date(DASHBOARD_NOW.getTime() + 8 * 3_600_000 + 1000);
    const expired = await call('GET', '/api/dashboard/me', { cookie });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { message: string }).message).toBe('session expired');
  });

  it('needs the X-Arbot-Request header on anything but GET and HEAD', async () => {
    const cookie = await sessionOf(await signIn((nonce) => idToken({ nonce })));
    const bare = await call('POST', '/api/dashboard/me', { cookie });
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { message: string }).message).toContain('X-Arbot-Request');
    // With the header the request passes sign-in and reaches routing (no POST /me route: 404).
    expect((await call('POST', '/api/dashboard/me', { cookie, 'x-arbot-request': '1' })).status).toBe(404);
    expect((await call('HEAD', '/api/dashboard/me', { cookie })).status).toBe(200);
  });

  it('is cleared by signing out (with the header only)', async () => {
    const cookie = await sessionOf(await signIn((nonce) => idToken({ nonce })));
    expect((await call('POST', '/api/dashboard/auth/logout', { cookie })).status).toBe(403);
    const out = await call('POST', '/api/dashboard/auth/logout', { cookie, 'x-arbot-request': '1' });
    expect(out.status).toBe(204);
    const cleared = setCookies(out).get(SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.header).toContain('Max-Age=0');
  });
});
