// Writes a whole SoR snapshot (a dataset's sor.json) into the SoR collections with bulk
// upserts keyed by SoR id: used by `npm run eval` and the demo data; running it twice
// leaves the same data.
import type { SorSnapshot } from '../../core/pipeline/sor.js';
import type { Repositories } from '../repositories/index.js';

export interface ImportCounts {
  customers: number;
  contacts: number;
  invoices: number;
  payments: number;
  creditMemos: number;
}

/**
 * Upserts every record of the snapshot. New customers start not enrolled (the repository's
 * rule); with `applyEnrolment` the snapshot's own enrolment flags are applied as well.
 */
export async function importSnapshot(
  repos: Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos'>,
  snapshot: SorSnapshot,
  now: Date,
  options: { applyEnrolment?: boolean } = {},
): Promise<ImportCounts> {
  await repos.customers.upsertManyBySorId(
    snapshot.customers.map(({ enrolled: _enrolled, ...c }) => c),
    now,
  );
  await repos.contacts.upsertMany(snapshot.contacts.map((c) => ({ ...c, source: 'sor' as const })), now);
  await repos.invoices.upsertManyBySorId(snapshot.invoices, now);
  await repos.payments.upsertManyBySorId(snapshot.payments, now);
  await repos.creditMemos.upsertManyBySorId(snapshot.creditMemos, now);
  if (options.applyEnrolment) {
    for (const c of snapshot.customers) await repos.customers.setEnrolled(c.sorId, c.enrolled, now);
  }
  return {
    customers: snapshot.customers.length,
    contacts: snapshot.contacts.length,
    invoices: snapshot.invoices.length,
    payments: snapshot.payments.length,
    creditMemos: snapshot.creditMemos.length,
  };
}
