// Managing teams: create one, set its members (in round-robin order), where its tasks are
// posted, and where SLA breaches are escalated. Managers and SuperAdmins only.
import type { Team, TeamChannels } from '../../core/domain/team.js';
import { StorageError } from '../../storage/errors.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import { authorizeAdmin, type AdminActor, type AdminDeps } from './admin-actor.js';
import { findUser } from './find-user.js';

/** A team by id or name. */
export async function findTeam(deps: AdminDeps, ref: string): Promise<Team | null> {
  return (await deps.repos.teams.get(ref.trim())) ?? (await deps.repos.teams.findByName(ref.trim()));
}

/** Creates a team (members are user ids, emails or chat ids, in round-robin order). */
export async function createTeam(deps: AdminDeps, actor: AdminActor, input: { name: string; members?: string[]; channels?: TeamChannels }): Promise<UseCaseResult<Team>> {
  const who = await authorizeAdmin(deps, actor, 'settings.teams', 'create_team', { type: 'team', id: input.name });
  if (!who.ok) return who;
  const name = input.name.trim();
  if (name === '') return failure('invalid_input', 'A team needs a name.');
  const members = await resolveMembers(deps, input.members ?? []);
  if (!members.ok) return members;
  let team: Team;
  try {
    team = await deps.repos.teams.create({ name, members: members.value, channels: input.channels ?? {} }, deps.clock());
  } catch (e) {
    if (e instanceof StorageError && e.code === 'DUPLICATE_KEY') return failure('invalid_input', `A team named "${name}" already exists.`);
    throw e;
  }
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'team_created', subject: { type: 'team', id: team.id }, after: { name, members: team.members, channels: team.channels } });
  return success(team);
}

/** Replaces a team's members; their order is the round-robin order. */
export async function setTeamMembers(deps: AdminDeps, actor: AdminActor, teamRef: string, memberRefs: string[]): Promise<UseCaseResult<Team>> {
  const who = await authorizeAdmin(deps, actor, 'settings.teams', 'set_team_members', { type: 'team', id: teamRef });
  if (!who.ok) return who;
  const team = await findTeam(deps, teamRef);
  if (team === null) return failure('not_found', `There is no team ${teamRef}.`);
  const members = await resolveMembers(deps, memberRefs);
  if (!members.ok) return members;
  await deps.repos.teams.setMembers(team.id, members.value, deps.clock());
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'team_members_changed', subject: { type: 'team', id: team.id }, before: { members: team.members }, after: { members: members.value } });
  return success({ ...team, members: members.value });
}

/** Sets where the team's task cards are posted, or (escalation) where its SLA breaches go. */
export async function setTeamChannels(
  deps: AdminDeps,
  actor: AdminActor,
  teamRef: string,
  channels: TeamChannels,
  options: { escalation?: boolean } = {},
): Promise<UseCaseResult<Team>> {
  const who = await authorizeAdmin(deps, actor, 'settings.teams', 'set_team_channels', { type: 'team', id: teamRef });
  if (!who.ok) return who;
  const team = await findTeam(deps, teamRef);
  if (team === null) return failure('not_found', `There is no team ${teamRef}.`);
  const now = deps.clock();
  if (options.escalation) await deps.repos.teams.setEscalation(team.id, { channels }, now);
  else await deps.repos.teams.setChannels(team.id, channels, now);
  const field = options.escalation ? 'escalationChannels' : 'channels';
  await deps.repos.audit.append({ at: now, actor: who.value.auditActor, action: 'team_channels_changed', subject: { type: 'team', id: team.id }, before: { [field]: team[field] ?? null }, after: { [field]: channels } });
  return success({ ...team, [field]: channels });
}

async function resolveMembers(deps: AdminDeps, refs: readonly string[]): Promise<UseCaseResult<string[]>> {
  const ids: string[] = [];
  for (const ref of refs) {
    const user = await findUser(deps.repos.users, ref);
    if (user === null) return failure('invalid_input', `There is no user ${ref}; add them first.`);
    if (!ids.includes(user.id)) ids.push(user.id);
  }
  return success(ids);
}

/** Sets the team's managers (told directly about SLA breaches when the team has no escalation channel). */
export async function setTeamManagers(deps: AdminDeps, actor: AdminActor, teamRef: string, managerRefs: string[]): Promise<UseCaseResult<Team>> {
  const who = await authorizeAdmin(deps, actor, 'settings.teams', 'set_team_managers', { type: 'team', id: teamRef });
  if (!who.ok) return who;
  const team = await findTeam(deps, teamRef);
  if (team === null) return failure('not_found', `There is no team ${teamRef}.`);
  const managers = await resolveMembers(deps, managerRefs);
  if (!managers.ok) return managers;
  await deps.repos.teams.setEscalation(team.id, { managers: managers.value }, deps.clock());
  await deps.repos.audit.append({ at: deps.clock(), actor: who.value.auditActor, action: 'team_managers_changed', subject: { type: 'team', id: team.id }, before: { managers: team.managers ?? [] }, after: { managers: managers.value } });
  return success({ ...team, managers: managers.value });
}
