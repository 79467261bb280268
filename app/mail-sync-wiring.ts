// Builds mail sync for the configured mailbox on a worker: the provider's source, the desk-backed
// inbound path (intake → decision → automatic reply or review task) and the cursor repository.
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { createIntentModel, type IntentModelName } from '../adapters/llm/registry.js';
import type { MailSource } from '../core/mail/mail-source.js';
import { createRepositories } from '../storage/repositories/index.js';
import type { ArbotConfig } from './config/schema.js';
import { buildIncomingMail } from './incoming-mail-wiring.js';
import { createReviewDesk, PLACEHOLDER_MAILBOX, type ReviewDesk } from './review-desk.js';
import { MailSync, type MailboxToSync } from './services/mail-sync.js';


export interface MailSyncWiring {
  sync: MailSync;
  mailbox: MailboxToSync;
}

/** MailSync and its mailbox for `source`, on the desk built from `config`. */
export async function buildMailSync(opts: { config: ArbotConfig; db: Db; logger: Logger; cwd: string; source: MailSource; clock?: () => Date; desk?: ReviewDesk }): Promise<MailSyncWiring> {
  const { config, db, logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  const repos = createRepositories(db, config.tenant.id);
  // The chat platforms' desk when chat runs in this process, so new tasks reach their channels.
  const desk = opts.desk ?? (await createReviewDesk({ config, db, repos, logger, cwd: opts.cwd, clock }));
  const model = await createIntentModel(config.pipeline.model as IntentModelName, config);
  const incoming = buildIncomingMail({ desk, db, config, model, mailbox: config.company.arMailbox ?? PLACEHOLDER_MAILBOX, clock });
  return { sync: new MailSync({ cursors: repos.mailCursors, logger, clock }), mailbox: { source: opts.source, incoming } };
}
