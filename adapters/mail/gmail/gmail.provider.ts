// The Google Workspace mailbox from configuration: one Gmail client (service account with
// domain-wide delegation, impersonating GMAIL_USER) and call policy, the history source, the
// raw sender, and, with a Pub/Sub topic, the watch registration.
import type { Logger } from 'pino';
import { ConfigError } from '../../../app/config/config-error.js';
import type { ArbotConfig } from '../../../app/config/schema.js';
import type { MailPushRegistrar } from '../../../core/mail/mail-push.js';
import type { MailSource } from '../../../core/mail/mail-source.js';
import type { MailSender } from '../../../core/replies/reply-model.js';
import { GmailApi } from './gmail-api.js';
import { createGmailClient, gmailServiceAccountAuth } from './gmail-client.js';
import { GmailMailSender } from './gmail.mail-sender.js';
import { GmailMailSource } from './gmail.mail-source.js';
import { GmailWatchRegistrar } from './gmail-watch.js';

/** Source, sender and (optional) push registration of the configured Gmail mailbox; a ConfigError names missing settings. */
export function gmailProvider(config: ArbotConfig, logger: Logger): { source: MailSource; sender: MailSender; push?: MailPushRegistrar } {
  const m = config.mail;
  if (m.gmailServiceAccountFile === undefined || m.gmailUser === undefined) {
    const missing = [
      ...(m.gmailServiceAccountFile === undefined ? ['GMAIL_SERVICE_ACCOUNT_FILE (mail.gmailServiceAccountFile)'] : []),
      ...(m.gmailUser === undefined ? ['GMAIL_USER (mail.gmailUser)'] : []),
    ];
    throw new ConfigError(missing.map((s) => `${s}: required when ARBOT_MAIL_PROVIDER is gmail`));
  }
  const log = logger.child({ mail: 'gmail' });
  const api = new GmailApi({
    client: createGmailClient(gmailServiceAccountAuth(m.gmailServiceAccountFile, m.gmailUser)),
    user: m.gmailUser,
    policy: { onRetry: ({ what, attempt, waitMs }) => log.debug({ what, attempt, waitMs }, 'gmail: throttled or unavailable; retrying') },
  });
  const source = new GmailMailSource({ api, label: m.gmailLabel, logger: log });
  const push = m.gmailPubsubTopic === undefined ? undefined : new GmailWatchRegistrar({ api, address: source.address, label: m.gmailLabel, topicName: m.gmailPubsubTopic });
  return { source, sender: new GmailMailSender({ api }), ...(push ? { push } : {}) };
}
