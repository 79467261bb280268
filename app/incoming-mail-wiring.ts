// Builds the whole inbound path (intake → decision → automatic reply or review task) on a
// review desk, for the mailbox jobs, the demo and the end-to-end tests.
import type { Db } from 'mongodb';
import type { IntentModel } from '../core/pipeline/understanding.js';
import type { ArbotConfig } from './config/schema.js';
import { automationPolicyFrom, relaxedMatchingFrom } from './pipeline-settings.js';
import type { ReviewDesk } from './review-desk.js';
import { AutoReplyService } from './services/auto-reply.js';
import { EmailIntake } from './services/email-intake.js';
import { IncomingMail } from './services/incoming-mail.js';
import { RawEmailStore } from './services/raw-email-store.js';

/** The inbound path for one mailbox on the desk's storage and SoR. */
export function buildIncomingMail(opts: { desk: ReviewDesk; db: Db; config: ArbotConfig; model: IntentModel; mailbox: string; clock?: () => Date }): IncomingMail {
  const { desk, config } = opts;
  const clock = opts.clock ?? (() => new Date());
  const intake = new EmailIntake({
    repos: desk.repos,
    raw: new RawEmailStore(opts.db),
    pipeline: { model: opts.model, sor: desk.sor, policy: automationPolicyFrom(config), relaxedMatching: relaxedMatchingFrom(config) },
    mailbox: opts.mailbox,
    logger: desk.logger,
    now: clock,
  });
  const autoReply = new AutoReplyService({
    repos: desk.repos,
    settings: {
      shadowMode: config.replies.shadowMode,
      threadWindowHours: config.replies.threadWindowHours,
      maxAutoRepliesPerRecipientPerDay: config.replies.maxAutoRepliesPerRecipientPerDay,
    },
    ownAddresses: [opts.mailbox],
    logger: desk.logger,
  });
  return new IncomingMail({ intake, repos: desk.repos, composer: desk.composer, autoReply, reviewTasks: desk.reviewTasks, logger: desk.logger, clock });
}
