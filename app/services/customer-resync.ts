// The record's "Re-sync" action on the SoR sync engine: one customer's records read again from
// the configured connector, reported as the record use case's summary (bot/ports/customer-resync).
import type { CustomerResync, CustomerResyncSummary, ResyncEntityCounts } from '../../bot/ports/customer-resync.js';
import { SOR_ENTITIES } from '../../core/sor/sor-connector.js';
import { resyncCustomer, type SyncSetupInput } from './sor-sync-setup.js';
import type { Repositories } from '../../storage/repositories/index.js';

export class SyncCustomerResync implements CustomerResync {
  constructor(private readonly input: SyncSetupInput & { repos: Repositories }) {}

  async resync(customerSorId: string): Promise<CustomerResyncSummary> {
    let outcome: Awaited<ReturnType<typeof resyncCustomer>>;
    try {
      outcome = await resyncCustomer(this.input, customerSorId);
    } catch (err) {
      this.input.logger.warn({ err, customerSorId }, 'customer re-sync failed');
      return { outcome: 'failed', message: `The system of record could not be read: ${(err as Error).message}` };
    }
    if (outcome.kind === 'off') return { outcome: 'failed', message: 'No system of record is connected (ARBOT_SOR_CONNECTOR is none), so there is nothing to re-sync from.' };
    if (outcome.kind === 'busy') return { outcome: 'busy', message: `Another sync is running (${outcome.heldBy.owner.worker}); try again in a minute.` };
    const { run } = outcome;
    if (run.status !== 'succeeded') return { outcome: 'failed', runId: run.id, message: run.error ?? `The sync ended ${run.status}.` };
    const counts: CustomerResyncSummary['counts'] = {};
    let changed = 0;
    for (const entity of SOR_ENTITIES) {
      const c = run.counts[entity];
      const entityCounts: ResyncEntityCounts = { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, deleted: c.deleted };
      counts[entity] = entityCounts;
      changed += c.inserted + c.updated + c.deleted;
    }
    const invalid = run.invalidTotal > 0 ? ` ${run.invalidTotal} record(s) were refused (see \`arbot sync status\`).` : '';
    return { outcome: 'done', runId: run.id, counts, message: `${changed === 0 ? 'Up to date: nothing changed' : `${changed} record(s) changed`}.${invalid}` };
  }
}
