// Runs the MailSource conformance suite against the IMAP source and a real Dovecot on
// loopback (started here; the tests fail, never skip, when Dovecot is not installed). Every
// test logs in as a new user, so each starts with an empty INBOX.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll } from 'vitest';
import { ImapMailSource } from '../../adapters/mail/imap/imap.mail-source.js';
import { closeImap, connectImap, type ImapSettings } from '../../adapters/mail/imap/imap-connection.js';
import { freePort, startDovecot, type DovecotServer } from '../support/dovecot.js';
import { uniqueNumber } from '../fixtures/unique.js';
import { mailSourceSuite } from './mail-source.suite.js';

let dovecot: DovecotServer;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

mailSourceSuite('imap (Dovecot)', async () => {
  const settings: ImapSettings = { host: dovecot.host, port: dovecot.port, secure: false, user: `user${uniqueNumber()}`, password: dovecot.password };
  const seeder: ImapFlow = await connectImap(settings);
  const closedPort = await freePort();
  return {
    open: () => new ImapMailSource({ settings }),
    async add(raws) {
      for (const raw of raws) await seeder.append('INBOX', Buffer.from(raw));
    },
    invalidate: (cursor) => ({ ...cursor, uidValidity: String(BigInt(String(cursor['uidValidity'])) + 1n) }),
    failing: [
      { what: 'a wrong password', open: () => new ImapMailSource({ settings: { ...settings, password: 'wrong' } }), code: 'auth' },
      { what: 'a folder that does not exist', open: () => new ImapMailSource({ settings, folder: 'No/Such/Folder' }), code: 'not_found' },
      { what: 'a server that is not there', open: () => new ImapMailSource({ settings: { ...settings, port: closedPort, timeoutMs: 2_000 } }), code: 'temporary' },
    ],
    teardown: () => closeImap(seeder),
  };
});
