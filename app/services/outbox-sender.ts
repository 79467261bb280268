// Sends queued replies exactly once. One item at a time: claim it atomically, and before
// anything goes out, (1) if an earlier claim may already have handed it to the provider, ask
// the provider by our Message-ID and record that send instead of sending again, (2) run the
// send guard again on the item's recipients and disclosure. Then write the intent, send,
// and record the provider's id. A worker killed anywhere in between leaves the item in
// `sending`; after the lease another worker takes it over and step (1) finds out whether
// the mail went out.
import type { Logger } from 'pino';
import type { OutboxItem } from '../../core/domain/outbox-item.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import { guardSend } from '../../core/policy/send-guard.js';
import { DEFAULT_SEND_BACKOFF, retryAt, type BackoffOptions } from '../../core/policy/send-backoff.js';
import { isRetryableSendError } from '../../core/replies/mail-send-error.js';
import type { MailSender } from '../../core/replies/reply-model.js';
import type { AuditRepo } from '../../storage/repositories/audit.repo.js';
import type { OutboxRepo } from '../../storage/repositories/outbox.repo.js';
import type { TaskRepo } from '../../storage/repositories/task.repo.js';
import type { TaskPublisher } from '../../bot/ports/task-publisher.js';
import { prepareSend, type PreparedSend } from './outbox-message.js';
import { updateTaskAfterSend, type SendResult } from './outbox-task-status.js';

export interface OutboxSenderSettings {
  /** A `sending` claim older than this is taken over (its worker is presumed dead); keep it well above a send's timeout. */
  leaseMs: number;
  /** Attempts (claims) before an item fails for good. */
  maxAttempts: number;
  backoff?: BackoffOptions;
}

export interface OutboxSenderDeps {
  outbox: Pick<OutboxRepo, 'claimNext' | 'recordIntent' | 'markSent' | 'markFailed'>;
  audit: Pick<AuditRepo, 'append'>;
  tasks: Pick<TaskRepo, 'get' | 'transition'>;
  mail: MailSender;
  /** The SoR the send guard checks recipients against. */
  sor: SorLookup;
  logger: Logger;
  settings: OutboxSenderSettings;
  /** Shows the task's new state (sent, or back in review) on its chat cards; none: cards are not updated. */
  publisher?: TaskPublisher;
}

/** What one `sendNext` did. */
export type SendOutcome =
  | { kind: 'idle' }
  | { kind: 'sent'; itemId: string; providerMessageId: string; reconciled: boolean }
  | { kind: 'retry'; itemId: string; error: string; retryAt: Date }
  | { kind: 'failed'; itemId: string; error: string }
  | { kind: 'blocked'; itemId: string; reasons: string[] }
  /** Another worker took the item over (this one outlived its lease); it finishes the item. */
  | { kind: 'lost_claim'; itemId: string };

/** The decision taken before sending. */
type Preflight =
  | { kind: 'send' }
  | { kind: 'already_sent'; providerMessageId: string }
  | { kind: 'give_up'; error: string }
  | { kind: 'deny'; reasons: string[] };

const ACTOR = { kind: 'system', id: 'outbox-sender' } as const;

