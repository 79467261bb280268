// System-of-record insights, as of now (the date range does not apply): customers enrolled for
// automatic replies, contacts known, open balance and its aging, customers without contacts,
// contact addresses shared by several customers, and when the SoR was last synced.
import type { Document } from 'mongodb';
import type { DashboardFilter } from '../filters.js';
import type { Column, Panel, PanelResult, QueryContext, Row } from '../panel.js';
import { aggregate, lookupMany, pageFacet, unpackPage } from '../queries/stages.js';
import { AGING_BUCKETS } from '../stats.js';

const OPEN_INVOICE = { status: { $in: ['open', 'partially_paid'] }, balance: { $gt: 0 } };
const DAY_MS = 86_400_000;
const SOR_COLLECTIONS = ['customers', 'contacts', 'invoices', 'payments', 'creditMemos'] as const;

/** The aging bucket of an open invoice at `now`, as the aggregation computes it (see stats.agingBucket). */
function agingBucketExpr(now: Date): Document {
  const days = { $floor: { $divide: [{ $subtract: [now, '$dueDate'] }, DAY_MS] } };
  return {
    $switch: {
      branches: [
        { case: { $lte: [days, 0] }, then: 'current' },
        { case: { $lte: [days, 30] }, then: '1-30' },
        { case: { $lte: [days, 60] }, then: '31-60' },
        { case: { $lte: [days, 90] }, then: '61-90' },
      ],
      default: '90+',
    },
  };
}

const money = (x: number): number => Math.round(x * 100) / 100;

interface CustomerCounts {
  total: number;
  enrolled: number;
  withoutContacts: number;
}

