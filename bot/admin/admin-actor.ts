// Who changes users, teams and policies: a person in chat (checked against their roles) or
// the operator at the server's command line, who has shell access to the deployment anyway
// and so holds every right (audited under their login name).
import type { AuditActor, AuditSubject } from '../../core/domain/audit-event.js';
import type { Role } from '../../core/domain/user.js';
import type { Permission } from '../../core/review/permissions.js';
import { authorize } from '../authorize.js';
import type { BotDeps } from '../bot-deps.js';
import type { ChatIdentity } from '../identity.js';
import { success, type UseCaseResult } from '../use-case-result.js';

export type AdminActor = { kind: 'chat'; identity: ChatIdentity } | { kind: 'operator'; name: string };

export interface AuthorizedAdmin {
  auditActor: AuditActor;
  roles: readonly Role[];
  /** The acting user's id (absent for the operator). */
  userId?: string;
}

export type AdminDeps = Pick<BotDeps, 'repos' | 'clock'>;

/** The actor when allowed `permission`; refusals are audited. */
export async function authorizeAdmin(deps: AdminDeps, actor: AdminActor, permission: Permission, useCase: string, subject: AuditSubject): Promise<UseCaseResult<AuthorizedAdmin>> {
  if (actor.kind === 'operator') return success({ auditActor: { kind: 'system', id: `cli:${actor.name}` }, roles: ['SuperAdmin'] });
  const who = await authorize(deps, actor.identity, permission, useCase, subject);
  if (!who.ok) return who;
  return success({ auditActor: { kind: 'user', id: who.value.id }, roles: who.value.roles, userId: who.value.id });
}
