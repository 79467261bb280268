// The dashboard API over HTTP: sign-in (Teams SSO checked against a local JWKS, API tokens),
// refusals (401 without a valid identity, 403 for what a role may not see), panels as JSON
// and CSV, drill-down paging and the task detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_TOKEN, APP_ID, MANAGER_TOKEN, PUBLIC_HOST, startDashboardServer, type DashboardServer } from '../../test/fixtures/dashboard-server.js';

let server: DashboardServer;

beforeAll(async () => {
  server = await startDashboardServer();
});
afterAll(async () => {
  await server?.close();
});

async function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

describe('sign-in', () => {
  it('answers 401 without a token, with an unknown API token, and for expired, foreign-audience, wrong-issuer or forged SSO tokens', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['unknown API token', 'not-a-configured-token-at-all-123'],
      ['expired', await server.ssoToken({ oid: 'oid-manager', expiresIn: -300 })],
      ['other audience', await server.ssoToken({ oid: 'oid-manager', audience: 'api://evil.example.com/other-app' })],
      ['other issuer', await server.ssoToken({ oid: 'oid-manager', issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0' })],
      ['forged signature', await server.ssoToken({ oid: 'oid-manager', forged: true })],
      ['garbage JWT', 'aaa.bbb.ccc'],
    ];
    for (const [name, token] of cases) {
      const res = await get('/api/dashboard/panels/tasks', token);
      expect(res.status, name).toBe(401);
      expect(res.headers.get('www-authenticate'), name).toContain('Bearer');
      const body = (await res.json()) as { error: string };
      expect(body.error, name).toBe('unauthorized');
    }
    const expired = (await (await get('/api/dashboard/me', await server.ssoToken({ oid: 'oid-manager', expiresIn: -300 }))).json()) as { message: string };
    expect(expired.message).toBe('token expired');
  });

  it('accepts a Teams SSO token for the app id URI or the app id and finds the user by oid', async () => {
    for (const audience of [`api://${PUBLIC_HOST}/${APP_ID}`, APP_ID]) {
      const res = await get('/api/dashboard/me', await server.ssoToken({ oid: 'oid-manager', audience }));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { displayName: 'Mia Manager', roles: ['Manager'] }, scope: 'all', via: 'teams' });
    }
  });

  it('accepts API tokens mapped to a user id or a user email', async () => {
    expect(await (await get('/api/dashboard/me', MANAGER_TOKEN)).json()).toMatchObject({ user: { displayName: 'Mia Manager' }, scope: 'all', via: 'token' });
    const ana = (await (await get('/api/dashboard/me', ANALYST_TOKEN)).json()) as { scope: string; panels: Array<{ id: string }> };
    expect(ana.scope).toBe('own');
    expect(ana.panels.map((p) => p.id)).toEqual(['tasks']);
  });

  it('answers 403 for a valid token of someone not registered or without a role, and audits it', async () => {
    expect((await get('/api/dashboard/me', await server.ssoToken({ oid: 'oid-stranger' }))).status).toBe(403);
    expect((await get('/api/dashboard/me', await server.ssoToken({ oid: 'oid-noroles' }))).status).toBe(403);
    const denied = (await server.storage.repos.audit.list()).filter((e) => e.action === 'denied');
    expect(denied.map((e) => e.actor.id)).toEqual(expect.arrayContaining(['teams:oid-stranger', server.world.roleless.id]));
  });

  it('tells the page which sign-in methods exist without a token', async () => {
    expect(await (await get('/api/dashboard/auth/config')).json()).toEqual({ teams: true, apiToken: true, slack: false });
  });
});

