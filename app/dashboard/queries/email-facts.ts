// The emails of a filter, joined with what the panels need: the analysis (intents, language,
// customer, decision), the task and the replies sent. Email-based panels start here.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import { lookupById, lookupOne } from './stages.js';

export interface EmailJoins {
  analysis?: boolean;
  task?: boolean;
  outbox?: boolean;
}

/** The email fields the panels read (the _id is kept). */
const EMAIL_FIELDS: Document = { receivedAt: 1, from: 1, subject: 1, mailbox: 1 };

/** Stages from `emails`: received in the range (and mailbox), joined as asked, then filtered by intent, customer, team and user. */
export function emailFacts(tenantId: string, filter: DashboardFilter, joins: EmailJoins): Document[] {
  const match: Document = { tenantId, receivedAt: { $gte: filter.from, $lt: filter.to } };
  if (filter.mailbox !== undefined) match['mailbox'] = filter.mailbox;
  const needAnalysis = joins.analysis === true || filter.intent !== undefined || filter.customer !== undefined;
  const needTask = joins.task === true || filter.team !== undefined || filter.user !== undefined;
  // Joins are by the email's generated id, unique across tenants (see lookupOne).
  // Only the email fields the panels read go on: every later stage (joins, $addFields) copies
  // the document, and emails carry their bodies. A panel that reads another email field adds it here.
  const stages: Document[] = [{ $match: match }, { $project: EMAIL_FIELDS }];
  if (needAnalysis) stages.push(...lookupOne('analyses', '_id', 'emailId', 'analysis'));
  if (needTask) stages.push(...lookupOne('tasks', '_id', 'emailId', 'task'));
  if (joins.outbox === true) stages.push(...lookupById('outbox', '_id', 'emailId', 'replies'));
  const after: Document = {};
  if (filter.intent !== undefined) after['analysis.intents'] = filter.intent;
  if (filter.customer !== undefined) after['analysis.match.customerId'] = filter.customer;
  if (filter.team !== undefined) after['task.teamId'] = filter.team;
  if (filter.user !== undefined) after['task.assignee'] = filter.user;
  if (Object.keys(after).length > 0) stages.push({ $match: after });
  return stages;
}

/** The domain part of the sender address. */
export const senderDomain: Document = { $arrayElemAt: [{ $split: ['$from.address', '@'] }, 1] };

/**
 * What happened to an email: auto_replied, would_have_sent (shadow mode), review (including
 * automatic replies held back by the loop guard), no_action, or unprocessed (no analysis yet,
 * or the pipeline failed on it). Needs the analysis and task joins.
 */
export const outcomeOf: Document = {
  $switch: {
    branches: [
      { case: { $eq: [{ $ifNull: ['$analysis._id', null] }, null] }, then: 'unprocessed' },
      { case: { $eq: ['$analysis.decision.action', 'no_action'] }, then: 'no_action' },
      { case: { $eq: ['$analysis.decision.action', 'review'] }, then: 'review' },
      { case: { $in: ['would_have_auto_sent', { $ifNull: ['$task.reasons', []] }] }, then: 'would_have_sent' },
      { case: { $gt: [{ $size: { $ifNull: ['$task.reasons', []] } }, 0] }, then: 'review' },
    ],
    default: 'auto_replied',
  },
};

export const OUTCOMES = ['auto_replied', 'would_have_sent', 'review', 'no_action', 'unprocessed'] as const;

/** The highest intent confidence of the analysis (null without scores). */
export const topConfidence: Document = {
  $cond: [{ $gt: [{ $size: { $ifNull: ['$analysis.scores', []] } }, 0] }, { $max: '$analysis.scores.confidence' }, null],
};
