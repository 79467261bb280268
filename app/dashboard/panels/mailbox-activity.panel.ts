// Mailbox activity: emails received and replies sent per day, top senders, domains and
// customers, languages.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import type { Panel, PanelResult, QueryContext, Row } from '../panel.js';
import { emailFacts, senderDomain } from '../queries/email-facts.js';
import { loadNames } from '../queries/names.js';
import { sentReplies } from '../queries/sent-replies.js';
import { aggregate, countBy, dayOf, pageFacet, unpackPage } from '../queries/stages.js';
import { daysBetween } from '../stats.js';

const TOP = 10;

interface Counted {
  _id: string | null;
  n: number;
}

interface Facets {
  total: Array<{ n: number }>;
  distinctSenders: Array<{ n: number }>;
  perDay: Counted[];
  senders: Counted[];
  domains: Counted[];
  customers: Counted[];
  languages: Counted[];
}

export const mailboxActivityPanel: Panel = {
  id: 'mailbox',
  title: 'Mailbox activity',
  filters: ['mailbox', 'intent', 'customer', 'team', 'user'],
  analysts: false,

  async summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult> {
    const [facets] = await aggregate<Facets>(ctx.db, 'emails', [
      ...emailFacts(ctx.tenantId, filter, { analysis: true }),
      // $facet copies its input per branch: give it only the fields the branches read.
      {
        $project: {
          _id: 0, day: dayOf('$receivedAt'), from: '$from.address', domain: senderDomain,
          customerId: { $ifNull: ['$analysis.match.customerId', null] }, language: { $ifNull: ['$analysis.language', 'unknown'] },
        },
      },
      {
        $facet: {
          total: [{ $count: 'n' }],
          distinctSenders: [{ $group: { _id: '$from' } }, { $count: 'n' }],
          perDay: countBy('$day'),
          senders: countBy('$from', TOP),
          domains: countBy('$domain', TOP),
          customers: [{ $match: { customerId: { $type: 'string' } } }, ...countBy('$customerId', TOP)],
          languages: countBy('$language'),
        },
      },
    ]);
    const sent = await aggregate<Counted>(ctx.db, 'outbox', [...sentReplies(ctx.tenantId, filter), ...countBy(dayOf('$sentAt'))]);
    const f = facets ?? { total: [], distinctSenders: [], perDay: [], senders: [], domains: [], customers: [], languages: [] };
    const received = new Map(f.perDay.map((d) => [d._id, d.n]));
    const sentByDay = new Map(sent.map((d) => [d._id, d.n]));
    const perDay: Row[] = daysBetween(filter.from, filter.to).map((day) => ({ day, received: received.get(day) ?? 0, sent: sentByDay.get(day) ?? 0 }));
    const names = await loadNames(ctx.db, ctx.tenantId, f.customers.map((c) => c._id ?? ''));
    const totalSent = sent.reduce((s, d) => s + d.n, 0);
    return {
      panel: 'mailbox',
      title: this.title,
      figures: [
        { id: 'received', label: 'Emails received', value: f.total[0]?.n ?? 0, type: 'number' },
        { id: 'sent', label: 'Replies sent', value: totalSent, type: 'number' },
        { id: 'senders', label: 'Distinct senders', value: f.distinctSenders[0]?.n ?? 0, type: 'number' },
      ],
      datasets: [
        {
          id: 'per-day', title: 'Emails received and replies sent per day', chart: 'line',
          columns: [{ key: 'day', label: 'Day', type: 'day' }, { key: 'received', label: 'Received', type: 'number' }, { key: 'sent', label: 'Sent', type: 'number' }],
          series: ['received', 'sent'], rows: perDay,
        },
        {
          id: 'top-senders', title: 'Top senders', chart: 'bar',
          columns: [{ key: 'sender', label: 'Sender', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'], rows: f.senders.map((s) => ({ sender: s._id, emails: s.n })),
        },
        {
          id: 'top-domains', title: 'Top sender domains', chart: 'bar',
          columns: [{ key: 'domain', label: 'Domain', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'], rows: f.domains.map((s) => ({ domain: s._id ?? '(none)', emails: s.n })),
        },
        {
          id: 'top-customers', title: 'Top customers', chart: 'bar', drill: 'customer',
          columns: [
            { key: 'customer', label: 'Customer', type: 'text' },
            { key: 'emails', label: 'Emails', type: 'number' },
            { key: 'customerId', label: 'Customer id', type: 'text' },
          ],
          series: ['emails'], rows: f.customers.map((c) => ({ customer: names.customer(c._id), emails: c.n, customerId: c._id })),
        },
        {
          id: 'languages', title: 'Languages', chart: 'doughnut',
          columns: [{ key: 'language', label: 'Language', type: 'text' }, { key: 'emails', label: 'Emails', type: 'number' }],
          series: ['emails'], rows: f.languages.map((l) => ({ language: l._id, emails: l.n })),
        },
      ],
      ignoredFilters: [],
    };
  },

  async rows(ctx, filter, paging) {
    const project: Document = {
      _id: 0, id: '$_id', receivedAt: 1, from: '$from.address', subject: 1, mailbox: 1,
      language: { $ifNull: ['$analysis.language', null] }, customerId: { $ifNull: ['$analysis.match.customerId', null] },
      action: { $ifNull: ['$analysis.decision.action', null] },
    };
    const result = await aggregate(ctx.db, 'emails', [...emailFacts(ctx.tenantId, filter, { analysis: true }), ...pageFacet({ receivedAt: -1, id: 1 }, paging, project)]);
    return {
      columns: [
        { key: 'receivedAt', label: 'Received', type: 'date' },
        { key: 'from', label: 'From', type: 'text' },
        { key: 'subject', label: 'Subject', type: 'text' },
        { key: 'mailbox', label: 'Mailbox', type: 'text' },
        { key: 'language', label: 'Language', type: 'text' },
        { key: 'customerId', label: 'Customer', type: 'text' },
        { key: 'action', label: 'Decision', type: 'text' },
      ],
      ...unpackPage(result),
      ...paging,
    };
  },
};
