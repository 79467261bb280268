// The tasks of a filter: the base $match for task panels (intent, customer, team, user), plus
// the mailbox through the task's email when that filter is set.
import type { Document } from 'mongodb';
import { OPEN_TASK_STATUSES } from '../../../core/domain/task.js';
import type { DashboardFilter } from '../filters.js';
import { lookupOne } from './stages.js';

export const CLOSED_STATUSES = ['sent', 'closed_no_reply'] as const;

/** Stages from `tasks` matching `extra` and the filter's intent, customer, team, user and mailbox (not its dates). */
export function taskFacts(tenantId: string, filter: DashboardFilter, extra: Document = {}): Document[] {
  const match: Document = { tenantId, ...extra };
  if (filter.intent !== undefined) match['intents'] = filter.intent;
  if (filter.customer !== undefined) match['customerSorId'] = filter.customer;
  if (filter.team !== undefined) match['teamId'] = filter.team;
  if (filter.user !== undefined) match['assignee'] = filter.user;
  const stages: Document[] = [{ $match: match }];
  if (filter.mailbox !== undefined) {
    stages.push(...lookupOne('emails', 'emailId', '_id', 'email'), { $match: { 'email.mailbox': filter.mailbox } });
  }
  return stages;
}

export const openStatuses: Document = { $in: [...OPEN_TASK_STATUSES] };
export const closedStatuses: Document = { $in: [...CLOSED_STATUSES] };
