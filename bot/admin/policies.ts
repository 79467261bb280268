// Managers' runtime policies, stored as settings and audited with before/after: the
// distribution rules and the SLA targets. Each is validated before it is stored, so a bad
// policy is refused with the reason instead of breaking distribution later.
import { parseDistributionPolicy } from '../../core/policy/distribution.js';
import { parseSlaPolicy } from '../../core/review/sla.js';
import { DISTRIBUTION_POLICY_KEY } from '../distribution/task-distributor.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import { authorizeAdmin, type AdminActor, type AdminDeps } from './admin-actor.js';

/** The settings key of the SLA policy. */
export const SLA_POLICY_KEY = 'sla.policy';

const POLICIES = {
  distribution: { key: DISTRIBUTION_POLICY_KEY, parse: parseDistributionPolicy },
  sla: { key: SLA_POLICY_KEY, parse: parseSlaPolicy },
} as const;

export type PolicyName = keyof typeof POLICIES;

/** Validates and stores a policy (managers); the previous value is kept in the audit log. */
export async function setPolicy(deps: AdminDeps, actor: AdminActor, name: PolicyName, value: unknown): Promise<UseCaseResult<unknown>> {
  const { key, parse } = POLICIES[name];
  const who = await authorizeAdmin(deps, actor, 'settings.policies', `set_${name}_policy`, { type: 'setting', id: key });
  if (!who.ok) return who;
  let parsed: unknown;
  try {
    parsed = parse(value);
  } catch (e) {
    return failure('invalid_input', `The ${name} policy was not saved: ${e instanceof Error ? e.message : String(e)}`);
  }
  const before = await deps.repos.settings.get(key);
  await deps.repos.settings.set(key, parsed, deps.clock(), who.value.auditActor.id);
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'setting_changed', subject: { type: 'setting', id: key }, before: before?.value ?? null, after: parsed });
  return success(parsed);
}

/** The stored policy, or null when the default applies. */
export async function getPolicy(deps: AdminDeps, actor: AdminActor, name: PolicyName): Promise<UseCaseResult<unknown>> {
  const { key } = POLICIES[name];
  const who = await authorizeAdmin(deps, actor, 'settings.policies', `get_${name}_policy`, { type: 'setting', id: key });
  if (!who.ok) return who;
  return success((await deps.repos.settings.get(key))?.value ?? null);
}