/** Sends due outbox items through one MailSender, guarded and exactly once. */
export class OutboxSender {
  private readonly backoff: BackoffOptions;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.backoff = deps.settings.backoff ?? DEFAULT_SEND_BACKOFF;
  }

  /** Claims and handles one due item; `idle` when nothing is due. */
  async sendNext(workerId: string, now: Date): Promise<SendOutcome> {
    const item = await this.deps.outbox.claimNext(workerId, now, this.deps.settings.leaseMs);
    if (item === null) return { kind: 'idle' };
    const log = this.deps.logger.child({ outboxItemId: item.id, emailId: item.emailId, attempt: item.attempts, workerId });
    const prepared = prepareSend(item);
    let check: Preflight;
    try {
      check = await this.preflight(item, prepared);
    } catch (err) {
      // The provider or the SoR could not be asked; nothing was sent in this attempt.
      return this.fail(item, workerId, now, errorText(err), true, log);
    }
    if (check.kind === 'already_sent') {
      log.info({ providerMessageId: check.providerMessageId, earlierAttempt: item.intent?.attempt }, 'outbox: found an earlier send; recording it instead of sending again');
      return this.recordSent(item, workerId, now, check.providerMessageId, true, log);
    }
    if (check.kind === 'give_up') return this.fail(item, workerId, now, check.error, false, log);
    if (check.kind === 'deny' || !prepared.ok) return this.block(item, workerId, now, check.kind === 'deny' ? check.reasons : [], log);

    const claimed = await this.deps.outbox.recordIntent(item.id, workerId, { attempt: item.attempts, messageId: prepared.message.messageId, workerId, at: now });
    if (claimed === null) return this.lostClaim(item, log);
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.deps.mail.send(prepared.message));
    } catch (err) {
      return this.fail(item, workerId, now, errorText(err), isRetryableSendError(err), log);
    }
    return this.recordSent(item, workerId, now, providerMessageId, false, log);
  }

  /** Sends until nothing is due or `max` items were handled; `now` is read per item. */
  async drain(workerId: string, now: () => Date, max: number): Promise<SendOutcome[]> {
    const outcomes: SendOutcome[] = [];
    while (outcomes.length < max) {
      const outcome = await this.sendNext(workerId, now());
      if (outcome.kind === 'idle') break;
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Everything decided before sending: reconcile an earlier attempt first (it sends nothing), then attempts, then the guard. */
  private async preflight(item: OutboxItem, prepared: PreparedSend): Promise<Preflight> {
    if (item.intent !== undefined) {
      const found = await this.deps.mail.findSent(item.intent.messageId);
      if (found) return { kind: 'already_sent', providerMessageId: found.providerMessageId };
    }
    if (item.attempts > this.deps.settings.maxAttempts) {
      return { kind: 'give_up', error: `gave up after ${item.attempts - 1} attempts (last error: ${item.lastError ?? 'the worker stopped while sending'})` };
    }
    if (!prepared.ok) return { kind: 'deny', reasons: prepared.problems.map((p) => `not_sendable: ${p}`) };
    const verdict = await guardSend(prepared.guard, this.deps.sor);
    if (!verdict.allowed) return { kind: 'deny', reasons: verdict.violations.map((v) => `${v.code}: ${v.message}`) };
    return { kind: 'send' };
  }

  private async recordSent(item: OutboxItem, workerId: string, now: Date, providerMessageId: string, reconciled: boolean, log: Logger): Promise<SendOutcome> {
    const sent = await this.deps.outbox.markSent(item.id, workerId, providerMessageId, now);
    if (sent === null) return this.lostClaim(item, log);
    await this.audit(item, now, 'sent', {
      messageId: item.message.messageId,
      providerMessageId,
      provider: this.deps.mail.name,
      attempt: item.attempts,
      reconciled,
      recipients: [...item.message.to, ...item.message.cc].map((a) => a.address),
    });
    await this.syncTask(item, 'sent', now, log);
    log.info({ providerMessageId, reconciled }, 'outbox: sent');
    return { kind: 'sent', itemId: item.id, providerMessageId, reconciled };
  }

  private async fail(item: OutboxItem, workerId: string, now: Date, error: string, retryable: boolean, log: Logger): Promise<SendOutcome> {
    const final = !retryable || item.attempts >= this.deps.settings.maxAttempts;
    const nextAt = final ? undefined : retryAt(now, item.attempts, this.backoff);
    const updated = await this.deps.outbox.markFailed(item.id, workerId, error, nextAt);
    if (updated === null) return this.lostClaim(item, log);
    await this.audit(item, now, 'send_failed', { error, attempt: item.attempts, final, ...(nextAt ? { retryAt: nextAt } : {}) });
    if (nextAt) {
      log.warn({ error, retryAt: nextAt }, 'outbox: send failed; will retry');
      return { kind: 'retry', itemId: item.id, error, retryAt: nextAt };
    }
    await this.syncTask(item, 'send_failed', now, log);
    log.error({ error }, 'outbox: send failed for good');
    return { kind: 'failed', itemId: item.id, error };
  }

  private async block(item: OutboxItem, workerId: string, now: Date, reasons: string[], log: Logger): Promise<SendOutcome> {
    const updated = await this.deps.outbox.markFailed(item.id, workerId, `send guard: ${reasons.join('; ')}`);
    if (updated === null) return this.lostClaim(item, log);
    await this.audit(item, now, 'send_blocked', { reasons, recipients: [...item.message.to, ...item.message.cc].map((a) => a.address) });
    await this.syncTask(item, 'send_blocked', now, log);
    log.error({ reasons }, 'outbox: send blocked by the send guard');
    return { kind: 'blocked', itemId: item.id, reasons };
  }

  private lostClaim(item: OutboxItem, log: Logger): SendOutcome {
    log.warn('outbox: another worker took this item over (lease expired); leaving it to that worker');
    return { kind: 'lost_claim', itemId: item.id };
  }

  private async audit(item: OutboxItem, now: Date, action: string, after: Record<string, unknown>): Promise<void> {
    await this.deps.audit.append({
      at: now,
      actor: ACTOR,
      action,
      subject: { type: 'outbox', id: item.id },
      after: { emailId: item.emailId, ...(item.taskId ? { taskId: item.taskId } : {}), ...after },
    });
  }

  private async syncTask(item: OutboxItem, result: SendResult, now: Date, log: Logger): Promise<void> {
    if (item.taskId !== undefined) {
      const changed = await updateTaskAfterSend(this.deps.tasks, item.taskId, result, now, log);
      if (changed) await this.deps.publisher?.taskChanged(changed);
    }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
}
