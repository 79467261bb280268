// The task detail view (/tab/tasks/<taskId>, where truncated cards link): the email, what the
// pipeline understood, the evidence it matched on, the task's history and its audit trail.
import type { AuditEvent } from '../../core/domain/audit-event.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Viewer } from './auth/viewer.js';

const MAX_TEXT = 20_000;

export interface TaskDetail {
  task: {
    id: string;
    status: string;
    intents: string[];
    reasons: string[];
    priority: string;
    assignee: string | null;
    team: string | null;
    customer: string | null;
    invoiceNumbers: string[];
    createdAt: string;
    dueAt: string | null;
    closedAt: string | null;
    closeReason: string | null;
  };
  email: { from: string; to: string[]; cc: string[]; subject: string; receivedAt: string; mailbox: string; text: string; truncated: boolean; attachments: string[] } | null;
  understanding: {
    language: string;
    intents: Array<{ intent: string; confidence: number }>;
    action: string;
    reasons: Array<{ code: string; message: string }>;
    entities: Record<string, unknown>;
    problems: string[];
  } | null;
  evidence: {
    customerId: string | null;
    customerBasis: string | null;
    customerEvidence: string[];
    sender: string[];
    invoices: Array<{ raw: string; number: string; rule: string; evidence: string }>;
    unresolved: Array<{ raw: string; reason: string }>;
  } | null;
  history: Array<{ at: string; what: string; by: string }>;
  /** Null when the viewer may not see the audit log (analysts). */
  audit: Array<{ seq: number; at: string; actor: string; action: string; details: string }> | null;
}

/** The detail of one task for a viewer, or null when there is no such task. */
export async function taskDetail(repos: Repositories, viewer: Viewer, taskId: string): Promise<TaskDetail | null> {
  const task = await repos.tasks.get(taskId);
  if (task === null) return null;
  const [email, analysis, drafts, audit, users, teams, customer] = await Promise.all([
    repos.emails.get(task.emailId),
    repos.analyses.findByEmailId(task.emailId),
    repos.drafts.list(task.id),
    viewer.seesAudit ? repos.audit.listBySubject('task', task.id) : Promise.resolve(null),
    repos.users.list(),
    repos.teams.list(),
    task.customerSorId ? repos.customers.findBySorId(task.customerSorId) : Promise.resolve(null),
  ]);
  const userName = (id: string | undefined): string | null => (id === undefined ? null : (users.find((u) => u.id === id)?.displayName ?? id));
  const actorName = (id: string): string => users.find((u) => u.id === id)?.displayName ?? id;
  const iso = (d: Date | undefined): string | null => (d === undefined ? null : new Date(d).toISOString());
  const text = email?.text ?? '';
  const history: TaskDetail['history'] = [
    { at: task.createdAt.toISOString(), what: 'Task created', by: 'arbot' },
    ...drafts.map((d) => ({ at: d.createdAt.toISOString(), what: `Draft version ${d.version} saved`, by: d.createdBy === 'system' ? 'arbot' : actorName(d.createdBy) })),
    ...(task.notes ?? []).map((n) => ({ at: new Date(n.at).toISOString(), what: `Note: ${n.text}`, by: actorName(n.by) })),
    ...(task.remindedAt ? [{ at: task.remindedAt.toISOString(), what: 'SLA reminder sent', by: 'arbot' }] : []),
    ...(task.escalatedAt ? [{ at: task.escalatedAt.toISOString(), what: 'SLA breach escalated', by: 'arbot' }] : []),
    ...(task.closedAt ? [{ at: task.closedAt.toISOString(), what: `Closed (${task.status}${task.closeReason ? `: ${task.closeReason}` : ''})`, by: userName(task.assignee) ?? 'arbot' }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    task: {
      id: task.id, status: task.status, intents: task.intents, reasons: task.reasons, priority: task.priority ?? 'normal',
      assignee: userName(task.assignee), team: task.teamId ? (teams.find((t) => t.id === task.teamId)?.name ?? task.teamId) : null,
      customer: customer ? `${customer.name} (${customer.sorId})` : (task.customerSorId ?? null), invoiceNumbers: task.invoiceNumbers ?? [],
      createdAt: task.createdAt.toISOString(), dueAt: iso(task.dueAt), closedAt: iso(task.closedAt), closeReason: task.closeReason ?? null,
    },
    email: email && {
      from: email.from.address, to: email.to.map((a) => a.address), cc: email.cc.map((a) => a.address), subject: email.subject,
      receivedAt: email.receivedAt.toISOString(), mailbox: email.mailbox, text: text.slice(0, MAX_TEXT), truncated: text.length > MAX_TEXT,
      attachments: email.attachments.map((a) => a.filename),
    },
    understanding: analysis && {
      language: analysis.language, intents: analysis.scores.map((s) => ({ intent: s.intent, confidence: s.confidence })), action: analysis.decision.action,
      reasons: analysis.decision.reasons, entities: { ...analysis.entities }, problems: analysis.problems,
    },
    evidence: analysis && {
      customerId: analysis.match.customerId, customerBasis: analysis.match.customerBasis ?? null, customerEvidence: analysis.match.customerEvidence,
      sender: analysis.match.sender.evidence, invoices: analysis.match.invoices.map((i) => ({ raw: i.raw, number: i.number, rule: i.rule, evidence: i.evidence })),
      unresolved: analysis.match.unresolved.map((u) => ({ raw: u.raw, reason: u.reason })),
    },
    history,
    audit: audit === null ? null : audit.map((e: AuditEvent) => ({
      seq: e.seq, at: e.at.toISOString(), actor: e.actor.kind === 'user' ? actorName(e.actor.id) : `${e.actor.id} (system)`, action: e.action,
      details: JSON.stringify({ before: e.before, after: e.after }),
    })),
  };
}
