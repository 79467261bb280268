import { describe, expect, it } from 'vitest';
import { matchSnapshot } from '../../../test/fixtures/match-sor.js';
import { parsedEmailFixture } from '../../../test/fixtures/parsed-email.js';
import { InMemorySor } from '../in-memory-sor.js';
import { matchSender } from './sender.js';

const sor = new InMemorySor(matchSnapshot());
const opts = { ownAddresses: ['ar@northwind.example'] };
const from = (address: string, name?: string) => parsedEmailFixture({ from: { address, ...(name ? { name } : {}) } });

describe('matchSender', () => {
  it('a listed contact, with evidence a reviewer can read', async () => {
    const s = await matchSender(from('Jane@Acme.example'), sor, opts);
    expect(s).toMatchObject({ address: 'jane@acme.example', domain: 'acme.example', contactOf: ['C1'], domainCustomers: ['C1'], freeMail: false, systemSender: false });
    expect(s.invoiceContactOf).toEqual([
      { customerId: 'C1', invoiceNumber: 'INV-204518' },
      { customerId: 'C1', invoiceNumber: 'INV-204535' },
    ]);
    expect(s.evidence).toContain('jane@acme.example is a listed contact of C1 Acme Industrial LLC');
    expect(s.auth).toMatchObject({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
  });

  it('an invoice-level contact who is not a customer contact', async () => {
    const s = await matchSender(from('raul@acme.example'), sor, opts);
    expect(s.contactOf).toEqual([]);
    expect(s.invoiceContactOf).toEqual([{ customerId: 'C1', invoiceNumber: 'INV-204535' }]);
    expect(s.evidence).toContain('raul@acme.example is an invoice-level contact on INV-204535');
  });

  it('an unknown person on a customer domain, also from a subdomain', async () => {
    expect((await matchSender(from('new.clerk@acme.example'), sor, opts)).domainCustomers).toEqual(['C1']);
    const sub = await matchSender(from('x@eu.acme.example'), sor, opts);
    expect(sub.domainCustomers).toEqual(['C1']);
    expect(sub.evidence).toContain('acme.example is a known domain of C1 Acme Industrial LLC');
  });

  it('a domain shared by several customers', async () => {
    const s = await matchSender(from('someone@cascade.example'), sor, opts);
    expect(s.domainCustomers).toEqual(['C3', 'C4']);
    expect(s.evidence.join('\n')).toMatch(/shared by 2 customers/);
  });

  it('free mail says nothing about the company', async () => {
    const s = await matchSender(from('linda1962@gmail.com'), sor, opts);
    expect(s).toMatchObject({ freeMail: true, domainCustomers: [], contactOf: [] });
    expect(s.lookalike).toBeUndefined();
  });

  it('a lookalike domain', async () => {
    const s = await matchSender(from('jane@acrne.example'), sor, opts);
    expect(s.lookalike).toMatchObject({ domain: 'acme.example', customerIds: ['C1'] });
    expect(s.contactOf).toEqual([]);
  });

  it('machine senders', async () => {
    expect((await matchSender(from('MAILER-DAEMON@mx2.northwind.example', 'Mail Delivery System'), sor, opts)).systemSender).toBe(true);
    expect((await matchSender(from('noreply@acme.example'), sor, opts)).systemSender).toBe(true);
  });

  it('a Reply-To on another domain', async () => {
    const email = parsedEmailFixture({ replyTo: [{ address: 'jane.ap@gmail.com' }] });
    const s = await matchSender(email, sor, opts);
    expect(s.replyToMismatch).toEqual({
      address: 'jane.ap@gmail.com',
      reason: "Reply-To jane.ap@gmail.com is on another domain than the sender jane@acme.example and is not a contact of the sender's customer",
    });
  });

  it('a Reply-To on the same company domain, or to another contact of the customer, is fine; on the same free-mail provider it is not', async () => {
    expect((await matchSender(parsedEmailFixture({ replyTo: [{ address: 'ap@acme.example' }] }), sor, opts)).replyToMismatch).toBeUndefined();
    const freeMail = parsedEmailFixture({ from: { address: 'a.person@gmail.com' }, replyTo: [{ address: 'b.person@gmail.com' }] });
    expect((await matchSender(freeMail, sor, opts)).replyToMismatch?.address).toBe('b.person@gmail.com');
  });

  it('a message without From', async () => {
    const s = await matchSender(parsedEmailFixture({ from: undefined }), sor, opts);
    expect(s).toMatchObject({ address: '', domain: '', contactOf: [], domainCustomers: [] });
    expect(s.evidence).toContain('the email has no From address');
  });

  it('notes DMARC evaluated for another domain than From', async () => {
    const email = parsedEmailFixture({ headers: { authenticationResults: ['mx1.northwind.example; dmarc=pass header.from=other.example'] } });
    expect((await matchSender(email, sor, opts)).evidence).toContain('DMARC was evaluated for other.example, not for the From domain acme.example');
  });
});
