// Reprocess after a person corrected a task: the stored raw email goes through the pipeline
// again, and the person's corrections replace what the pipeline read (intents confirmed by a
// person count as certain; corrected invoice numbers and customer replace the extracted ones),
// then match → decide → draft run on that. The decision still applies every rule: a
// correction can make an answer possible, never bypass the policy or the send guard.
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Email } from '../../core/domain/email.js';
import type { Task } from '../../core/domain/task.js';
import { analyzeEmail, type PipelineDeps } from '../../core/pipeline/analyze.js';
import { isIntent, SOR_ANSWERABLE, type Intent } from '../../core/pipeline/intents.js';
import { matchEmail } from '../../core/pipeline/match/match-email.js';
import type { Understanding } from '../../core/pipeline/understanding.js';
import { decide } from '../../core/policy/decide.js';
import type { Decision } from '../../core/policy/decision.js';
import type { Reprocessor, ReprocessOutcome } from '../../bot/ports/reprocessor.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { reviewerDraft } from './auto-reply-message.js';
import type { RawEmailStore } from './raw-email-store.js';
import type { ReplyComposer } from './reply-composer.js';

export interface TaskReprocessorDeps {
  repos: Pick<Repositories, 'emails'>;
  raw: Pick<RawEmailStore, 'get'>;
  pipeline: PipelineDeps;
  composer: Pick<ReplyComposer, 'compose'>;
}

export class TaskReprocessor implements Reprocessor {
  constructor(private readonly deps: TaskReprocessorDeps) {}

  async reprocess(task: Task): Promise<ReprocessOutcome> {
    const email = await this.deps.repos.emails.get(task.emailId);
    if (email === null) throw new Error(`email ${task.emailId} of the task is missing`);
    const raw = await this.deps.raw.get(task.emailId);
    if (raw === null) throw new Error(`the raw message of email ${task.emailId} is not stored, so it cannot be read again`);
    const { pipeline } = this.deps;
    const first = await analyzeEmail(raw, pipeline);

    const intents = task.intents.filter(isIntent);
    const confirmed = new Set<Intent>(intents);
    const understanding: Understanding = {
      ...first.understanding,
      intents: intents.length > 0 ? intents : first.understanding.intents,
      // Intents a person chose are certain; the others keep the model's scores.
      scores: [
        ...[...confirmed].map((intent) => ({ intent, confidence: 1 })),
        ...first.understanding.scores.filter((s) => !confirmed.has(s.intent)),
      ],
      entities: {
        ...first.understanding.entities,
        ...(task.corrections?.invoiceNumbers ? { invoiceNumbers: task.corrections.invoiceNumbers } : {}),
        ...(task.corrections?.amounts ? { amounts: task.corrections.amounts.map((a) => ({ ...a, raw: String(a.value) })) } : {}),
      },
    };
    let match = await matchEmail({ parsed: first.parsed, entities: understanding.entities, ownAddresses: await pipeline.sor.ownAddresses() }, pipeline.sor, {
      ...(pipeline.relaxedMatching ? { relaxedMatching: pipeline.relaxedMatching } : {}),
    });
    const customerId = task.corrections?.customerSorId;
    if (customerId !== undefined && customerId !== match.customerId) {
      match = { ...match, customerId, customerEvidence: [...match.customerEvidence, 'customer set by a person'] };
    }
    const decision = await decide({ parsed: first.parsed, normalized: first.normalized, understanding, match }, pipeline.policy, pipeline.sor);
    const draft = await this.draftFor(email, first.parsed, decision, { language: first.normalized.language, match, entities: understanding.entities });
    return {
      intents: decision.intents,
      reasons: decision.action === 'auto_reply' ? [] : decision.reasons.map((r) => r.code),
      ...(decision.customerId ? { customerSorId: decision.customerId } : {}),
      invoiceNumbers: decision.invoiceNumbers,
      draft,
    };
  }

  /** The reply a person can check and send, when the decision has a customer and something the SoR answers. */
  private async draftFor(
    email: Email,
    parsed: Parameters<ReplyComposer['compose']>[0],
    decision: Decision,
    analysis: Omit<Parameters<ReplyComposer['compose']>[1], 'decision'>,
  ): Promise<ReplyMessage | null> {
    const customerId = decision.customerId;
    if (customerId === null || !decision.intents.some((i) => SOR_ANSWERABLE.has(i))) return null;
    const composed = await this.deps.composer.compose(parsed, { ...analysis, decision });
    return reviewerDraft(email, { ...decision, customerId }, composed);
  }
}
