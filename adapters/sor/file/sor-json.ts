// Reads a dataset's sor.json (../shared/datasets/FORMAT.md) into a SorSnapshot. The file is
// mapped onto the connectors' wire records (customers without their contacts, contacts
// flattened with their customer's id) and every record is checked by the sync's own rules
// (core/sor/sor-records.ts validateRecord), so the loader, the file connector and every other
// connector accept and refuse the same records with the same reasons. A malformed record is
// reported in `skipped` and left out; only a file that is not a snapshot at all (not JSON, no
// asOf or company, no customers list) is refused whole.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SorContact, SorCustomer, SorSnapshot } from '../../../core/pipeline/sor.js';
import { SOR_ENTITIES, type SorEntity } from '../../../core/sor/sor-connector.js';
import { calendarDate, customerOf, email, validateRecord, type SyncedInvoice, type SyncedPayment, type SyncedRecordOf } from '../../../core/sor/sor-records.js';
import type { InvalidRecord } from '../../../core/sor/sync-run.js';

type Raw = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A wire record, where it stands in the file ("invoices[12]", "customers[3].contacts[0]") and the object as written. */
interface Located {
  at: string;
  record: unknown;
  written: unknown;
}

function locatedRecordsOf(file: unknown, entity: SorEntity): Located[] {
  if (!isObject(file)) return [];
  const customers = asArray(file['customers']);
  switch (entity) {
    case 'customers':
      return customers.map((c, i) => {
        if (!isObject(c)) return { at: `customers[${i}]`, record: c, written: c };
        const { contacts: _contacts, enrolled: _enrolled, ...customer } = c;
        return { at: `customers[${i}]`, record: customer, written: c };
      });
    case 'contacts':
      return customers.flatMap((c, i) =>
        isObject(c) ? asArray(c['contacts']).map((ct, j) => ({ at: `customers[${i}].contacts[${j}]`, record: isObject(ct) ? { ...ct, customerId: c['id'] } : ct, written: ct })) : [],
      );
    default:
      return asArray(file[entity]).map((record, i) => ({ at: `${entity}[${i}]`, record, written: record }));
  }
}

/** The wire records of one entity in a parsed sor.json: customers without their contacts, contacts flattened. */
export function wireRecordsOf(file: unknown, entity: SorEntity): unknown[] {
  return locatedRecordsOf(file, entity).map((r) => r.record);
}

/** A record of the file that was refused, with where it stands and validateRecord's reasons. */
export interface SkippedRecord extends InvalidRecord {
  at: string;
}

export type SorJsonCustomer = SorCustomer & Omit<SyncedRecordOf['customers'], 'enrolled'>;

/** A snapshot read from sor.json, and the records it left out. */
export interface SorJsonSnapshot extends SorSnapshot {
  customers: SorJsonCustomer[];
  contacts: SorContact[];
  /** With its PDF link when the file gives one. */
  invoices: SyncedInvoice[];
  creditMemos: Array<SyncedRecordOf['creditMemos']>;
  skipped: SkippedRecord[];
}

