// Every job arbot runs. Adding a job means writing its file and adding one line here.
import { resolve } from 'node:path';
import type { ArbotConfig } from '../app/config/schema.js';
import { FolderMailSender } from '../adapters/mail/outbox-folder/folder.mail-sender.js';
import { OutboxSender } from '../app/services/outbox-sender.js';
import { createRepositories } from '../storage/repositories/index.js';
import { MongoSorLookup } from '../storage/sor/mongo-sor-lookup.js';
import type { JobDefinition } from './job-definition.js';
import { jobHistoryCleanupJob } from './job-history-cleanup.job.js';
import { outboxSendJob } from './outbox-send.job.js';

/** Jobs that need nothing but the database. */
export const jobDefinitions: readonly JobDefinition[] = [jobHistoryCleanupJob];

/**
 * The jobs a configured process runs. The outbox job needs our own mailbox address (for the
 * send guard and the From line); until a mailbox adapter exists (issue 8) it sends through
 * the folder sender, which writes each reply as an .eml file to ARBOT_OUTBOX_DIR.
 */
export function jobDefinitionsFor(config: ArbotConfig, cwd: string): JobDefinition[] {
  const jobs = [...jobDefinitions];
  const mailbox = config.company.arMailbox;
  if (mailbox) {
    const mail = new FolderMailSender({ dir: resolve(cwd, config.replies.outboxDir) });
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
        });
      }),
    );
  }
  return jobs;
}
