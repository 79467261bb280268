// The SorConnector conformance suite: every connector runs it against the same small SoR
// (SOR_FIXTURE, served in the connector's own format). It checks that each entity streams
// completely in pages, that every record validates to the fixture's data, that a checkpoint
// resumes exactly after its page, and that the customer and modified-since filters hold when
// the connector claims them.
import { describe, expect, it } from 'vitest';
import { SOR_ENTITIES, type SorConnector, type SorEntity } from '../../core/sor/sor-connector.js';
import { validateRecord } from '../../core/sor/sor-records.js';

/** The SoR every runner serves: 3 customers, 4 contacts, 5 invoices, 3 payments, 2 credit memos. */
export const SOR_FIXTURE = {
  customers: [
    { id: 'C1', accountNumber: '100-1', name: 'Acme Industrial', currency: 'USD', domains: ['acme.example'], status: 'active', modifiedAt: '2026-11-01T10:00:00.000Z' },
    { id: 'C2', accountNumber: '100-2', name: 'Bolt GmbH', currency: 'EUR', domains: ['bolt.example'], status: 'active', modifiedAt: '2026-11-02T10:00:00.000Z' },
    { id: 'C3', accountNumber: '100-3', name: 'Crane Ltd', currency: 'GBP', domains: ['crane.example'], status: 'archived', modifiedAt: '2026-11-03T10:00:00.000Z' },
  ],
  contacts: [
    { customerId: 'C1', name: 'Jane Roe', email: 'jane@acme.example', modifiedAt: '2026-11-01T10:00:00.000Z' },
    { customerId: 'C1', name: 'AP', email: 'ap@acme.example', modifiedAt: '2026-11-01T10:00:00.000Z' },
    { customerId: 'C2', name: 'Max Bolt', email: 'max@bolt.example', modifiedAt: '2026-11-02T10:00:00.000Z' },
    { customerId: 'C3', name: 'Ann Crane', email: 'ann@crane.example', modifiedAt: '2026-11-03T10:00:00.000Z' },
  ],
  invoices: [
    { id: 'I1', number: 'INV-1', customerId: 'C1', poNumber: 'PO-1', issueDate: '2026-09-01', dueDate: '2026-10-01', currency: 'USD', amount: 100, balance: 100, status: 'open', contactEmails: ['jane@acme.example'], modifiedAt: '2026-11-01T10:00:00.000Z' },
    { id: 'I2', number: 'INV-2', customerId: 'C1', poNumber: null, issueDate: '2026-09-02', dueDate: '2026-10-02', currency: 'USD', amount: 200, balance: 150, status: 'partially_paid', contactEmails: [], modifiedAt: '2026-11-02T10:00:00.000Z' },
    { id: 'I3', number: 'INV-3', customerId: 'C2', poNumber: null, issueDate: '2026-09-03', dueDate: '2026-10-03', currency: 'EUR', amount: 300, balance: 0, status: 'paid', contactEmails: [], modifiedAt: '2026-11-03T10:00:00.000Z' },
    { id: 'I4', number: 'INV-4', customerId: 'C2', poNumber: null, issueDate: '2026-09-04', dueDate: '2026-10-04', currency: 'EUR', amount: 400, balance: 400, status: 'open', contactEmails: [], modifiedAt: '2026-11-04T10:00:00.000Z' },
    { id: 'I5', number: 'INV-5', customerId: 'C3', poNumber: null, issueDate: '2026-09-05', dueDate: '2026-10-05', currency: 'GBP', amount: 500, balance: 0, status: 'void', contactEmails: [], modifiedAt: '2026-11-05T10:00:00.000Z' },
  ],
  payments: [
    { id: 'P1', customerId: 'C1', date: '2026-10-10', amount: 50, currency: 'USD', method: 'wire', reference: 'REF-1', applications: [{ invoiceNumber: 'INV-2', amount: 50 }], modifiedAt: '2026-11-02T10:00:00.000Z' },
    { id: 'P2', customerId: 'C2', date: '2026-10-11', amount: 300, currency: 'EUR', method: 'wire', reference: 'REF-2', applications: [{ invoiceNumber: 'INV-3', amount: 300 }], modifiedAt: '2026-11-03T10:00:00.000Z' },
    { id: 'P3', customerId: 'C2', date: '2026-10-12', amount: 10, currency: 'EUR', method: 'wire', reference: 'REF-3', applications: [], modifiedAt: '2026-11-04T10:00:00.000Z' },
  ],
  creditMemos: [
    { id: 'M1', number: 'CM-1', customerId: 'C1', date: '2026-10-01', amount: 25, balance: 25, currency: 'USD', modifiedAt: '2026-11-01T10:00:00.000Z' },
    { id: 'M2', number: 'CM-2', customerId: 'C2', date: '2026-10-02', amount: 30, balance: 0, currency: 'EUR', modifiedAt: '2026-11-02T10:00:00.000Z' },
  ],
} as const satisfies Record<SorEntity, readonly unknown[]>;

