// Response targets for tasks: priority, due and reminder times, and which SLA step is due now.
// Targets are plain elapsed minutes: there is no business-hours calendar, so a task that arrives on
// Friday evening is due on Saturday. Time is always passed in.
import { z } from 'zod';
import { OPEN_TASK_STATUSES, type Task, type TaskPriority } from '../domain/task.js';
import type { TaskFacts } from '../policy/distribution.js';

export interface SlaPolicy {
  /** Response target per intent in minutes; a task's target is the smallest among its intents. */
  targetMinutesByIntent: Partial<Record<string, number>>;
  /** Target of an intent without its own (and of a task without intents). */
  defaultTargetMinutes: number;
  /** High priority tasks get at most this target. */
  highPriorityTargetMinutes: number;
  highPriorityIntents: string[];
  /** Tasks whose amount is at least this are high priority; null: amount never raises priority. */
  highPriorityAmount: number | null;
  /** Remind the assignee this many minutes before the target. */
  remindBeforeMinutes: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  targetMinutesByIntent: { dispute: 480 },
  defaultTargetMinutes: 1440,
  highPriorityTargetMinutes: 240,
  highPriorityIntents: ['dispute'],
  highPriorityAmount: 10_000,
  remindBeforeMinutes: 60,
};

export type SlaStep = 'remind' | 'escalate';

type SlaFacts = Pick<TaskFacts, 'intents' | 'amount'>;

const MINUTE_MS = 60_000;

/** High when any intent is a high-priority one or the amount reaches the policy's threshold. */
export function priorityOf(facts: SlaFacts, policy: SlaPolicy): TaskPriority {
  const byIntent = facts.intents.some((intent) => policy.highPriorityIntents.includes(intent));
  const byAmount = policy.highPriorityAmount !== null && facts.amount !== undefined && facts.amount >= policy.highPriorityAmount;
  return byIntent || byAmount ? 'high' : 'normal';
}

/** A new task's priority, due time and reminder time. */
export function slaFor(facts: SlaFacts, createdAt: Date, policy: SlaPolicy): { priority: TaskPriority; dueAt: Date; remindAt: Date } {
  const priority = priorityOf(facts, policy);
  const targets = facts.intents.map((intent) => policy.targetMinutesByIntent[intent] ?? policy.defaultTargetMinutes);
  const target = targets.length > 0 ? Math.min(...targets) : policy.defaultTargetMinutes;
  const minutes = priority === 'high' ? Math.min(target, policy.highPriorityTargetMinutes) : target;
  const dueAt = new Date(createdAt.getTime() + minutes * MINUTE_MS);
  // A reminder lead longer than the target would land before the task existed; remind at once instead.
  const remindAt = new Date(Math.max(createdAt.getTime(), dueAt.getTime() - policy.remindBeforeMinutes * MINUTE_MS));
  return { priority, dueAt, remindAt };
}

/** The SLA steps to take for a task now: a reminder before the due time, an escalation once it has passed. */
export function dueSlaSteps(task: Pick<Task, 'status' | 'dueAt' | 'remindAt' | 'remindedAt' | 'escalatedAt'>, now: Date): SlaStep[] {
  if (!OPEN_TASK_STATUSES.includes(task.status) || task.dueAt === undefined) return [];
  const t = now.getTime();
  const due = task.dueAt.getTime();
  // Past due, a reminder would be stale: escalate only, even if the reminder never went out.
  if (t >= due) return task.escalatedAt ? [] : ['escalate'];
  if (task.remindAt !== undefined && task.remindAt.getTime() <= t && !task.remindedAt) return ['remind'];
  return [];
}

const minutes = z.number().int('must be a whole number of minutes').positive('must be more than 0 minutes');

const slaPolicySchema: z.ZodType<SlaPolicy> = z.strictObject({
  targetMinutesByIntent: z.record(z.string().min(1, 'an intent name must not be empty'), minutes),
  defaultTargetMinutes: minutes,
  highPriorityTargetMinutes: minutes,
  highPriorityIntents: z.array(z.string().min(1, 'an intent name must not be empty')),
  highPriorityAmount: z.number().positive('must be more than 0, or null to ignore amounts').nullable(),
  // 0 is allowed: the reminder then coincides with the due time, i.e. no reminder, only escalation.
  remindBeforeMinutes: z.number().int('must be a whole number of minutes').nonnegative('must not be negative'),
});

/** Parses an SLA policy, throwing an Error that lists every problem. */
export function parseSlaPolicy(value: unknown): SlaPolicy {
  const result = slaPolicySchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `- ${issue.path.map(String).join('.') || 'policy'}: ${issue.message}`);
  throw new Error(`The SLA policy is invalid:\n${problems.join('\n')}`);
}
