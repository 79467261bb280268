// Who gets a task that needs a person: ordered rules pick a user or a team, and a team hands its
// tasks out round-robin among available members. Pure; the distribution job loads facts and state.
import { z } from 'zod';

/** What rules can look at, captured when the task was made. */
export interface TaskFacts {
  intents: readonly string[];
  customerSorId?: string;
  /** Email of the customer's account owner in the system of record. */
  customerOwner?: string;
  language?: string;
  amount?: number;
}

export type DistributionTarget = { kind: 'user'; userId: string } | { kind: 'team'; teamId: string };

/** Every condition present must hold; a list holds when the task's value is in it. */
export interface RuleConditions {
  /** Holds when any of the task's intents is listed. */
  intents?: string[];
  customerSorIds?: string[];
  /** Emails, compared case-insensitively. */
  customerOwners?: string[];
  languages?: string[];
  /** Inclusive. */
  minAmount?: number;
  /** Exclusive, so adjacent bands (0–1000, 1000–5000) do not overlap. */
  maxAmount?: number;
}

export interface DistributionRule {
  name: string;
  when: RuleConditions;
  assignTo: DistributionTarget;
}

export interface DistributionPolicy {
  rules: DistributionRule[];
  fallback?: DistributionTarget;
}

/** The rule name reported when no rule matched and the fallback was used. */
export const FALLBACK_RULE = 'fallback';

/** The first rule (in order) whose conditions all hold, else the fallback, else null. */
export function routeTask(facts: TaskFacts, policy: DistributionPolicy): { target: DistributionTarget; rule: string } | null {
  const rule = policy.rules.find((r) => matches(facts, r.when));
  if (rule) return { target: rule.assignTo, rule: rule.name };
  return policy.fallback ? { target: policy.fallback, rule: FALLBACK_RULE } : null;
}

/** The next available member after `last` in the team's order, wrapping around; null when nobody is available. */
export function nextInRotation(members: readonly string[], last: string | null, isAvailable: (userId: string) => boolean): string | null {
  // indexOf is -1 when `last` has left the team, so the rotation restarts at the first member.
  const start = last === null ? 0 : members.indexOf(last) + 1;
  for (let i = 0; i < members.length; i++) {
    const candidate = members[(start + i) % members.length];
    if (candidate !== undefined && isAvailable(candidate)) return candidate;
  }
  return null;
}

function matches(facts: TaskFacts, when: RuleConditions): boolean {
  const owner = facts.customerOwner?.toLowerCase();
  return (
    (when.intents === undefined || facts.intents.some((intent) => when.intents?.includes(intent))) &&
    (when.customerSorIds === undefined || (facts.customerSorId !== undefined && when.customerSorIds.includes(facts.customerSorId))) &&
    (when.customerOwners === undefined || (owner !== undefined && when.customerOwners.some((o) => o.toLowerCase() === owner))) &&
    (when.languages === undefined || (facts.language !== undefined && when.languages.includes(facts.language))) &&
    // An unknown amount never satisfies an amount band: guessing could send a large dispute to the wrong desk.
    (when.minAmount === undefined || (facts.amount !== undefined && facts.amount >= when.minAmount)) &&
    (when.maxAmount === undefined || (facts.amount !== undefined && facts.amount < when.maxAmount))
  );
}

const text = (what: string) => z.string().refine((s) => s.trim() !== '', `${what} must not be empty`);
// An empty list would silently never match, which is never what an admin meant.
const list = (what: string) => z.array(text(what)).min(1, `list at least one ${what}, or leave the condition out`);

const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: text('the user id') }),
  z.strictObject({ kind: z.literal('team'), teamId: text('the team id') }),
]);

// Strict objects reject unknown keys: a misspelt condition would otherwise be ignored and the rule match every task.
const conditionsSchema = z
  .strictObject({
    intents: list('intent').optional(),
    customerSorIds: list('customer id').optional(),
    customerOwners: list('owner email').optional(),
    languages: list('language').optional(),
    minAmount: z.number().optional(),
    maxAmount: z.number().optional(),
  })
  .refine((c) => c.minAmount === undefined || c.maxAmount === undefined || c.minAmount <= c.maxAmount, {
    message: 'minAmount must not be greater than maxAmount',
    path: ['minAmount'],
  });

const ruleSchema = z.strictObject({
  name: text('the rule name').refine((name) => name !== FALLBACK_RULE, `"${FALLBACK_RULE}" is reserved for the policy's fallback`),
  when: conditionsSchema,
  assignTo: targetSchema,
});

/** Validates a distribution policy as stored in settings. */
export const distributionPolicySchema: z.ZodType<DistributionPolicy> = z
  .strictObject({ rules: z.array(ruleSchema), fallback: targetSchema.optional() })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, i) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', message: `rule name "${rule.name}" is used more than once`, path: ['rules', i, 'name'] });
      seen.add(rule.name);
    });
  });

/** Parses a distribution policy, throwing an Error that lists every problem. */
export function parseDistributionPolicy(value: unknown): DistributionPolicy {
  const result = distributionPolicySchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `- ${describePath(issue.path)}: ${issue.message}`);
  throw new Error(`The distribution policy is invalid:\n${problems.join('\n')}`);
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'policy';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
