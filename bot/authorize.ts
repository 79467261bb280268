// The server-side check in front of every use case: the identity must be a registered user
// whose roles grant the permission. Every refusal is written to the audit log.
import type { AuditSubject } from '../core/domain/audit-event.js';
import type { User } from '../core/domain/user.js';
import { rolesGrant, type Permission } from '../core/review/permissions.js';
import type { Repositories } from '../storage/repositories/index.js';
import { identityLabel, resolveUser, type ChatIdentity } from './identity.js';
import { failure, success, type UseCaseErrorCode, type UseCaseResult } from './use-case-result.js';

/** What checking a person needs: their user record, the audit log and the time. */
export interface AuthorizeDeps {
  repos: Pick<Repositories, 'users' | 'audit'>;
  clock: () => Date;
}

/** The acting user when registered and allowed; otherwise a failure that has been audited. */
export async function authorize(
  deps: AuthorizeDeps,
  identity: ChatIdentity,
  permission: Permission,
  useCase: string,
  subject: AuditSubject,
): Promise<UseCaseResult<User>> {
  const user = await resolveUser(deps.repos.users, identity);
  if (user === null) {
    await auditDenied(deps, identityLabel(identity), useCase, subject, 'unknown_user', 'not a registered arbot user');
    return failure('unknown_user', 'You are not registered with arbot. Ask a manager to add you.');
  }
  if (!rolesGrant(user.roles, permission)) {
    await auditDenied(deps, user.id, useCase, subject, 'forbidden', `roles [${user.roles.join(', ')}] lack ${permission}`);
    return failure('forbidden', `Your role does not allow this (${useCase}).`);
  }
  return success(user);
}

/** Records a refused attempt: who tried what on which subject, and why it was refused. */
export async function auditDenied(
  deps: AuthorizeDeps,
  actorId: string,
  useCase: string,
  subject: AuditSubject,
  code: UseCaseErrorCode,
  reason: string,
): Promise<void> {
  await deps.repos.audit.append({
    at: deps.clock(),
    actor: { kind: 'user', id: actorId },
    action: 'denied',
    subject,
    after: { useCase, code, reason },
  });
}