export const sorInsightsPanel: Panel = {
  id: 'sor',
  title: 'System of record',
  filters: ['customer'],
  analysts: false,

  async summary(ctx: QueryContext, filter: DashboardFilter): Promise<PanelResult> {
    const { db, tenantId, now } = ctx;
    const byCustomer = filter.customer === undefined ? {} : { sorId: filter.customer };
    const contactsOf = filter.customer === undefined ? {} : { customerSorId: filter.customer };
    const [customerCounts, contactCount, duplicates, aging, lastSyncs, noContacts] = await Promise.all([
      aggregate<CustomerCounts>(db, 'customers', [
        { $match: { tenantId, ...byCustomer } },
        ...lookupMany('contacts', 'sorId', 'customerSorId', 'contacts', tenantId),
        {
          $group: {
            _id: null,
            total: { $sum: 1 },
            enrolled: { $sum: { $cond: [{ $eq: ['$enrolled', true] }, 1, 0] } },
            withoutContacts: { $sum: { $cond: [{ $eq: [{ $size: '$contacts' }, 0] }, 1, 0] } },
          },
        },
      ]),
      aggregate<{ n: number }>(db, 'contacts', [{ $match: { tenantId, ...contactsOf } }, { $count: 'n' }]),
      aggregate<{ _id: string; customers: string[] }>(db, 'contacts', [
        { $match: { tenantId } },
        { $group: { _id: '$email', customers: { $addToSet: '$customerSorId' } } },
        { $match: { 'customers.1': { $exists: true }, ...(filter.customer === undefined ? {} : { customers: filter.customer }) } },
        { $sort: { _id: 1 } },
      ]),
      aggregate<{ _id: { bucket: string; currency: string }; balance: number; n: number }>(db, 'invoices', [
        { $match: { tenantId, ...OPEN_INVOICE, ...(filter.customer === undefined ? {} : { customerSorId: filter.customer }) } },
        { $group: { _id: { bucket: agingBucketExpr(now), currency: '$currency' }, balance: { $sum: '$balance' }, n: { $sum: 1 } } },
      ]),
      Promise.all(
        SOR_COLLECTIONS.map((c) => aggregate<{ at: Date | null }>(db, c, [{ $match: { tenantId } }, { $group: { _id: null, at: { $max: '$updatedAt' } } }])),
      ),
      aggregate<{ sorId: string; name: string }>(db, 'customers', [
        { $match: { tenantId, ...byCustomer } },
        ...lookupMany('contacts', 'sorId', 'customerSorId', 'contacts', tenantId),
        { $match: { contacts: { $size: 0 } } },
        { $sort: { name: 1, sorId: 1 } },
        { $limit: 50 },
        { $project: { _id: 0, sorId: 1, name: 1 } },
      ]),
    ]);
    const counts = customerCounts[0] ?? { total: 0, enrolled: 0, withoutContacts: 0 };
    const currencies = [...new Set(aging.map((a) => a._id.currency))].sort();
    const agingRows: Row[] = AGING_BUCKETS.map((bucket) => {
      const row: Row = { bucket, invoices: 0 };
      for (const cur of currencies) {
        const hit = aging.find((a) => a._id.bucket === bucket && a._id.currency === cur);
        row[cur] = money(hit?.balance ?? 0);
        row['invoices'] = Number(row['invoices']) + (hit?.n ?? 0);
      }
      return row;
    });
    const lastSync = lastSyncs
      .map((r) => r[0]?.at)
      .filter((d): d is Date => d instanceof Date)
      .reduce<Date | null>((max, d) => (max === null || d > max ? d : max), null);
    const agingColumns: Column[] = [
      { key: 'bucket', label: 'Days past due', type: 'text' },
      ...currencies.map((c): Column => ({ key: c, label: `Balance ${c}`, type: 'money' })),
      { key: 'invoices', label: 'Open invoices', type: 'number' },
    ];
    return {
      panel: 'sor',
      title: this.title,
      figures: [
        { id: 'customers', label: 'Customers', value: counts.total, type: 'number' },
        { id: 'enrolled', label: 'Enrolled for automatic replies', value: counts.enrolled, type: 'number' },
        { id: 'contacts', label: 'Contacts known', value: contactCount[0]?.n ?? 0, type: 'number' },
        { id: 'without_contacts', label: 'Customers without contacts', value: counts.withoutContacts, type: 'number' },
        { id: 'duplicate_contacts', label: 'Contacts shared by several customers', value: duplicates.length, type: 'number' },
        ...currencies.map((c) => ({
          id: `open_balance_${c}`, label: `Open balance ${c}`, type: 'money' as const,
          value: money(aging.filter((a) => a._id.currency === c).reduce((s, a) => s + a.balance, 0)),
        })),
        { id: 'last_sync', label: 'Last SoR sync', value: lastSync === null ? null : lastSync.toISOString(), type: 'date' },
      ],
      datasets: [
        { id: 'aging', title: 'Open balance by age', chart: 'stacked-bar', columns: agingColumns, series: currencies, rows: agingRows },
        {
          id: 'duplicate-contacts', title: 'Contacts shared by several customers', chart: 'table',
          columns: [{ key: 'email', label: 'Contact', type: 'text' }, { key: 'customers', label: 'Customers', type: 'text' }, { key: 'count', label: 'Customers (count)', type: 'number' }],
          series: [], rows: duplicates.slice(0, 50).map((d) => ({ email: d._id, customers: [...d.customers].sort().join(', '), count: d.customers.length })),
        },
        {
          id: 'without-contacts', title: 'Customers without contacts', chart: 'table', drill: 'customer',
          columns: [{ key: 'customerId', label: 'Customer id', type: 'text' }, { key: 'name', label: 'Name', type: 'text' }],
          series: [], rows: noContacts.map((c) => ({ customerId: c.sorId, name: c.name })),
        },
      ],
      ignoredFilters: ['mailbox', 'intent', 'team', 'user'],
    };
  },

  async rows(ctx, filter, paging) {
    const { tenantId, now } = ctx;
    const result = await aggregate(ctx.db, 'customers', [
      { $match: { tenantId, ...(filter.customer === undefined ? {} : { sorId: filter.customer }) } },
      ...lookupMany('contacts', 'sorId', 'customerSorId', 'contacts', tenantId),
      ...lookupMany('invoices', 'sorId', 'customerSorId', 'invoices', tenantId),
      {
        $addFields: {
          open: { $filter: { input: '$invoices', as: 'i', cond: { $and: [{ $in: ['$$i.status', ['open', 'partially_paid']] }, { $gt: ['$$i.balance', 0] }] } } },
        },
      },
      {
        $addFields: {
          contactCount: { $size: '$contacts' },
          openInvoices: { $size: '$open' },
          openBalance: { $round: [{ $sum: '$open.balance' }, 2] },
          overdue90: {
            $round: [{ $sum: { $map: { input: '$open', as: 'i', in: { $cond: [{ $gte: [{ $subtract: [now, '$$i.dueDate'] }, 91 * DAY_MS] }, '$$i.balance', 0] } } } }, 2],
          },
          oldestDue: { $min: '$open.dueDate' },
        },
      },
      ...pageFacet({ openBalance: -1, customerId: 1 }, paging, {
        _id: 0, customerId: '$sorId', accountNumber: 1, name: 1, enrolled: 1, contactCount: 1, openInvoices: 1, openBalance: 1, currency: 1, overdue90: 1, oldestDue: 1,
      }),
    ]);
    return {
      columns: [
        { key: 'customerId', label: 'Customer id', type: 'text' },
        { key: 'accountNumber', label: 'Account', type: 'text' },
        { key: 'name', label: 'Name', type: 'text' },
        { key: 'enrolled', label: 'Enrolled', type: 'text' },
        { key: 'contactCount', label: 'Contacts', type: 'number' },
        { key: 'openInvoices', label: 'Open invoices', type: 'number' },
        { key: 'openBalance', label: 'Open balance', type: 'money' },
        { key: 'currency', label: 'Currency', type: 'text' },
        { key: 'overdue90', label: 'More than 90 days past due', type: 'money' },
        { key: 'oldestDue', label: 'Oldest due date', type: 'date' },
      ],
      ...unpackPage(result),
      ...paging,
    };
  },
};
