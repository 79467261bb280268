// Keeps every card of a task current: the first time a task has a team with channels its
// card is posted there (assignee @mentioned); after that every change updates the posted
// cards in place, on every platform. A platform that fails is logged and never blocks the
// workflow; the next change brings its card up to date again.
import type { Logger } from 'pino';
import type { Task } from '../core/domain/task.js';
import type { User } from '../core/domain/user.js';
import type { SorLookup } from '../core/pipeline/sor.js';
import type { Repositories } from '../storage/repositories/index.js';
import { channelAddresses, type ChatChannels } from './chat-channels.js';
import type { ChatUserRef } from './ports/chat-channel.js';
import type { TaskPublisher } from './ports/task-publisher.js';
import { buildTaskView, type TaskCardView } from './task-view.js';

export interface TaskCardsDeps {
  repos: Pick<Repositories, 'tasks' | 'emails' | 'analyses' | 'drafts' | 'users' | 'teams'>;
  sor: Pick<SorLookup, 'customer'>;
  channels: ChatChannels;
  clock: () => Date;
  logger: Logger;
}

export class TaskCards implements TaskPublisher {
  constructor(private readonly deps: TaskCardsDeps) {}

  async taskChanged(task: Task): Promise<void> {
    try {
      await this.publish(task);
    } catch (err) {
      this.deps.logger.warn({ err, taskId: task.id }, 'task card could not be published; the next change retries');
    }
  }

  /** The card's view model of a task as stored now. */
  async viewOf(task: Task): Promise<TaskCardView | null> {
    const { repos } = this.deps;
    const email = await repos.emails.get(task.emailId);
    if (email === null) return null;
    const [analysis, draft, assignee, team, customer] = await Promise.all([
      repos.analyses.findByEmailId(task.emailId),
      repos.drafts.latest(task.id),
      task.assignee ? repos.users.get(task.assignee) : null,
      task.teamId ? repos.teams.get(task.teamId) : null,
      task.customerSorId ? this.deps.sor.customer(task.customerSorId) : undefined,
    ]);
    return buildTaskView({
      task,
      email,
      ...(analysis ? { analysis } : {}),
      draft,
      ...(assignee ? { assignee: chatUserRef(assignee) } : {}),
      ...(team ? { team: { id: team.id, name: team.name } } : {}),
      ...(customer ? { customer: { sorId: customer.sorId, name: customer.name, accountNumber: customer.accountNumber } } : {}),
      now: this.deps.clock(),
    });
  }

  private async publish(task: Task): Promise<void> {
    const view = await this.viewOf(task);
    if (view === null) {
      this.deps.logger.warn({ taskId: task.id, emailId: task.emailId }, 'task card not published: its email is missing');
      return;
    }
    const posts = task.posts ?? [];
    if (posts.length > 0) {
      const result = await this.deps.channels.updateEverywhere(posts, view);
      for (const f of result.failed) this.deps.logger.warn({ taskId: task.id, platform: f.post.platform, code: f.error.code, err: f.error }, 'task card update failed');
    }
    // Post in the team's channels where the card is not shown yet (a new task, or one moved to another team).
    const team = task.teamId ? await this.deps.repos.teams.get(task.teamId) : null;
    if (team === null) return;
    const shown = new Set(posts.map((p) => `${p.platform}:${p.conversationId}`));
    const missing = channelAddresses(team.channels).filter((a) => !shown.has(`${a.platform}:${a.conversationId}`) && this.deps.channels.get(a.platform));
    if (missing.length === 0) return;
    const channels = {
      ...(missing.some((a) => a.platform === 'teams') && team.channels.teams ? { teams: team.channels.teams } : {}),
      ...(missing.some((a) => a.platform === 'slack') && team.channels.slack ? { slack: team.channels.slack } : {}),
    };
    const made = await this.deps.channels.postTask({ channels }, view);
    await this.deps.repos.tasks.addPosts(task.id, made);
  }
}

/** A user as chat platforms know them. */
export function chatUserRef(user: User): ChatUserRef {
  return {
    userId: user.id,
    displayName: user.displayName,
    ...(user.identities.teamsAadObjectId ? { teamsAadObjectId: user.identities.teamsAadObjectId } : {}),
    ...(user.identities.slackUserId ? { slackUserId: user.identities.slackUserId } : {}),
  };
}
