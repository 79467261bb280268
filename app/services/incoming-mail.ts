// What happens to one message from the AR mailbox, end to end: stored and analysed once
// (EmailIntake), the decision audited, then
//   auto_reply → the reply is composed and handed to the AutoReplyService (queued, or held
//                back by the loop guard / shadow mode, in which case a person gets the task);
//   review     → a task with the pipeline's draft (when it could write one), placed and shown;
//   no_action  → nothing more (machine-sent mail, thanks-only notes).
// A message the pipeline failed on becomes a task too. Every step is safe to repeat for the
// same message (a retry or a duplicate delivery finds what was done before).
import type { Logger } from 'pino';
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Email } from '../../core/domain/email.js';
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import { parseEmail } from '../../core/pipeline/parse/parse-email.js';
import { SOR_ANSWERABLE } from '../../core/pipeline/intents.js';
import type { Decision } from '../../core/policy/decision.js';
import { ReplyDataError } from '../../core/replies/view-model.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { reviewerDraft } from './auto-reply-message.js';
import type { AutoReplyOutcome, AutoReplyService } from './auto-reply.js';
import type { EmailIntake } from './email-intake.js';
import type { ComposedReply, ReplyComposer } from './reply-composer.js';
import type { ReviewTaskService } from './review-tasks.js';

export interface IncomingMailDeps {
  intake: Pick<EmailIntake, 'ingest'>;
  repos: Pick<Repositories, 'emails' | 'audit'>;
  composer: Pick<ReplyComposer, 'compose'>;
  autoReply: Pick<AutoReplyService, 'handle'>;
  reviewTasks: Pick<ReviewTaskService, 'open'>;
  logger: Logger;
  clock: () => Date;
}

export type IncomingMailOutcome =
  | { kind: 'no_action'; emailId: string; duplicate: boolean }
  | { kind: 'review'; emailId: string; duplicate: boolean; taskId: string }
  | { kind: 'auto_reply'; emailId: string; duplicate: boolean; outcome: AutoReplyOutcome };

const ACTOR = { kind: 'system', id: 'pipeline' } as const;

export class IncomingMail {
  constructor(private readonly deps: IncomingMailDeps) {}

  /** Takes one raw message through the whole desk. */
  async handle(raw: Uint8Array, receivedAt?: Date): Promise<IncomingMailOutcome> {
    const intake = await this.deps.intake.ingest(raw, receivedAt);
    const email = await this.deps.repos.emails.get(intake.emailId);
    if (email === null) throw new Error(`email ${intake.emailId} vanished right after intake`);
    if (intake.analysis === null) {
      // The pipeline failed on this message: it is kept, and a person looks at it.
      const { task } = await this.deps.reviewTasks.open({ emailId: email.id, analysis: failedAnalysis(intake.failed ?? 'the message could not be processed') });
      return { kind: 'review', emailId: email.id, duplicate: intake.duplicate, taskId: task.id };
    }
    const analysis = intake.analysis;
    if (!intake.duplicate) {
      await this.deps.repos.audit.append({
        at: this.deps.clock(),
        actor: ACTOR,
        action: 'email_decided',
        subject: { type: 'email', id: email.id },
        after: { action: analysis.decision.action, intents: analysis.decision.intents, customerId: analysis.decision.customerId, reasons: analysis.decision.reasons.map((r) => r.code), model: analysis.model },
      });
    }
    switch (analysis.decision.action) {
      case 'no_action':
        return { kind: 'no_action', emailId: email.id, duplicate: intake.duplicate };
      case 'auto_reply': {
        const reply = await this.compose(raw, analysis);
        if (reply === null) return this.review(email, raw, analysis, intake.duplicate, ['reply_not_composed']);
        const outcome = await this.deps.autoReply.handle({ email, analysis, reply }, this.deps.clock());
        if (outcome.kind === 'shadow' || outcome.kind === 'loop_blocked') {
          // The automatic path left the task for a person: place it and show its card.
          await this.deps.reviewTasks.open({ emailId: email.id, analysis });
        }
        return { kind: 'auto_reply', emailId: email.id, duplicate: intake.duplicate, outcome };
      }
      case 'review':
        return this.review(email, raw, analysis, intake.duplicate);
    }
  }

  private async review(email: Email, raw: Uint8Array, analysis: EmailAnalysis, duplicate: boolean, extraReasons: string[] = []): Promise<IncomingMailOutcome> {
    const draft = await this.draftFor(email, raw, analysis);
    const { task } = await this.deps.reviewTasks.open({ emailId: email.id, analysis, draft, reasons: extraReasons });
    return { kind: 'review', emailId: email.id, duplicate, taskId: task.id };
  }

  /** A draft for the reviewer when the email is about a known customer and asks something the SoR answers. */
  private async draftFor(email: Email, raw: Uint8Array, analysis: EmailAnalysis): Promise<ReplyMessage | null> {
    const { decision } = analysis;
    const customerId = decision.customerId;
    if (customerId === null || !decision.intents.some((i) => SOR_ANSWERABLE.has(i))) return null;
    const reply = await this.compose(raw, analysis);
    if (reply === null) return null;
    return reviewerDraft(email, { ...decision, customerId }, reply);
  }

  private async compose(raw: Uint8Array, analysis: EmailAnalysis): Promise<ComposedReply | null> {
    try {
      return await this.deps.composer.compose(await parseEmail(raw), analysis);
    } catch (err) {
      // The SoR cannot back a reply (e.g. an invoice of another customer): the person writes it.
      if (err instanceof ReplyDataError) {
        this.deps.logger.info({ emailId: analysis.emailId, reason: err.message }, 'no reply drafted');
        return null;
      }
      throw err;
    }
  }
}

/** The stand-in analysis of a message the pipeline could not process. */
function failedAnalysis(problem: string): Pick<EmailAnalysis, 'decision' | 'language' | 'entities'> {
  const decision: Decision = {
    action: 'review',
    reasons: [{ code: 'pipeline_failed', message: `the message could not be processed: ${problem}` }],
    intents: ['other'],
    customerId: null,
    invoiceNumbers: [],
    recipients: [],
  };
  return { decision, language: 'und', entities: { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] } };
}
