// The mailbox providers arbot can use, by name: each gives the MailSource the AR mailbox is
// read from and the MailSender replies go out through. Adding a provider (Graph, Gmail) is
// one entry here and one value in ARBOT_MAIL_PROVIDER. Nothing connects until first used.
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { ConfigError } from '../../app/config/config-error.js';
import type { ArbotConfig } from '../../app/config/schema.js';
import type { MailPushRegistrar } from '../../core/mail/mail-push.js';
import type { MailSource } from '../../core/mail/mail-source.js';
import type { MailSender } from '../../core/replies/reply-model.js';
import { FolderMailSource } from './folder-source/folder.mail-source.js';
import { gmailProvider } from './gmail/gmail.provider.js';
import { graphProvider } from './graph/graph.provider.js';
import type { ImapSettings } from './imap/imap-connection.js';
import { ImapMailSource } from './imap/imap.mail-source.js';
import { ImapSentFolder } from './imap/imap-sent-folder.js';
import { FolderMailSender } from './outbox-folder/folder.mail-sender.js';
import { SmtpMailSender } from './smtp/smtp.mail-sender.js';
import { createSmtpTransport } from './smtp/smtp-transport.js';

export type MailProviderName = ArbotConfig['mail']['provider'];

/** A configured mailbox: where mail is read, and how replies are sent. */
export interface MailProvider {
  name: Exclude<MailProviderName, 'none'>;
  source: MailSource;
  sender: MailSender;
  /** The provider's push registration (Graph subscription, Gmail watch), renewed by the mail-subscription job. */
  push?: MailPushRegistrar;
}

export interface MailProviderContext {
  config: ArbotConfig;
  /** Relative folders in the configuration are resolved against it. */
  cwd: string;
  logger: Logger;
}

const factories: Record<Exclude<MailProviderName, 'none'>, (ctx: MailProviderContext) => Omit<MailProvider, 'name'>> = {
  graph: ({ config, logger }) => graphProvider(config, logger),
  gmail: ({ config, logger }) => gmailProvider(config, logger),
  folder: ({ config, cwd, logger }) => ({
    source: new FolderMailSource({ dir: resolve(cwd, config.mail.folder), moveProcessed: config.mail.moveProcessed, logger }),
    sender: new FolderMailSender({ dir: resolve(cwd, config.replies.outboxDir) }),
  }),
  imap: ({ config, logger }) => {
    const imap = imapSettings(config);
    const smtpHost = config.mail.smtpHost;
    if (smtpHost === undefined) throw required(['SMTP_HOST (mail.smtpHost)']);
    const sentFolder = config.mail.imapSentFolder;
    return {
      source: new ImapMailSource({ settings: imap, folder: config.mail.imapFolder, logger }),
      sender: new SmtpMailSender({
        transport: createSmtpTransport({
          host: smtpHost,
          port: config.mail.smtpPort,
          secure: config.mail.smtpSecure,
          user: config.mail.smtpUser ?? imap.user,
          password: config.mail.smtpPassword ?? imap.password,
        }),
        ...(sentFolder === undefined ? {} : { sent: { folder: new ImapSentFolder({ settings: imap, folder: sentFolder }), append: config.mail.saveToSent } }),
        logger,
      }),
    };
  },
};

/** The configured provider, or null when ARBOT_MAIL_PROVIDER is none; a ConfigError names missing settings. */
export function createMailProvider(ctx: MailProviderContext): MailProvider | null {
  const name = ctx.config.mail.provider;
  if (name === 'none') return null;
  return { name, ...factories[name](ctx) };
}

function imapSettings(config: ArbotConfig): ImapSettings {
  const { imapHost, imapUser, imapPassword } = config.mail;
  const missing = [
    ...(imapHost === undefined ? ['IMAP_HOST (mail.imapHost)'] : []),
    ...(imapUser === undefined ? ['IMAP_USER (mail.imapUser)'] : []),
    ...(imapPassword === undefined ? ['IMAP_PASSWORD (mail.imapPassword)'] : []),
  ];
  if (imapHost === undefined || imapUser === undefined || imapPassword === undefined) throw required(missing);
  return { host: imapHost, port: config.mail.imapPort, secure: config.mail.imapSecure, user: imapUser, password: imapPassword };
}

function required(settings: string[]): ConfigError {
  return new ConfigError(settings.map((s) => `${s}: required when ARBOT_MAIL_PROVIDER is imap`));
}
