import type { Collection, Db, Document, Filter } from 'mongodb';
import { invoiceNumberKey, invoicePrefixesOf, invoiceSerialKey, numberShapeOf, poNumberKey, type NumberShapeGroup } from '../../core/pipeline/invoice-number.js';
import type { Invoice, InvoiceStatus } from '../../core/domain/invoice.js';
import { bulkUpsert, type UpsertSummary } from './bulk-upsert.js';
import { deleteByKeys, markSeen, sweepUnseen, syncUpsert, type SyncUpsertResult } from './sync-upsert.js';
import { collectionOf, fromDoc, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** An invoice as read from the system of record. */
export type InvoiceRecord = Omit<Invoice, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

export const indexes: CollectionIndexes = {
  collection: 'invoices',
  indexes: [
    { name: 'tenant_sorId_unique', keys: { tenantId: 1, sorId: 1 }, unique: true },
    { name: 'tenant_number_unique', keys: { tenantId: 1, number: 1 }, unique: true },
    { name: 'tenant_customer_dueDate', keys: { tenantId: 1, customerSorId: 1, dueDate: 1 } },
    { name: 'tenant_poNumber', keys: { tenantId: 1, poNumber: 1 } },
    { name: 'tenant_numberKey', keys: { tenantId: 1, numberKey: 1 } },
    { name: 'tenant_poKey', keys: { tenantId: 1, poKey: 1 } },
    { name: 'tenant_serialKey', keys: { tenantId: 1, serialKey: 1 } },
    { name: 'tenant_contactEmails', keys: { tenantId: 1, contactEmails: 1 } },
  ],
};

/** Invoices of one tenant, synced from the system of record. */
export class InvoiceRepo {
  private readonly invoices: Collection<Stored<Invoice>>;
  private readonly raw: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.invoices = collectionOf<Stored<Invoice>>(db, indexes.collection);
    this.raw = collectionOf<Document>(db, indexes.collection);
  }

  /** Inserts or updates invoices by SoR id in one bulk write. */
  upsertManyBySorId(records: readonly InvoiceRecord[], now: Date): Promise<UpsertSummary> {
    // numberKey/poKey are the relaxed-matching keys the pipeline looks invoices up by.
    const normalized = records.map(withLookupKeys);
    return bulkUpsert(this.raw, normalized, (r) => ({ tenantId: this.tenantId, sorId: r.sorId }), now);
  }

  /** The invoice with this SoR id, or null. */
  async findBySorId(sorId: string): Promise<Invoice | null> {
    const doc = await this.invoices.findOne({ tenantId: this.tenantId, sorId });
    return doc === null ? null : toInvoice(doc);
  }

  /** The invoice with exactly this number, or null. */
  async findByNumber(number: string): Promise<Invoice | null> {
    const doc = await this.invoices.findOne({ tenantId: this.tenantId, number });
    return doc === null ? null : toInvoice(doc);
  }

  /** The invoices among these numbers that exist, ordered by number; unknown numbers are left out. */
  async findByNumbers(numbers: readonly string[]): Promise<Invoice[]> {
    if (numbers.length === 0) return [];
    const docs = await this.invoices.find({ tenantId: this.tenantId, number: { $in: [...numbers] } }).sort({ number: 1 }).toArray();
    return docs.map(toInvoice);
  }

  /** Invoices whose relaxed-matching number key is one of `keys` (see core/pipeline/invoice-number.ts). */
  async findByNumberKeys(keys: readonly string[]): Promise<Invoice[]> {
    if (keys.length === 0) return [];
    const docs = await this.invoices.find({ tenantId: this.tenantId, numberKey: { $in: [...keys] } } as Filter<Stored<Invoice>>).toArray();
    return docs.map(toInvoice);
  }

  /** The letter prefixes of stored invoice numbers, most common first. */
  async numberPrefixes(): Promise<string[]> {
    const rows = await this.raw
      .aggregate<{ _id: string; n: number }>([
        { $match: { tenantId: this.tenantId, numberPrefix: { $type: 'string' } } },
        { $group: { _id: '$numberPrefix', n: { $sum: 1 } } },
        { $sort: { n: -1, _id: 1 } },
      ])
      .toArray();
    return rows.map((r) => r._id);
  }

  /** Stored invoice numbers grouped by exact shape (see core/pipeline/invoice-number.ts numberShapeOf). */
  async numberShapeGroups(): Promise<NumberShapeGroup[]> {
    const rows = await this.raw
      .aggregate<{ _id: string; count: number; min: string; max: string }>([
        { $match: { tenantId: this.tenantId, numberShape: { $type: 'string' } } },
        { $group: { _id: '$numberShape', count: { $sum: 1 }, min: { $min: { $toUpper: '$number' } }, max: { $max: { $toUpper: '$number' } } } },
        { $sort: { count: -1, _id: 1 } },
      ])
      .toArray();
    return rows.map((r) => ({ shape: r._id, count: r.count, min: r.min, max: r.max }));
  }

  /** Invoices whose serial key (last digit group) is one of `keys`. */
  async findBySerialKeys(keys: readonly string[]): Promise<Invoice[]> {
    if (keys.length === 0) return [];
    const docs = await this.invoices.find({ tenantId: this.tenantId, serialKey: { $in: [...keys] } } as Filter<Stored<Invoice>>).toArray();
    return docs.map(toInvoice);
  }

  /** Invoices whose PO key is one of `keys`. */
  async findByPoKeys(keys: readonly string[]): Promise<Invoice[]> {
    if (keys.length === 0) return [];
    const docs = await this.invoices.find({ tenantId: this.tenantId, poKey: { $in: [...keys] } } as Filter<Stored<Invoice>>).toArray();
    return docs.map(toInvoice);
  }

  /** Invoices listing this address as an invoice-level contact. */
  async findByContactEmail(email: string): Promise<Invoice[]> {
    const docs = await this.invoices.find({ tenantId: this.tenantId, contactEmails: email.toLowerCase() }).toArray();
    return docs.map(toInvoice);
  }

  /** Invoices carrying this PO number. */
  async findByPoNumber(poNumber: string): Promise<Invoice[]> {
    const docs = await this.invoices.find({ tenantId: this.tenantId, poNumber }).sort({ number: 1 }).toArray();
    return docs.map(toInvoice);
  }

  /** A customer's invoices, optionally only some statuses, oldest due date first. */
  async listByCustomer(customerSorId: string, filter: { statuses?: readonly InvoiceStatus[] } = {}): Promise<Invoice[]> {
    const query = filter.statuses
      ? { tenantId: this.tenantId, customerSorId, status: { $in: [...filter.statuses] } }
      : { tenantId: this.tenantId, customerSorId };
    const docs = await this.invoices.find(query).sort({ dueDate: 1, number: 1 }).toArray();
    return docs.map(toInvoice);
  }

  // --- SoR sync (see sync-upsert.ts) ---

  /** Sync upsert by SoR id (with the lookup keys), marking each invoice seen by `runId`. */
  syncUpsert(records: readonly InvoiceRecord[], runId: string, now: Date, markSeen = true): Promise<SyncUpsertResult> {
    return syncUpsert(this.raw, records, {
      keyIndex: 'tenant_sorId_unique',
      keyOf: (r) => ({ tenantId: this.tenantId, sorId: r.sorId }),
      docOf: (r) => {
        const { sorId: _s, ...doc } = withLookupKeys(r);
        return doc;
      },
      optionalFields: ['pdfUrl'],
    }, runId, now, { markSeen });
  }

  /** Marks invoices seen by a sync run without changing them. */
  markSeen(sorIds: readonly string[], runId: string): Promise<void> {
    return markSeen(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })), runId);
  }

  /** Deletes invoices the SoR deleted; returns how many were stored. */
  deleteBySorIds(sorIds: readonly string[]): Promise<number> {
    return deleteByKeys(this.raw, sorIds.map((sorId) => ({ tenantId: this.tenantId, sorId })));
  }

  /** Deletes invoices, of all customers or one, that sync run `runId` did not see. */
  sweepUnseen(runId: string, customerSorId?: string): Promise<number> {
    return sweepUnseen(this.raw, { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) }, runId);
  }

  /** The numbers of invoices by SoR id, for payments that name the invoice they apply to by id; unknown ids are left out. */
  async numbersBySorIds(sorIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(sorIds)];
    if (unique.length === 0) return out;
    // One query through the { tenantId, sorId } index (the embedded store serves $in on it too).
    for await (const doc of this.raw.find({ tenantId: this.tenantId, sorId: { $in: unique } }, { projection: { sorId: 1, number: 1 } })) {
      if (typeof doc['sorId'] === 'string' && typeof doc['number'] === 'string') out.set(doc['sorId'], doc['number']);
    }
    return out;
  }

  /** Number, customer, PO number and invoice contacts of every invoice (or one customer's), streamed: what the search index reads. */
  async *streamSearchFields(customerSorId?: string): AsyncGenerator<Pick<Invoice, 'number' | 'customerSorId' | 'poNumber' | 'contactEmails'>> {
    const filter = { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) };
    const cursor = this.raw.find(filter, { projection: { _id: 0, number: 1, customerSorId: 1, poNumber: 1, contactEmails: 1 }, batchSize: 5000 });
    for await (const doc of cursor) yield doc as unknown as Pick<Invoice, 'number' | 'customerSorId' | 'poNumber' | 'contactEmails'>;
  }

  /** Number, amount, balance and status of every invoice (or one customer's), in number order, streamed. */
  async *streamAmountsByNumber(customerSorId?: string): AsyncGenerator<Pick<Invoice, 'number' | 'amount' | 'balance' | 'status'>> {
    const filter = { tenantId: this.tenantId, ...(customerSorId !== undefined && { customerSorId }) };
    const cursor = this.raw.find(filter, { projection: { _id: 0, number: 1, amount: 1, balance: 1, status: 1 }, batchSize: 2000 }).sort({ number: 1 });
    for await (const doc of cursor) yield doc as unknown as Pick<Invoice, 'number' | 'amount' | 'balance' | 'status'>;
  }
}

/** An invoice record with lower-cased contacts and the relaxed-matching keys the pipeline looks invoices up by. */
function withLookupKeys(r: InvoiceRecord) {
  return {
    ...r,
    contactEmails: r.contactEmails.map((e) => e.toLowerCase()),
    numberKey: invoiceNumberKey(r.number),
    numberPrefix: invoicePrefixesOf([r.number])[0] ?? null,
    numberShape: numberShapeOf(r.number),
    serialKey: invoiceSerialKey(r.number) ?? null,
    poKey: r.poNumber === null ? null : poNumberKey(r.poNumber),
  };
}

/** A stored invoice without its lookup keys. */
function toInvoice(doc: Stored<Invoice>): Invoice {
  const { numberKey: _n, poKey: _p, numberPrefix: _x, numberShape: _s, serialKey: _k, ...rest } = doc as Stored<Invoice> & {
    numberKey?: string;
    poKey?: string | null;
    numberPrefix?: string | null;
    numberShape?: string;
    serialKey?: string | null;
  };
  return fromDoc<Invoice>(rest);
}
