// Chat admin commands, shared by Teams and Slack: each platform's entry point strips its own
// bot mention / slash prefix, turns @mentions into user references (ids), and passes the rest
// here. Parsing is plain words so both platforms behave the same:
//
//   whoami
//   user add <name…> <teams:<aadObjectId>|slack:<userId>|email> [as <Role,Role>]
//   role <user> <Role,Role|none>
//   away [<user>] on|off
//   team add <name…>
//   team members <team> <user> [<user> …]
import type { AdminActor, AdminDeps } from '../admin/admin-actor.js';
import { createTeam, setTeamMembers } from '../admin/teams.js';
import { addUser, setAway, setUserRoles } from '../admin/users.js';
import { resolveUser, type ChatIdentity } from '../identity.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';

export const ADMIN_COMMAND_HELP = [
  'whoami',
  'user add <name> <teams:<id>|slack:<id>|email> [as Analyst|Manager|SuperAdmin]',
  'role <user> <Analyst,Manager|none>',
  'away [<user>] on|off',
  'team add <name>',
  'team members <team> <user> [<user> …]',
].join('\n');

/** Runs one admin command typed in chat; the reply is one line for the person. */
export async function runAdminCommand(deps: AdminDeps, identity: ChatIdentity, text: string): Promise<UseCaseResult<string>> {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const actor: AdminActor = { kind: 'chat', identity };
  const [verb, ...rest] = words;
  switch (verb?.toLowerCase()) {
    case 'whoami': {
      const user = await resolveUser(deps.repos.users, identity);
      if (user === null) return failure('unknown_user', 'You are not registered with arbot. Ask a manager to add you.');
      return success(`You are ${user.displayName}: ${user.roles.length > 0 ? user.roles.join(', ') : 'no role'}${user.away ? ' (away)' : ''}.`);
    }
    case 'user':
      return rest[0]?.toLowerCase() === 'add' ? userAdd(deps, actor, rest.slice(1)) : usage('user add <name> <teams:<id>|slack:<id>|email> [as Role]');
    case 'role': {
      const [who, roles] = rest;
      if (!who || !roles || rest.length !== 2) return usage('role <user> <Analyst,Manager|none>');
      const r = await setUserRoles(deps, actor, who, roles.toLowerCase() === 'none' ? [] : roles.split(','));
      return r.ok ? success(`${r.value.displayName} now has ${r.value.roles.length > 0 ? r.value.roles.join(', ') : 'no role'}.`) : r;
    }
    case 'away': {
      const state = rest.at(-1)?.toLowerCase();
      if ((state !== 'on' && state !== 'off') || rest.length > 2) return usage('away [<user>] on|off');
      const self = await resolveUser(deps.repos.users, identity);
      const target = rest.length === 2 ? (rest[0] as string) : self?.id;
      if (target === undefined) return failure('unknown_user', 'You are not registered with arbot. Ask a manager to add you.');
      const r = await setAway(deps, actor, target, state === 'on');
      return r.ok ? success(`${r.value.displayName} is ${r.value.away ? 'away: no new tasks' : 'back: gets new tasks again'}.`) : r;
    }
    case 'team': {
      const [sub, ...args] = rest;
      if (sub?.toLowerCase() === 'add' && args.length > 0) {
        const r = await createTeam(deps, actor, { name: args.join(' ') });
        return r.ok ? success(`Team ${r.value.name} created.`) : r;
      }
      if (sub?.toLowerCase() === 'members' && args.length >= 2) {
        const r = await setTeamMembers(deps, actor, args[0] as string, args.slice(1));
        return r.ok ? success(`Team ${r.value.name} now has ${r.value.members.length} member(s), in this round-robin order.`) : r;
      }
      return usage('team add <name> | team members <team> <user> …');
    }
    default:
      return failure('invalid_input', `Unknown command. Try:\n${ADMIN_COMMAND_HELP}`);
  }
}

async function userAdd(deps: AdminDeps, actor: AdminActor, args: string[]): Promise<UseCaseResult<string>> {
  const asAt = args.findIndex((a) => a.toLowerCase() === 'as');
  const roles = asAt >= 0 ? (args[asAt + 1] ?? '').split(',').filter((r) => r !== '') : ['Analyst'];
  const head = asAt >= 0 ? args.slice(0, asAt) : args;
  const id = head.at(-1);
  const name = head.slice(0, -1).join(' ');
  if (!id || name === '') return usage('user add <name> <teams:<id>|slack:<id>|email> [as Role]');
  const identity = id.startsWith('teams:')
    ? { teamsAadObjectId: id.slice('teams:'.length) }
    : id.startsWith('slack:')
      ? { slackUserId: id.slice('slack:'.length) }
      : id.includes('@')
        ? { email: id }
        : null;
  if (identity === null) return usage('user add <name> <teams:<id>|slack:<id>|email> [as Role]');
  const r = await addUser(deps, actor, { displayName: name, roles, ...identity });
  return r.ok ? success(`Added ${r.value.displayName} as ${r.value.roles.join(', ')}.`) : r;
}

function usage(form: string): UseCaseResult<string> {
  return failure('invalid_input', `Usage: ${form}`);
}
