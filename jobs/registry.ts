// Every job arbot runs. Adding a job means writing its file and adding one line here.
import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import type { ArbotConfig } from '../app/config/schema.js';
import type { ReviewDesk } from '../app/review-desk.js';
import type { MailSyncWiring } from '../app/mail-sync-wiring.js';
import { FolderMailSender } from '../adapters/mail/outbox-folder/folder.mail-sender.js';
import { createMailProvider } from '../adapters/mail/registry.js';
import { OutboxSender } from '../app/services/outbox-sender.js';
import { createRepositories } from '../storage/repositories/index.js';
import { MailSubscriptionRepo } from '../storage/repositories/mail-subscription.repo.js';
import { MongoSorLookup } from '../storage/sor/mongo-sor-lookup.js';
import type { JobDefinition } from './job-definition.js';
import { jobHistoryCleanupJob } from './job-history-cleanup.job.js';
import { mailSubscriptionJob } from './mail-subscription.job.js';
import { mailSyncJob } from './mail-sync.job.js';
import { outboxSendJob } from './outbox-send.job.js';
import { sorSyncJob } from './sor-sync.job.js';

/** Jobs that need nothing but the database. */
export const jobDefinitions: readonly JobDefinition[] = [jobHistoryCleanupJob];

/**
 * The jobs a configured process runs. With a mail provider (ARBOT_MAIL_PROVIDER), mail sync
 * reads its mailbox into the desk (the desk and the intent model are built on the first run
 * and kept for the process). The outbox job needs our own mailbox address (for the send
 * guard and the From line); it sends through the provider's sender, or without a provider
 * through the folder sender, which writes each reply as an .eml file to ARBOT_OUTBOX_DIR.
 * A provider missing required settings throws a ConfigError here, at start-up.
 */
export function jobDefinitionsFor(config: ArbotConfig, cwd: string, logger: Logger = pino({ level: 'silent' }), desk?: ReviewDesk): JobDefinition[] {
  const jobs = [...jobDefinitions];
  const provider = createMailProvider({ config, cwd, logger });
  if (provider) {
    let wiring: Promise<MailSyncWiring> | undefined;
    jobs.push(
      mailSyncJob(
        (ctx) =>
          // Loaded on first use: the desk and the model are heavy, and a process without mail never needs them.
          (wiring ??= import('../app/mail-sync-wiring.js')
            .then(({ buildMailSync }) => buildMailSync({ config, db: ctx.db, logger: ctx.logger, cwd, source: provider.source, ...(desk ? { desk } : {}) }))
            .catch((err: unknown) => {
              wiring = undefined; // built again on the next run
              throw err;
            })),
        { every: config.mail.pollEvery },
      ),
    );
    const registrar = provider.push;
    if (registrar) jobs.push(mailSubscriptionJob((ctx) => ({ registrar, registrations: new MailSubscriptionRepo(ctx.db, config.tenant.id) })));
  }
  const mailbox = config.company.arMailbox;
  if (mailbox) {
    const mail = provider?.sender ?? new FolderMailSender({ dir: resolve(cwd, config.replies.outboxDir) });
    jobs.push(
      outboxSendJob((ctx) => {
        const repos = createRepositories(ctx.db, config.tenant.id);
        return new OutboxSender({
          outbox: repos.outbox,
          audit: repos.audit,
          tasks: repos.tasks,
          mail,
          sor: new MongoSorLookup(repos, { ownAddresses: [mailbox] }),
          logger: ctx.logger,
          settings: { leaseMs: config.replies.sendLeaseSeconds * 1000, maxAttempts: config.replies.maxSendAttempts },
          // With chat in this process, a sent reply (or one that failed) shows on the task's cards.
          ...(desk ? { publisher: desk.cards } : {}),
        });
      }),
    );
  }
  if (config.sor.connector !== 'none') {
    jobs.push(sorSyncJob((ctx) => import('../app/services/sor-sync-setup.js').then(({ sorSyncFor }) => sorSyncFor({ config, repos: createRepositories(ctx.db, config.tenant.id), logger: ctx.logger, cwd, now: ctx.now })), config.sor.syncEvery));
  }
  return jobs;
}
