// Processing outcomes: auto-replied, review and no-action per intent, the automation rate,
// the confidence distribution, the reasons emails went to review and, in shadow mode, the
// replies that would have been sent.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import type { Panel, PanelResult, QueryContext, Row } from '../panel.js';
import { emailFacts, OUTCOMES, outcomeOf, topConfidence } from '../queries/email-facts.js';
import { aggregate, countBy, pageFacet, unpackPage } from '../queries/stages.js';
import { confidenceLabel, ratio } from '../stats.js';

interface Facets {
  byOutcome: Array<{ _id: string; n: number }>;
  byIntent: Array<{ _id: { intent: string; outcome: string }; n: number }>;
  confidence: Array<{ _id: number; n: number }>;
  reasons: Array<{ _id: string; n: number }>;
}

const withOutcome = (ctx: QueryContext, filter: DashboardFilter): Document[] => [
  ...emailFacts(ctx.tenantId, filter, { analysis: true, task: true }),
  { $addFields: { outcome: outcomeOf, confidence: topConfidence } },
];

export const processingOutcomesPanel: Panel = {
  id: 'outcomes',
  title: 'Processing outcomes',
  filters: ['mailbox', 'intent', 'customer', 'team', 'user'],
  analysts: false,

  async summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult> {
    const [facets] = await aggregate<Facets>(ctx.db, 'emails', [
      ...withOutcome(ctx, filter),
      // $facet copies its input per branch: give it only the fields the branches read.
      {
        $project: {
          _id: 0, outcome: 1, confidence: 1, intents: { $ifNull: ['$analysis.intents', []] },
          reasons: { $map: { input: { $ifNull: ['$analysis.decision.reasons', []] }, as: 'r', in: '$$r.code' } },
        },
      },
      {
        $facet: {
          byOutcome: countBy('$outcome'),
          byIntent: [
            { $match: { outcome: { $ne: 'unprocessed' } } },
            { $unwind: '$intents' },
            { $group: { _id: { intent: '$intents', outcome: '$outcome' }, n: { $sum: 1 } } },
          ],
          confidence: [
            { $match: { confidence: { $type: 'number' } } },
            // Buckets 0.0–0.1 … 0.9–1.0; a confidence of exactly 1 goes in the last one.
            { $group: { _id: { $min: [9, { $floor: { $multiply: ['$confidence', 10] } }] }, n: { $sum: 1 } } },
          ],
          reasons: [
            { $match: { outcome: 'review' } },
            { $unwind: '$reasons' },
            ...countBy('$reasons', 15),
          ],
        },
      },
    ]);
    const f = facets ?? { byOutcome: [], byIntent: [], confidence: [], reasons: [] };
    const count = (o: string): number => f.byOutcome.find((x) => x._id === o)?.n ?? 0;
    const auto = count('auto_replied');
    const answerable = auto + count('review') + count('would_have_sent');
    const intents = new Map<string, Row>();
    for (const { _id, n } of f.byIntent) {
      const row = intents.get(_id.intent) ?? { intent: _id.intent, auto_replied: 0, would_have_sent: 0, review: 0, no_action: 0 };
      row[_id.outcome] = n;
      intents.set(_id.intent, row);
    }
    const confidence = new Map(f.confidence.map((c) => [c._id, c.n]));
    return {
      panel: 'outcomes',
      title: this.title,
      figures: [
        { id: 'processed', label: 'Emails processed', value: auto + count('review') + count('would_have_sent') + count('no_action'), type: 'number' },
        { id: 'auto_replied', label: 'Auto-replied', value: auto, type: 'number' },
        { id: 'review', label: 'Sent to review', value: count('review'), type: 'number' },
        { id: 'no_action', label: 'No action needed', value: count('no_action'), type: 'number' },
        { id: 'automation_rate', label: 'Automation rate (auto-replied of those needing an answer)', value: ratio(auto, answerable), type: 'percent' },
        { id: 'would_have_sent', label: 'Shadow mode: would have auto-sent', value: count('would_have_sent'), type: 'number' },
        { id: 'unprocessed', label: 'Not processed (failed or pending)', value: count('unprocessed'), type: 'number' },
      ],
      datasets: [
        {
          id: 'by-intent', title: 'Outcome per intent', chart: 'stacked-bar', drill: 'intent',
          columns: [
            { key: 'intent', label: 'Intent', type: 'text' },
            { key: 'auto_replied', label: 'Auto-replied', type: 'number' },
            { key: 'would_have_sent', label: 'Would have sent', type: 'number' },
            { key: 'review', label: 'Review', type: 'number' },
            { key: 'no_action', label: 'No action', type: 'number' },
          ],
          series: ['auto_replied', 'would_have_sent', 'review', 'no_action'],
          rows: [...intents.values()].sort((a, b) => String(a['intent']).localeCompare(String(b['intent']))),
        },
        {
          id: 'confidence', title: 'Confidence of the top intent', chart: 'bar',
          columns: [{ key: 'confidence', label: 'Confidence', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'],
          rows: Array.from({ length: 10 }, (_, i) => ({ confidence: confidenceLabel(i), emails: confidence.get(i) ?? 0 })),
        },
        {
          id: 'review-reasons', title: 'Reasons for review', chart: 'bar',
          columns: [{ key: 'reason', label: 'Reason', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'], rows: f.reasons.map((r) => ({ reason: r._id, emails: r.n })),
        },
        {
          id: 'outcomes', title: 'Outcomes', chart: 'doughnut',
          columns: [{ key: 'outcome', label: 'Outcome', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'], rows: OUTCOMES.map((o) => ({ outcome: o, emails: count(o) })),
        },
      ],
      ignoredFilters: [],
    };
  },

  async rows(ctx, filter, paging) {
    const project: Document = {
      _id: 0, id: '$_id', receivedAt: 1, from: '$from.address', subject: 1, outcome: 1, confidence: 1,
      intents: { $ifNull: ['$analysis.intents', []] },
      reasons: { $map: { input: { $ifNull: ['$analysis.decision.reasons', []] }, as: 'r', in: '$$r.code' } },
      taskId: { $ifNull: ['$task._id', null] },
    };
    const result = await aggregate(ctx.db, 'emails', [...withOutcome(ctx, filter), ...pageFacet({ receivedAt: -1, id: 1 }, paging, project)]);
    return {
      columns: [
        { key: 'receivedAt', label: 'Received', type: 'date' },
        { key: 'from', label: 'From', type: 'text' },
        { key: 'subject', label: 'Subject', type: 'text' },
        { key: 'intents', label: 'Intents', type: 'text' },
        { key: 'outcome', label: 'Outcome', type: 'text' },
        { key: 'confidence', label: 'Confidence', type: 'number' },
        { key: 'reasons', label: 'Reasons', type: 'text' },
        { key: 'taskId', label: 'Task', type: 'task' },
      ],
      ...unpackPage(result),
      ...paging,
    };
  },
};
