// The search service on the embedded store, over the records SoR fixture.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { recordsSorFixture } from '../../test/fixtures/records-sor.js';
import { silent } from '../../test/support/bot-world.js';
import { SearchIndexer, withSearchIndexing } from './search-indexer.js';
import { SearchService } from './search-service.js';

let dir: string;
let storage: StorageHandle;
let repos: Repositories;
let search: SearchService;
const now = () => new Date('2026-11-20T09:00:00Z');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-search-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'search', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  repos = storage.repos;
  await importSnapshot(repos, recordsSorFixture(), now());
  search = new SearchService(repos, now);
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async (q: string) => (await search.search(q)).customers.map((h) => h.customer.sorId);

describe('customer search', () => {
  it('builds the index on first use and finds a customer by a name word', async () => {
    const r = await search.search('Müller');
    expect(r.customers.map((h) => [h.customer.sorId, h.matchedBy])).toEqual([['C4', 'name']]);
    expect(await repos.searchIndex.current()).toMatchObject({ counts: { customers: 6, contacts: 7 } });
  });

  it('ignores accents and case both ways', async () => {
    expect(await names('muller')).toEqual(['C4']);
    expect(await names('SOCIETE generale')).toEqual(['C2']);
    expect(await names('café')).toEqual(['C2']);
    expect(await names('cafe')).toEqual(['C2']);
  });

  it('forgives typos and reads word prefixes', async () => {
    expect(await names('Mueler')).toEqual(['C4']);
    expect(await names('Socite Generale')).toEqual(['C2']);
    expect((await names('industiral'))).toEqual(expect.arrayContaining(['C1', 'C5']));
    expect(await names('Béta')).toEqual(['C6']);
    expect(await names('gener')).toEqual(['C2']);
  });

  it('counts two swapped neighbouring letters as one typo, in short words too', async () => {
    expect(await names('Mulelr')).toEqual(['C4']);
    expect(await names('Mluler')).toEqual(['C4']);
    expect(await names('Scoiete Generale')).toEqual(['C2']);
  });

  it('lists the top matches and says so when a name is ambiguous', async () => {
    const r = await search.search('acme industrial');
    expect(r.ambiguous).toBe(true);
    expect(r.customers.map((h) => h.customer.sorId).slice(0, 2).sort()).toEqual(['C1', 'C5']);
    // "Industries" is a near-namesake: listed, but below the two exact ones.
    expect(r.customers.map((h) => h.customer.sorId)).toContain('C3');
    expect(r.customers.findIndex((h) => h.customer.sorId === 'C3')).toBe(2);
  });

  it('finds exact and partial account numbers', async () => {
    expect(await search.search('100-2231')).toMatchObject({ customers: [{ customer: { sorId: 'C1' }, matchedBy: 'account_number', score: 100 }], ambiguous: false });
    expect((await search.search('1002231')).customers[0]).toMatchObject({ customer: { sorId: 'C1' }, matchedBy: 'account_number' });
    expect((await search.search('acc 0000042')).customers[0]).toMatchObject({ customer: { sorId: 'C4' }, matchedBy: 'account_number' });
    // The trailing digits, or the start of the number as it is typed.
    expect(await search.search('2231')).toMatchObject({ customers: [{ customer: { sorId: 'C1' }, matchedBy: 'account_partial' }] });
    const prefix = await search.search('100-22');
    expect(prefix.customers.map((h) => h.customer.sorId).sort()).toEqual(['C1', 'C2']);
    expect(prefix.ambiguous).toBe(true);
  });

  it('finds customers by contact email and by domain', async () => {
    const byEmail = await search.search('Hans@Mueller.example');
    expect(byEmail.customers[0]).toMatchObject({ customer: { sorId: 'C4' }, matchedBy: 'contact_email' });
    // A contact of two customers (the duplicate) gives both.
    expect((await search.search('jane@acme.example')).customers.map((h) => h.customer.sorId).sort()).toEqual(['C1', 'C5']);
    expect((await search.search('@societe.example')).customers[0]).toMatchObject({ customer: { sorId: 'C2' }, matchedBy: 'domain' });
    expect((await search.search('https://www.acme.example/contact')).customers[0]).toMatchObject({ customer: { sorId: 'C1' }, matchedBy: 'domain' });
  });

  it('finds invoices by number as typed or relaxed, by the last digit group, and by PO', async () => {
    const exact = await search.search('INV-70003');
    expect(exact.invoices).toMatchObject([{ invoice: { number: 'INV-70003' }, exact: true, matchedBy: 'invoice_number' }]);
    expect(exact.customers[0]).toMatchObject({ customer: { sorId: 'C1' }, matchedBy: 'invoice_number' });
    expect((await search.search('inv 70003')).invoices).toMatchObject([{ invoice: { number: 'INV-70003' }, exact: false }]);
    expect((await search.search('invoice #70003')).invoices[0]?.invoice.number).toBe('INV-70003');
    expect((await search.search('1743')).invoices.map((h) => h.invoice.number)).toEqual(['2026-001743']);
    const po = await search.search('PO-88213');
    expect(po.invoices.map((h) => [h.invoice.number, h.matchedBy]).sort()).toEqual([['INV-70003', 'po_number'], ['INV-70004', 'po_number']]);
    expect(po.customers.map((h) => h.customer.sorId)).toEqual(['C1']);
    expect((await search.search('4500012345')).invoices.map((h) => h.invoice.number)).toEqual(['INV-80001']);
  });

  it('reads full-width forms and a "#" or "no." before a last digit group; names the one invoice meant', async () => {
    // NFKC makes it the number exactly as stored.
    expect((await search.search('ＩＮＶ－７０００３')).invoices).toMatchObject([{ invoice: { number: 'INV-70003' }, exact: true, lastDigitsOnly: false }]);
    expect((await search.search('#1743')).invoices).toMatchObject([{ invoice: { number: '2026-001743' }, lastDigitsOnly: true }]);
    expect((await search.search('invoice no. 1743')).invoices.map((h) => h.invoice.number)).toEqual(['2026-001743']);
    expect((await search.invoice('inv 70003'))?.invoice.number).toBe('INV-70003');
    expect((await search.invoice('4500012345'))).toMatchObject({ invoice: { number: 'INV-80001' }, matchedBy: 'po_number' });
    // PO-88213 is on two invoices: no one invoice is meant.
    expect(await search.invoice('PO-88213')).toBeNull();
  });

  it('answers nothing for nonsense and for an empty query', async () => {
    expect(await search.search('zzqx wvvk')).toMatchObject({ customers: [], invoices: [] });
    expect(await search.search('   ')).toMatchObject({ customers: [], invoices: [] });
  });

  it('indexes records written by a sync through the decorated repositories, and drops deleted ones', async () => {
    const indexer = new SearchIndexer(repos, now);
    const synced = withSearchIndexing(repos, indexer);
    await synced.customers.syncUpsert([{ sorId: 'C7', accountNumber: '777-0001', name: 'Zeta Ørsted ApS', currency: 'DKK', domains: ['zeta.example'], status: 'active' }], 'run-1', now());
    await synced.contacts.syncUpsert([{ customerSorId: 'C7', name: 'Ole', email: 'ole@zeta.example', source: 'sor' }], 'run-1', now());
    expect(await names('orsted')).toEqual(['C7']);
    expect(await names('ole@zeta.example')).toEqual(['C7']);
    expect(await names('777-00')).toEqual(['C7']);
    await repos.customers.deleteBySorIds(['C7']);
    expect(await names('orsted')).toEqual([]);
  });

  it('finds the same after a rebuild (new generation, old one dropped)', async () => {
    const before = await repos.searchIndex.current();
    const meta = await new SearchIndexer(repos, now).rebuild();
    expect(meta.generation).toBe((before?.generation ?? 0) + 1);
    expect(await repos.searchIndex.generations()).toEqual([meta.generation]);
    expect(await names('muller')).toEqual(['C4']);
    expect(await names('2231')).toEqual(['C1']);
  });
});
