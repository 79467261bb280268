// Tasks and utilization: open tasks by status, intent, priority, person and team (as of now),
// the oldest open ones, SLA breaches, and tasks handled per person per day in the range.
import type { Document } from 'mongodb';
import { OPEN_TASK_STATUSES } from '../../../core/domain/task.js';
import type { DashboardFilter } from '../filters.js';
import type { Panel, PanelResult, QueryContext, Row } from '../panel.js';
import { loadNames } from '../queries/names.js';
import { aggregate, countBy, dayOf, pageFacet, unpackPage } from '../queries/stages.js';
import { closedStatuses, openStatuses, taskFacts } from '../queries/task-facts.js';
import { daysBetween } from '../stats.js';

const MAX_USERS_PER_DAY_CHART = 10;

type Counted = { _id: string | null; n: number };

interface Facets {
  openTotal: Array<{ n: number }>;
  overdue: Array<{ n: number }>;
  byStatus: Counted[];
  byIntent: Counted[];
  byPriority: Counted[];
  perUser: Counted[];
  perTeam: Counted[];
  oldest: Array<{ _id: string; createdAt: Date; status: string; assignee?: string; teamId?: string; intents: string[]; dueAt?: Date }>;
  handled: Array<{ _id: { day: string; user: string | null }; n: number }>;
  created: Array<{ n: number }>;
  breaches: Counted[];
}

/** Past its due time and not closed in time: open and overdue, or closed after the due time. */
function breached(now: Date): Document {
  return {
    dueAt: { $lt: now },
    $or: [{ closedAt: { $exists: false } }, { $expr: { $gt: ['$closedAt', '$dueAt'] } }],
  };
}

