// Who works a task: claim it, give it back, or hand it to a person or a team.
import type { Task } from '../../core/domain/task.js';
import type { BotDeps } from '../bot-deps.js';
import type { TaskDistributor } from '../distribution/task-distributor.js';
import type { ChatIdentity } from '../identity.js';
import { runTaskCommand } from '../task-command.js';
import { failure, type UseCaseResult } from '../use-case-result.js';

/** Takes the task for oneself; when someone else has it, says who. */
export function claimTask(deps: BotDeps, identity: ChatIdentity, taskId: string): Promise<UseCaseResult<Task>> {
  return runTaskCommand(deps, identity, taskId, { useCase: 'claim', command: { kind: 'claim' } });
}

/** Gives the task back to its team's queue. */
export function unclaimTask(deps: BotDeps, identity: ChatIdentity, taskId: string): Promise<UseCaseResult<Task>> {
  return runTaskCommand(deps, identity, taskId, { useCase: 'unclaim', command: { kind: 'unclaim' } });
}

export type ReassignTarget = { userId: string } | { teamId: string };

/**
 * Hands the task to a person, or to a team, whose next available member (round-robin) gets
 * it; when nobody in the team is available the task waits unassigned in the team's queue.
 */
export async function reassignTask(
  deps: BotDeps & { distributor: TaskDistributor },
  identity: ChatIdentity,
  taskId: string,
  to: ReassignTarget,
): Promise<UseCaseResult<Task>> {
  if ('userId' in to) {
    const user = await deps.repos.users.get(to.userId);
    if (user === null || user.roles.length === 0) return failure('invalid_input', `There is no arbot user ${to.userId} who can work tasks.`);
    const teams = await deps.repos.teams.findByMember(user.id);
    return runTaskCommand(deps, identity, taskId, {
      useCase: 'reassign',
      command: { kind: 'assign', assignee: user.id, ...(teams[0] ? { teamId: teams[0].id } : {}) },
    });
  }
  const team = await deps.repos.teams.get(to.teamId);
  if (team === null) return failure('invalid_input', `There is no team ${to.teamId}.`);
  // Check the person may reassign before a round-robin turn is spent on them.
  const probe = await runTaskCommand(deps, identity, taskId, { useCase: 'reassign', command: { kind: 'route_to_team', teamId: team.id } });
  if (!probe.ok) return probe;
  const next = await deps.distributor.nextMember(team);
  if (next === null) return probe;
  return runTaskCommand(deps, identity, taskId, {
    useCase: 'reassign',
    command: { kind: 'assign', assignee: next.userId, teamId: team.id },
    detail: () => ({ rotationTurn: next.turn }),
  });
}
