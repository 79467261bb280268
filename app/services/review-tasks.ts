// Turns an email the policy sent to review into a task for a person, exactly once per email:
// SLA target from the intents and amount, placement by the distribution rules and the team's
// round-robin, the reply draft when the pipeline could write one, the audit trail, and the
// card in the team's channels with the assignee @mentioned.
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import type { Task } from '../../core/domain/task.js';
import type { TaskFacts } from '../../core/policy/distribution.js';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, slaFor, type SlaPolicy } from '../../core/review/sla.js';
import { planTransition } from '../../core/review/task-lifecycle.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import type { TaskDistributor } from '../../bot/distribution/task-distributor.js';
import type { TaskPublisher } from '../../bot/ports/task-publisher.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** The settings key under which managers store the SLA policy. */
export { SLA_POLICY_KEY } from '../../bot/admin/policies.js';
import { SLA_POLICY_KEY } from '../../bot/admin/policies.js';

const ACTOR = { kind: 'system', id: 'review-tasks' } as const;

export interface ReviewTaskDeps {
  repos: Pick<Repositories, 'tasks' | 'drafts' | 'audit' | 'settings'>;
  distributor: Pick<TaskDistributor, 'place'>;
  publisher: TaskPublisher;
  sor: Pick<SorLookup, 'customer'>;
  clock: () => Date;
}

export interface ReviewInput {
  emailId: string;
  analysis: Pick<EmailAnalysis, 'decision' | 'language' | 'entities'>;
  /** The reply the pipeline drafted for a person to check, if it could write one. */
  draft?: ReplyMessage | null;
  /** Extra reasons (e.g. "would_have_auto_sent" in shadow mode). */
  reasons?: string[];
}

export type ReviewOutcome = { created: boolean; task: Task };

export class ReviewTaskService {
  constructor(private readonly deps: ReviewTaskDeps) {}

  /** The SLA policy managers stored, or the default one. */
  async slaPolicy(): Promise<SlaPolicy> {
    const stored = await this.deps.repos.settings.get(SLA_POLICY_KEY);
    return stored === null ? DEFAULT_SLA_POLICY : parseSlaPolicy(stored.value);
  }

  /** Opens the task of a reviewed email, or returns the one opened before. */
  async open(input: ReviewInput): Promise<ReviewOutcome> {
    const { repos } = this.deps;
    const now = this.deps.clock();
    const { decision, entities, language } = input.analysis;
    const customer = decision.customerId ? await this.deps.sor.customer(decision.customerId) : undefined;
    const amounts = entities.amounts.map((a) => a.value).filter((v) => Number.isFinite(v));
    const facts: TaskFacts = {
      intents: decision.intents,
      ...(decision.customerId ? { customerSorId: decision.customerId } : {}),
      ...(customer?.billingOwner ? { customerOwner: customer.billingOwner } : {}),
      language,
      ...(amounts.length > 0 ? { amount: Math.max(...amounts) } : {}),
    };
    const sla = slaFor(facts, now, await this.slaPolicy());
    const reasons = [...new Set([...decision.reasons.map((r) => r.code), ...(input.reasons ?? [])])];
    const { created, task } = await repos.tasks.createOnce(
      {
        emailId: input.emailId,
        intents: decision.intents,
        reasons,
        invoiceNumbers: decision.invoiceNumbers,
        language,
        priority: sla.priority,
        dueAt: sla.dueAt,
        remindAt: sla.remindAt,
        ...(facts.amount !== undefined ? { amount: facts.amount } : {}),
        ...(decision.customerId ? { customerSorId: decision.customerId } : {}),
      },
      now,
    );
    // A task made earlier but never placed (the automatic-reply path held it back, or a crash
    // came between creating and placing it) is placed now, so nothing waits unseen.
    if (!created) return { created, task: isUnplaced(task) ? await this.placeAndShow(task, facts) : task };
    await repos.audit.append({
      at: now,
      actor: ACTOR,
      action: 'task_created',
      subject: { type: 'task', id: task.id },
      after: { emailId: input.emailId, intents: task.intents, reasons, priority: sla.priority, dueAt: sla.dueAt.toISOString() },
    });
    if (input.draft) {
      const draft = await repos.drafts.save(task.id, input.draft, 'system', now);
      await repos.audit.append({ at: now, actor: ACTOR, action: 'draft_created', subject: { type: 'task', id: task.id }, after: { draftId: draft.id, version: draft.version } });
    }
    return { created, task: await this.placeAndShow(task, facts) };
  }

  private async placeAndShow(task: Task, facts: TaskFacts): Promise<Task> {
    const placed = await this.place(task, facts);
    await this.deps.publisher.taskChanged(placed);
    return placed;
  }

  /** Assigns the new task by the distribution rules; on a lost race the task keeps whatever won. */
  private async place(task: Task, facts: TaskFacts): Promise<Task> {
    const placement = await this.deps.distributor.place(facts);
    const now = this.deps.clock();
    const command =
      placement.assignee !== undefined
        ? ({ kind: 'assign', assignee: placement.assignee, ...(placement.teamId ? { teamId: placement.teamId } : {}) } as const)
        : placement.teamId !== undefined
          ? ({ kind: 'route_to_team', teamId: placement.teamId } as const)
          : null;
    if (command === null) {
      await this.deps.repos.audit.append({ at: now, actor: ACTOR, action: 'not_distributed', subject: { type: 'task', id: task.id }, after: { reason: placement.unassignedBecause ?? 'no rule' } });
      return task;
    }
    const plan = planTransition(task, command, ACTOR, now);
    if (!plan.ok) return task;
    const outcome = await this.deps.repos.tasks.transition(task.id, task.version, plan.change, now);
    if (!outcome.ok) return outcome.reason === 'version_conflict' ? outcome.current : task;
    await this.deps.repos.audit.append({
      at: now,
      actor: ACTOR,
      action: plan.event,
      subject: { type: 'task', id: task.id },
      after: {
        assignee: placement.assignee ?? null,
        teamId: placement.teamId ?? null,
        rule: placement.rule,
        ...(placement.turn !== undefined ? { rotationTurn: placement.turn } : {}),
        ...(placement.unassignedBecause ? { unassignedBecause: placement.unassignedBecause } : {}),
      },
    });
    return outcome.task;
  }
}

/** A task nobody was ever given: new, without assignee or team. */
function isUnplaced(task: Task): boolean {
  return task.status === 'new' && task.assignee === undefined && task.teamId === undefined;
}