export const tasksUtilizationPanel: Panel = {
  id: 'tasks',
  title: 'Tasks and utilization',
  filters: ['mailbox', 'intent', 'customer', 'team', 'user'],
  analysts: true,

  async summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult> {
    const { now } = ctx;
    const open = { status: openStatuses };
    const inRange = { $gte: filter.from, $lt: filter.to };
    const [facets] = await aggregate<Facets>(ctx.db, 'tasks', [
      ...taskFacts(ctx.tenantId, filter),
      // $facet copies its input per branch: give it only the fields the branches read.
      { $project: { status: 1, intents: 1, priority: 1, assignee: 1, teamId: 1, createdAt: 1, closedAt: 1, dueAt: 1 } },
      {
        $facet: {
          openTotal: [{ $match: open }, { $count: 'n' }],
          overdue: [{ $match: { ...open, dueAt: { $lt: now } } }, { $count: 'n' }],
          byStatus: [{ $match: open }, ...countBy('$status')],
          byIntent: [{ $match: open }, { $unwind: '$intents' }, ...countBy('$intents')],
          byPriority: [{ $match: open }, ...countBy({ $ifNull: ['$priority', 'normal'] })],
          perUser: [{ $match: open }, ...countBy({ $ifNull: ['$assignee', null] })],
          perTeam: [{ $match: open }, ...countBy({ $ifNull: ['$teamId', null] })],
          oldest: [{ $match: open }, { $sort: { createdAt: 1, _id: 1 } }, { $limit: 10 }, { $project: { createdAt: 1, status: 1, assignee: 1, teamId: 1, intents: 1, dueAt: 1 } }],
          handled: [
            { $match: { status: closedStatuses, closedAt: inRange } },
            { $group: { _id: { day: dayOf('$closedAt'), user: { $ifNull: ['$assignee', null] } }, n: { $sum: 1 } } },
          ],
          created: [{ $match: { createdAt: inRange } }, { $count: 'n' }],
          breaches: [{ $match: { dueAt: inRange } }, { $match: breached(now) }, ...countBy({ $ifNull: ['$teamId', null] })],
        },
      },
    ]);
    const f: Facets = facets ?? { openTotal: [], overdue: [], byStatus: [], byIntent: [], byPriority: [], perUser: [], perTeam: [], oldest: [], handled: [], created: [], breaches: [] };
    const names = await loadNames(ctx.db, ctx.tenantId);
    const handledTotal = f.handled.reduce((s, h) => s + h.n, 0);
    const byUser = new Map<string, number>();
    for (const h of f.handled) byUser.set(names.user(h._id.user), (byUser.get(names.user(h._id.user)) ?? 0) + h.n);
    const shownUsers = [...byUser].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_USERS_PER_DAY_CHART).map(([u]) => u);
    const others = byUser.size > shownUsers.length;
    const handledRows: Row[] = daysBetween(filter.from, filter.to).map((day) => {
      const row: Row = { day };
      for (const u of shownUsers) row[u] = 0;
      if (others) row['others'] = 0;
      for (const h of f.handled.filter((x) => x._id.day === day)) {
        const name = names.user(h._id.user);
        const key = shownUsers.includes(name) ? name : 'others';
        row[key] = Number(row[key] ?? 0) + h.n;
      }
      return row;
    });
    const userSeries = [...shownUsers, ...(others ? ['others'] : [])];
    const oldestAgeHours = f.oldest[0] ? Math.round(((now.getTime() - new Date(f.oldest[0].createdAt).getTime()) / 3_600_000) * 10) / 10 : null;
    const counted = (rows: Counted[], key: string, label: (id: string | null) => string): Row[] => rows.map((r) => ({ [key]: label(r._id), tasks: r.n, id: r._id }));
    return {
      panel: 'tasks',
      title: this.title,
      figures: [
        { id: 'open', label: 'Open tasks', value: f.openTotal[0]?.n ?? 0, type: 'number' },
        { id: 'overdue', label: 'Open and past due (SLA breached)', value: f.overdue[0]?.n ?? 0, type: 'number' },
        { id: 'breaches', label: 'SLA breaches (due in range)', value: f.breaches.reduce((s, b) => s + b.n, 0), type: 'number' },
        { id: 'created', label: 'Tasks created in range', value: f.created[0]?.n ?? 0, type: 'number' },
        { id: 'handled', label: 'Tasks handled in range', value: handledTotal, type: 'number' },
        { id: 'oldest_hours', label: 'Oldest open task (hours)', value: oldestAgeHours, type: 'number' },
      ],
      datasets: [
        {
          id: 'by-status', title: 'Open by status', chart: 'bar',
          columns: [{ key: 'status', label: 'Status', type: 'text' }, { key: 'tasks', label: 'Tasks', type: 'number' }],
          series: ['tasks'], rows: OPEN_TASK_STATUSES.map((s) => ({ status: s, tasks: f.byStatus.find((b) => b._id === s)?.n ?? 0 })),
        },
        {
          id: 'by-intent', title: 'Open by intent', chart: 'bar', drill: 'intent',
          columns: [{ key: 'intent', label: 'Intent', type: 'text' }, { key: 'tasks', label: 'Tasks', type: 'number' }],
          series: ['tasks'], rows: f.byIntent.map((r) => ({ intent: r._id, tasks: r.n })),
        },
        {
          id: 'by-priority', title: 'Open by priority', chart: 'doughnut',
          columns: [{ key: 'priority', label: 'Priority', type: 'text' }, { key: 'tasks', label: 'Tasks', type: 'number' }],
          series: ['tasks'], rows: f.byPriority.map((r) => ({ priority: r._id, tasks: r.n })),
        },
        {
          id: 'per-user', title: 'Open per person', chart: 'bar', drill: 'user',
          columns: [{ key: 'user', label: 'Person', type: 'text' }, { key: 'tasks', label: 'Tasks', type: 'number' }, { key: 'id', label: 'User id', type: 'text' }],
          series: ['tasks'], rows: counted(f.perUser, 'user', names.user),
        },
        {
          id: 'per-team', title: 'Open per team', chart: 'bar', drill: 'team',
          columns: [{ key: 'team', label: 'Team', type: 'text' }, { key: 'tasks', label: 'Tasks', type: 'number' }, { key: 'id', label: 'Team id', type: 'text' }],
          series: ['tasks'], rows: counted(f.perTeam, 'team', names.team),
        },
        {
          id: 'breaches', title: 'SLA breaches per team (due in range)', chart: 'bar', drill: 'team',
          columns: [{ key: 'team', label: 'Team', type: 'text' }, { key: 'tasks', label: 'Breaches', type: 'number' }, { key: 'id', label: 'Team id', type: 'text' }],
          series: ['tasks'], rows: counted(f.breaches, 'team', names.team),
        },
        {
          id: 'handled-per-day', title: 'Handled per person per day', chart: 'stacked-bar',
          columns: [{ key: 'day', label: 'Day', type: 'day' }, ...userSeries.map((u) => ({ key: u, label: u, type: 'number' as const }))],
          series: userSeries, rows: handledRows,
        },
        {
          id: 'oldest', title: 'Oldest open tasks', chart: 'table',
          columns: [
            { key: 'taskId', label: 'Task', type: 'task' },
            { key: 'createdAt', label: 'Created', type: 'date' },
            { key: 'status', label: 'Status', type: 'text' },
            { key: 'intents', label: 'Intents', type: 'text' },
            { key: 'assignee', label: 'Assignee', type: 'text' },
            { key: 'team', label: 'Team', type: 'text' },
            { key: 'dueAt', label: 'Due', type: 'date' },
          ],
          series: [],
          rows: f.oldest.map((t) => ({
            taskId: t._id, createdAt: new Date(t.createdAt).toISOString(), status: t.status, intents: t.intents.join(', '),
            assignee: names.user(t.assignee), team: names.team(t.teamId), dueAt: t.dueAt ? new Date(t.dueAt).toISOString() : null,
          })),
        },
      ],
      ignoredFilters: [],
    };
  },

  async rows(ctx, filter, paging) {
    const { now } = ctx;
    const inRange = { $gte: filter.from, $lt: filter.to };
    const result = await aggregate(ctx.db, 'tasks', [
      ...taskFacts(ctx.tenantId, filter),
      { $match: { $or: [{ status: { $in: [...OPEN_TASK_STATUSES] } }, { createdAt: inRange }, { closedAt: inRange }] } },
      {
        $addFields: {
          overdue: { $and: [{ $in: ['$status', [...OPEN_TASK_STATUSES]] }, { $lt: [{ $ifNull: ['$dueAt', now] }, now] }] },
        },
      },
      ...pageFacet({ createdAt: 1, taskId: 1 }, paging, {
        _id: 0, taskId: '$_id', createdAt: 1, status: 1, intents: 1, priority: { $ifNull: ['$priority', 'normal'] },
        assignee: { $ifNull: ['$assignee', null] }, team: { $ifNull: ['$teamId', null] }, customerId: { $ifNull: ['$customerSorId', null] },
        dueAt: { $ifNull: ['$dueAt', null] }, overdue: 1, closedAt: { $ifNull: ['$closedAt', null] },
      }),
    ]);
    const page = unpackPage(result);
    const names = await loadNames(ctx.db, ctx.tenantId);
    const rows = page.rows.map((r) => ({ ...r, assignee: names.user(r['assignee'] as string | null), team: names.team(r['team'] as string | null) }));
    return {
      columns: [
        { key: 'taskId', label: 'Task', type: 'task' },
        { key: 'createdAt', label: 'Created', type: 'date' },
        { key: 'status', label: 'Status', type: 'text' },
        { key: 'intents', label: 'Intents', type: 'text' },
        { key: 'priority', label: 'Priority', type: 'text' },
        { key: 'assignee', label: 'Assignee', type: 'text' },
        { key: 'team', label: 'Team', type: 'text' },
        { key: 'customerId', label: 'Customer', type: 'text' },
        { key: 'dueAt', label: 'Due', type: 'date' },
        { key: 'overdue', label: 'Past due', type: 'text' },
        { key: 'closedAt', label: 'Closed', type: 'date' },
      ],
      rows,
      total: page.total,
      ...paging,
    };
  },
};
