// `arbot users …` and `arbot teams …`: the operator's way to register people, give them
// roles, and build teams (the first SuperAdmin is made here). They call the same admin use
// cases as the chat commands, acting as the operator (audited as cli:<login>).
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { AdminActor, AdminDeps } from '../../../bot/admin/admin-actor.js';
import { createTeam, setTeamChannels, setTeamManagers, setTeamMembers } from '../../../bot/admin/teams.js';
import { addUser, setAway, setUserRoles } from '../../../bot/admin/users.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import type { TeamChannels } from '../../../core/domain/team.js';
import { ArbotError } from '../../errors.js';
import { openCliStorage } from '../cli-storage.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';
import { addTeamsPackageCommand } from './manifest.command.js';

/** The operator at the command line, named by their login. */
export function operator(): AdminActor {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): the generic name still marks the change as the operator's.
    name = 'operator';
  }
  return { kind: 'operator', name };
}

/** Runs `work` with admin use-case deps on the configured storage. */
export async function withAdminDeps<T>(command: Command, context: CliContext, work: (deps: AdminDeps) => Promise<T>): Promise<T> {
  const storage = await openCliStorage(loadConfigFor(command, context), context);
  try {
    return await work({ repos: storage.repos, clock: () => new Date() });
  } finally {
    await storage.close();
  }
}

