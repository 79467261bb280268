// Lookup commands on the embedded store, with the SoR imported through the repositories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { asTeams, type BotWorld } from '../../test/support/bot-world.js';
import { queryWorld, type QueryWorld } from '../../test/support/query-world.js';
import { deskStats, listTasks, lookupCustomer, lookupInvoice, type QueryDeps } from './lookup.js';

let world: QueryWorld;
let w: BotWorld;
let deps: QueryDeps;

beforeAll(async () => {
  const snapshot = sorSnapshotFixture({
    payments: [{ sorId: 'P1', customerSorId: 'C1', date: new Date('2026-11-02T00:00:00Z'), amount: 100, currency: 'USD', method: 'ACH', reference: 'ACH 42', applications: [{ invoiceNumber: 'INV-204518', amount: 100 }] }],
  });
  world = await queryWorld('lookup', snapshot);
  ({ w, deps } = world);
});
afterAll(async () => {
  await world?.close();
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
