// Re-syncing one customer from the SoR (the record's "Re-sync" action). The SoR sync
// (app/services/sor-sync*) implements it; the record use case only asks and reports.

/** What one entity's part of a re-sync did. */
export interface ResyncEntityCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** The outcome of re-syncing one customer. */
export interface CustomerResyncSummary {
  /** done: synced; busy: another sync holds the lock (try later); failed: the SoR could not be read. */
  outcome: 'done' | 'busy' | 'failed';
  /** The sync run, when one was recorded. */
  runId?: string;
  /** Counts per entity (customers, contacts, invoices, payments, creditMemos) when done. */
  counts?: Partial<Record<'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos', ResyncEntityCounts>>;
  /** One sentence for people (why it was busy or failed, or what changed). */
  message?: string;
}

export interface CustomerResync {
  /** Reads this customer and its contacts, invoices, payments and credit memos from the SoR again. */
  resync(customerSorId: string): Promise<CustomerResyncSummary>;
}
