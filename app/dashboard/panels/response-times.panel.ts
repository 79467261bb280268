// Response times: the first response to each email (automatic or by a person) at p50/p90, and
// the time to close its task. Durations are computed in the aggregation (minutes from the
// email's arrival); the percentiles are taken from them with the nearest-rank helper.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import type { Panel, PanelResult, QueryContext } from '../panel.js';
import { emailFacts } from '../queries/email-facts.js';
import { aggregate, minutesBetween, pageFacet, unpackPage } from '../queries/stages.js';
import { durationHistogram, percentile, roundMinutes, sortedNumbers } from '../stats.js';

const sentAtOf = (automatic: boolean): Document => ({
  $min: {
    $map: {
      input: {
        $filter: {
          input: '$replies',
          as: 'r',
          cond: { $and: [{ $eq: ['$$r.status', 'sent'] }, automatic ? { $eq: ['$$r.message.automatic', true] } : { $ne: ['$$r.message.automatic', true] }] },
        },
      },
      as: 'r',
      in: '$$r.sentAt',
    },
  },
});

/** Emails with autoAt/humanAt (first reply of each kind), firstKind, firstMinutes and closeMinutes. */
const withTimes = (ctx: QueryContext, filter: DashboardFilter): Document[] => [
  ...emailFacts(ctx.tenantId, filter, { task: true, outbox: true }),
  { $addFields: { autoAt: sentAtOf(true), humanAt: sentAtOf(false) } },
  {
    $addFields: {
      firstKind: {
        $switch: {
          branches: [
            { case: { $and: [{ $ne: [{ $ifNull: ['$autoAt', null] }, null] }, { $or: [{ $eq: [{ $ifNull: ['$humanAt', null] }, null] }, { $lte: ['$autoAt', '$humanAt'] }] }] }, then: 'automatic' },
            { case: { $ne: [{ $ifNull: ['$humanAt', null] }, null] }, then: 'human' },
          ],
          default: null,
        },
      },
      closeMinutes: minutesBetween('$receivedAt', '$task.closedAt'),
    },
  },
  {
    $addFields: {
      firstMinutes: {
        $switch: {
          branches: [
            { case: { $eq: ['$firstKind', 'automatic'] }, then: minutesBetween('$receivedAt', '$autoAt') },
            { case: { $eq: ['$firstKind', 'human'] }, then: minutesBetween('$receivedAt', '$humanAt') },
          ],
          default: null,
        },
      },
    },
  },
];

interface Facets {
  automatic: Array<{ v: number[] }>;
  human: Array<{ v: number[] }>;
  close: Array<{ v: number[] }>;
  unanswered: Array<{ n: number }>;
}

const pushed = (match: Document, field: string): Document[] => [{ $match: match }, { $group: { _id: null, v: { $push: field } } }];

