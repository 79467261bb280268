// Customer enrollment: the stored rule that decides which customers automation may answer
// (applied to new customers as the sync inserts them), and changes to it from the CLI.
import { describeRule, parseEnrollmentRule, ruleEnrolls, type EnrollmentRule } from '../../core/sor/enrollment.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** The settings key the rule is stored under. */
export const ENROLLMENT_SETTING = 'sor.enrollment';

type Repos = Pick<Repositories, 'customers' | 'settings'>;

/** The stored rule; without one, new customers start not enrolled. */
export async function enrollmentRule(repos: Pick<Repositories, 'settings'>): Promise<EnrollmentRule> {
  const stored = await repos.settings.get(ENROLLMENT_SETTING);
  if (stored === null || typeof stored.value !== 'string') return { kind: 'none' };
  const rule = parseEnrollmentRule(stored.value);
  return 'error' in rule ? { kind: 'none' } : rule;
}

/** Stores a rule and applies it to every stored customer, in batches; returns the counts afterwards. */
export async function applyEnrollmentRule(repos: Repos, rule: EnrollmentRule, now: Date, by?: string): Promise<{ customers: number; enrolled: number }> {
  await repos.settings.set(ENROLLMENT_SETTING, describeRule(rule), now, by);
  const batch: Record<'on' | 'off', string[]> = { on: [], off: [] };
  const flush = async () => {
    await repos.customers.setEnrolledMany(batch.on.splice(0), true, now);
    await repos.customers.setEnrolledMany(batch.off.splice(0), false, now);
  };
  for await (const customer of repos.customers.stream()) {
    batch[ruleEnrolls(rule, customer) ? 'on' : 'off'].push(customer.sorId);
    if (batch.on.length + batch.off.length >= 1000) await flush();
  }
  await flush();
  return repos.customers.enrolmentCounts();
}

/** Enrolls or removes single customers by SoR id (on top of the rule); returns the ids that do not exist. */
export async function setCustomersEnrolled(repos: Pick<Repositories, 'customers'>, sorIds: readonly string[], enrolled: boolean, now: Date): Promise<string[]> {
  const unknown: string[] = [];
  for (const sorId of sorIds) if (!(await repos.customers.setEnrolled(sorId, enrolled, now))) unknown.push(sorId);
  return unknown;
}
