import { describe, expect, it } from 'vitest';
import type { InvoiceMatch, SenderMatch } from '../match-result.js';
import { decideCustomer, referencedCustomers, type CustomerInput } from './customer.js';

function sender(over: Partial<SenderMatch> = {}): SenderMatch {
  return {
    address: 'x@unknown.example',
    domain: 'unknown.example',
    contactOf: [],
    invoiceContactOf: [],
    domainCustomers: [],
    freeMail: false,
    systemSender: false,
    auth: {},
    evidence: [],
    ...over,
  };
}

function invoice(number: string, customerId: string): InvoiceMatch {
  return { raw: number, number, invoiceId: number, customerId, rule: 'exact', evidence: '' };
}

function decide(over: Partial<CustomerInput>) {
  return decideCustomer({ sender: sender(), invoices: [], accounts: [], bounced: [], label: (id) => `${id} Name`, ...over });
}

describe('referencedCustomers', () => {
  it('lists account and invoice customers once, in order', () => {
    expect(referencedCustomers({ accounts: [{ raw: 'a', customerId: 'C2' }], invoices: [invoice('1', 'C1'), invoice('2', 'C2')] })).toEqual(['C2', 'C1']);
  });
});

describe('decideCustomer', () => {
  it('a listed contact decides, whatever the references say', () => {
    const d = decide({ sender: sender({ contactOf: ['C4'], domainCustomers: ['C3', 'C4'] }), invoices: [invoice('INV-1', 'C3')] });
    expect(d).toEqual({ customerId: 'C4', basis: 'contact', evidence: ['the sender is a listed contact of C4 Name'] });
  });

  it('a contact of several customers: the references must single one out', () => {
    const s = sender({ contactOf: ['C3', 'C4'] });
    expect(decide({ sender: s, invoices: [invoice('INV-1', 'C4')] })).toMatchObject({ customerId: 'C4', basis: 'contact' });
    expect(decide({ sender: s })).toMatchObject({ customerId: null, basis: 'none' });
    expect(decide({ sender: s, invoices: [invoice('INV-1', 'C3'), invoice('INV-2', 'C4')] }).customerId).toBeNull();
  });

  it('a delivery failure is about the failed recipient’s customer', () => {
    const d = decide({ sender: sender({ systemSender: true }), bounced: [{ address: 'kevin@acme-canada.example', customerIds: ['C2'] }] });
    expect(d).toEqual({ customerId: 'C2', basis: 'bounce', evidence: ['delivery failed to kevin@acme-canada.example, of C2 Name'] });
  });

  it('an invoice-level contact', () => {
    const d = decide({ sender: sender({ invoiceContactOf: [{ customerId: 'C1', invoiceNumber: 'INV-204535' }], domainCustomers: ['C1'] }) });
    expect(d).toMatchObject({ customerId: 'C1', basis: 'invoice_contact' });
    expect(d.evidence[0]).toBe('the sender is an invoice-level contact on INV-204535 of C1 Name');
  });

  it('a domain of exactly one customer, or one singled out by the references', () => {
    expect(decide({ sender: sender({ domainCustomers: ['C1'] }) })).toMatchObject({ customerId: 'C1', basis: 'domain' });
    expect(decide({ sender: sender({ domainCustomers: ['C3', 'C4'] }) })).toMatchObject({ customerId: null });
    expect(decide({ sender: sender({ domainCustomers: ['C3', 'C4'] }), accounts: [{ raw: '104-1181', customerId: 'C4' }] })).toMatchObject({ customerId: 'C4', basis: 'domain' });
  });

  it('a lookalike sender: the email is about the imitated customer', () => {
    const d = decide({ sender: sender({ domain: 'acrne.example', lookalike: { domain: 'acme.example', customerIds: ['C1'], reason: 'r' } }) });
    expect(d).toMatchObject({ customerId: 'C1', basis: 'lookalike' });
    expect(d.evidence[0]).toMatch(/imitates C1 Name's; the email is about that customer but the sender is not its contact/);
  });

  it('an unknown sender: the customer the references point to, if only one', () => {
    expect(decide({ sender: sender({ freeMail: true }), accounts: [{ raw: '209-0771', customerId: 'C5' }] })).toMatchObject({ customerId: 'C5', basis: 'references' });
    expect(decide({ invoices: [invoice('INV-1', 'C1'), invoice('INV-2', 'C2')] })).toMatchObject({ customerId: null, basis: 'none' });
    expect(decide({})).toEqual({ customerId: null, basis: 'none', evidence: ['the sender is unknown and the email refers to no customer record'] });
  });
});
