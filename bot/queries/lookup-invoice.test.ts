// `invoice <number>` reads the number through the one search service (bot/search), as the tab
// and the message extension do: every way a person types a number that the lookup's own
// matching used to catch, and invoices written after the search index was built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SorInvoice } from '../../core/pipeline/sor.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { asTeams, type BotWorld } from '../../test/support/bot-world.js';
import { queryWorld, type QueryWorld } from '../../test/support/query-world.js';
import { searchServiceFor } from '../search/search-service.js';
import { lookupInvoice, type QueryDeps } from './lookup.js';

let world: QueryWorld;
let w: BotWorld;
let deps: QueryDeps;

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const invoice = (sorId: string, number: string, customerSorId: string, poNumber: string | null = null): SorInvoice => ({
  sorId, number, customerSorId, poNumber, issueDate: d('2026-10-01'), dueDate: d('2026-10-31'), currency: 'USD', amount: 10, balance: 10, status: 'open', contactEmails: [],
});
const base = sorSnapshotFixture();
const snapshot = sorSnapshotFixture({
  invoices: [
    ...base.invoices, // INV-204518 (PO-88213), INV-204875, INV-300001, INV-400001
    invoice('I5', '2026-001743', 'C2', 'PO-77'),
    invoice('I6', 'RE 2026/518', 'C2'),
    invoice('I7', 'ABC-XYZ', 'C2'),
    invoice('I8', 'inv-55555', 'C2'),
    invoice('I9', 'RE-55555', 'C3'),
  ],
});

beforeAll(async () => {
  world = await queryWorld('lookup-invoice', snapshot);
  ({ w, deps } = world);
});
afterAll(async () => {
  await world?.close();
});

const numberOf = async (typed: string): Promise<string | null> => {
  const r = await lookupInvoice(deps, asTeams(w.analysts[0]), typed);
  if (!r.ok) throw new Error(`lookup of ${typed} failed: ${r.error.code}`);
  return r.value?.number ?? null;
};

describe('lookupInvoice through the search service', () => {
  it.each([
    ['inv 204518', 'INV-204518'],
    ['#204518', 'INV-204518'],
    ['INV-0204518', 'INV-204518'],
    ['inv-204518', 'INV-204518'],
    ['  INV   204518 ', 'INV-204518'],
    ['Invoice #204518', 'INV-204518'],
    ['invoice no. 204518', 'INV-204518'],
    ['Rechnung Nr. 204518', 'INV-204518'],
    ['INV204518', 'INV-204518'],
    ['000204518', 'INV-204518'],
    // The whole number (204518) beats the last digit group of "RE 2026/518".
    ['204 518', 'INV-204518'],
    // Full-width forms, as some input methods type them.
    ['ＩＮＶ－２０４５１８', 'INV-204518'],
    // A number without digits.
    ['ABC-XYZ', 'ABC-XYZ'],
    ['abc xyz', 'ABC-XYZ'],
    // The last digit group, however introduced.
    ['1743', '2026-001743'],
    ['#1743', '2026-001743'],
    ['no. 001743', '2026-001743'],
    ['2026/001743', '2026-001743'],
    // PO numbers name the one invoice raised against them.
    ['PO-88213', 'INV-204518'],
    ['po 88213', 'INV-204518'],
    // Same letters and digits beat a number that only shares the digits (RE-55555).
    ['inv 55555', 'inv-55555'],
    ['INV-55555', 'inv-55555'],
    ['RE-55555', 'RE-55555'],
  ])('reads %j as %s', async (typed, expected) => {
    expect(await numberOf(typed)).toBe(expected);
  });

  it.each([
    ['55555', 'two invoices share the digits and neither is written so'],
    ['INV-999999', 'no such invoice'],
    ['42', 'too short to be read as a last digit group'],
    ['PO 1743', 'a PO number no invoice carries'],
  ])('answers null for %j (%s)', async (typed) => {
    expect(await numberOf(typed)).toBeNull();
  });

  it('finds invoices written after the index was built (not through a sync), and indexes them', async () => {
    await searchServiceFor(w.repos, w.now).search('acme'); // builds the index if no test did yet
    const live = await w.repos.searchIndex.current();
    expect(live).not.toBeNull();
    await importSnapshot(w.repos, { ...snapshot, invoices: [invoice('I20', 'INV-777001', 'C2'), invoice('I21', 'INV-888001', 'C1')] }, w.now());
    const generation = live?.generation ?? 0;
    expect((await w.repos.searchIndex.get(generation, ['n:777001'])).get('n:777001')).toBeUndefined();

    expect(await numberOf('inv 777001')).toBe('INV-777001');
    expect((await w.repos.searchIndex.get(generation, ['n:777001'])).get('n:777001')?.refs).toEqual(['INV-777001\tC2']);
    // The tab's and the message extension's search does the same when it finds nothing else.
    const r = await searchServiceFor(w.repos, w.now).search('#888001');
    expect(r.invoices.map((h) => h.invoice.number)).toEqual(['INV-888001']);
    expect(r.customers.map((h) => [h.customer.sorId, h.matchedBy])).toEqual([['C1', 'invoice_number']]);
  });
});
