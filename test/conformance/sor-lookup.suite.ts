// The SorLookup conformance suite: every implementation of the port (the in-memory index, the
// MongoDB-backed lookup) must answer the matching queries the same way over the same snapshot.
import { describe, expect, it } from 'vitest';
import type { SorLookup, SorSnapshot } from '../../core/pipeline/sor.js';
import { matchSnapshot } from '../fixtures/match-sor.js';

/** Builds the implementation under test over `snapshot`, with `extraOwnAddresses` as mailbox aliases. */
export type MakeSorLookup = (snapshot: SorSnapshot, extraOwnAddresses: string[]) => Promise<SorLookup>;

/** Registers the suite for one SorLookup implementation. */
export function sorLookupConformanceSuite(name: string, make: MakeSorLookup): void {
  describe(`SorLookup conformance: ${name}`, () => {
    const sor = (): Promise<SorLookup> => make(matchSnapshot(), ['AR-Alias@northwind.example']);
    const sorted = (xs: string[]): string[] => [...xs].sort();

    it('answers asOf and our own addresses (lower-cased, arMailbox included)', async () => {
      const s = await sor();
      expect(s.asOf().toISOString().slice(0, 10)).toBe('2026-11-20');
      expect(sorted(await s.ownAddresses())).toEqual(['ar-alias@northwind.example', 'ar@northwind.example']);
    });

    it('finds customers by id, exact account number and domain', async () => {
      const s = await sor();
      expect((await s.customer('C1'))?.name).toBe('Acme Industrial LLC');
      expect(await s.customer('nope')).toBeUndefined();
      expect((await s.customerByAccountNumber('100-2231'))?.sorId).toBe('C1');
      expect(await s.customerByAccountNumber('1002231')).toBeUndefined();
      expect((await s.customersByDomain('ACME.example')).map((c) => c.sorId)).toEqual(['C1']);
      expect(sorted((await s.customersByDomain('cascade.example')).map((c) => c.sorId))).toEqual(['C3', 'C4']);
      expect(sorted([...((await s.knownDomains()).get('cascade.example') ?? [])])).toEqual(['C3', 'C4']);
    });

    it('lists the invoice number prefixes, most common first', async () => {
      expect((await (await sor()).invoicePrefixes())[0]).toBe('INV');
    });

    it('summarises the invoice number shapes', async () => {
      expect(await (await sor()).invoiceShapes()).toEqual([{ pattern: '^INV-\\d{6}$', share: 1 }]);
    });

    it('finds contacts by (case-insensitive) address and by customer', async () => {
      const s = await sor();
      expect((await s.contactsByEmail('Jane@Acme.example')).map((c) => c.customerSorId)).toEqual(['C1']);
      expect(sorted((await s.contactsByEmail('shared@apservice.example')).map((c) => c.customerSorId))).toEqual(['C3', 'C4']);
      expect(sorted((await s.contactsOfCustomer('C1')).map((c) => c.email))).toEqual(['ap@acme.example', 'jane@acme.example']);
    });

    it('finds invoices by number key, PO key, invoice contact and customer', async () => {
      const s = await sor();
      const numbers = (xs: Array<{ number: string }>): string[] => sorted(xs.map((i) => i.number));
      expect(numbers(await s.invoicesByNumberKeys(['204518', '204535', '999999']))).toEqual(['INV-204518', 'INV-204535']);
      expect(numbers(await s.invoicesByPoKeys(['88213']))).toEqual(['INV-204518']);
      expect(numbers(await s.invoicesByPoKeys(['4500012877']))).toEqual(['INV-204900', 'INV-204904']);
      expect(numbers(await s.invoicesWithContact('Raul@acme.example'))).toEqual(['INV-204535']);
      expect(numbers(await s.invoicesOfCustomer('C1'))).toEqual(['INV-204518', 'INV-204535']);
      expect(await s.invoicesByNumberKeys([])).toEqual([]);
      // single-group numbers have no serial key
      expect(await s.invoicesBySerialKeys(['204518'])).toEqual([]);
    });

    it('returns payments and credit memos of a customer', async () => {
      const s = await sor();
      expect(await s.paymentsOfCustomer('C1')).toEqual([]);
      expect(await s.creditMemosOfCustomer('C1')).toEqual([]);
    });
  });
}
