import type { EmailAddress } from '../../core/domain/email.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CustomerResync } from '../ports/customer-resync.js';
import type { ReplyDocuments } from '../ports/reply-documents.js';
import type { StatementDocuments } from '../ports/statement-documents.js';
import type { TaskPublisher } from '../ports/task-publisher.js';

/** What reading customer and invoice records needs. */
export interface RecordDeps {
  repos: Pick<
    Repositories,
    'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos' | 'tasks' | 'emails' | 'users' | 'audit' | 'customerRecords' | 'customerLinks' | 'searchIndex'
  >;
  /** SoR data as the send guard reads it (contacts, invoices, asOf). */
  sor: SorLookup;
  clock: () => Date;
}

/** What the record actions need besides: documents, the outbox, the re-sync port and task cards. */
export interface RecordActionDeps extends RecordDeps {
  repos: RecordDeps['repos'] & Pick<Repositories, 'outbox'>;
  /** Invoice PDFs (the SoR's document or a rendered copy). */
  documents: ReplyDocuments;
  statements: StatementDocuments;
  resync: CustomerResync;
  /** Refreshes task cards whose customer a merge changed. */
  publisher?: TaskPublisher;
  /** Our AR mailbox, the From of every message. */
  from: EmailAddress;
  newMessageId: () => string;
}