describe('roles', () => {
  it('refuses an analyst manager-only panels and other people\'s figures (403, audited)', async () => {
    const token = await server.ssoToken({ oid: 'oid-ana' });
    for (const path of ['/api/dashboard/panels/mailbox', '/api/dashboard/panels/sor/rows', '/api/dashboard/panels/outcomes/datasets/by-intent.csv', `/api/dashboard/panels/tasks?user=${server.world.ben.id}`]) {
      const res = await get(path, token);
      expect(res.status, path).toBe(403);
    }
    const denied = (await server.storage.repos.audit.list()).filter((e) => e.action === 'denied' && e.actor.id === server.world.ana.id);
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('shows an analyst the task panel with their own figures only', async () => {
    const res = await get('/api/dashboard/panels/tasks?range=7', await server.ssoToken({ oid: 'oid-ana' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { figures: Array<{ id: string; value: unknown }> };
    expect(body.figures.find((f) => f.id === 'open')?.value).toBe(1);
    expect(body.figures.find((f) => f.id === 'handled')?.value).toBe(1);
    const rows = (await (await get(`/api/dashboard/panels/tasks/rows?user=${server.world.ana.id}`, ANALYST_TOKEN)).json()) as { total: number };
    expect(rows.total).toBe(2);
  });
});

describe('panels', () => {
  it('returns every panel for a manager', async () => {
    for (const id of ['mailbox', 'outcomes', 'response', 'sor', 'tasks']) {
      const res = await get(`/api/dashboard/panels/${id}?range=30`, MANAGER_TOKEN);
      expect(res.status, id).toBe(200);
      const body = (await res.json()) as { panel: string; datasets: unknown[] };
      expect(body.panel).toBe(id);
      expect(body.datasets.length).toBeGreaterThan(0);
    }
  });

  it('exports a dataset, the figures and the drill-down list as CSV with exactly the columns shown', async () => {
    const ds = await get('/api/dashboard/panels/mailbox/datasets/top-domains.csv?range=7', MANAGER_TOKEN);
    expect(ds.headers.get('content-type')).toContain('text/csv');
    expect(ds.headers.get('content-disposition')).toBe('attachment; filename="mailbox-top-domains.csv"');
    expect(await ds.text()).toBe('Domain,Emails\r\nacme.example,3\r\nglobex.example,1\r\ninitech.example,1\r\nsystem.example,1\r\nunknown.example,1\r\n');
    const figures = await (await get('/api/dashboard/panels/outcomes/figures.csv?range=7', MANAGER_TOKEN)).text();
    expect(figures.split('\r\n')).toContain('Automation rate (auto-replied of those needing an answer),0.2');
    const list = await (await get('/api/dashboard/panels/tasks/rows.csv?range=7&user=' + server.world.ana.id, MANAGER_TOKEN)).text();
    const lines = list.trim().split('\r\n');
    expect(lines[0]).toBe('Task,Created,Status,Intents,Priority,Assignee,Team,Customer,Due,Past due,Closed');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('t3,2026-11-19T09:00:00.000Z,in_review,dispute,high,Ana Lima,Collections,C2,2026-11-19T17:00:00.000Z,true,');
  });

  it('pages the drill-down list and validates the query', async () => {
    const page = (await (await get('/api/dashboard/panels/mailbox/rows?range=7&page=3&pageSize=3', MANAGER_TOKEN)).json()) as { total: number; rows: Array<{ id: string }> };
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.id)).toEqual(['e5']);
    expect((await get('/api/dashboard/panels/mailbox?range=12', MANAGER_TOKEN)).status).toBe(400);
    expect((await get('/api/dashboard/panels/mailbox?from=2026-11-10', MANAGER_TOKEN)).status).toBe(400);
    expect((await get('/api/dashboard/panels/mailbox/rows?pageSize=5000', MANAGER_TOKEN)).status).toBe(400);
    expect((await get('/api/dashboard/panels/nope', MANAGER_TOKEN)).status).toBe(404);
    expect((await get('/api/dashboard/panels/mailbox/datasets/nope.csv', MANAGER_TOKEN)).status).toBe(404);
  });
});

describe('task detail', () => {
  it('shows the email, understanding, evidence and history; the audit trail to managers only', async () => {
    await server.storage.repos.audit.append({ at: new Date('2026-11-19T09:05:00Z'), actor: { kind: 'user', id: server.world.ana.id }, action: 'claimed', subject: { type: 'task', id: 't3' } });
    const manager = (await (await get('/api/dashboard/tasks/t3', MANAGER_TOKEN)).json()) as Record<string, unknown>;
    expect(manager).toMatchObject({
      task: { id: 't3', status: 'in_review', assignee: 'Ana Lima', team: 'Collections', customer: 'Globex (C2)', priority: 'high' },
      email: { from: 'x@globex.example', subject: 'Contestation facture INV-4', truncated: false },
      understanding: { language: 'fr', action: 'review', intents: [{ intent: 'dispute', confidence: 0.72 }] },
      evidence: { customerId: 'C2', customerEvidence: ['known contact of C2'] },
      history: [{ what: 'Task created' }],
      audit: [{ action: 'claimed', actor: 'Ana Lima' }],
    });
    const analyst = (await (await get('/api/dashboard/tasks/t3', ANALYST_TOKEN)).json()) as Record<string, unknown>;
    expect(analyst['audit']).toBeNull();
    expect((await get('/api/dashboard/tasks/nope', MANAGER_TOKEN)).status).toBe(404);
    expect((await get('/api/dashboard/tasks/t3')).status).toBe(401);
  });
});

describe('the page', () => {
  it('is served under /tab (also for task links and the channel-tab configuration) with a CSP allowing Teams to frame it', async () => {
    for (const path of ['/tab', '/tab/', '/tab/configure', '/tab/tasks/t3']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('/tab/assets/app.js');
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    }
    expect((await get('/tab/assets/app.js')).status).toBe(200);
    expect((await get('/tab/assets/missing.js')).status).toBe(404);
  });
});
