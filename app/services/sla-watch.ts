// SLA follow-up, run by the sla-check job: before a task's response target the assignee gets
// a direct reminder; at the target the breach is escalated to the team's manager channel
// (or, without one, to the team's managers directly). Each step is marked on the task with a
// versioned update BEFORE the message goes out, so two workers never send it twice; a crash
// between the mark and the message loses that one message rather than repeating it.
import type { Logger } from 'pino';
import type { Task } from '../../core/domain/task.js';
import { dueSlaSteps, type SlaStep } from '../../core/review/sla.js';
import type { ChatChannels } from '../../bot/chat-channels.js';
import { chatUserRef } from '../../bot/task-cards.js';
import type { Repositories } from '../../storage/repositories/index.js';

const ACTOR = { kind: 'system', id: 'sla-watch' } as const;

export interface SlaWatchDeps {
  repos: Pick<Repositories, 'tasks' | 'users' | 'teams' | 'audit' | 'emails'>;
  channels: Pick<ChatChannels, 'notify' | 'postToChannels'>;
  logger: Logger;
}

export interface SlaRunSummary {
  reminded: number;
  escalated: number;
  /** Steps marked but whose message could not be delivered (logged). */
  undelivered: number;
}

export class SlaWatch {
  constructor(private readonly deps: SlaWatchDeps) {}

  /** Handles every task whose reminder or due time has come by `now`. */
  async run(now: Date, limit = 200): Promise<SlaRunSummary> {
    const summary: SlaRunSummary = { reminded: 0, escalated: 0, undelivered: 0 };
    for (const task of await this.deps.repos.tasks.listSlaDue(now, limit)) {
      for (const step of dueSlaSteps(task, now)) {
        const marked = await this.mark(task, step, now);
        if (marked === null) continue;
        const delivered = await this.deliver(marked, step, now);
        if (step === 'remind') summary.reminded += 1;
        else summary.escalated += 1;
        if (!delivered) summary.undelivered += 1;
      }
    }
    return summary;
  }

  /** Marks the step done on the task; null when another worker did it first (or the task moved on). */
  private async mark(task: Task, step: SlaStep, now: Date): Promise<Task | null> {
    const patch = step === 'remind' ? { remindedAt: now } : { escalatedAt: now };
    const current = await this.deps.repos.tasks.get(task.id);
    if (current === null || !dueSlaSteps(current, now).includes(step)) return null;
    const outcome = await this.deps.repos.tasks.transition(current.id, current.version, patch, now);
    if (!outcome.ok) return null;
    await this.deps.repos.audit.append({
      at: now,
      actor: ACTOR,
      action: step === 'remind' ? 'sla_reminder' : 'sla_escalated',
      subject: { type: 'task', id: task.id },
      after: { assignee: current.assignee ?? null, teamId: current.teamId ?? null, dueAt: current.dueAt?.toISOString() ?? null },
    });
    return outcome.task;
  }

  private async deliver(task: Task, step: SlaStep, now: Date): Promise<boolean> {
    try {
      const email = await this.deps.repos.emails.get(task.emailId);
      const what = `"${email?.subject ?? task.emailId}"${task.customerSorId ? ` (customer ${task.customerSorId})` : ''}`;
      const due = task.dueAt ? task.dueAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'now';
      if (step === 'remind') {
        const user = task.assignee ? await this.deps.repos.users.get(task.assignee) : null;
        if (user === null) return false;
        const minutes = task.dueAt ? Math.max(0, Math.round((task.dueAt.getTime() - now.getTime()) / 60_000)) : 0;
        await this.deps.channels.notify(chatUserRef(user), { text: `Reminder: task ${what} is due in ${minutes} minutes (${due}).` });
        return true;
      }
      const team = task.teamId ? await this.deps.repos.teams.get(task.teamId) : null;
      if (team === null) return false;
      const assignee = task.assignee ? await this.deps.repos.users.get(task.assignee) : null;
      const text = `SLA breached: task ${what} was due ${due}; ${assignee ? `@${assignee.displayName} has it` : 'nobody has claimed it'}.`;
      if (team.escalationChannels && Object.keys(team.escalationChannels).length > 0) {
        await this.deps.channels.postToChannels(team.escalationChannels, { text, ...(assignee ? { mentions: [chatUserRef(assignee)] } : {}) });
        return true;
      }
      const managers = (await Promise.all((team.managers ?? []).map((id) => this.deps.repos.users.get(id)))).filter((u) => u !== null);
      for (const m of managers) await this.deps.channels.notify(chatUserRef(m), { text });
      return managers.length > 0;
    } catch (err) {
      this.deps.logger.warn({ err, taskId: task.id, step }, 'SLA message could not be delivered');
      return false;
    }
  }
}
