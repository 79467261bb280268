// What happens to an email the policy decided to answer automatically, once its reply is
// rendered: the loop guard may still stop it; in shadow mode the draft is kept for review and
// marked "would have auto-sent"; otherwise it is approved by the system and queued in the
// outbox under the idempotency key `${emailId}:v1`. Every step is safe to repeat for the same
// email (a retry after a crash finds the task, the draft and the outbox item it made before).
import type { Logger } from 'pino';
import type { Draft, ReplyMessage } from '../../core/domain/draft.js';
import type { Task } from '../../core/domain/task.js';
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import { checkLoopGuard, loopGuardLookbackMs, type LoopVerdict } from '../../core/policy/loop-guard.js';
import type { Decision } from '../../core/policy/decision.js';
import type { RenderedReply } from '../../core/replies/reply-model.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { autoReplyMessage, machineSentFromHeaders, type AnsweredEmail } from './auto-reply-message.js';
import { newMessageId } from './message-id.js';

/** Task reason shown in shadow mode: this reply would have been sent without a person. */
export const WOULD_HAVE_AUTO_SENT = 'would_have_auto_sent';

export interface AutoReplySettings {
  shadowMode: boolean;
  threadWindowHours: number;
  maxAutoRepliesPerRecipientPerDay: number;
}

export interface AutoReplyDeps {
  repos: Pick<Repositories, 'tasks' | 'drafts' | 'outbox' | 'audit'>;
  settings: AutoReplySettings;
  /** Our mailbox addresses (never answered). */
  ownAddresses: readonly string[];
  logger: Logger;
  /** Injected for tests; defaults to a random id on the sending mailbox's domain. */
  messageIdFor?: (fromAddress: string) => string;
}

export interface AutoReplyInput {
  email: AnsweredEmail;
  analysis: Pick<EmailAnalysis, 'decision'>;
  /** The reply rendered from SoR data (templates and documents are not this service's concern). */
  reply: RenderedReply;
  /** machineSentReason of the parsed message, when the caller has it; the stored headers are checked too. */
  machineSent?: string;
}

export type AutoReplyOutcome =
  | { kind: 'not_automatic' }
  | { kind: 'queued'; taskId: string; draft: Draft; outboxItemId: string; enqueued: boolean }
  | { kind: 'shadow'; taskId: string; draft: Draft }
  | { kind: 'loop_blocked'; taskId: string; draft: Draft; code: string; message: string }
  /** A task for this email existed already and is not waiting to be sent: left to whoever has it. */
  | { kind: 'already_handled'; taskId: string };

const SYSTEM = 'system';
const ACTOR = { kind: 'system', id: 'auto-reply' } as const;

/** Turns an auto_reply decision and its rendered reply into a queued, shadowed or held-back draft. */
export class AutoReplyService {
  constructor(private readonly deps: AutoReplyDeps) {}

  /** Handles one analysed email; anything but an auto_reply decision is left alone. */
  async handle(input: AutoReplyInput, now: Date): Promise<AutoReplyOutcome> {
    const decision = input.analysis.decision;
    if (decision.action !== 'auto_reply') return { kind: 'not_automatic' };
    const customerId = decision.customerId;
    if (customerId === null || decision.recipients.length === 0) {
      throw new Error(`auto-reply: email ${input.email.id} was decided auto_reply without a customer or recipients`);
    }
    const answerable = { ...decision, customerId };
    const { repos } = this.deps;
    const [existing] = await repos.tasks.findByEmail(input.email.id);
    const verdict = existing ? undefined : await this.loopGuard(input, decision, now);
    const task = existing ?? (await this.createTask(input, decision, verdict, now));
    const sendNow = task.status === 'approved';
    const message = autoReplyMessage(input.email, answerable, input.reply, sendNow ? { messageId: this.messageIdFor(input.email.mailbox) } : undefined);
    const draft = await this.ensureDraft(task, message, now, verdict);

    if (existing && !sendNow) return { kind: 'already_handled', taskId: task.id };
    if (verdict && !verdict.allowed) {
      this.deps.logger.info({ emailId: input.email.id, code: verdict.code }, 'auto-reply: held back by the loop guard');
      return { kind: 'loop_blocked', taskId: task.id, draft, code: verdict.code, message: verdict.message };
    }
    if (!sendNow) return { kind: 'shadow', taskId: task.id, draft };

    const idempotencyKey = `${input.email.id}:v${draft.version}`;
    const { enqueued, item } = await repos.outbox.enqueue(
      { idempotencyKey, emailId: input.email.id, taskId: task.id, threadKey: input.email.threadKey, replyVersion: draft.version, message: draft.message },
      now,
    );
    if (enqueued) {
      await repos.audit.append({
        at: now,
        actor: ACTOR,
        action: 'approved',
        subject: { type: 'task', id: task.id },
        after: { approvedBy: SYSTEM, draftId: draft.id, version: draft.version, outboxItemId: item.id, idempotencyKey },
      });
    }
    return { kind: 'queued', taskId: task.id, draft, outboxItemId: item.id, enqueued };
  }

  private async loopGuard(input: AutoReplyInput, decision: Decision, now: Date): Promise<LoopVerdict> {
    const { threadWindowHours, maxAutoRepliesPerRecipientPerDay } = this.deps.settings;
    const recent = await this.deps.repos.outbox.recentAutomaticReplies(new Date(now.getTime() - loopGuardLookbackMs(threadWindowHours)));
    return checkLoopGuard({
      machineSent: input.machineSent ?? machineSentFromHeaders(input.email),
      sender: input.email.from.address,
      threadKey: input.email.threadKey,
      recipients: decision.recipients,
      ownAddresses: this.deps.ownAddresses,
      recent,
      now,
      threadWindowHours,
      maxPerRecipientPerDay: maxAutoRepliesPerRecipientPerDay,
    });
  }

  /** Approved by the system when it may go out now; otherwise a new task for a person, with the reason. */
  private createTask(input: AutoReplyInput, decision: Decision, verdict: LoopVerdict | undefined, now: Date): Promise<Task> {
    const held = verdict !== undefined && !verdict.allowed ? `loop_guard_${verdict.code}` : undefined;
    const reasons = held ? [held] : this.deps.settings.shadowMode ? [WOULD_HAVE_AUTO_SENT] : [];
    return this.deps.repos.tasks.create(
      {
        emailId: input.email.id,
        status: reasons.length === 0 ? 'approved' : 'new',
        intents: decision.intents,
        reasons,
        ...(decision.customerId ? { customerSorId: decision.customerId } : {}),
      },
      now,
    );
  }

  /** The task's newest draft, or a first one by the system (audited as draft_created). */
  private async ensureDraft(task: Task, message: ReplyMessage, now: Date, verdict: LoopVerdict | undefined): Promise<Draft> {
    const latest = await this.deps.repos.drafts.latest(task.id);
    if (latest) return latest;
    const draft = await this.deps.repos.drafts.save(task.id, message, SYSTEM, now);
    await this.deps.repos.audit.append({
      at: now,
      actor: ACTOR,
      action: 'draft_created',
      subject: { type: 'task', id: task.id },
      after: {
        draftId: draft.id,
        version: draft.version,
        emailId: task.emailId,
        recipients: message.to.map((a) => a.address),
        ...(task.reasons.includes(WOULD_HAVE_AUTO_SENT) ? { wouldHaveAutoSent: true } : {}),
        ...(verdict && !verdict.allowed ? { loopGuard: verdict.code } : {}),
      },
    });
    return draft;
  }

  private messageIdFor(fromAddress: string): string {
    return (this.deps.messageIdFor ?? newMessageId)(fromAddress);
  }
}
