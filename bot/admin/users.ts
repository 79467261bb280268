// Managing people: add a user with roles, change roles, mark someone away. Managers manage
// Analysts and Managers; only a SuperAdmin grants or removes SuperAdmin, and the last
// SuperAdmin cannot be removed (someone must always be able to manage the rest).
import { ROLES, type Role, type User } from '../../core/domain/user.js';
import { canGrantRoles, rolesGrant } from '../../core/review/permissions.js';
import { StorageError } from '../../storage/errors.js';
import { auditDenied } from '../authorize.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import { authorizeAdmin, type AdminActor, type AdminDeps } from './admin-actor.js';
import { findUser } from './find-user.js';

export interface NewUserInput {
  displayName: string;
  email?: string;
  teamsAadObjectId?: string;
  slackUserId?: string;
  roles: string[];
}

/** Registers a person with roles. */
export async function addUser(deps: AdminDeps, actor: AdminActor, input: NewUserInput): Promise<UseCaseResult<User>> {
  const subject = { type: 'user', id: input.email ?? input.displayName };
  const who = await authorizeAdmin(deps, actor, 'users.manage', 'add_user', subject);
  if (!who.ok) return who;
  const roles = parseRoles(input.roles);
  if (!roles.ok) return roles;
  if (input.displayName.trim() === '') return failure('invalid_input', 'A user needs a name.');
  if (!input.teamsAadObjectId && !input.slackUserId && !input.email) return failure('invalid_input', 'Give the user a Teams id, a Slack id or an email address.');
  if (!canGrantRoles(who.value.roles, roles.value)) {
    await auditDenied(deps, who.value.auditActor.id, 'add_user', subject, 'forbidden', `cannot grant ${roles.value.join(', ')}`);
    return failure('forbidden', 'Only a SuperAdmin can grant the SuperAdmin role.');
  }
  let user: User;
  try {
    user = await deps.repos.users.create(
      {
        displayName: input.displayName.trim(),
        ...(input.email ? { email: input.email.trim().toLowerCase() } : {}),
        identities: {
          ...(input.teamsAadObjectId ? { teamsAadObjectId: input.teamsAadObjectId.trim() } : {}),
          ...(input.slackUserId ? { slackUserId: input.slackUserId.trim() } : {}),
        },
        roles: roles.value,
      },
      deps.clock(),
    );
  } catch (e) {
    if (e instanceof StorageError && e.code === 'DUPLICATE_KEY') return failure('invalid_input', e.message);
    throw e;
  }
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'user_added', subject: { type: 'user', id: user.id }, after: describe(user) });
  return success(user);
}

/** Replaces a user's roles (an empty list takes every right away). */
export async function setUserRoles(deps: AdminDeps, actor: AdminActor, userRef: string, roleNames: string[]): Promise<UseCaseResult<User>> {
  const subject = { type: 'user', id: userRef };
  const who = await authorizeAdmin(deps, actor, 'users.manage', 'set_roles', subject);
  if (!who.ok) return who;
  const roles = parseRoles(roleNames, true);
  if (!roles.ok) return roles;
  const user = await findUser(deps.repos.users, userRef);
  if (user === null) return failure('not_found', `There is no user ${userRef}.`);
  const touchesAdmin = user.roles.includes('SuperAdmin') !== roles.value.includes('SuperAdmin');
  if (touchesAdmin && !rolesGrant(who.value.roles, 'users.grant_admin')) {
    await auditDenied(deps, who.value.auditActor.id, 'set_roles', { type: 'user', id: user.id }, 'forbidden', 'cannot grant or remove SuperAdmin');
    return failure('forbidden', 'Only a SuperAdmin can grant or remove the SuperAdmin role.');
  }
  if (!canGrantRoles(who.value.roles, roles.value)) return failure('forbidden', 'Your role cannot grant these roles.');
  if (user.roles.includes('SuperAdmin') && !roles.value.includes('SuperAdmin')) {
    const admins = await deps.repos.users.list({ role: 'SuperAdmin' });
    if (admins.length <= 1) return failure('invalid_input', `${user.displayName} is the last SuperAdmin; make someone else SuperAdmin first.`);
  }
  await deps.repos.users.setRoles(user.id, roles.value, deps.clock());
  const after = { ...user, roles: roles.value };
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'roles_changed', subject: { type: 'user', id: user.id }, before: { roles: user.roles }, after: { roles: roles.value } });
  return success(after);
}

/** Marks a user away (no new tasks) or back; anyone may do it for themselves. */
export async function setAway(deps: AdminDeps, actor: AdminActor, userRef: string, away: boolean): Promise<UseCaseResult<User>> {
  const user = await findUser(deps.repos.users, userRef);
  const subject = { type: 'user', id: user?.id ?? userRef };
  const self = user !== null && actor.kind === 'chat' && (await isSelf(deps, actor, user));
  const who = await authorizeAdmin(deps, actor, self ? 'task.view' : 'users.manage', 'set_away', subject);
  if (!who.ok) return who;
  if (user === null) return failure('not_found', `There is no user ${userRef}.`);
  await deps.repos.users.setAway(user.id, away, deps.clock());
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'away_changed', subject, before: { away: user.away }, after: { away } });
  return success({ ...user, away });
}

async function isSelf(deps: AdminDeps, actor: Extract<AdminActor, { kind: 'chat' }>, user: User): Promise<boolean> {
  const id = actor.identity;
  if (id.platform === 'teams') return user.identities.teamsAadObjectId === id.aadObjectId;
  if (id.platform === 'slack') return user.identities.slackUserId === id.userId;
  return user.id === id.userId;
}

function parseRoles(names: readonly string[], allowEmpty = false): UseCaseResult<Role[]> {
  const roles: Role[] = [];
  for (const raw of names) {
    const role = ROLES.find((r) => r.toLowerCase() === raw.trim().toLowerCase());
    if (role === undefined) return failure('invalid_input', `Unknown role "${raw}"; use ${ROLES.join(', ')}.`);
    if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0 && !allowEmpty) return failure('invalid_input', `Give at least one role (${ROLES.join(', ')}).`);
  return success(roles);
}

function describe(user: User): Record<string, unknown> {
  return { displayName: user.displayName, email: user.email ?? null, identities: user.identities, roles: user.roles };
}
