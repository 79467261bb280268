// Invoice references written in other shapes than the SoR's: a prefix of the customer's own,
// digits in groups, only the last digits, or a PO quoted where an invoice number was expected.
import { describe, expect, it } from 'vitest';
import { matchSnapshot, sorInvoice } from '../../../test/fixtures/match-sor.js';
import { classifyNumberMatch } from '../invoice-number.js';
import { InMemorySor } from '../in-memory-sor.js';
import { resolveInvoices } from './invoices.js';

// Numeric SoR numbers; 70415209 (C2) shares its last four digits with 80415209 (C1).
const sor = new InMemorySor(
  matchSnapshot({
    invoices: [
      sorInvoice({ sorId: 'I1', number: '80412577', customerSorId: 'C1', poNumber: '4500191875', amount: 1200 }),
      sorInvoice({ sorId: 'I2', number: '80415209', customerSorId: 'C1', poNumber: 'Pedido 00489' }),
      sorInvoice({ sorId: 'I3', number: '80418831', customerSorId: 'C1' }),
      sorInvoice({ sorId: 'I4', number: '70415209', customerSorId: 'C2' }),
      sorInvoice({ sorId: 'I5', number: '70425209', customerSorId: 'C2' }),
      sorInvoice({ sorId: 'I6', number: '70429000', customerSorId: 'C2', poNumber: 'Pedido 00500', status: 'void' }),
      sorInvoice({ sorId: 'I7', number: '70429001', customerSorId: 'C2', poNumber: 'Pedido 00500' }),
    ],
  }),
);
const resolve = (invoiceRefs: string[], preferredCustomers: string[] = [], poNumbers: string[] = []) =>
  resolveInvoices({ invoiceRefs, poNumbers, preferredCustomers }, sor);
const rules = async (refs: string[], preferred: string[] = []) => (await resolve(refs, preferred)).invoices.map((i) => [i.raw, i.number, i.rule]);

describe('a prefix of the customer\'s own on a number the SoR writes with digits only', () => {
  it('is the same number', async () => {
    expect(await rules(['NF-80412577', 'FA80418831'])).toEqual([
      ['NF-80412577', '80412577', 'added_prefix'],
      ['FA80418831', '80418831', 'added_prefix'],
    ]);
    expect(classifyNumberMatch('INV 80412577', '80412577')).toBe('missing_prefix');
  });
  it('never when the prefix names another document or the SoR number has letters', () => {
    expect(classifyNumberMatch('CM-80412577', '80412577')).toBeUndefined();
    expect(classifyNumberMatch('PO 80412577', '80412577')).toBeUndefined();
    expect(classifyNumberMatch('NF-204518', 'INV-204518')).toBeUndefined();
  });
});

describe('digits written in groups', () => {
  it('resolve under their own rule (a person or a second reference confirms them)', async () => {
    expect(await rules(['804 125 77'])).toEqual([['804 125 77', '80412577', 'regrouped_digits']]);
  });
  it('are a plain separator variant when the groups are the SoR number\'s', async () => {
    const grouped = new InMemorySor(matchSnapshot({ invoices: [sorInvoice({ sorId: 'I1', number: '2026-001743', customerSorId: 'C1' })] }));
    const r = await resolveInvoices({ invoiceRefs: ['2026 001743'], poNumbers: [], preferredCustomers: [] }, grouped);
    expect(r.invoices.map((i) => i.rule)).toEqual(['case_or_separators']);
  });
  it('follow the separators option', async () => {
    const r = await resolveInvoices({ invoiceRefs: ['804 125 77'], poNumbers: [], preferredCustomers: [], rules: { caseAndSeparators: false } }, sor);
    expect(r.invoices).toEqual([]);
  });
});

describe('only the last digits', () => {
  it('name the one invoice of the sender\'s customer that ends in them', async () => {
    const r = await resolve(['…415209'], ['C1']);
    expect(r.invoices.map((i) => [i.number, i.rule])).toEqual([['80415209', 'last_digits']]);
    expect(r.invoices[0]?.evidence).toMatch(/the only invoice of C1 ending in 415209/);
  });
  it('are ambiguous when several of the customer\'s invoices end in them', async () => {
    const r = await resolve(['…5209'], ['C2']);
    expect(r.invoices).toEqual([]);
    expect(r.unresolved).toEqual([{ raw: '…5209', reason: 'ambiguous', candidates: ['70415209', '70425209'], kind: 'invoice' }]);
  });
  it('never search other customers, nor resolve without a customer', async () => {
    expect((await resolve(['…418831'], ['C2'])).invoices).toEqual([]);
    expect((await resolve(['…415209'], [])).unresolved).toEqual([{ raw: '…415209', reason: 'not_found', kind: 'invoice' }]);
  });
  it('are never read as a whole number, nor guessed at', async () => {
    // "…80412577" is a whole number but marked as an ending: only longer numbers can end in it.
    expect((await resolve(['…80412577'], ['C1'])).invoices).toEqual([]);
    expect((await resolve(['…415208'], ['C1'])).invoices).toEqual([]);
  });
  it('a short bare number that matches no invoice is read as an ending too (5 digits or more)', async () => {
    expect(await rules(['418831'], ['C1'])).toEqual([['418831', '80418831', 'last_digits']]);
    expect((await resolve(['8831'], ['C1'])).invoices).toEqual([]);
  });
});

describe('a PO quoted where an invoice number was expected', () => {
  it('resolves as that PO when it belongs to one invoice', async () => {
    expect(await rules(['4500191875'])).toEqual([['4500191875', '80412577', 'po_number']]);
  });
  it('finds a PO the SoR stores with its order word', async () => {
    const r = await resolve([], [], ['00489']);
    expect(r.invoices.map((i) => [i.number, i.rule])).toEqual([['80415209', 'po_number']]);
  });
  it('a PO shared by a void invoice and its reissue is covered by naming the reissue', async () => {
    const r = await resolve(['70429001'], ['C2'], ['00500']);
    expect(r.invoices.map((i) => i.number)).toEqual(['70429001']);
    expect(r.unresolved).toEqual([]);
  });
});
