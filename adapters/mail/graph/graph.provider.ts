// The Microsoft 365 mailbox from configuration: one Graph client and call policy for the
// mailbox (so reads, sends and subscription calls share the four-request limit), the delta
// source, the MIME sender, and, when a public URL and a client state are configured, the
// change-notification subscription.
import { ConfigError } from '../../../app/config/config-error.js';
import type { ArbotConfig } from '../../../app/config/schema.js';
import { graphNotificationUrls } from '../../../app/mail-webhook-paths.js';
import type { Logger } from 'pino';
import type { MailPushRegistrar } from '../../../core/mail/mail-push.js';
import type { MailSource } from '../../../core/mail/mail-source.js';
import type { MailSender } from '../../../core/replies/reply-model.js';
import { GraphApi } from './graph-api.js';
import { createGraphClient, graphCredential } from './graph-client.js';
import { GraphMailSender } from './graph.mail-sender.js';
import { GraphMailSource } from './graph.mail-source.js';
import { GraphSubscriptionRegistrar } from './graph-subscription.js';

/** Source, sender and (optional) push registration of the configured Graph mailbox; a ConfigError names missing settings. */
export function graphProvider(config: ArbotConfig, logger: Logger): { source: MailSource; sender: MailSender; push?: MailPushRegistrar } {
  const m = config.mail;
  const missing = [
    ...(m.graphTenantId === undefined ? ['GRAPH_TENANT_ID (mail.graphTenantId)'] : []),
    ...(m.graphClientId === undefined ? ['GRAPH_CLIENT_ID (mail.graphClientId)'] : []),
    ...(m.graphClientSecret === undefined && m.graphCertificatePath === undefined ? ['GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH'] : []),
    ...(m.graphMailbox === undefined ? ['GRAPH_MAILBOX (mail.graphMailbox)'] : []),
  ];
  if (m.graphTenantId === undefined || m.graphClientId === undefined || m.graphMailbox === undefined || missing.length > 0) {
    throw new ConfigError(missing.map((s) => `${s}: required when ARBOT_MAIL_PROVIDER is graph`));
  }
  const credential = graphCredential({
    tenantId: m.graphTenantId,
    clientId: m.graphClientId,
    ...(m.graphClientSecret === undefined ? {} : { clientSecret: m.graphClientSecret }),
    ...(m.graphCertificatePath === undefined ? {} : { certificatePath: m.graphCertificatePath }),
  });
  const log = logger.child({ mail: 'graph' });
  const api = new GraphApi({
    client: createGraphClient(credential),
    mailbox: m.graphMailbox,
    policy: { onRetry: ({ what, attempt, waitMs }) => log.debug({ what, attempt, waitMs }, 'graph: throttled or unavailable; retrying') },
  });
  const source = new GraphMailSource({
    api,
    folder: m.graphFolder,
    ...(m.graphProcessedCategory === undefined ? {} : { processedCategory: m.graphProcessedCategory }),
    logger: log,
  });
  const urls = graphNotificationUrls(config);
  const push =
    urls !== undefined && m.graphClientState !== undefined
      ? new GraphSubscriptionRegistrar({ api, address: source.address, folder: m.graphFolder, clientState: m.graphClientState, ...urls })
      : undefined;
  return { source, sender: new GraphMailSender({ api, logger: log }), ...(push ? { push } : {}) };
}
