import { describe, expect, it } from 'vitest';
import { balanceProblem, balanceProblems, invoiceProblems, paymentProblems } from './consistency.js';
import { chooseMode, nextCursor } from './cursor.js';
import { parseEnrollmentRule, ruleEnrolls } from './enrollment.js';
import { validateRecord } from './sor-records.js';

const H = 3600_000;
const at = (iso: string) => new Date(iso);

describe('cursor', () => {
  it('a full sync first, then incremental until the next full one is due', () => {
    const now = at('2026-11-20T12:00:00Z');
    expect(chooseMode({ requested: 'auto', lastFullAt: undefined, now, fullEveryMs: 24 * H })).toBe('full');
    expect(chooseMode({ requested: 'incremental', lastFullAt: undefined, now, fullEveryMs: 24 * H })).toBe('full');
    expect(chooseMode({ requested: 'auto', lastFullAt: at('2026-11-20T00:00:00Z'), now, fullEveryMs: 24 * H })).toBe('incremental');
    expect(chooseMode({ requested: 'auto', lastFullAt: at('2026-11-19T11:00:00Z'), now, fullEveryMs: 24 * H })).toBe('full');
  });

  it('follows the newest stamp seen, never past the start of reading less the overlap, never without a stamp', () => {
    const start = at('2026-11-20T12:00:00Z');
    expect(nextCursor(undefined, at('2026-11-20T10:00:00Z'), start, 5 * 60_000)).toEqual(at('2026-11-20T10:00:00Z'));
    expect(nextCursor(undefined, at('2026-11-20T11:59:00Z'), start, 5 * 60_000)).toEqual(at('2026-11-20T11:55:00Z'));
    expect(nextCursor(at('2026-11-19T00:00:00Z'), undefined, start, 0)).toEqual(at('2026-11-19T00:00:00Z'));
    expect(nextCursor(at('2026-11-19T00:00:00Z'), at('2026-11-18T00:00:00Z'), start, 0)).toEqual(at('2026-11-19T00:00:00Z'));
  });
});

describe('enrollment rules', () => {
  const acme = { sorId: 'C1', accountNumber: '100-1', name: 'Acme Industrial', currency: 'USD', status: 'active' as const, domains: ['acme.example'] };
  it('parses all, none and conditions, and names what is wrong', () => {
    expect(parseEnrollmentRule('ALL')).toEqual({ kind: 'all' });
    expect(parseEnrollmentRule('none')).toEqual({ kind: 'none' });
    expect(parseEnrollmentRule('currency=USD, status!=archived')).toMatchObject({ kind: 'where', text: 'currency=USD,status!=archived' });
    expect(parseEnrollmentRule('colour=red')).toEqual({ error: expect.stringContaining('not a condition: "colour=red"') });
  });
  it('matches conditions on fields and domains, case-insensitively', () => {
    const rule = (t: string) => parseEnrollmentRule(t) as Exclude<ReturnType<typeof parseEnrollmentRule>, { error: string }>;
    expect(ruleEnrolls(rule('currency=usd,status=active'), acme)).toBe(true);
    expect(ruleEnrolls(rule('accountNumber^=200-'), acme)).toBe(false);
    expect(ruleEnrolls(rule('name~industrial'), acme)).toBe(true);
    expect(ruleEnrolls(rule('domain=acme.example'), acme)).toBe(true);
    expect(ruleEnrolls(rule('billingOwner!=x@y.example'), acme)).toBe(true);
  });
});

