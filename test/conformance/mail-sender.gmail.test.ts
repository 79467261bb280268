// Runs the MailSender conformance suite against the Gmail sender and a stateful fake of the
// Gmail API over nock: what was "delivered" is the raw message Gmail accepted into SENT.
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { GmailMailSender } from '../../adapters/mail/gmail/gmail.mail-sender.js';
import { FakeGmail, gmailBodies } from '../fixtures/gmail/fake-gmail.js';
import { fakeGmailApi } from '../fixtures/gmail/gmail-harness.js';
import { refusedDelegationAuth } from '../fixtures/gmail/refused-delegation.js';
import { mailSenderSuite } from './mail-sender.suite.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

mailSenderSuite('gmail (fake Gmail API over nock)', async () => {
  const fake = new FakeGmail().install();
  const sender = (opts: Parameters<typeof fakeGmailApi>[1] = {}) => new GmailMailSender({ api: fakeGmailApi(fake, opts) });
  return {
    sender: sender(),
    async delivered(messageId) {
      const m = fake.sent(messageId);
      return m === undefined ? undefined : { raw: m.raw };
    },
    findsSent: true,
    failing: [
      { what: 'a token Gmail refuses (401)', sender: () => sender({ token: 'expired' }), code: 'auth' },
      { what: 'a service account without domain-wide delegation', sender: () => sender({ auth: refusedDelegationAuth(fake.user) }), code: 'auth' },
      {
        what: 'a message Gmail refuses (400 invalidArgument)',
        sender: () => {
          fake.fail({ match: /^POST .*\/messages\/send$/, status: 400, body: gmailBodies.invalidTo });
          return sender();
        },
        code: 'rejected',
      },
      {
        what: 'throttling (429) that outlasts the retries',
        sender: () => {
          fake.fail({ match: /^POST .*\/messages\/send$/, status: 429, body: gmailBodies.rateLimited, headers: { 'Retry-After': '1' }, times: 4 });
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
