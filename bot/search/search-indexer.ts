// Builds and maintains the customer search index (see search-keys.ts for what is indexed).
// A rebuild streams customers, contacts and invoices into a new generation and switches to it
// when complete, so searches never see half an index; incremental indexing adds the keys of
// records just written to the live generation. Stale refs (a renamed or deleted record) are
// harmless: the search service checks every hit against the record itself.
import type { Logger } from 'pino';
import type { Repositories, SearchIndexMeta } from '../../storage/repositories/index.js';
import type { ContactRecord, ContactRepo } from '../../storage/repositories/contact.repo.js';
import type { CustomerRepo } from '../../storage/repositories/customer.repo.js';
import type { InvoiceRepo } from '../../storage/repositories/invoice.repo.js';
import { accountEntry, addContactKeys, addCustomerKeys, addInvoiceKeys, capOf, KEY, KeyCollector, type CustomerFields, type InvoiceFields } from './search-keys.js';

export type IndexerRepos = Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'searchIndex'>;

/** Account-list entries per chunk document. */
const ACCOUNT_CHUNK = 5000;

/** Writes the search index of one tenant. */
export class SearchIndexer {
  constructor(private readonly repos: IndexerRepos, private readonly clock: () => Date, private readonly logger?: Logger) {}

  /** Rebuilds the whole index into a new generation, makes it live and drops the old ones. */
  async rebuild(): Promise<SearchIndexMeta> {
    const started = Date.now();
    const live = await this.repos.searchIndex.current();
    const leftovers = await this.repos.searchIndex.generations();
    const generation = Math.max(live?.generation ?? 0, ...leftovers) + 1;
    const keys = new KeyCollector();
    const accounts: string[] = [];
    let customers = 0;
    let contacts = 0;
    let invoices = 0;
    for await (const c of this.repos.customers.stream()) {
      addCustomerKeys(keys, c);
      accounts.push(accountEntry(c));
      customers += 1;
    }
    for await (const c of this.repos.contacts.stream()) {
      addContactKeys(keys, c);
      contacts += 1;
    }
    for await (const inv of this.repos.invoices.streamSearchFields()) {
      addInvoiceKeys(keys, inv);
      invoices += 1;
    }
    accounts.sort();
    for (let i = 0; i * ACCOUNT_CHUNK < accounts.length; i++) {
      for (const entry of accounts.slice(i * ACCOUNT_CHUNK, (i + 1) * ACCOUNT_CHUNK)) keys.add(KEY.accountChunk(i), entry);
    }
    const chunks = Math.ceil(accounts.length / ACCOUNT_CHUNK);
    const written = await this.write(generation, keys);
    const meta: SearchIndexMeta = { generation, builtAt: this.clock(), counts: { customers, contacts, invoices, keys: written, accountChunks: chunks } };
    await this.repos.searchIndex.activate(meta);
    for (const old of [...leftovers, ...(live ? [live.generation] : [])]) if (old !== generation) await this.repos.searchIndex.dropGeneration(old);
    this.logger?.info({ ...meta.counts, generation, ms: Date.now() - started }, 'search: index rebuilt');
    return meta;
  }

  /** The live generation, building the index first when there is none. */
  async ensure(): Promise<SearchIndexMeta> {
    return (await this.repos.searchIndex.current()) ?? this.rebuild();
  }

  /** Adds the keys of records just written (by a sync or an import) to the live index; nothing when there is no index yet. */
  async indexRecords(records: { customers?: readonly CustomerFields[]; contacts?: readonly Pick<ContactRecord, 'customerSorId' | 'email'>[]; invoices?: readonly InvoiceFields[] }): Promise<void> {
    const live = await this.repos.searchIndex.current();
    if (live === null) return;
    const keys = new KeyCollector();
    for (const c of records.customers ?? []) {
      addCustomerKeys(keys, c);
      keys.add(KEY.accountChunk('new'), accountEntry(c));
    }
    for (const c of records.contacts ?? []) addContactKeys(keys, c);
    for (const inv of records.invoices ?? []) addInvoiceKeys(keys, inv);
    if (keys.lists.size > 0) await this.repos.searchIndex.add(live.generation, keys.arrays());
  }

  /** Re-indexes one customer with its contacts and invoices (after a re-sync or a merge). */
  async indexCustomer(sorId: string): Promise<void> {
    const customer = await this.repos.customers.findBySorId(sorId);
    if (customer === null) return;
    const contacts: Array<{ customerSorId: string; email: string }> = [];
    for await (const c of this.repos.contacts.stream(sorId)) contacts.push(c);
    const invoices: InvoiceFields[] = [];
    for await (const inv of this.repos.invoices.streamSearchFields(sorId)) invoices.push(inv);
    await this.indexRecords({ customers: [customer], contacts, invoices });
  }

  private async write(generation: number, keys: KeyCollector): Promise<number> {
    // Leftovers of an interrupted rebuild of the same generation number would collide.
    await this.repos.searchIndex.dropGeneration(generation);
    let total = 0;
    // Group by cap so each batch is written with its own.
    const byCap = new Map<number, Array<[string, Set<string>]>>();
    for (const entry of keys.lists) {
      const cap = capOf(entry[0]);
      const list = byCap.get(cap) ?? [];
      list.push(entry);
      byCap.set(cap, list);
    }
    for (const [cap, lists] of byCap) total += await this.repos.searchIndex.writeGeneration(generation, lists, cap);
    return total;
  }
}

/**
 * The repositories a sync writes through, with search indexing after each sync upsert: hand
 * these to the SoR sync so new and changed customers, contacts and invoices are findable at once.
 */
export function withSearchIndexing<R extends Pick<Repositories, 'customers' | 'contacts' | 'invoices'>>(repos: R, indexer: SearchIndexer, logger?: Logger): R {
  const after = async (what: string, index: () => Promise<void>) => {
    try {
      await index();
    } catch (err) {
      // The write itself succeeded; the next rebuild picks the records up.
      logger?.warn({ err, what }, 'search: indexing synced records failed');
    }
  };
  // Same signatures as the wrapped methods, whatever parameters the sync passes.
  const customersRepo: CustomerRepo = repos.customers;
  const customers = Object.create(customersRepo) as CustomerRepo;
  customers.syncUpsert = async (...args: Parameters<CustomerRepo['syncUpsert']>) => {
    const result = await customersRepo.syncUpsert(...args);
    await after('customers', () => indexer.indexRecords({ customers: args[0] }));
    return result;
  };
  const contactsRepo: ContactRepo = repos.contacts;
  const contacts = Object.create(contactsRepo) as ContactRepo;
  contacts.syncUpsert = async (...args: Parameters<ContactRepo['syncUpsert']>) => {
    const result = await contactsRepo.syncUpsert(...args);
    await after('contacts', () => indexer.indexRecords({ contacts: args[0] }));
    return result;
  };
  const invoicesRepo: InvoiceRepo = repos.invoices;
  const invoices = Object.create(invoicesRepo) as InvoiceRepo;
  invoices.syncUpsert = async (...args: Parameters<InvoiceRepo['syncUpsert']>) => {
    const result = await invoicesRepo.syncUpsert(...args);
    await after('invoices', () => indexer.indexRecords({ invoices: args[0] }));
    return result;
  };
  return { ...repos, customers, contacts, invoices };
}
