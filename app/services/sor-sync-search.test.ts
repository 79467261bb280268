// A sync built by sorSyncFor indexes what it writes: a customer added to the SoR after the
// search index was built is found by the next lookup, without a rebuild.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchServiceFor } from '../../bot/search/search-service.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { silent } from '../../test/support/bot-world.js';
import { configFixture } from '../config/config.fixture.js';
import { sorSyncFor } from './sor-sync-setup.js';

let dir: string;
let storage: StorageHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-sync-search-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

const customer = (sorId: string, name: string, accountNumber: string) => ({ id: sorId, accountNumber, name, currency: 'USD', domains: [], contacts: [], status: 'active' });
const sorJson = (customers: unknown[]) =>
  JSON.stringify({ asOf: '2026-11-20', company: { name: 'Northwind', arMailbox: 'ar@northwind.example' }, customers, invoices: [], payments: [], creditMemos: [] });

describe('sync and search', () => {
  it('finds a customer synced after the index was built', { timeout: 60_000 }, async () => {
    const file = join(dir, 'sor.json');
    await writeFile(file, sorJson([customer('C1', 'Acme Industrial LLC', '100-1')]));
    const config = configFixture({ sor: { connector: 'file', path: file } });
    const sync = async () => (await sorSyncFor({ config, repos: storage.repos, logger: silent, cwd: dir }))!.run({ mode: 'full', trigger: 'cli' });
    await sync();
    const search = searchServiceFor(storage.repos);
    expect((await search.search('acme')).customers.map((c) => c.customer.sorId)).toEqual(['C1']);

    await writeFile(file, sorJson([customer('C1', 'Acme Industrial LLC', '100-1'), customer('C2', 'Zephyr Bakeries SA', '100-2')]));
    await sync();
    expect((await searchServiceFor(storage.repos).search('zephyr')).customers.map((c) => c.customer.sorId)).toEqual(['C2']);
  });
});
