// Runs the MailSender conformance suite against the SMTP sender and a local SMTP receiver
// (smtp-server on loopback, recording what it gets): once on its own (findSent cannot tell),
// and once with a Sent folder on a real Dovecot, where each sent message is appended and
// findSent searches it.
import { afterAll, beforeAll } from 'vitest';
import { ImapSentFolder } from '../../adapters/mail/imap/imap-sent-folder.js';
import type { ImapSettings } from '../../adapters/mail/imap/imap-connection.js';
import { SmtpMailSender } from '../../adapters/mail/smtp/smtp.mail-sender.js';
import { createSmtpTransport, type SmtpSettings } from '../../adapters/mail/smtp/smtp-transport.js';
import { freePort, startDovecot, type DovecotServer } from '../support/dovecot.js';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.js';
import { uniqueNumber } from '../fixtures/unique.js';
import { mailSenderSuite, type MailSenderHarness } from './mail-sender.suite.js';

let smtp: SmtpReceiver;
let dovecot: DovecotServer;
beforeAll(async () => {
  smtp = await startSmtpReceiver({ auth: { user: 'ar@northwind.example', password: 'smtp-secret' }, refuse: ['nobody@acme-industrial.example'], defer: ['busy@acme-industrial.example'] });
  dovecot = await startDovecot();
});
afterAll(async () => {
  await smtp?.stop();
  await dovecot?.stop();
});

async function harness(withSentFolder: boolean): Promise<MailSenderHarness> {
  const settings: SmtpSettings = { host: smtp.host, port: smtp.port, secure: false, user: smtp.user, password: smtp.password };
  const imap: ImapSettings = { host: dovecot.host, port: dovecot.port, secure: false, user: `sender${uniqueNumber()}`, password: dovecot.password };
  const sent = withSentFolder ? { folder: new ImapSentFolder({ settings: imap, folder: 'Sent' }), append: true } : undefined;
  const make = (s: SmtpSettings) => new SmtpMailSender({ transport: createSmtpTransport(s), ...(sent ? { sent } : {}) });
  const closed = await freePort();
  return {
    sender: make(settings),
    async delivered(messageId) {
      const mail = smtp.received.find((m) => m.raw.toString('latin1').includes(`Message-ID: <${messageId}>`));
      return mail === undefined ? undefined : { raw: mail.raw, envelopeTo: mail.to };
    },
    findsSent: withSentFolder,
    failing: [
      { what: 'a wrong password', sender: () => make({ ...settings, password: 'wrong' }), code: 'auth' },
      { what: 'a server that is not there', sender: () => make({ ...settings, port: closed, timeoutMs: 2_000 }), code: 'temporary' },
      { what: 'a recipient refused for good (550)', sender: () => make(settings), message: { to: ['nobody@acme-industrial.example'], cc: [] }, code: 'rejected' },
      { what: 'a recipient deferred (451)', sender: () => make(settings), message: { to: ['busy@acme-industrial.example'], cc: [] }, code: 'temporary' },
    ],
    teardown: async () => undefined,
  };
}

mailSenderSuite('smtp (smtp-server)', () => harness(false));
mailSenderSuite('smtp + Sent folder on IMAP (smtp-server, Dovecot)', () => harness(true));
