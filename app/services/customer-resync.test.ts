// The record's Re-sync on the sync engine: one customer read again (changes counted), "off"
// without a connector, "busy" while another sync holds the lock, "failed" when the SoR fails.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { silent } from '../../test/support/bot-world.js';
import { configFixture } from '../config/config.fixture.js';
import { SyncCustomerResync } from './customer-resync.js';
import { sorSyncFor } from './sor-sync-setup.js';

let dir: string;
let storage: StorageHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-resync-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

const customer = (sorId: string, name: string) => ({ id: sorId, accountNumber: `A-${sorId}`, name, currency: 'USD', domains: [], contacts: [], status: 'active' });
const sorJson = (names: Record<string, string>) =>
  JSON.stringify({ asOf: '2026-11-20', company: { name: 'Northwind', arMailbox: 'ar@northwind.example' }, customers: Object.entries(names).map(([id, n]) => customer(id, n)), invoices: [], payments: [], creditMemos: [] });

describe('SyncCustomerResync', () => {
  it('re-reads one customer and counts what changed', { timeout: 60_000 }, async () => {
    const file = join(dir, 'sor.json');
    await writeFile(file, sorJson({ C1: 'Acme', C2: 'Zephyr' }));
    const config = configFixture({ sor: { connector: 'file', path: file } });
    await (await sorSyncFor({ config, repos: storage.repos, logger: silent, cwd: dir }))!.run({ mode: 'full', trigger: 'cli' });
    const resync = new SyncCustomerResync({ config, repos: storage.repos, logger: silent, cwd: dir });

    expect(await resync.resync('C1')).toMatchObject({ outcome: 'done', message: 'Up to date: nothing changed.' });
    await writeFile(file, sorJson({ C1: 'Acme Renamed', C2: 'Zephyr Renamed' }));
    const changed = await resync.resync('C1');
    expect(changed).toMatchObject({ outcome: 'done', counts: { customers: { updated: 1 } }, message: '1 record(s) changed.' });
    expect((await storage.repos.customers.findBySorId('C1'))?.name).toBe('Acme Renamed');
    expect((await storage.repos.customers.findBySorId('C2'))?.name).toBe('Zephyr');
  });

  it('says so when no SoR is connected', async () => {
    const resync = new SyncCustomerResync({ config: configFixture({ sor: { connector: 'none' } }), repos: storage.repos, logger: silent, cwd: dir });
    expect(await resync.resync('C1')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('No system of record') });
  });

  it('is busy while another sync holds the lock', async () => {
    const file = join(dir, 'sor.json');
    const config = configFixture({ sor: { connector: 'file', path: file } });
    const held = await storage.repos.syncRuns.tryLock({ worker: 'other', host: 'elsewhere', pid: 1 }, new Date(), 60_000, () => false);
    expect('lock' in held).toBe(true);
    const result = await new SyncCustomerResync({ config, repos: storage.repos, logger: silent, cwd: dir }).resync('C1');
    expect(result).toMatchObject({ outcome: 'busy', message: expect.stringContaining('other') });
    if ('lock' in held) await storage.repos.syncRuns.unlock(held.lock.token);
  });

  it('fails with the reason when the SoR cannot be read', async () => {
    const config = configFixture({ sor: { connector: 'file', path: join(dir, 'missing.json') } });
    const result = await new SyncCustomerResync({ config, repos: storage.repos, logger: silent, cwd: dir }).resync('C1');
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/missing\.json|not|cannot|ENOENT/i);
  });
});
