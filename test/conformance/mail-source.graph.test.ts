// Runs the MailSource conformance suite against the Graph source and a stateful fake of the
// Graph mail endpoints over nock (test/fixtures/graph): the real SDK client, delta paging,
// MIME fetches and error bodies as documented.
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { GraphMailSource } from '../../adapters/mail/graph/graph.mail-source.js';
import { FakeGraph, graphErrors } from '../fixtures/graph/fake-graph.js';
import { fakeGraphApi } from '../fixtures/graph/graph-harness.js';
import { mailSourceSuite } from './mail-source.suite.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

mailSourceSuite('graph (fake Graph over nock)', async () => {
  const fake = new FakeGraph().install();
  return {
    open: () => new GraphMailSource({ api: fakeGraphApi(fake) }),
    async add(raws) {
      for (const raw of raws) fake.deliver(raw);
    },
    invalidate(cursor) {
      // Exchange forgets sync states; the stored link itself is unchanged but no longer valid.
      fake.expireDeltaTokens();
      return cursor;
    },
    failing: [
      { what: 'a token Graph refuses (401)', open: () => new GraphMailSource({ api: fakeGraphApi(fake, { token: 'expired-token' }) }), code: 'auth' },
      {
        what: 'a client secret Entra ID refuses',
        open: () =>
          new GraphMailSource({
            api: fakeGraphApi(fake, { token: () => Promise.reject(Object.assign(new Error('AADSTS7000215: Invalid client secret provided.'), { name: 'AuthenticationError' })) }),
          }),
        code: 'auth',
      },
      { what: 'a mailbox outside the app\'s RBAC scope (403)', open: () => new GraphMailSource({ api: fakeGraphApi(fake, { mailbox: 'ceo@northwind.example' }) }), code: 'auth' },
      { what: 'a folder that does not exist', open: () => new GraphMailSource({ api: fakeGraphApi(fake), folder: 'nosuchfolder' }), code: 'not_found' },
      {
        what: 'throttling that outlasts the retries (429 with Retry-After)',
        open: () => {
          fake.fail({ match: /^GET .*\/delta$/, status: 429, body: graphErrors.throttled, headers: { 'Retry-After': '2' }, times: 4 });
          return new GraphMailSource({ api: fakeGraphApi(fake) });
        },
        code: 'temporary',
      },
    ],
    teardown: async () => {
      nock.cleanAll();
    },
  };
});
