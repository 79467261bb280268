// Automatic Task Distribution: the manager's ordered rules pick a person or a team for a new
// task; within a team the next available member in round-robin order gets it. Members who are
// away or already hold the open-task cap are skipped. The rotation cursor lives in the
// database and is advanced by compare-and-set, so restarts and several worker processes share
// one fair order.
import type { Team } from '../../core/domain/team.js';
import type { User } from '../../core/domain/user.js';
import { nextInRotation, parseDistributionPolicy, routeTask, type DistributionPolicy, type TaskFacts } from '../../core/policy/distribution.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** The settings key under which managers store the distribution policy. */
export const DISTRIBUTION_POLICY_KEY = 'distribution.policy';

/** How often a turn is taken again after another process took the same one. */
const TAKE_ATTEMPTS = 20;

export interface DistributorSettings {
  /** A member holding this many open tasks is skipped. */
  maxOpenTasksPerUser: number;
  /** Team (by name) for tasks no rule matches when the policy has no fallback; unset: the only team, if there is exactly one. */
  defaultTeam?: string;
}

export interface DistributorDeps {
  repos: Pick<Repositories, 'teams' | 'users' | 'tasks' | 'rotations' | 'settings'>;
  settings: DistributorSettings;
  clock: () => Date;
}

/** Where a task goes: a person (and the team whose queue it is in), or a team queue with nobody free. */
export interface Placement {
  teamId?: string;
  assignee?: string;
  /** The rule that matched ("fallback", "default team"), or null when nothing did. */
  rule: string | null;
  /** The round-robin turn taken, when a team member was picked. */
  turn?: number;
  /** Why nobody was assigned, when nobody was. */
  unassignedBecause?: string;
}

export class TaskDistributor {
  constructor(private readonly deps: DistributorDeps) {}

  /** The stored policy, or an empty one (everything goes to the default team). */
  async policy(): Promise<DistributionPolicy> {
    const stored = await this.deps.repos.settings.get(DISTRIBUTION_POLICY_KEY);
    return stored === null ? { rules: [] } : parseDistributionPolicy(stored.value);
  }

  /** Chooses where a new task goes. */
  async place(facts: TaskFacts): Promise<Placement> {
    const routed = routeTask(facts, await this.policy());
    if (routed?.target.kind === 'user') {
      const user = await this.deps.repos.users.get(routed.target.userId);
      if (user !== null && (await this.isAvailable([user])).has(user.id)) {
        const teams = await this.deps.repos.teams.findByMember(user.id);
        return { assignee: user.id, rule: routed.rule, ...(teams[0] ? { teamId: teams[0].id } : {}) };
      }
      // The named person is away or full: the task waits in their team's queue, if they have one.
      const teams = user ? await this.deps.repos.teams.findByMember(user.id) : [];
      if (teams[0]) return this.placeInTeam(teams[0], routed.rule);
      return { rule: routed.rule, unassignedBecause: `${user?.displayName ?? routed.target.userId} is not available` };
    }
    if (routed?.target.kind === 'team') {
      const team = await this.deps.repos.teams.get(routed.target.teamId);
      if (team === null) return { rule: routed.rule, unassignedBecause: `rule ${routed.rule} names a team that does not exist` };
      return this.placeInTeam(team, routed.rule);
    }
    const fallback = await this.defaultTeam();
    if (fallback === null) return { rule: null, unassignedBecause: 'no distribution rule matched and there is no default team' };
    return this.placeInTeam(fallback, 'default team');
  }

  /** The next available member of a team, taking the turn; null when nobody is available. */
  async nextMember(team: Team): Promise<{ userId: string; turn: number } | null> {
    for (let attempt = 1; attempt <= TAKE_ATTEMPTS; attempt++) {
      const cursor = await this.deps.repos.rotations.get(team.id);
      const members = (await Promise.all(team.members.map((id) => this.deps.repos.users.get(id)))).filter((u): u is User => u !== null);
      const available = await this.isAvailable(members);
      const next = nextInRotation(team.members, cursor.last, (id) => available.has(id));
      if (next === null) return null;
      if (await this.deps.repos.rotations.take(team.id, cursor.turn, next, this.deps.clock())) return { userId: next, turn: cursor.turn + 1 };
      // Another process took this turn: read the cursor again and pick after its choice.
    }
    throw new Error(`distribution: could not take a turn in team ${team.name} after ${TAKE_ATTEMPTS} attempts`);
  }

  private async placeInTeam(team: Team, rule: string): Promise<Placement> {
    const next = await this.nextMember(team);
    if (next === null) return { teamId: team.id, rule, unassignedBecause: `nobody in ${team.name} is available` };
    return { teamId: team.id, assignee: next.userId, rule, turn: next.turn };
  }

  /** Users who are not away and hold fewer open tasks than the cap. */
  private async isAvailable(users: readonly User[]): Promise<Set<string>> {
    const present = users.filter((u) => !u.away);
    const counts = await this.deps.repos.tasks.openCounts(present.map((u) => u.id));
    return new Set(present.filter((u) => (counts.get(u.id) ?? 0) < this.deps.settings.maxOpenTasksPerUser).map((u) => u.id));
  }

  private async defaultTeam(): Promise<Team | null> {
    const name = this.deps.settings.defaultTeam;
    if (name !== undefined) return this.deps.repos.teams.findByName(name);
    const teams = await this.deps.repos.teams.list();
    return teams.length === 1 ? (teams[0] as Team) : null;
  }
}
