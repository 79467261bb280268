// Takes new mail from one mailbox folder into the desk, at least once and processed exactly
// once: load the folder's cursor, fetch a page after it, hand each message to IncomingMail
// (idempotent by Message-ID), and only then store the page's cursor, with a compare-and-set
// so two workers cannot both move it. A crash anywhere before the cursor is stored means the
// page comes again, and its messages are recognised as already handled. A failure never
// skips a message: the cursor stays, and the error's code decides what happens next (a pure
// policy in core/mail/sync-policy.ts): back off and retry, or start the folder over.
import type { Logger } from 'pino';
import { asMailSourceError, type MailCursor, type MailSource, type MailSourceErrorCode } from '../../core/mail/mail-source.js';
import { onSyncFailure, syncRetryAt } from '../../core/mail/sync-policy.js';
import type { MailCursorRepo } from '../../storage/repositories/mail-cursor.repo.js';
import type { IncomingMail } from './incoming-mail.js';

/** One folder to sync: where the mail comes from, and the desk path it goes to. */
export interface MailboxToSync {
  source: MailSource;
  incoming: Pick<IncomingMail, 'handle'>;
}

export interface MailSyncSettings {
  /** Messages asked for per fetch. */
  pageSize: number;
  /** Most messages one run takes in, so a backlog does not hold the job's lock for long. */
  maxMessagesPerRun: number;
}

export const DEFAULT_MAIL_SYNC_SETTINGS: MailSyncSettings = { pageSize: 50, maxMessagesPerRun: 500 };

export interface MailSyncDeps {
  cursors: Pick<MailCursorRepo, 'get' | 'advance' | 'recordFailure'>;
  logger: Logger;
  clock: () => Date;
  settings?: Partial<MailSyncSettings>;
}

/** What one `syncOnce` did. */
export type SyncOutcome =
  /** Pages taken in and their cursors stored; `more` when the run stopped at its limit with mail still waiting. */
  | { kind: 'synced'; messages: number; duplicates: number; pages: number; more: boolean; resynced: boolean }
  /** An earlier failure's back-off has not passed yet; nothing was fetched. */
  | { kind: 'backing_off'; until: Date }
  /** The source or the processing of a message failed; the cursor stays and the run is retried at `retryAt`. */
  | { kind: 'failed'; code: MailSourceErrorCode | 'processing'; error: string; retryAt: Date; messages: number }
  /** Another worker stored a cursor first; what this run took in was idempotent, and that worker's cursor stands. */
  | { kind: 'lost_race'; messages: number };

/** Syncs mailbox folders into the desk. */
export class MailSync {
  private readonly settings: MailSyncSettings;

  constructor(private readonly deps: MailSyncDeps) {
    this.settings = { ...DEFAULT_MAIL_SYNC_SETTINGS, ...deps.settings };
  }

  /** One run for one folder: pages until the folder is drained or the run's limit is reached. */
  async syncOnce(mailbox: MailboxToSync): Promise<SyncOutcome> {
    const { source, incoming } = mailbox;
    const log = this.deps.logger.child({ mailbox: source.address, source: source.name });
    const state = await this.deps.cursors.get(source.address);
    if (state.nextAttemptAt !== undefined && state.nextAttemptAt > this.deps.clock()) return { kind: 'backing_off', until: state.nextAttemptAt };

    let cursor: MailCursor | null = state.cursor;
    let version = state.version;
    let messages = 0;
    let duplicates = 0;
    let pages = 0;
    let resynced = false;
    for (;;) {
      const limit = Math.min(this.settings.pageSize, this.settings.maxMessagesPerRun - messages);
      let page;
      try {
        page = await source.fetchSince(cursor, limit);
      } catch (err) {
        const error = asMailSourceError(err);
        const action = onSyncFailure(error.code, state.failures + 1, this.deps.clock(), resynced);
        if (action.kind === 'resync') {
          log.warn({ err: error, cursor }, 'mail sync: the stored cursor is no longer valid; starting the folder over (messages already taken in are recognised by Message-ID)');
          cursor = null;
          resynced = true;
          continue;
        }
        return this.fail(source.address, error.code, error.message, state.failures + 1, action.retryAt, action.severity, messages, log, err);
      }
      if (page.reset) {
        log.warn({ cursor }, 'mail sync: the source started the folder over (e.g. IMAP UIDVALIDITY changed); re-reading it');
        resynced = true;
      }
      for (const message of page.messages) {
        try {
          const outcome = await incoming.handle(message.raw, message.receivedAt);
          if (outcome.duplicate) duplicates += 1;
          messages += 1;
        } catch (err) {
          // The cursor stays before this page: the message comes again next run.
          const text = err instanceof Error ? err.message : String(err);
          const retryAt = syncRetryAt('unknown', state.failures + 1, this.deps.clock());
          return this.fail(source.address, 'processing', `message ${message.id}: ${text}`, state.failures + 1, retryAt, 'error', messages, log, err, { sourceMessageId: message.id });
        }
      }
      if (!(await this.deps.cursors.advance(source.address, version, { ...page.cursor }, this.deps.clock()))) {
        log.warn({ messages }, 'mail sync: another worker stored a newer cursor; leaving the folder to it');
        return { kind: 'lost_race', messages };
      }
      version += 1;
      cursor = page.cursor;
      pages += 1;
      if (!page.more || messages >= this.settings.maxMessagesPerRun) {
        if (messages > 0 || resynced) log.info({ messages, duplicates, pages, more: page.more, resynced }, 'mail sync: run finished');
        return { kind: 'synced', messages, duplicates, pages, more: page.more, resynced };
      }
    }
  }

  private async fail(
    address: string,
    code: MailSourceErrorCode | 'processing',
    error: string,
    failures: number,
    retryAt: Date,
    severity: 'warn' | 'error',
    messages: number,
    log: Logger,
    err: unknown,
    context: Record<string, unknown> = {},
  ): Promise<SyncOutcome> {
    log[severity]({ err, code, failures, retryAt, messagesBeforeFailure: messages, ...context }, `mail sync: ${code === 'processing' ? 'a message could not be processed' : `the source failed (${code})`}; the cursor stays, retrying later`);
    try {
      await this.deps.cursors.recordFailure(address, { failures, error, nextAttemptAt: retryAt }, this.deps.clock());
    } catch (recordErr) {
      // Storage is likely down too; the next run simply tries again without back-off.
      log.error({ err: recordErr }, 'mail sync: could not record the failure');
    }
    return { kind: 'failed', code, error, retryAt, messages };
  }
}
