import type { Logger } from 'pino';
import type { SorLookup } from '../core/pipeline/sor.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { TaskPublisher } from './ports/task-publisher.js';

/** What the chat use cases need; each platform's entry point builds one and calls the same code. */
export interface BotDeps {
  repos: Pick<Repositories, 'tasks' | 'users' | 'teams' | 'audit' | 'drafts' | 'outbox' | 'settings' | 'emails'>;
  publisher: TaskPublisher;
  /** SoR data: corrections are checked against it, and the send guard reads it. */
  sor: SorLookup;
  clock: () => Date;
  logger: Logger;
}
