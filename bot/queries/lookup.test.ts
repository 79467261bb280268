// Lookup commands on the embedded store, with the SoR imported through the repositories.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { MongoSorLookup } from '../../storage/sor/mongo-sor-lookup.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice, type QueryDeps } from './lookup.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let deps: QueryDeps;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-lookup-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  w = await botWorld(storage.client);
  const snapshot = sorSnapshotFixture({
    payments: [{ sorId: 'P1', customerSorId: 'C1', date: new Date('2026-11-02T00:00:00Z'), amount: 100, currency: 'USD', method: 'ACH', reference: 'ACH 42', applications: [{ invoiceNumber: 'INV-204518', amount: 100 }] }],
  });
  await importSnapshot(w.repos, snapshot, w.now());
  deps = { repos: w.repos, sor: new MongoSorLookup(w.repos, { ownAddresses: ['ar@northwind.example'], asOf: () => snapshot.asOf }), clock: w.now };
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lookup commands', () => {
  it('finds customers by name words or account number, with open balance and overdue items', async () => {
    const ana = asTeams(w.analysts[0]);
    const r = await lookupCustomer(deps, ana, 'acme');
    expect(r.ok && r.value).toMatchObject([
      { sorId: 'C1', name: 'Acme Industrial LLC', openBalance: [{ amount: 13350, currency: 'USD' }], openInvoices: 2, overdueInvoices: 2, oldestDaysPastDue: 37, contacts: [{ email: 'jane@acme.example' }] },
    ]);
    expect(await lookupCustomer(deps, ana, '100-2232')).toMatchObject({ ok: true, value: [{ sorId: 'C2' }] });
    expect(await lookupCustomer(deps, ana, 'nobody at all')).toEqual({ ok: true, value: [] });
    expect(await lookupCustomer(deps, ana, '  ')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('finds an invoice however it is typed, with its payments; unknown numbers give null', async () => {
    const ana = asTeams(w.analysts[0]);
    const r = await lookupInvoice(deps, ana, 'inv 204518');
    expect(r.ok && r.value).toMatchObject({ number: 'INV-204518', customer: { name: 'Acme Industrial LLC' }, balance: { amount: 12450 }, payments: [{ reference: 'ACH 42', amount: { amount: 100 } }], matchedAs: 'inv 204518 → INV-204518' });
    expect(await lookupInvoice(deps, ana, 'INV-999999')).toEqual({ ok: true, value: null });
  });

  it('lists my tasks and my team\'s, and counts the desk; strangers get nothing', async () => {
    const mine = await w.newTask({ status: 'in_review', assignee: w.analysts[0].id });
    await w.newTask();
    const ana = asTeams(w.analysts[0]);
    const own = await listTasks(deps, ana, 'mine');
    expect(own.ok && own.value.items.map((i) => i.taskId)).toEqual([mine]);
    const team = await listTasks(deps, ana, 'team');
    expect(team.ok && team.value.items).toHaveLength(2);
    const stats = await deskStats(deps, ana);
    expect(stats.ok && stats.value).toMatchObject({ open: { new: 1, in_review: 1 }, byAssignee: [{ name: 'Ana Lima', open: 1 }] });
    expect(await deskStats(deps, { platform: 'slack', userId: 'UNOBODY' })).toMatchObject({ ok: false, error: { code: 'unknown_user' } });
  });
});
