// Runs the MailSender conformance suite against the Graph sender and a stateful fake of the
// Graph mail endpoints over nock: what was "delivered" is the MIME the sender posted as a
// draft, once the draft was sent (Sent Items).
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { GraphMailSender } from '../../adapters/mail/graph/graph.mail-sender.js';
import { FakeGraph, graphErrors } from '../fixtures/graph/fake-graph.js';
import { fakeGraphApi } from '../fixtures/graph/graph-harness.js';
import { mailSenderSuite } from './mail-sender.suite.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

mailSenderSuite('graph (fake Graph over nock)', async () => {
  const fake = new FakeGraph().install();
  const sender = (opts: Parameters<typeof fakeGraphApi>[1] = {}) => new GraphMailSender({ api: fakeGraphApi(fake, opts) });
  return {
    sender: sender(),
    async delivered(messageId) {
      const m = fake.sent(messageId);
      return m === undefined ? undefined : { raw: m.raw };
    },
    findsSent: true,
    failing: [
      { what: 'a token Graph refuses (401)', sender: () => sender({ token: 'expired-token' }), code: 'auth' },
      { what: 'a mailbox outside the app\'s RBAC scope (403)', sender: () => sender({ mailbox: 'ceo@northwind.example' }), code: 'auth' },
      {
        what: 'recipients Exchange refuses (400 ErrorInvalidRecipients)',
        sender: () => {
          fake.fail({ match: /^POST .*\/send$/, status: 400, body: graphErrors.invalidRecipients });
          return sender();
        },
        code: 'rejected',
      },
      {
        what: 'Graph unavailable beyond the retries (503 with Retry-After)',
        sender: () => {
          fake.fail({ match: /^POST .*\/messages$/, status: 503, body: graphErrors.unavailable, headers: { 'Retry-After': '5' }, times: 4 });
          return sender();
        },
        code: 'temporary',
      },
    ],
    teardown: async () => {
      nock.cleanAll();
    },
  };
});
