import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { configFixture } from '../../app/config/config.fixture.js';
import { ConfigError } from '../../app/config/config-error.js';
import { FolderMailSource } from './folder-source/folder.mail-source.js';
import { ImapMailSource } from './imap/imap.mail-source.js';
import { FolderMailSender } from './outbox-folder/folder.mail-sender.js';
import { createMailProvider } from './registry.js';
import { SmtpMailSender } from './smtp/smtp.mail-sender.js';

const logger = pino({ level: 'silent' });

describe('mail provider registry', () => {
  it('has no provider when none is configured', () => {
    expect(createMailProvider({ config: configFixture(), cwd: '/srv/arbot', logger })).toBeNull();
  });

  it('reads a folder and writes the outbox folder for the folder provider', () => {
    const provider = createMailProvider({ config: configFixture({ mail: { provider: 'folder', folder: './drop' } }), cwd: '/srv/arbot', logger });
    expect(provider?.name).toBe('folder');
    expect(provider?.source).toBeInstanceOf(FolderMailSource);
    expect(provider?.source.address).toBe('folder:/srv/arbot/drop');
    expect(provider?.sender).toBeInstanceOf(FolderMailSender);
  });

  it('reads IMAP and sends by SMTP for the imap provider, without connecting yet', () => {
    const config = configFixture({ mail: { provider: 'imap', imapHost: 'imap.example.com', imapUser: 'ar@northwind.example', imapPassword: 'pw', smtpHost: 'smtp.example.com', imapSentFolder: 'Sent' } });
    const provider = createMailProvider({ config, cwd: '/srv/arbot', logger });
    expect(provider?.source).toBeInstanceOf(ImapMailSource);
    expect(provider?.source.address).toBe('imap://ar%40northwind.example@imap.example.com:993/INBOX');
    expect(provider?.sender).toBeInstanceOf(SmtpMailSender);
  });

  it('names every missing IMAP and SMTP setting in a ConfigError', () => {
    const make = () => createMailProvider({ config: configFixture({ mail: { provider: 'imap', imapHost: 'imap.example.com' } }), cwd: '/', logger });
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(/IMAP_USER \(mail\.imapUser\): required when ARBOT_MAIL_PROVIDER is imap\nInvalid configuration: IMAP_PASSWORD/);
    expect(() => createMailProvider({ config: configFixture({ mail: { provider: 'imap', imapHost: 'h', imapUser: 'u', imapPassword: 'p' } }), cwd: '/', logger })).toThrow(/SMTP_HOST/);
  });
});