/** The value of a use case, or its refusal as a one-line CLI error. */
export function orFail<T>(result: UseCaseResult<T>): T {
  if (!result.ok) throw new ArbotError('usage', result.error.message);
  return result.value;
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter((v) => v !== '');

export const peopleCommand: CommandModule = {
  register(program, context) {
    const users = program.command('users').description('people who work tasks or manage arbot, and their roles');
    users
      .command('add')
      .description('register a person; give at least one of --teams-id, --slack-id, --email')
      .requiredOption('--name <name>', 'display name')
      .option('--email <address>', 'work email address')
      .option('--teams-id <aadObjectId>', 'Microsoft Entra object id (what Teams sends as aadObjectId)')
      .option('--slack-id <userId>', 'Slack user id, e.g. U012AB3CD')
      .option('--role <roles>', 'comma-separated: Analyst, Manager, SuperAdmin', 'Analyst')
      .action((o: { name: string; email?: string; teamsId?: string; slackId?: string; role: string }, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const user = orFail(
            await addUser(deps, operator(), {
              displayName: o.name,
              roles: list(o.role),
              ...(o.email ? { email: o.email } : {}),
              ...(o.teamsId ? { teamsAadObjectId: o.teamsId } : {}),
              ...(o.slackId ? { slackUserId: o.slackId } : {}),
            }),
          );
          context.stdout.write(`Added ${user.displayName} (${user.id}) as ${user.roles.join(', ')}.\n`);
        }),
      );
    users
      .command('list')
      .description('everyone registered, with roles and away state')
      .action((_o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const all = await deps.repos.users.list();
          if (all.length === 0) context.stdout.write('No users yet. Add the first SuperAdmin with: arbot users add --name "…" --teams-id … --role SuperAdmin\n');
          for (const u of all) {
            const ids = [u.email, u.identities.teamsAadObjectId && `teams:${u.identities.teamsAadObjectId}`, u.identities.slackUserId && `slack:${u.identities.slackUserId}`].filter(Boolean).join(' ');
            context.stdout.write(`${u.id}  ${u.displayName}  [${u.roles.join(', ') || 'no role'}]${u.away ? ' away' : ''}  ${ids}\n`);
          }
        }),
      );
    users
      .command('roles <user> <roles>')
      .description('replace a user\'s roles (comma-separated, or "none"); <user> is an id, email, Teams or Slack id')
      .action((user: string, roles: string, _o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const u = orFail(await setUserRoles(deps, operator(), user, roles.toLowerCase() === 'none' ? [] : list(roles)));
          context.stdout.write(`${u.displayName} now has ${u.roles.join(', ') || 'no role'}.\n`);
        }),
      );
    users
      .command('away <user> <state>')
      .description('on: the user gets no new tasks; off: back in the rotation')
      .action((user: string, state: string, _o: unknown, command: Command) => {
        if (state !== 'on' && state !== 'off') throw new ArbotError('usage', `away: state must be on or off, not ${JSON.stringify(state)}`);
        return withAdminDeps(command, context, async (deps) => {
          const u = orFail(await setAway(deps, operator(), user, state === 'on'));
          context.stdout.write(`${u.displayName} is ${u.away ? 'away' : 'back'}.\n`);
        });
      });

    const teams = program.command('teams').description('teams: members (round-robin order), channels, managers');
    addTeamsPackageCommand(teams, context);
    teams
      .command('add <name>')
      .description('create a team')
      .option('--members <users>', 'comma-separated users, in round-robin order')
      .action((name: string, o: { members?: string }, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const t = orFail(await createTeam(deps, operator(), { name, members: o.members ? list(o.members) : [] }));
          context.stdout.write(`Team ${t.name} (${t.id}) created with ${t.members.length} member(s).\n`);
        }),
      );
    teams
      .command('list')
      .description('every team with its members and channels')
      .action((_o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          for (const t of await deps.repos.teams.list()) {
            context.stdout.write(`${t.id}  ${t.name}  members: ${t.members.length}  channels: ${describeChannels(t.channels)}  escalation: ${describeChannels(t.escalationChannels ?? {})}\n`);
          }
        }),
      );
    teams
      .command('members <team> <users...>')
      .description('replace the members (their order is the round-robin order)')
      .action((team: string, users: string[], _o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const t = orFail(await setTeamMembers(deps, operator(), team, users));
          context.stdout.write(`Team ${t.name} now has ${t.members.length} member(s).\n`);
        }),
      );
    teams
      .command('managers <team> <users...>')
      .description('the team\'s managers, told directly about SLA breaches when there is no escalation channel')
      .action((team: string, users: string[], _o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const t = orFail(await setTeamManagers(deps, operator(), team, users));
          context.stdout.write(`Team ${t.name} now has ${t.managers?.length ?? 0} manager(s).\n`);
        }),
      );
    teams
      .command('channel <team>')
      .description('where the team\'s task cards are posted (or, with --escalation, where SLA breaches go)')
      .option('--teams <teamId/channelId>', 'a Microsoft Teams channel: the team id and the channel id (19:…@thread.tacv2)')
      .option('--slack <channelId>', 'a Slack channel id, e.g. C0123456')
      .option('--escalation', 'set the escalation channel instead of the task channel')
      .action((team: string, o: { teams?: string; slack?: string; escalation?: boolean }, command: Command) => {
        const channels = parseChannels(o);
        return withAdminDeps(command, context, async (deps) => {
          const t = orFail(await setTeamChannels(deps, operator(), team, channels, { escalation: o.escalation === true }));
          context.stdout.write(`Team ${t.name}: ${o.escalation ? 'escalations go to' : 'task cards go to'} ${describeChannels(channels)}.\n`);
        });
      });
  },
};

function parseChannels(o: { teams?: string; slack?: string }): TeamChannels {
  if (!o.teams && !o.slack) throw new ArbotError('usage', 'channel: give --teams <teamId/channelId> and/or --slack <channelId>');
  const channels: TeamChannels = {};
  if (o.teams) {
    const at = o.teams.indexOf('/');
    if (at <= 0 || at === o.teams.length - 1) throw new ArbotError('usage', `--teams: expected <teamId>/<channelId>, got ${JSON.stringify(o.teams)}`);
    channels.teams = { teamId: o.teams.slice(0, at), channelId: o.teams.slice(at + 1) };
  }
  if (o.slack) channels.slack = { channelId: o.slack };
  return channels;
}

function describeChannels(c: TeamChannels): string {
  const parts = [c.teams && `teams ${c.teams.channelId}`, c.slack && `slack ${c.slack.channelId}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
