// Slack OAuth end to end over HTTP: two workspaces install arbot through /slack/install and
// /slack/oauth_redirect (the Web API's oauth.v2.access played by the stub), their installations
// land in MongoDB, and each workspace is then served with its own bot token. A forged callback
// installs nothing; an uninstall removes the installation.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPlatform } from '../../adapters/chat/slack/slack.platform.js';
import type { ChatPlatform } from '../../app/chat-platforms.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../app/review-desk.js';
import { ChatChannelError } from '../../bot/ports/chat-channel.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories } from '../../storage/repositories/index.js';
import { silent } from '../support/bot-world.js';
import { SlackApiStub } from '../support/slack-api-stub.js';

const SIGNING_SECRET = 'oauth-e2e-signing-secret';
const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'oauth-client-secret';

let dir: string;
let storage: StorageHandle;
let stub: SlackApiStub;
let http: HttpServerHandle;
let desk: ReviewDesk;
let platform: ChatPlatform;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-slack-oauth-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_slack_oauth', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  stub = await new SlackApiStub({ tokens: [], channels: [] }).start();
  const config = configFixture({
    tenant: { id: 't' },
    server: { publicUrl: 'https://arbot.northwind.example' },
    slack: { signingSecret: SIGNING_SECRET, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: 'oauth-state-secret', apiUrl: stub.apiUrl },
  });
  desk = await createReviewDesk({ config, db: storage.db, repos: createRepositories(storage.db, 't'), logger: silent, cwd: dir });
  const made = await slackPlatform({ config, desk, logger: silent });
  if (made === null) throw new Error('Slack OAuth should be configured');
  platform = made;
  desk.channels.register(platform.channel);
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
});

afterAll(async () => {
  await http?.close();
  await stub?.stop();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${http.url}${path}`, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs the install flow for one workspace, as a browser would; returns the callback's answer. */
async function install(teamId: string, botToken: string, tamper?: (state: string) => string): Promise<Answer> {
  const start = await call('GET', '/slack/install');
  expect(start.status).toBe(302);
  const location = new URL(String(start.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
  expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
  expect(location.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['chat:write', 'commands', 'im:write']));
  expect(location.searchParams.get('redirect_uri')).toBe('https://arbot.northwind.example/slack/oauth_redirect');
  const state = location.searchParams.get('state') ?? '';
  const cookie = [start.headers['set-cookie']].flat().find((c) => c?.startsWith('slack-app-oauth-state='))?.split(';')[0] ?? '';
  expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  const code = `code-${teamId}`;
  stub.oauthGrants.set(code, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, teamId, teamName: `Workspace ${teamId}`, botToken });
  const sent = tamper ? tamper(state) : state;
  return call('GET', `/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(sent)}`, { cookie });
}

function signedEvent(teamId: string, inner: Record<string, unknown>): Promise<Answer> {
  const body = JSON.stringify({
    token: 'x',
    team_id: teamId,
    api_app_id: 'A0ARBOT',
    event: inner,
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: `U0BOT${teamId}`, is_bot: true, is_enterprise_install: false }],
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return call('POST', '/slack/events', { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body);
}

describe('Slack OAuth installs', () => {
  it('before any install, posting fails with an auth ChatChannelError (nothing crashes)', async () => {
    const error = await platform.channel.postMessage({ platform: 'slack', conversationId: 'C0ONE' }, { text: 'hello' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatChannelError);
    expect(error).toMatchObject({ code: 'auth' });
  });

  it('a forged callback (state not from this browser session) installs nothing', async () => {
    const answer = await install('T0EVIL', 'xoxb-evil', () => 'forged-state');
    expect(answer.status).not.toBe(200);
    expect(stub.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(await desk.repos.slackInstallations.list()).toEqual([]);
  });

  it('two workspaces install; each is stored in MongoDB and served with its own token', async () => {
    expect((await install('T0ONE', 'xoxb-one')).status).toBe(200);
    expect((await install('T0TWO', 'xoxb-two')).status).toBe(200);
    const stored = await desk.repos.slackInstallations.list();
    expect(stored.map((r) => r.key)).toEqual(['T:T0ONE', 'T:T0TWO']);
    expect(stored[0]?.installation).toMatchObject({ team: { id: 'T0ONE' }, bot: { token: 'xoxb-one', userId: 'U0BOTT0ONE', id: 'B-BOT' }, authVersion: 'v2' });

    stub.ownChannel('C0ONE', 'xoxb-one');
    stub.ownChannel('C0TWO', 'xoxb-two');
    await platform.channel.postMessage({ platform: 'slack', conversationId: 'C0TWO' }, { text: 'to two' });
    await platform.channel.postMessage({ platform: 'slack', conversationId: 'C0ONE' }, { text: 'to one' });
    const posts = stub.callsOf('chat.postMessage').map((c) => [c.args.channel, c.token]);
    expect(posts).toEqual([
      ['C0TWO', 'xoxb-two'],
      ['C0ONE', 'xoxb-one'],
    ]);

    const opened = await signedEvent('T0TWO', { type: 'app_home_opened', user: 'U0SOMEONE', channel: 'D0X', tab: 'home', event_ts: '1.2' });
    expect(opened.status).toBe(200);
    const published = await stub.waitFor(() => stub.callsOf('views.publish').find((c) => c.args.user_id === 'U0SOMEONE'), 5000, 'views.publish');
    expect(published.token).toBe('xoxb-two');
  });

  it('an uninstall removes the workspace installation', async () => {
    expect((await signedEvent('T0ONE', { type: 'app_uninstalled', event_ts: '1.3' })).status).toBe(200);
    const until = Date.now() + 3000;
    while ((await desk.repos.slackInstallations.get('T:T0ONE')) !== null && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect((await desk.repos.slackInstallations.list()).map((r) => r.key)).toEqual(['T:T0TWO']);
  });
});
