import { describe, expect, it } from 'vitest';
import { matchSnapshot, sorInvoice } from '../../../test/fixtures/match-sor.js';
import { InMemorySor } from '../in-memory-sor.js';
import { resolveByAmount, resolveInvoices } from './invoices.js';

const sor = new InMemorySor(matchSnapshot());
const resolve = (invoiceRefs: string[], preferredCustomers: string[] = [], poNumbers: string[] = []) =>
  resolveInvoices({ invoiceRefs, poNumbers, preferredCustomers }, sor);

describe('resolveInvoices', () => {
  it('matches exact numbers and spelling variants, naming the rule', async () => {
    const r = await resolve(['INV-204518', 'inv 204535', '204801', '000204752']);
    expect(r.invoices.map((i) => [i.raw, i.number, i.customerId, i.rule])).toEqual([
      ['INV-204518', 'INV-204518', 'C1', 'exact'],
      ['inv 204535', 'INV-204535', 'C1', 'case_or_separators'],
      ['204801', 'INV-204801', 'C3', 'missing_prefix'],
      ['000204752', 'INV-204752', 'C2', 'leading_zeros'],
    ]);
    expect(r.invoices[1]?.evidence).toBe('"inv 204535" → INV-204535 of C1 (same number written with other case or separators)');
    expect(r.unresolved).toEqual([]);
  });

  it('accepts a transposition that points to a single invoice', async () => {
    const r = await resolve(['INV-204581']);
    expect(r.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204518', 'transposed_digits']]);
  });

  it('prefers the identified customer when a typo fits several invoices, and says so', async () => {
    // 204940 → 204904 (C3, transposition) or 204900 (C4, one typo).
    const ambiguous = await resolve(['INV-204940']);
    expect(ambiguous.invoices).toEqual([]);
    expect(ambiguous.unresolved).toEqual([{ raw: 'INV-204940', reason: 'ambiguous', candidates: ['INV-204904', 'INV-204900'], kind: 'invoice' }]);
    const preferred = await resolve(['INV-204940'], ['C3']);
    expect(preferred.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204904', 'transposed_digits']]);
    expect(preferred.invoices[0]?.evidence).toMatch(/preferred the only one of the sender's customer C3/);
  });

  it('an exact number beats a relaxed one', async () => {
    const r = await resolve(['INV-204900'], ['C3']);
    expect(r.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204900', 'exact']]);
  });

  it('reports numbers that match nothing', async () => {
    const r = await resolve(['INV-999999']);
    expect(r.unresolved).toEqual([{ raw: 'INV-999999', reason: 'not_found', kind: 'invoice' }]);
  });

  it('follows the relaxed-matching options', async () => {
    const r = await resolveInvoices({ invoiceRefs: ['INV-204581', '000204752'], poNumbers: ['PO-88213'], preferredCustomers: [], rules: { transposition: false, leadingZeros: false, poNumbers: false } }, sor);
    expect(r.invoices).toEqual([]);
    expect(r.unresolved).toEqual([
      { raw: 'INV-204581', reason: 'not_found', kind: 'invoice' },
      // Disallowed spelling of an existing number: reported with it, and no typo guess at 204852.
      { raw: '000204752', reason: 'not_found', candidates: ['INV-204752'], kind: 'invoice' },
    ]);
  });

  it('resolves a PO number that belongs to exactly one invoice', async () => {
    const r = await resolve([], [], ['po 88213', 'SVH65800', 'PO-00000']);
    expect(r.invoices.map((i) => [i.raw, i.number, i.rule])).toEqual([
      ['po 88213', 'INV-204518', 'po_number'],
      ['SVH65800', 'INV-204752', 'po_number'],
    ]);
    expect(r.unresolved).toEqual([{ raw: 'PO-00000', reason: 'not_found', kind: 'po' }]);
  });

  it('a PO shared by several invoices is ambiguous unless the email names them all', async () => {
    expect((await resolve([], [], ['4500012877'])).unresolved).toEqual([{ raw: '4500012877', reason: 'ambiguous', candidates: ['INV-204904', 'INV-204900'], kind: 'po' }]);
    const named = await resolve(['INV-204904', 'INV-204900'], [], ['4500012877']);
    expect(named.unresolved).toEqual([]);
    expect(named.invoices).toHaveLength(2);
  });

  it('reports each invoice once', async () => {
    const r = await resolve(['INV-204518', '204518'], [], ['PO-88213']);
    expect(r.invoices.map((i) => i.number)).toEqual(['INV-204518']);
  });

  it('tells apart invoices whose numbers share digits but not prefixes', async () => {
    const twin = new InMemorySor(
      matchSnapshot({
        invoices: [sorInvoice({ sorId: 'A', number: 'IN-5001', customerSorId: 'C1' }), sorInvoice({ sorId: 'B', number: 'SI-5001', customerSorId: 'C2' })],
      }),
    );
    const exact = await resolveInvoices({ invoiceRefs: ['SI-5001'], poNumbers: [], preferredCustomers: [] }, twin);
    expect(exact.invoices.map((i) => i.number)).toEqual(['SI-5001']);
    const bare = await resolveInvoices({ invoiceRefs: ['5001'], poNumbers: [], preferredCustomers: [] }, twin);
    expect(bare.unresolved).toEqual([{ raw: '5001', reason: 'ambiguous', candidates: ['IN-5001', 'SI-5001'], kind: 'invoice' }]);
    const preferred = await resolveInvoices({ invoiceRefs: ['5001'], poNumbers: [], preferredCustomers: ['C2'] }, twin);
    expect(preferred.invoices.map((i) => i.number)).toEqual(['SI-5001']);
  });

  it('finds a year-style number written without its year when that resolves to one invoice', async () => {
    const yearly = new InMemorySor(
      matchSnapshot({
        invoices: [
          sorInvoice({ sorId: 'Y1', number: '2026-001743', customerSorId: 'C1' }),
          sorInvoice({ sorId: 'Y2', number: '2025-004410', customerSorId: 'C1' }),
          sorInvoice({ sorId: 'Y3', number: '2026-004410', customerSorId: 'C2' }),
        ],
      }),
    );
    const one = await resolveInvoices({ invoiceRefs: ['001743'], poNumbers: [], preferredCustomers: [] }, yearly);
    expect(one.invoices.map((i) => [i.number, i.rule])).toEqual([['2026-001743', 'missing_prefix']]);
    const twoCustomers = await resolveInvoices({ invoiceRefs: ['4410'], poNumbers: [], preferredCustomers: [] }, yearly);
    expect(twoCustomers.invoices).toEqual([]);
    expect(twoCustomers.unresolved).toEqual([{ raw: '4410', reason: 'ambiguous', candidates: ['2025-004410', '2026-004410'], kind: 'invoice' }]);
    const preferred = await resolveInvoices({ invoiceRefs: ['4410'], poNumbers: [], preferredCustomers: ['C2'] }, yearly);
    expect(preferred.invoices.map((i) => i.number)).toEqual(['2026-004410']);
    const off = await resolveInvoices({ invoiceRefs: ['001743'], poNumbers: [], preferredCustomers: [], rules: { missingPrefix: false } }, yearly);
    expect(off.invoices).toEqual([]);
  });

  it('finds a number whose digit groups lost their leading zeros, and a PO quoted without its stored label', async () => {
    const grouped = new InMemorySor(
      matchSnapshot({
        invoices: [
          sorInvoice({ sorId: 'G1', number: '2026-001609', customerSorId: 'C1', poNumber: 'PO#LF-3498' }),
          sorInvoice({ sorId: 'G2', number: '2025-001609', customerSorId: 'C2', poNumber: 'OC 2026/0619' }),
        ],
      }),
    );
    const zeros = await resolveInvoices({ invoiceRefs: ['2026-1609'], poNumbers: [], preferredCustomers: [] }, grouped);
    expect(zeros.invoices.map((i) => [i.number, i.rule])).toEqual([['2026-001609', 'leading_zeros']]);
    const off = await resolveInvoices({ invoiceRefs: ['2026-1609'], poNumbers: [], preferredCustomers: [], rules: { leadingZeros: false } }, grouped);
    expect(off.invoices).toEqual([]);
    const pos = await resolveInvoices({ invoiceRefs: [], poNumbers: ['LF-3498', '2026/0619'], preferredCustomers: [] }, grouped);
    expect(pos.invoices.map((i) => [i.number, i.rule])).toEqual([
      ['2026-001609', 'po_number'],
      ['2025-001609', 'po_number'],
    ]);
  });
});

describe('resolveByAmount', () => {
  const invoices = [
    sorInvoice({ sorId: 'A1', number: 'INV-1', customerSorId: 'C1', currency: 'EUR', amount: 4312.5, balance: 4312.5 }),
    sorInvoice({ sorId: 'A2', number: 'INV-2', customerSorId: 'C1', currency: 'EUR', amount: 9000, balance: 2500, status: 'partially_paid' }),
    sorInvoice({ sorId: 'A3', number: 'INV-3', customerSorId: 'C1', currency: 'EUR', amount: 700, balance: 0, status: 'paid' }),
    sorInvoice({ sorId: 'A4', number: 'INV-4', customerSorId: 'C1', currency: 'EUR', amount: 700, balance: 700 }),
    sorInvoice({ sorId: 'A5', number: 'INV-5', customerSorId: 'C1', currency: 'EUR', amount: 1234, balance: 1234, status: 'void' }),
  ];
  const eur = (value: number, raw = `${value} EUR`) => ({ value, raw, currency: 'EUR' });

  it('names the one invoice whose amount or open balance the email quotes, with evidence', () => {
    const byAmount = resolveByAmount([eur(4312.5, '4,312.50 EUR')], invoices);
    expect(byAmount.map((i) => [i.raw, i.number, i.customerId, i.rule])).toEqual([['4,312.50 EUR', 'INV-1', 'C1', 'amount']]);
    expect(byAmount[0]?.evidence).toBe('"4,312.50 EUR" → INV-1 of C1 (matched by amount: its amount, the only invoice of C1 with it)');
    expect(resolveByAmount([eur(2500)], invoices).map((i) => i.number)).toEqual(['INV-2']);
    expect(resolveByAmount([eur(2500)], invoices)[0]?.evidence).toMatch(/its open balance/);
  });

  it('names nothing when the amount fits several invoices, none, a void one, or another currency', () => {
    expect(resolveByAmount([eur(700)], invoices)).toEqual([]);
    expect(resolveByAmount([eur(55.1)], invoices)).toEqual([]);
    expect(resolveByAmount([eur(1234)], invoices)).toEqual([]);
    expect(resolveByAmount([{ value: 4312.5, raw: '$4,312.50', currency: 'USD' }], invoices)).toEqual([]);
  });

  it('reads an amount without a currency, and reports each invoice once', () => {
    expect(resolveByAmount([{ value: 4312.5, raw: '4312.50' }, eur(4312.5)], invoices).map((i) => i.number)).toEqual(['INV-1']);
  });
});
