import { describe, expect, it } from 'vitest';
import { matchSnapshot } from '../../../test/fixtures/match-sor.js';
import { parsedEmailFixture } from '../../../test/fixtures/parsed-email.js';
import { extractEntities } from '../entities/extract.js';
import { InMemorySor } from '../in-memory-sor.js';
import type { ParsedEmail } from '../parsed-email.js';
import { matchEmail } from './match-email.js';

const sor = new InMemorySor(matchSnapshot());
const own = ['ar@northwind.example'];
const run = (parsed: ParsedEmail, bouncedRecipients?: string[]) =>
  matchEmail({ parsed, entities: extractEntities(`${parsed.subject}\n${parsed.text}`), ownAddresses: own, ...(bouncedRecipients ? { bouncedRecipients } : {}) }, sor);

describe('matchEmail', () => {
  it('a known contact asking for her own invoice', async () => {
    const m = await run(parsedEmailFixture());
    expect(m).toMatchObject({ customerId: 'C1', customerBasis: 'contact', knownContact: true, referencedCustomers: ['C1'], unresolved: [], accounts: [] });
    expect(m.invoices.map((i) => i.number)).toEqual(['INV-204518']);
    expect(m.customerEvidence).toEqual(['the sender is a listed contact of C1 Acme Industrial LLC', '"INV-204518" → INV-204518 of C1 (exact number)']);
  });

  it("a contact asking for another customer's invoice keeps her own customer and reports the other", async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'tanya@cascade.example' }, text: 'Copies of INV-204852 and INV-204801 please' }));
    expect(m).toMatchObject({ customerId: 'C4', knownContact: true, referencedCustomers: ['C4', 'C3'] });
  });

  it('an unknown sender on a free-mail address quoting an account number', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'linda1962@gmail.com' }, text: 'This is Linda from Patterson Farms, account 209-0771. Please send the bills.' }));
    expect(m).toMatchObject({ customerId: 'C5', customerBasis: 'references', knownContact: false, accounts: [{ raw: '209-0771', customerId: 'C5' }] });
  });

  it('a lookalike sender is about the imitated customer but is no contact', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'jane@acme-billing.example' }, text: 'Please resend INV-204518 to our new address.' }));
    expect(m).toMatchObject({ customerId: 'C1', customerBasis: 'lookalike', knownContact: false });
    expect(m.sender.lookalike?.domain).toBe('acme.example');
  });

  it('a bounce is about the failed recipient', async () => {
    const bounce = parsedEmailFixture({
      from: { address: 'mailer-daemon@mx2.northwind.example', name: 'Mail Delivery System' },
      subject: 'Undelivered Mail Returned to Sender',
      text: 'Final-Recipient: rfc822; sophie@acme-canada.example\nAction: failed',
      headers: { contentType: 'multipart/report; report-type=delivery-status', authenticationResults: [] },
    });
    const m = await run(bounce);
    expect(m).toMatchObject({ customerId: 'C2', customerBasis: 'bounce', knownContact: false, bouncedRecipients: ['sophie@acme-canada.example'] });
    expect(m.sender.systemSender).toBe(true);
  });

  it('takes bounced recipients from the caller when given', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'postmaster@relay.example' }, text: 'failed' }), ['brian@cascade.example']);
    expect(m).toMatchObject({ customerId: 'C3', customerBasis: 'bounce' });
  });

  it('an invoice contact is a known contact', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'raul@acme.example' }, text: 'Copy of INV-204535 please' }));
    expect(m).toMatchObject({ customerId: 'C1', customerBasis: 'invoice_contact', knownContact: true });
  });

  it('an unknown person on a customer domain', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'new.clerk@acme.example' }, text: 'Did you get our ACH?' }));
    expect(m).toMatchObject({ customerId: 'C1', customerBasis: 'domain', knownContact: false });
  });

  it('prefers the sender’s customer for a mistyped number and reports unresolved references', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'brian@cascade.example' }, text: 'Copy of INV-204940 and INV-999999 please' }));
    expect(m.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204904', 'transposed_digits']]);
    expect(m.unresolved).toEqual([{ raw: 'INV-999999', reason: 'not_found', kind: 'invoice' }]);
  });

  it('passes relaxed-matching options through', async () => {
    const parsed = parsedEmailFixture({ from: { address: 'brian@cascade.example' }, text: 'Copy of INV-204940 please' });
    const m = await matchEmail({ parsed, entities: extractEntities(parsed.text), ownAddresses: own }, sor, { relaxedMatching: { transposition: false, oneTypo: false } });
    expect(m.invoices).toEqual([]);
  });

  it('a spam sender unrelated to any customer', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'jordan@cashflowly.example' }, subject: 'Quick question', text: 'Would you be open to a demo?' }));
    expect(m).toMatchObject({ customerId: null, customerBasis: 'none', knownContact: false, referencedCustomers: [] });
  });
});

describe('matchEmail: bounces to invoice contacts', () => {
  it('finds the customer of a failed invoice-level contact', async () => {
    const m = await run(parsedEmailFixture({ from: { address: 'postmaster@relay.example' }, text: 'failed' }), ['raul@acme.example']);
    expect(m).toMatchObject({ customerId: 'C1', customerBasis: 'bounce' });
  });

  it('an invoice named only by its amount is matched by amount, only when no reference is quoted', async () => {
    const snapshot = matchSnapshot();
    const amountSor = new InMemorySor({
      ...snapshot,
      invoices: snapshot.invoices.map((inv) => (inv.number === 'INV-204535' ? { ...inv, amount: 4312.5, balance: 4312.5 } : inv)),
    });
    const runOn = (text: string) => {
      const parsed = parsedEmailFixture({ text });
      return matchEmail({ parsed, entities: extractEntities(`${parsed.subject}\n${text}`), ownAddresses: own }, amountSor);
    };
    const byAmount = await runOn('Hello, about the invoice of $4,312.50 from October: could you send it again?');
    expect(byAmount.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204535', 'amount']]);
    expect(byAmount.invoices[0]?.evidence).toMatch(/matched by amount/);
    // A quoted number wins: the amount is then no reference of its own.
    const numbered = await runOn('Please send INV-204518 again; the other one of $4,312.50 is fine.');
    expect(numbered.invoices.map((i) => [i.number, i.rule])).toEqual([['INV-204518', 'exact']]);
  });
});