/** A sor.json that is not a snapshot at all; malformed records are skipped instead (SorJsonSnapshot.skipped). */
export class SorFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path}: invalid SoR snapshot: ${problems.join('; ')}`);
    this.name = 'SorFileError';
  }
}

const records = z.array(z.unknown(), { error: 'must be a list' });
const headerSchema = z.object({
  asOf: calendarDate,
  company: z.object({ name: z.string({ error: 'missing' }).trim().min(1, 'missing'), arMailbox: email }, { error: 'missing' }),
  customers: records,
  invoices: records.optional(),
  payments: records.optional(),
  creditMemos: records.optional(),
});

/** Checks that need the whole file: unique keys, account and invoice numbers, known customers and invoices. */
class FileChecks {
  private readonly keys = new Map<SorEntity, Set<string>>(SOR_ENTITIES.map((e) => [e, new Set()]));
  private readonly accountNumbers = new Set<string>();
  private readonly invoiceNumbers = new Set<string>();
  /** Invoice SoR id → number, for payment applications that name the invoice by id. */
  readonly invoiceNumberById = new Map<string, string>();

  problems(entity: SorEntity, key: string, record: SyncedRecordOf[SorEntity], written: unknown): string[] {
    const reasons: string[] = [];
    const keys = this.keys.get(entity) as Set<string>;
    if (keys.has(key)) reasons.push(entity === 'contacts' ? `email: listed twice for customer ${customerOf(entity, record)}` : `id: duplicate id ${key}`);
    if (entity === 'customers') {
      const c = record as SyncedRecordOf['customers'];
      if (this.accountNumbers.has(c.accountNumber)) reasons.push(`accountNumber: duplicate accountNumber ${c.accountNumber}`);
      const enrolled = isObject(written) ? written['enrolled'] : undefined;
      if (enrolled !== undefined && typeof enrolled !== 'boolean') reasons.push('enrolled: must be true or false');
    } else {
      const customer = customerOf(entity, record);
      if (!(this.keys.get('customers') as Set<string>).has(customer)) reasons.push(`customerId: unknown customer ${customer} (not in the file, or skipped)`);
    }
    if (entity === 'invoices' && this.invoiceNumbers.has((record as SyncedInvoice).number)) reasons.push(`number: duplicate number ${(record as SyncedInvoice).number}`);
    if (entity === 'payments') {
      for (const a of (record as SyncedPayment).applications) {
        if (a.invoiceNumber === undefined && !this.invoiceNumberById.has(a.invoiceId as string)) reasons.push(`applications: invoice id ${a.invoiceId} is not in the file`);
      }
    }
    return reasons;
  }

  accept(entity: SorEntity, key: string, record: SyncedRecordOf[SorEntity]): void {
    (this.keys.get(entity) as Set<string>).add(key);
    if (entity === 'customers') this.accountNumbers.add((record as SyncedRecordOf['customers']).accountNumber);
    if (entity === 'invoices') {
      const i = record as SyncedInvoice;
      this.invoiceNumbers.add(i.number);
      this.invoiceNumberById.set(i.sorId, i.number);
    }
  }
}

/** Validates parsed sor.json content; `path` only names the source in errors. */
export function parseSorJson(raw: unknown, path = 'sor.json'): SorJsonSnapshot {
  const header = headerSchema.safeParse(raw);
  if (!header.success) {
    throw new SorFileError(
      path,
      header.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const checks = new FileChecks();
  const skipped: SkippedRecord[] = [];
  const valid: { [E in SorEntity]: Array<{ record: SyncedRecordOf[E]; written: unknown }> } = { customers: [], contacts: [], invoices: [], payments: [], creditMemos: [] };
  for (const entity of SOR_ENTITIES) {
    const accepted = valid[entity] as Array<{ record: SyncedRecordOf[SorEntity]; written: unknown }>;
    for (const { at, record: wire, written } of locatedRecordsOf(raw, entity)) {
      const v = validateRecord(entity, wire);
      if (v.ok && v.deleted) continue; // a tombstone is not part of a snapshot
      const reasons = v.ok ? checks.problems(entity, v.key, v.record, written) : v.reasons;
      if (!v.ok || reasons.length > 0) {
        skipped.push({ entity, at, ...(v.key !== undefined && { key: v.key }), reasons });
        continue;
      }
      checks.accept(entity, v.key, v.record);
      accepted.push({ record: v.record, written });
    }
  }
  const { asOf, company } = header.data;
  return {
    asOf,
    company,
    customers: valid.customers.map(({ record, written: c }) => ({ ...record, enrolled: isObject(c) && typeof c['enrolled'] === 'boolean' ? c['enrolled'] : true })),
    contacts: valid.contacts.map(({ record: { source: _source, ...contact } }) => contact),
    invoices: valid.invoices.map((i) => i.record),
    payments: valid.payments.map(({ record: p }) => ({
      ...p,
      applications: p.applications.map((a) => ({ invoiceNumber: a.invoiceNumber ?? (checks.invoiceNumberById.get(a.invoiceId as string) as string), amount: a.amount })),
    })),
    creditMemos: valid.creditMemos.map((m) => m.record),
    skipped,
  };
}

/** One line per skipped record: "invoices[12] (I50013): amount: must not be negative; currency: …". */
export function describeSkipped(skipped: readonly SkippedRecord[]): string[] {
  return skipped.map((s) => `${s.at}${s.key !== undefined ? ` (${s.key})` : ''}: ${s.reasons.join('; ')}`);
}

/** Reads a dataset's sor.json. */
export async function loadSorJson(path: string): Promise<SorJsonSnapshot> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SorFileError(path, [`not valid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  return parseSorJson(raw, path);
}
