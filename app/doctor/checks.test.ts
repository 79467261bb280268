import { describe, expect, it } from 'vitest';
import { configFixture } from '../config/config.fixture.js';
import { formatResult, runChecks, type DoctorContext } from './check.js';
import { checkSlack, checkTeams } from './chat.check.js';
import { checkMailbox } from './mailbox.check.js';
import { checkOpenAI } from './openai.check.js';
import { checkSor } from './sor.check.js';

const APP_ID = '4f2e8c1d-9a7b-4c3e-8d5f-1a2b3c4d5e6f';
const TENANT = '0b7c4a52-6d3e-4f1a-9c2b-8e5d7f6a1b30';

/** A fetch that answers every call with `body` and records the URLs. */
function fakeFetch(status: number, body: unknown, urls: string[] = []): typeof fetch {
  return (async (input: string | URL | Request) => {
    urls.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

function ctx(overrides: Partial<DoctorContext> & Pick<DoctorContext, 'config'>): DoctorContext {
  return { cwd: '/nonexistent', fetch: fakeFetch(500, {}), timeoutMs: 1000, offline: false, ...overrides };
}

const teamsConfig = configFixture({ teams: { appId: APP_ID, appPassword: 'secret', tenantId: TENANT }, server: { publicUrl: 'https://bot.example.com' } });

describe('doctor checks', () => {
  it('formats one line per finding, with the fix', () => {
    expect(formatResult({ name: 'Slack', status: 'fail', detail: 'refused\n(invalid_auth)', fix: 'new token' })).toBe('✗ Slack: refused (invalid_auth) — fix: new token');
    expect(formatResult({ name: 'Teams', status: 'skip', detail: 'not configured' })).toBe('– Teams: not configured');
  });

  it('turns a check that throws into a failure named after it', async () => {
    const results = await runChecks([{ name: 'broken', run: () => Promise.reject(new Error('boom')) }], ctx({ config: configFixture() }));
    expect(results).toEqual([expect.objectContaining({ name: 'broken', status: 'fail', detail: 'the check itself failed: boom' })]);
  });

  it('Teams: gets a Bot Framework token from the app\'s tenant', async () => {
    const urls: string[] = [];
    const [r] = await checkTeams(ctx({ config: teamsConfig, fetch: fakeFetch(200, { access_token: 'x' }, urls) }), 'https://login.test');
    expect(r).toMatchObject({ status: 'ok' });
    expect(urls).toEqual([`https://login.test/${TENANT}/oauth2/v2.0/token`]);
  });

  it('Teams: names refused credentials, a non-GUID app id, and says when the token was not checked offline', async () => {
    const [refused] = await checkTeams(ctx({ config: teamsConfig, fetch: fakeFetch(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1' }) }), 'https://login.test');
    expect(refused?.detail).toBe(`app ${APP_ID}: Entra ID refused the credentials: AADSTS7000215: Invalid client secret provided.`);
    const [bad] = await checkTeams(ctx({ config: configFixture({ teams: { appId: 'my-bot', appPassword: 's', tenantId: TENANT }, server: { publicUrl: 'https://bot.example.com' } }) }));
    expect(bad).toMatchObject({ status: 'fail', detail: 'MICROSOFT_APP_ID "my-bot" is not a GUID' });
    const [offline] = await checkTeams(ctx({ config: teamsConfig, offline: true }));
    expect(offline).toMatchObject({ status: 'skip', detail: `app ${APP_ID}: settings complete; token not checked: offline` });
  });

  it('Slack: a working token, and no call to slack.com offline', async () => {
    const slack = { slack: { botToken: 'xoxb-1', signingSecret: 's', apiUrl: 'https://slack.test/api/' } };
    const urls: string[] = [];
    const [good] = await checkSlack(ctx({ config: configFixture(slack), fetch: fakeFetch(200, { ok: true, team: 'Acme', user: 'arbot' }, urls) }));
    expect(good).toMatchObject({ status: 'ok', detail: 'SLACK_BOT_TOKEN works: bot arbot in workspace Acme' });
    expect(urls).toEqual(['https://slack.test/api/auth.test']);
    const [offline] = await checkSlack(ctx({ config: configFixture(slack), offline: true }));
    expect(offline).toMatchObject({ status: 'skip' });
    const [noSecret] = await checkSlack(ctx({ config: configFixture({ slack: { botToken: 'xoxb-1' } }) }));
    expect(noSecret).toMatchObject({ status: 'fail', detail: 'not started: SLACK_SIGNING_SECRET is not set.' });
  });

  it('mailbox, SoR and OpenAI name missing settings', async () => {
    const [gmail] = await checkMailbox(ctx({ config: configFixture({ mail: { provider: 'gmail' }, company: { arMailbox: 'ar@x.example' } }) }));
    expect(gmail?.detail).toBe('gmail: GMAIL_SERVICE_ACCOUNT_FILE, GMAIL_USER not set');
    const [sor] = await checkSor(ctx({ config: configFixture({ sor: { connector: 'file' } }) }));
    expect(sor?.detail).toBe('ARBOT_SOR_PATH is not set (needed by the file connector)');
    const [openai] = await checkOpenAI(ctx({ config: configFixture({ pipeline: { model: 'openai' } }) }));
    expect(openai).toMatchObject({ status: 'fail', detail: 'ARBOT_INTENT_MODEL=openai but OPENAI_API_KEY is not set' });
  });
});
