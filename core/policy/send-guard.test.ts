// The one rule: a customer's data goes only to that customer's (or that invoice's) known contacts.
import { describe, expect, it } from 'vitest';
import { InMemorySor } from '../pipeline/in-memory-sor.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { guardSend } from './send-guard.js';

const sor = new InMemorySor(sorSnapshotFixture());
const codes = async (...args: Parameters<typeof guardSend>) => (await guardSend(...args)).violations.map((v) => v.code);

describe('send guard', () => {
  it('allows a customer contact to receive account data and invoices of their own customer', async () => {
    expect(await guardSend({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: ['jane@acme.example'] }, sor)).toEqual({ allowed: true, violations: [] });
    expect((await guardSend({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204518', 'INV-204875'], recipients: ['Jane@Acme.example'] }, sor)).allowed).toBe(true);
  });

  it('allows an invoice-level contact to receive that invoice only', async () => {
    expect((await guardSend({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204875'], recipients: ['raul@acme.example'] }, sor)).allowed).toBe(true);
    expect(await codes({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204875', 'INV-204518'], recipients: ['raul@acme.example'] }, sor)).toEqual(['recipient_not_known_contact']);
    expect(await codes({ customerId: 'C1', scope: 'account', invoiceNumbers: ['INV-204875'], recipients: ['raul@acme.example'] }, sor)).toEqual(['recipient_not_known_contact']);
  });

  it('denies a stranger on the customer domain, a lookalike domain and a free-mail address', async () => {
    for (const stranger of ['new.person@acme.example', 'jane@acme-lndustrial.example', 'jane.acme@gmail.example']) {
      expect(await codes({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: [stranger] }, sor)).toEqual(['recipient_not_known_contact']);
    }
  });

  it("denies another customer's contact and another customer's invoice", async () => {
    expect(await codes({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: ['bob@beta.example'] }, sor)).toEqual(['recipient_not_known_contact']);
    expect(await codes({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-300001'], recipients: ['jane@acme.example'] }, sor)).toEqual(['foreign_invoice']);
  });

  it('denies when any one recipient is not allowed (Cc included)', async () => {
    expect(await codes({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: ['jane@acme.example', 'eve@evil.example'] }, sor)).toEqual(['recipient_not_known_contact']);
  });

  it('does not count our own mailbox in Cc as a disclosure', async () => {
    expect((await guardSend({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: ['jane@acme.example', 'ar@northwind.example'] }, sor)).allowed).toBe(true);
  });

  it('denies unknown invoices, unknown or archived customers and empty recipient lists', async () => {
    expect(await codes({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-999999'], recipients: ['jane@acme.example'] }, sor)).toContain('unknown_invoice');
    expect(await codes({ customerId: 'C404', scope: 'account', invoiceNumbers: [], recipients: ['jane@acme.example'] }, sor)).toEqual(['unknown_customer']);
    expect(await codes({ customerId: 'C3', scope: 'account', invoiceNumbers: [], recipients: ['gina@gamma.example'] }, sor)).toEqual(['customer_not_active']);
    expect(await codes({ customerId: 'C1', scope: 'account', invoiceNumbers: [], recipients: [] }, sor)).toEqual(['no_recipient']);
  });

  it('denies a near-miss invoice number rather than guessing', async () => {
    expect(await codes({ customerId: 'C1', scope: 'invoices', invoiceNumbers: ['INV-204581'], recipients: ['jane@acme.example'] }, sor)).toContain('unknown_invoice');
  });
});
