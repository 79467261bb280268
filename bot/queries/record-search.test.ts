// The record search use case on the embedded store, with the SoR imported through the
// repositories (as the message extension runs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { asTeams, type BotWorld } from '../../test/support/bot-world.js';
import { queryWorld, type QueryWorld } from '../../test/support/query-world.js';
import type { QueryDeps } from './lookup.js';
import { RECORD_SEARCH_HINT, RECORD_SEARCH_PAGE_MAX, searchRecords, type RecordSearchItem } from './record-search.js';

let world: QueryWorld;
let w: BotWorld;
let deps: QueryDeps;

beforeAll(async () => {
  const snapshot = sorSnapshotFixture({
    payments: [{ sorId: 'P1', customerSorId: 'C1', date: new Date('2026-11-02T00:00:00Z'), amount: 100, currency: 'USD', method: 'ACH', reference: 'ACH 42', applications: [{ invoiceNumber: 'INV-204518', amount: 100 }] }],
  });
  world = await queryWorld('record-search', snapshot);
  ({ w, deps } = world);
});
afterAll(async () => {
  await world?.close();
});

/** What each item is, in order: "customer C1", "invoice INV-204518". */
const what = (items: RecordSearchItem[]) => items.map((i) => (i.kind === 'customer' ? `customer ${i.customer.sorId}` : `invoice ${i.invoice.number}`));

describe('searchRecords', () => {
  it('finds a customer by a misspelled name, with the summary the lookup shows', async () => {
    const r = await searchRecords(deps, asTeams(w.analysts[0]), 'acme industrail');
    if (!r.ok) throw new Error(r.error.message);
    expect(what(r.value.items)).toEqual(['customer C1']);
    expect(r.value.items[0]).toMatchObject({
      kind: 'customer',
      matchedBy: 'name',
      customer: { name: 'Acme Industrial LLC', accountNumber: '100-2231', openBalance: [{ amount: 13350, currency: 'USD' }], openInvoices: 2 },
    });
    expect(r.value).toMatchObject({ query: 'acme industrail', more: false, suggested: false });
    expect(r.value.hint).toBeUndefined();
  });

  it('puts the invoice a number names first, then its customer; a loose number says how it was read', async () => {
    const exact = await searchRecords(deps, asTeams(w.analysts[0]), 'INV-204518');
    expect(exact.ok && what(exact.value.items)).toEqual(['invoice INV-204518', 'customer C1']);
    expect(exact.ok && exact.value.items[0]).toMatchObject({ kind: 'invoice', matchedBy: 'invoice_number', invoice: { balance: { amount: 12450 }, payments: [{ reference: 'ACH 42' }] } });
    const loose = await searchRecords(deps, asTeams(w.analysts[0]), ' inv   204518 ');
    expect(loose.ok && loose.value.items[0]).toMatchObject({ kind: 'invoice', invoice: { number: 'INV-204518', matchedAs: 'inv 204518 → INV-204518' } });
    const byPo = await searchRecords(deps, asTeams(w.analysts[0]), 'PO-88213');
    expect(byPo.ok && byPo.value.items[0]).toMatchObject({ kind: 'invoice', matchedBy: 'po_number', invoice: { number: 'INV-204518' } });
    expect(byPo.ok && byPo.value.items[0]?.kind === 'invoice' && byPo.value.items[0].invoice.matchedAs).toBe(undefined);
  });

  it('pages through the matches with skip and count', async () => {
    const all = await searchRecords(deps, asTeams(w.analysts[0]), '100-223');
    if (!all.ok) throw new Error(all.error.message);
    expect(what(all.value.items)).toHaveLength(3);
    const second = await searchRecords(deps, asTeams(w.analysts[0]), '100-223', { skip: 1, count: 1 });
    expect(second.ok && what(second.value.items)).toEqual([what(all.value.items)[1]]);
    expect(second.ok && second.value.more).toBe(true);
    const last = await searchRecords(deps, asTeams(w.analysts[0]), '100-223', { skip: 2, count: 5 });
    expect(last.ok && last.value).toMatchObject({ more: false, items: [{ customer: { sorId: all.value.items[2]?.kind === 'customer' ? all.value.items[2].customer.sorId : '' } }] });
    const past = await searchRecords(deps, asTeams(w.analysts[0]), '100-223', { skip: 3, count: 5 });
    expect(past.ok && past.value).toMatchObject({ items: [], hint: 'No more matches for “100-223”.' });
    const huge = await searchRecords(deps, asTeams(w.analysts[0]), 'acme', { count: 1000 });
    expect(huge.ok && huge.value.items.length).toBeLessThanOrEqual(RECORD_SEARCH_PAGE_MAX);
  });

  it('says what to type when nothing matches', async () => {
    const r = await searchRecords(deps, asTeams(w.analysts[0]), 'zebra crossing');
    expect(r).toEqual({ ok: true, value: { query: 'zebra crossing', items: [], more: false, suggested: false, hint: `Nothing matches “zebra crossing”. ${RECORD_SEARCH_HINT}` } });
  });

  it('with nothing typed, suggests the customers of the person\'s open tasks, or says what to type', async () => {
    const ben = w.analysts[1];
    await w.newTask({ status: 'assigned', assignee: ben.id, customerSorId: 'C2' });
    await w.newTask({ status: 'in_review', assignee: ben.id, customerSorId: 'C2' });
    await w.newTask({ status: 'assigned', assignee: ben.id, customerSorId: null });
    const suggested = await searchRecords(deps, asTeams(ben), '   ');
    expect(suggested.ok && suggested.value).toMatchObject({ suggested: true, items: [{ kind: 'customer', matchedBy: 'open_task', customer: { sorId: 'C2', name: 'Beta Corp' } }] });
    expect(suggested.ok && suggested.value.items).toHaveLength(1);
    const none = await searchRecords(deps, asTeams(w.analysts[2]), '');
    expect(none).toEqual({ ok: true, value: { query: '', items: [], more: false, suggested: true, hint: RECORD_SEARCH_HINT } });
  });

  it('refuses people arbot does not know, and audits the refusal', async () => {
    const stranger = { platform: 'teams' as const, aadObjectId: 'aad-nobody' };
    const r = await searchRecords(deps, stranger, 'acme');
    expect(r).toEqual({ ok: false, error: { code: 'unknown_user', message: 'You are not registered with arbot. Ask a manager to add you.' } });
    expect(await w.repos.audit.last()).toMatchObject({ action: 'denied', actor: { id: 'teams:aad-nobody' }, subject: { type: 'search', id: 'acme' }, after: { useCase: 'search_records', code: 'unknown_user' } });
  });
});
