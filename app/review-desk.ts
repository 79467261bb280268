// Composition of the review desk for a running arbot: the repositories, the SoR, the chat
// fan-out, the task cards, distribution, reprocessing and documents, assembled once from the
// configuration and handed to every chat platform's entry points. Chat adapters register
// into `channels` after the desk exists (they need the desk's use cases, the desk needs them
// to show cards), so the fan-out starts empty.
import { resolve } from 'node:path';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { FolderDocumentSource } from '../adapters/documents/folder/folder.document-source.js';
import { PdfkitDocumentRenderer } from '../adapters/documents/pdfkit/pdfkit.document-renderer.js';
import { createIntentModel, type IntentModelName } from '../adapters/llm/registry.js';
import { ChatChannels } from '../bot/chat-channels.js';
import { TaskDistributor } from '../bot/distribution/task-distributor.js';
import type { Reprocessor } from '../bot/ports/reprocessor.js';
import type { RecordActionDeps } from '../bot/records/record-deps.js';
import { SorStatementDocuments } from '../bot/records/statement-documents.js';
import { TaskCards } from '../bot/task-cards.js';
import type { DraftDeps } from '../bot/use-cases/draft.js';
import type { SorLookup } from '../core/pipeline/sor.js';
import type { Repositories } from '../storage/repositories/index.js';
import { MongoSorLookup } from '../storage/sor/mongo-sor-lookup.js';
import { loadTemplates } from '../templates/engine.js';
import type { ArbotConfig } from './config/schema.js';
import { automationPolicyFrom, relaxedMatchingFrom } from './pipeline-settings.js';
import { newMessageId } from './services/message-id.js';
import { RawEmailStore } from './services/raw-email-store.js';
import { ReplyComposer } from './services/reply-composer.js';
import { SorReplyDocuments } from './services/reply-documents.js';
import { ReviewTaskService } from './services/review-tasks.js';
import { SyncCustomerResync } from './services/customer-resync.js';
import { TaskReprocessor } from './services/task-reprocessor.js';

/** Our sending address when ARBOT_AR_MAILBOX is not set: replies can be drafted, never sent from it. */
export const PLACEHOLDER_MAILBOX = 'ar@arbot.invalid';

export interface ReviewDesk {
  repos: Repositories;
  sor: SorLookup;
  channels: ChatChannels;
  cards: TaskCards;
  distributor: TaskDistributor;
  reviewTasks: ReviewTaskService;
  composer: ReplyComposer;
  /** What every chat use case takes. */
  deps: DraftDeps & { distributor: TaskDistributor; reprocessor: Reprocessor };
  /** What the customer and invoice record views and actions take (bot/records). */
  records: RecordActionDeps;
  logger: Logger;
}

export interface ReviewDeskOptions {
  config: ArbotConfig;
  db: Db;
  repos: Repositories;
  logger: Logger;
  cwd: string;
  clock?: () => Date;
}

/** Builds the desk; chat platforms then register their adapters into `desk.channels`. */
export async function createReviewDesk(opts: ReviewDeskOptions): Promise<ReviewDesk> {
  const { config, repos, logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  const mailbox = config.company.arMailbox ?? PLACEHOLDER_MAILBOX;
  const company = { name: config.company.name, arMailbox: mailbox };
  const sor = new MongoSorLookup(repos, { ownAddresses: [mailbox] });
  const channels = new ChatChannels([], {
    onFailure: (f) => logger.warn({ platform: f.platform, operation: f.operation, code: f.error.code, err: f.error }, 'chat delivery failed'),
  });
  const cards = new TaskCards({ repos, sor, channels, clock, logger });
  const distributor = new TaskDistributor({
    repos,
    settings: { maxOpenTasksPerUser: config.tasks.maxOpenPerUser, ...(config.tasks.defaultTeam ? { defaultTeam: config.tasks.defaultTeam } : {}) },
    clock,
  });
  const documents = { source: new FolderDocumentSource(resolve(opts.cwd, 'docs'), logger), renderer: new PdfkitDocumentRenderer() };
  const templates = await loadTemplates(config.replies.templatesDir === undefined ? {} : { overridesDir: resolve(opts.cwd, config.replies.templatesDir) });
  const composer = new ReplyComposer({ sor, templates, documents, company, ccPolicy: 'known_contacts' });
  // The intent model is loaded on the first reprocess, so a start without chat pays nothing for it.
  let pipeline: Promise<ConstructorParameters<typeof TaskReprocessor>[0]['pipeline']> | undefined;
  const reprocessor: Reprocessor = {
    reprocess: async (task) => {
      pipeline ??= createIntentModel(config.pipeline.model as IntentModelName, config).then((model) => ({
        model,
        sor,
        policy: automationPolicyFrom(config),
        relaxedMatching: relaxedMatchingFrom(config),
      }));
      return new TaskReprocessor({ repos, raw: new RawEmailStore(opts.db), pipeline: await pipeline, composer }).reprocess(task);
    },
  };
  const deps: ReviewDesk['deps'] = {
    repos,
    publisher: cards,
    sor,
    clock,
    logger,
    distributor,
    reprocessor,
    documents: new SorReplyDocuments({ sor, documents, company }),
    from: { name: config.company.name, address: mailbox },
    newMessageId: () => newMessageId(mailbox),
  };
  const reviewTasks = new ReviewTaskService({ repos, distributor, publisher: cards, sor, clock });
  const records: RecordActionDeps = {
    repos,
    sor,
    clock,
    documents: deps.documents,
    statements: new SorStatementDocuments({ sor, renderer: documents.renderer, company }),
    resync: new SyncCustomerResync({ config, repos, logger, cwd: opts.cwd, now: clock }),
    publisher: cards,
    from: deps.from,
    newMessageId: deps.newMessageId,
  };
  return { repos, sor, channels, cards, distributor, reviewTasks, composer, deps, records, logger };
}
