// Days past due and aging buckets; the date "today" means is passed in, never read from a clock.
import type { AgingBuckets } from './reply-model.js';
import { roundCents } from './cents.js';

const DAY_MS = 86_400_000;

/** What aging needs of an invoice (a SorInvoice fits). */
export interface AgingInput {
  dueDate: Date;
  currency: string;
  balance: number;
}

function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Whole calendar days (UTC) from `dueDate` to `asOf`; 0 when not yet due or due today. */
export function daysPastDue(dueDate: Date, asOf: Date): number {
  return Math.max(0, Math.round((utcDay(asOf) - utcDay(dueDate)) / DAY_MS));
}

type BucketKey = 'current' | 'days1to30' | 'days31to60' | 'days61to90' | 'days90plus';

/** The bucket of an invoice `days` past due: 30 is still 1–30, 31 starts 31–60, 91 starts 90+. */
export function bucketOf(days: number): BucketKey {
  if (days <= 0) return 'current';
  if (days <= 30) return 'days1to30';
  if (days <= 60) return 'days31to60';
  if (days <= 90) return 'days61to90';
  return 'days90plus';
}

/** Aging of the balances of `invoices` at `asOf`: one row per currency, currencies in alphabetical order. */
export function agingBuckets(invoices: readonly AgingInput[], asOf: Date): AgingBuckets[] {
  const rows = new Map<string, AgingBuckets>();
  for (const inv of invoices) {
    let row = rows.get(inv.currency);
    if (!row) {
      row = { currency: inv.currency, current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 };
      rows.set(inv.currency, row);
    }
    const key = bucketOf(daysPastDue(inv.dueDate, asOf));
    row[key] = roundCents(row[key] + inv.balance);
    row.total = roundCents(row.total + inv.balance);
  }
  return [...rows.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
