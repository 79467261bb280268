// How CSV exports map onto the wire records: one file per entity, a column per field (named
// in the mapping, else the field's own name), value maps (e.g. status "Open" → "open"), and
// separators for list columns. Given in the file ARBOT_SOR_MAPPING points to, under "csv".
import { z } from 'zod';
import type { SorEntity } from '../../../core/sor/sor-connector.js';

/** Every wire field a CSV column can fill, per entity. */
export const CSV_FIELDS = {
  customers: ['id', 'accountNumber', 'name', 'currency', 'domains', 'billingOwner', 'status', 'modifiedAt', 'deleted'],
  contacts: ['customerId', 'name', 'email', 'role', 'modifiedAt', 'deleted'],
  invoices: ['id', 'number', 'customerId', 'poNumber', 'issueDate', 'dueDate', 'currency', 'amount', 'balance', 'status', 'contactEmails', 'pdfUrl', 'modifiedAt', 'deleted'],
  payments: ['id', 'customerId', 'date', 'amount', 'currency', 'method', 'reference', 'applications', 'modifiedAt', 'deleted'],
  creditMemos: ['id', 'number', 'customerId', 'date', 'amount', 'balance', 'currency', 'modifiedAt', 'deleted'],
} as const satisfies Record<SorEntity, readonly string[]>;

const LIST_FIELDS = new Set(['domains', 'contactEmails']);

const entityMapping = z.strictObject({
  file: z.string().min(1).optional(),
  /** field → column name */
  columns: z.record(z.string(), z.string()).default({}),
  /** field → (CSV value → wire value) */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});

export const csvMappingSchema = z.strictObject({
  delimiter: z.string().length(1).default(','),
  /** Separates the items of list columns (domains, contactEmails) and of applications. */
  listSeparator: z.string().min(1).default(';'),
  /** Separates an application's invoice number from its amount ("INV-1:500.00"). */
  applicationSeparator: z.string().min(1).default(':'),
  entities: z
    .strictObject({
      customers: entityMapping.optional(),
      contacts: entityMapping.optional(),
      invoices: entityMapping.optional(),
      payments: entityMapping.optional(),
      creditMemos: entityMapping.optional(),
    })
    .default({}),
});

export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** File names when the mapping names none: customers.csv, contacts.csv, invoices.csv, payments.csv, credit-memos.csv. */
export const DEFAULT_FILES: Record<SorEntity, string> = {
  customers: 'customers.csv',
  contacts: 'contacts.csv',
  invoices: 'invoices.csv',
  payments: 'payments.csv',
  creditMemos: 'credit-memos.csv',
};

/** Problems with a mapping that zod cannot see: columns for fields that do not exist. */
export function mappingProblems(mapping: CsvMapping): string[] {
  const problems: string[] = [];
  for (const [entity, m] of Object.entries(mapping.entities) as Array<[SorEntity, z.infer<typeof entityMapping> | undefined]>) {
    const fields: readonly string[] = CSV_FIELDS[entity];
    for (const field of [...Object.keys(m?.columns ?? {}), ...Object.keys(m?.values ?? {})]) {
      if (!fields.includes(field)) problems.push(`csv.entities.${entity}: unknown field ${field} (fields: ${fields.join(', ')})`);
    }
  }
  return problems;
}

/** Maps one CSV row onto a wire record of `entity`; empty cells are left out, so "missing" is reported as such. */
export function rowToWire(entity: SorEntity, row: Record<string, string>, mapping: CsvMapping): Record<string, unknown> {
  const m = mapping.entities[entity];
  const out: Record<string, unknown> = {};
  for (const field of CSV_FIELDS[entity]) {
    const column = m?.columns[field] ?? field;
    const cell = row[column];
    if (cell === undefined) continue;
    const trimmed = cell.trim();
    if (trimmed === '') {
      if (field === 'poNumber') out[field] = null;
      continue;
    }
    const value = m?.values[field]?.[trimmed] ?? trimmed;
    if (LIST_FIELDS.has(field)) out[field] = value.split(mapping.listSeparator).map((s) => s.trim()).filter((s) => s !== '');
    else if (field === 'applications') out[field] = parseApplications(value, mapping);
    else if (field === 'deleted') out[field] = /^(true|1|yes|y)$/i.test(value);
    else out[field] = value;
  }
  if (entity === 'payments' && out['applications'] === undefined) out['applications'] = [];
  return out;
}

/** "INV-1:500.00;INV-2:250" → applications; a malformed item is kept as-is so validation names it. */
function parseApplications(text: string, mapping: CsvMapping): unknown[] {
  return text
    .split(mapping.listSeparator)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((item) => {
      const at = item.lastIndexOf(mapping.applicationSeparator);
      return at <= 0 ? { invoiceNumber: item } : { invoiceNumber: item.slice(0, at).trim(), amount: item.slice(at + 1).trim() };
    });
}