export interface ConnectorTarget {
  connector: SorConnector;
  /** Entities the system has no such thing for, or maps differently (compared by count only). */
  countOnly?: readonly SorEntity[];
  /** The system's id for a fixture id (Business Central ids are GUIDs); default: the same. */
  idOf?: (fixtureId: string) => string;
}

const PAGE = 2;

async function readAll(connector: SorConnector, entity: SorEntity, options: { customerId?: string; modifiedSince?: Date; resumeFrom?: string } = {}) {
  const pages: Array<{ records: unknown[]; checkpoint?: string }> = [];
  for await (const page of connector.read(entity, { pageSize: PAGE, ...options })) pages.push(page);
  return pages;
}

function keysOf(entity: SorEntity, records: unknown[]): string[] {
  return records
    .map((r) => validateRecord(entity, r))
    .map((v) => (v.ok ? v.key : `invalid: ${JSON.stringify(v)}`))
    .sort();
}

/** A fixture record with its ids as the system writes them. */
function translated(record: Record<string, unknown>, idOf: (id: string) => string): Record<string, unknown> {
  return {
    ...record,
    ...(typeof record['id'] === 'string' && { id: idOf(record['id']) }),
    ...(typeof record['customerId'] === 'string' && { customerId: idOf(record['customerId']) }),
  };
}

const same = (id: string) => id;

const expectedKeys = (entity: SorEntity, idOf: (id: string) => string, filter: (r: Record<string, unknown>) => boolean = () => true): string[] =>
  keysOf(entity, (SOR_FIXTURE[entity] as readonly Record<string, unknown>[]).filter(filter).map((r) => translated(r, idOf)));

/** Registers the suite for one connector; `setup` runs before each test (e.g. to arm nock). */
export function sorConnectorSuite(name: string, setup: () => Promise<ConnectorTarget>): void {
  describe(`SorConnector conformance: ${name}`, () => {
    it('streams every entity completely, in pages, with records that validate', async () => {
      for (const entity of SOR_ENTITIES) {
        const { connector, countOnly = [], idOf = same } = await setup();
        const pages = await readAll(connector, entity);
        const records = pages.flatMap((p) => p.records);
        const invalid = records.map((r) => validateRecord(entity, r)).filter((v) => !v.ok);
        expect(invalid, `${entity}: every record validates`).toEqual([]);
        if (countOnly.includes(entity)) {
          expect(records.length, `${entity}: how many`).toBeGreaterThan(0);
          continue;
        }
        expect(keysOf(entity, records), `${entity}: the records`).toEqual(expectedKeys(entity, idOf));
        if (records.length > PAGE) expect(pages.length, `${entity}: paged`).toBeGreaterThan(1);
      }
    });

    it('maps records to the same data as the dataset format', async () => {
      const { connector, countOnly = [], idOf = same } = await setup();
      for (const entity of ['invoices', 'customers'] as const) {
        if (countOnly.includes(entity)) continue;
        const records = (await readAll(connector, entity)).flatMap((p) => p.records);
        const got = records.map((r) => validateRecord(entity, r)).map((v) => (v.ok && !v.deleted ? v.record : undefined));
        const want = (SOR_FIXTURE[entity] as readonly Record<string, unknown>[]).map((r) => validateRecord(entity, translated(r, idOf))).map((v) => (v.ok && !v.deleted ? v.record : undefined));
        const byKey = (xs: unknown[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(byKey(got.map(stripPdf))).toEqual(byKey(want.map(stripPdf)));
      }
    });

    it('resumes from a checkpoint with exactly the pages after it', async () => {
      const { connector } = await setup();
      const all = await readAll(connector, 'invoices');
      const first = all[0];
      expect(first?.checkpoint, 'a page carries a checkpoint').toBeTypeOf('string');
      const { connector: again } = await setup();
      const rest = await readAll(again, 'invoices', { resumeFrom: first?.checkpoint as string });
      expect(keysOf('invoices', [...(first?.records ?? []), ...rest.flatMap((p) => p.records)])).toEqual(keysOf('invoices', all.flatMap((p) => p.records)));
    });

    it('filters by customer when it says it can', async () => {
      const { connector, idOf = same } = await setup();
      if (!connector.capabilities.customerFilter) return;
      const records = (await readAll(connector, 'invoices', { customerId: idOf('C2') })).flatMap((p) => p.records);
      expect(keysOf('invoices', records)).toEqual(expectedKeys('invoices', idOf, (r) => r['customerId'] === 'C2'));
    });

    it('reads only what changed since a cursor when it says it can', async () => {
      const { connector, idOf = same } = await setup();
      if (!connector.capabilities.modifiedSince) return;
      const since = new Date('2026-11-03T10:00:00.000Z');
      const records = (await readAll(connector, 'invoices', { modifiedSince: since })).flatMap((p) => p.records);
      expect(keysOf('invoices', records)).toEqual(expectedKeys('invoices', idOf, (r) => new Date(r['modifiedAt'] as string) >= since));
    });
  });
}

function stripPdf(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const { pdfUrl: _pdf, ...rest } = record as Record<string, unknown>;
  return rest;
}
