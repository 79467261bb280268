// Replies that went out (outbox items sent) in the filter's range, with the filter applied
// through the answered email, its analysis and its task.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import { lookupOne } from './stages.js';

/** Stages from `outbox`: items sent in the range whose email, analysis and task pass the filter. */
export function sentReplies(tenantId: string, filter: DashboardFilter): Document[] {
  const stages: Document[] = [
    { $match: { tenantId, status: 'sent', sentAt: { $gte: filter.from, $lt: filter.to } } },
    { $project: { emailId: 1, taskId: 1, sentAt: 1, automatic: { $eq: ['$message.automatic', true] } } },
  ];
  const after: Document = {};
  if (filter.mailbox !== undefined) {
    stages.push(...lookupOne('emails', 'emailId', '_id', 'email'));
    after['email.mailbox'] = filter.mailbox;
  }
  if (filter.intent !== undefined || filter.customer !== undefined) {
    stages.push(...lookupOne('analyses', 'emailId', 'emailId', 'analysis'));
    if (filter.intent !== undefined) after['analysis.intents'] = filter.intent;
    if (filter.customer !== undefined) after['analysis.match.customerId'] = filter.customer;
  }
  if (filter.team !== undefined || filter.user !== undefined) {
    stages.push(...lookupOne('tasks', 'emailId', 'emailId', 'task'));
    if (filter.team !== undefined) after['task.teamId'] = filter.team;
    if (filter.user !== undefined) after['task.assignee'] = filter.user;
  }
  if (Object.keys(after).length > 0) stages.push({ $match: after });
  return stages;
}
