// The generic REST connector's pagination styles, authentication, retries and error codes,
// against nock (no network).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SorConnectorError, type SorPage } from '../../../core/sor/sor-connector.js';
import { nextLink, parseRestConfig, RestConnector } from './rest.connector.js';
import { SorHttp, type SorAuth } from './sor-http.js';

const BASE = 'https://erp.example/api';
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const fields = { id: 'id', accountNumber: 'acct', name: 'name', currency: { const: 'USD' }, status: { const: 'active' } };
const customers = Array.from({ length: 5 }, (_, i) => ({ id: `C${i}`, acct: `A${i}`, name: `N${i}` }));

function connector(pagination: unknown, auth: SorAuth = { type: 'none' }, extra: { sleep?: (ms: number) => Promise<void> } = {}) {
  const config = parseRestConfig({ pagination, entities: { customers: { path: '/customers', itemsPath: 'items', fields }, invoices: { path: '/invoices', fields: {} } } });
  return new RestConnector(config, new SorHttp({ auth, maxRetries: 2, backoffMs: 1, sleep: extra.sleep ?? (async () => undefined) }), BASE);
}

async function ids(pages: AsyncIterable<SorPage>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const p of pages) out.push(p.records.map((r) => (r as { id: string }).id));
  return out;
}

describe('RestConnector pagination', () => {
  it('page: ?page=&per_page= until a short page', async () => {
    nock(BASE).get('/customers').query(true).times(3).reply((uri) => {
      const q = new URL(uri, BASE).searchParams;
      const page = Number(q.get('page'));
      return [200, { items: customers.slice((page - 1) * 2, page * 2) }];
    });
    expect(await ids(connector({ style: 'page' }).read('customers', { pageSize: 2 }))).toEqual([['C0', 'C1'], ['C2', 'C3'], ['C4']]);
  });

  it('offset: ?offset=&limit=, resuming from a checkpoint', async () => {
    nock(BASE).get('/customers').query(true).times(5).reply((uri) => {
      const q = new URL(uri, BASE).searchParams;
      const offset = Number(q.get('offset'));
      return [200, { items: customers.slice(offset, offset + Number(q.get('limit'))) }];
    });
    const c = connector({ style: 'offset' });
    const pages: SorPage[] = [];
    for await (const p of c.read('customers', { pageSize: 2 })) pages.push(p);
    expect(await ids(c.read('customers', { pageSize: 2, resumeFrom: pages[0]?.checkpoint as string }))).toEqual([['C2', 'C3'], ['C4']]);
  });

  it('cursor: the next cursor from the body until it is empty', async () => {
    nock(BASE).get('/customers').query((q) => q['cursor'] === undefined).reply(200, { items: customers.slice(0, 3), meta: { next: 'abc' } });
    nock(BASE).get('/customers').query({ cursor: 'abc' }).reply(200, { items: customers.slice(3), meta: { next: null } });
    expect(await ids(connector({ style: 'cursor', cursorPath: 'meta.next' }).read('customers', { pageSize: 3 }))).toEqual([['C0', 'C1', 'C2'], ['C3', 'C4']]);
  });

  it('link: RFC 8288 Link headers', async () => {
    nock(BASE).get('/customers').query(true).reply(200, { items: customers.slice(0, 2) }, { link: `<${BASE}/customers?after=C1>; rel="next", <${BASE}/customers>; rel="first"` });
    nock(BASE).get('/customers').query({ after: 'C1' }).reply(200, { items: customers.slice(2) });
    expect(await ids(connector({ style: 'link' }).read('customers', { pageSize: 2 }))).toEqual([['C0', 'C1'], ['C2', 'C3', 'C4']]);
    expect(nextLink('<https://x/p2>; rel="prev", <https://x/p4>; rel="next"')).toBe('https://x/p4');
  });
});

describe('SorHttp', () => {
  it('retries 429 after Retry-After and 5xx with back-off, then succeeds', async () => {
    const waits: number[] = [];
    nock(BASE).get('/customers').query(true).reply(429, { message: 'slow down' }, { 'retry-after': '3' });
    nock(BASE).get('/customers').query(true).reply(503, 'unavailable');
    nock(BASE).get('/customers').query(true).reply(200, { items: customers.slice(0, 1) });
    const c = connector({ style: 'cursor' }, { type: 'none' }, { sleep: async (ms) => void waits.push(ms) });
    expect(await ids(c.read('customers', { pageSize: 5 }))).toEqual([['C0']]);
    expect(waits[0]).toBe(3000);
    expect(waits).toHaveLength(2);
  });

  it('normalizes failures: 401 auth, 404 not_found, 500 after retries temporary, a non-list unknown', async () => {
    const codeOf = async (status: number, body: unknown = {}) => {
      nock.cleanAll();
      nock(BASE).get('/customers').query(true).times(3).reply(status, body as nock.Body);
      try {
        await ids(connector({ style: 'cursor' }).read('customers', { pageSize: 5 }));
        return 'ok';
      } catch (e) {
        return e instanceof SorConnectorError ? `${e.code}: ${e.message}` : String(e);
      }
    };
    expect(await codeOf(401, { error: { message: 'bad key' } })).toBe('auth: GET https://erp.example/api/customers: HTTP 401 (bad key)');
    expect(await codeOf(404)).toMatch(/^not_found/);
    expect(await codeOf(500)).toMatch(/^temporary/);
    expect(await codeOf(200, { items: 'nope' })).toMatch(/^unknown: GET \/customers: expected a list/);
  });

  it('sends an API key header, and an OAuth2 client-credentials token it refreshes once on 401', async () => {
    nock(BASE, { reqheaders: { 'x-api-key': 'k1' } }).get('/customers').query(true).reply(200, { items: [] });
    await ids(connector({ style: 'cursor' }, { type: 'api_key', header: 'x-api-key', key: 'k1' }).read('customers', { pageSize: 5 }));
    nock('https://login.example').post('/token', 'grant_type=client_credentials&client_id=cid&client_secret=sec&scope=read').reply(200, { access_token: 't1', expires_in: 3600 });
    nock('https://login.example').post('/token').reply(200, { access_token: 't2', expires_in: 3600 });
    nock(BASE, { reqheaders: { authorization: 'Bearer t1' } }).get('/customers').query(true).reply(401, {});
    nock(BASE, { reqheaders: { authorization: 'Bearer t2' } }).get('/customers').query(true).reply(200, { items: customers.slice(0, 1) });
    const c = connector({ style: 'cursor' }, { type: 'oauth2', tokenUrl: 'https://login.example/token', clientId: 'cid', clientSecret: 'sec', scope: 'read' });
    expect(await ids(c.read('customers', { pageSize: 5 }))).toEqual([['C0']]);
  });
});