export const responseTimesPanel: Panel = {
  id: 'response',
  title: 'Response times',
  filters: ['mailbox', 'intent', 'customer', 'team', 'user'],
  analysts: false,

  async summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult> {
    const [facets] = await aggregate<Facets>(ctx.db, 'emails', [
      ...withTimes(ctx, filter),
      // $facet copies its input per branch: give it only the fields the branches read.
      { $project: { _id: 0, firstKind: 1, firstMinutes: 1, closeMinutes: 1 } },
      {
        $facet: {
          automatic: pushed({ firstKind: 'automatic' }, '$firstMinutes'),
          human: pushed({ firstKind: 'human' }, '$firstMinutes'),
          close: pushed({ closeMinutes: { $type: 'number' } }, '$closeMinutes'),
          unanswered: [{ $match: { firstKind: null } }, { $count: 'n' }],
        },
      },
    ]);
    const values = (xs: Array<{ v: number[] }> | undefined): number[] => sortedNumbers((xs?.[0]?.v ?? []).filter((x) => typeof x === 'number'));
    const auto = values(facets?.automatic);
    const human = values(facets?.human);
    const close = values(facets?.close);
    const p = (xs: number[], q: number): number | null => roundMinutes(percentile(xs, q));
    const kinds = [
      { kind: 'First response (automatic)', values: auto },
      { kind: 'First response (person)', values: human },
      { kind: 'Time to close', values: close },
    ];
    const histograms = kinds.map((k) => durationHistogram(k.values));
    return {
      panel: 'response',
      title: this.title,
      figures: [
        { id: 'auto_p50', label: 'Automatic first response p50', value: p(auto, 50), type: 'minutes' },
        { id: 'auto_p90', label: 'Automatic first response p90', value: p(auto, 90), type: 'minutes' },
        { id: 'human_p50', label: 'First response by a person p50', value: p(human, 50), type: 'minutes' },
        { id: 'human_p90', label: 'First response by a person p90', value: p(human, 90), type: 'minutes' },
        { id: 'close_p50', label: 'Time to close p50', value: p(close, 50), type: 'minutes' },
        { id: 'close_p90', label: 'Time to close p90', value: p(close, 90), type: 'minutes' },
        { id: 'unanswered', label: 'Emails without a reply yet', value: facets?.unanswered[0]?.n ?? 0, type: 'number' },
      ],
      datasets: [
        {
          id: 'percentiles', title: 'p50 and p90 (minutes)', chart: 'bar',
          columns: [
            { key: 'kind', label: 'Measure', type: 'text' },
            { key: 'count', label: 'Emails', type: 'number' },
            { key: 'p50', label: 'p50 (min)', type: 'minutes' },
            { key: 'p90', label: 'p90 (min)', type: 'minutes' },
          ],
          series: ['p50', 'p90'],
          rows: kinds.map((k) => ({ kind: k.kind, count: k.values.length, p50: p(k.values, 50), p90: p(k.values, 90) })),
        },
        {
          id: 'distribution', title: 'Distribution', chart: 'bar',
          columns: [
            { key: 'bucket', label: 'Time', type: 'text' },
            { key: 'automatic', label: 'Automatic first response', type: 'number' },
            { key: 'human', label: 'First response by a person', type: 'number' },
            { key: 'close', label: 'Closed', type: 'number' },
          ],
          series: ['automatic', 'human', 'close'],
          rows: (histograms[0] ?? []).map((b, i) => ({ bucket: b.bucket, automatic: b.count, human: histograms[1]?.[i]?.count ?? 0, close: histograms[2]?.[i]?.count ?? 0 })),
        },
      ],
      ignoredFilters: [],
    };
  },

  async rows(ctx, filter, paging) {
    const project: Document = {
      _id: 0, id: '$_id', receivedAt: 1, from: '$from.address', subject: 1, firstKind: 1,
      firstMinutes: { $cond: [{ $isNumber: '$firstMinutes' }, { $round: ['$firstMinutes', 1] }, null] },
      closeMinutes: { $cond: [{ $isNumber: '$closeMinutes' }, { $round: ['$closeMinutes', 1] }, null] },
      taskId: { $ifNull: ['$task._id', null] },
    };
    const result = await aggregate(ctx.db, 'emails', [...withTimes(ctx, filter), ...pageFacet({ receivedAt: -1, id: 1 }, paging, project)]);
    return {
      columns: [
        { key: 'receivedAt', label: 'Received', type: 'date' },
        { key: 'from', label: 'From', type: 'text' },
        { key: 'subject', label: 'Subject', type: 'text' },
        { key: 'firstKind', label: 'First response by', type: 'text' },
        { key: 'firstMinutes', label: 'First response (min)', type: 'minutes' },
        { key: 'closeMinutes', label: 'Closed after (min)', type: 'minutes' },
        { key: 'taskId', label: 'Task', type: 'task' },
      ],
      ...unpackPage(result),
      ...paging,
    };
  },
};
