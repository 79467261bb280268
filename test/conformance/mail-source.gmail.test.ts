// Runs the MailSource conformance suite against the Gmail source and a stateful fake of the
// Gmail API over nock (test/fixtures/gmail): the real client, history paging, raw fetches and
// error bodies as documented.
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { GmailMailSource } from '../../adapters/mail/gmail/gmail.mail-source.js';
import { FakeGmail, gmailBodies } from '../fixtures/gmail/fake-gmail.js';
import { fakeGmailApi } from '../fixtures/gmail/gmail-harness.js';
import { refusedDelegationAuth } from '../fixtures/gmail/refused-delegation.js';
import { mailSourceSuite } from './mail-source.suite.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

mailSourceSuite('gmail (fake Gmail API over nock)', async () => {
  const fake = new FakeGmail().install();
  return {
    open: () => new GmailMailSource({ api: fakeGmailApi(fake) }),
    async add(raws) {
      for (const raw of raws) fake.deliver(raw);
    },
    invalidate(cursor) {
      // Gmail keeps history for about a week; after that the stored id answers 404.
      fake.pruneHistory();
      return cursor;
    },
    failing: [
      { what: 'a token Gmail refuses (401)', open: () => new GmailMailSource({ api: fakeGmailApi(fake, { token: 'expired' }) }), code: 'auth' },
      { what: 'a service account without domain-wide delegation', open: () => new GmailMailSource({ api: fakeGmailApi(fake, { auth: refusedDelegationAuth(fake.user) }) }), code: 'auth' },
      { what: 'a label that does not exist', open: () => new GmailMailSource({ api: fakeGmailApi(fake), label: 'Label_404' }), code: 'not_found' },
      {
        what: 'a per-user rate limit (403 userRateLimitExceeded) that outlasts the retries',
        open: () => {
          fake.fail({ match: /^GET .*\/labels\//, status: 403, body: gmailBodies.userRateLimited, times: 4 });
          return new GmailMailSource({ api: fakeGmailApi(fake) });
        },
        code: 'temporary',
      },
      {
        what: 'throttling (429 with Retry-After) that outlasts the retries',
        open: () => {
          fake.fail({ match: /^GET .*\/labels\//, status: 429, body: gmailBodies.rateLimited, headers: { 'Retry-After': '3' }, times: 4 });
          return new GmailMailSource({ api: fakeGmailApi(fake) });
        },
        code: 'temporary',
      },
    ],
    teardown: async () => {
      nock.cleanAll();
    },
  };
});