describe('consistency', () => {
  const inv = { sorId: 'I1', number: 'INV-1', customerSorId: 'C1', poNumber: null, issueDate: new Date(), dueDate: new Date(), currency: 'USD', amount: 100, balance: 40, status: 'partially_paid' as const, contactEmails: [] };
  it('balance = amount − applications, in cents, void invoices aside', () => {
    expect(balanceProblem(inv, 60)).toBeUndefined();
    expect(balanceProblem({ ...inv, amount: 0.3, balance: 0.1 }, 0.2)).toBeUndefined();
    expect(balanceProblem(inv, 50)?.message).toBe('invoice INV-1: balance 40.00 ≠ amount 100.00 − applications 50.00 (= 50.00)');
    expect(balanceProblem({ ...inv, status: 'void', balance: 0 }, 0)).toBeUndefined();
  });
  it('merge-joins invoices and applied totals in number order', async () => {
    async function* gen<T>(xs: T[]) {
      yield* xs;
    }
    const found = [];
    for await (const p of balanceProblems(gen([{ ...inv, number: 'A' }, { ...inv, number: 'B' }, { ...inv, number: 'C', balance: 100 }]), gen([{ invoiceNumber: 'A', applied: 60 }, { invoiceNumber: 'AA', applied: 1 }, { invoiceNumber: 'B', applied: 10 }]))) found.push(p.key);
    expect(found).toEqual(['B']);
  });
  it('flags status contradictions and over-applied payments', () => {
    expect(invoiceProblems({ ...inv, status: 'paid' }).map((p) => p.kind)).toEqual(['status_mismatch']);
    expect(invoiceProblems({ ...inv, balance: 120, status: 'open' }).map((p) => p.kind)).toEqual(['balance_exceeds_amount']);
    expect(paymentProblems({ sorId: 'P1', customerSorId: 'C1', date: new Date(), amount: 10, currency: 'USD', method: 'ACH', reference: '', applications: [{ invoiceNumber: 'A', amount: 10.01 }] })).toHaveLength(1);
  });
});

describe('validateRecord', () => {
  it('normalizes good records and refuses bad ones with every reason', () => {
    const ok = validateRecord('invoices', { id: 7, number: 'INV-7', customerId: 'C1', issueDate: '2026-09-01T08:00:00+02:00', dueDate: '2026-10-01', currency: 'eur', amount: '10.50', balance: 0, status: 'paid', contactEmails: ['A@B.example'], modifiedAt: '2026-11-01T00:00:00Z' });
    expect(ok).toMatchObject({ ok: true, key: '7', record: { sorId: '7', currency: 'EUR', amount: 10.5, issueDate: new Date('2026-09-01T00:00:00Z'), contactEmails: ['a@b.example'], poNumber: null }, modifiedAt: new Date('2026-11-01T00:00:00Z') });
    const bad = validateRecord('payments', { id: 'P1', customerId: '', date: 'yesterday', amount: -1, currency: 'EURO', method: 'cash', applications: [{ amount: 1 }] });
    expect(bad).toEqual({
      ok: false,
      key: 'P1',
      reasons: [
        'customerId: missing',
        'date: not a valid date: "yesterday"',
        'amount: must not be negative',
        'currency: unknown currency "EURO"',
        'method: must be ACH, wire, check or card',
        'applications.0: an application needs an invoiceNumber or an invoiceId',
      ],
    });
    expect(validateRecord('customers', { id: 'C9', deleted: true })).toEqual({ ok: true, key: 'C9', deleted: true });
    expect(validateRecord('contacts', { customerId: 'C1', email: 'X@Y.example', name: 'X' })).toMatchObject({ ok: true, key: 'C1|x@y.example' });
  });

  it('stores records under their stored names, without absent optional fields, lists without repeats', () => {
    const customer = validateRecord('customers', { id: 'C1', accountNumber: 7, name: ' Acme ', currency: 'usd', domains: ['@Acme.example', 'acme.example'], billingOwner: '', status: 'active' });
    expect(customer.ok && !customer.deleted && customer.record).toStrictEqual({ sorId: 'C1', accountNumber: '7', name: 'Acme', currency: 'USD', domains: ['acme.example'], status: 'active' });
    const payment = validateRecord('payments', { id: 'P1', customerId: 'C1', date: '2026-10-01', amount: 5, currency: 'EUR', method: 'wire', applications: [{ invoiceId: 'I1', amount: 5 }] });
    expect(payment.ok && !payment.deleted && payment.record).toStrictEqual({
      sorId: 'P1',
      customerSorId: 'C1',
      date: new Date('2026-10-01T00:00:00Z'),
      amount: 5,
      currency: 'EUR',
      method: 'wire',
      reference: '',
      applications: [{ invoiceId: 'I1', amount: 5 }],
    });
    const contact = validateRecord('contacts', { customerId: 'C1', email: 'A@B.example', role: null });
    expect(contact.ok && !contact.deleted && contact.record).toStrictEqual({ customerSorId: 'C1', name: '', email: 'a@b.example', source: 'sor' });
  });
});
