// SorConnector over a dataset's sor.json (../shared/datasets/FORMAT.md). The file is read
// whole (the dataset format is one JSON document; use the CSV connector for large exports)
// and each entity is streamed in pages, unvalidated: the engine reports malformed records one
// by one instead of refusing the whole file as the eval loader does.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SorConnectorError, type SorConnector, type SorEntity, type SorPage, type SorReadOptions } from '../../../core/sor/sor-connector.js';
import { pagesOf } from '../paging.js';

type Raw = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The wire records of one entity in a parsed sor.json: customers without their contacts, contacts flattened. */
export function wireRecordsOf(file: unknown, entity: SorEntity): unknown[] {
  if (!isObject(file)) return [];
  const customers = asArray(file['customers']);
  switch (entity) {
    case 'customers':
      return customers.map((c) => {
        if (!isObject(c)) return c;
        const { contacts: _contacts, enrolled: _enrolled, ...customer } = c;
        return customer;
      });
    case 'contacts':
      return customers.flatMap((c) => (isObject(c) ? asArray(c['contacts']).map((ct) => (isObject(ct) ? { ...ct, customerId: c['id'] } : ct)) : []));
    default:
      return asArray(file[entity]);
  }
}

export class SorJsonConnector implements SorConnector {
  readonly kind = 'file';
  readonly sourceId: string;
  readonly capabilities = { modifiedSince: false, deletions: false, customerFilter: true };
  private file: Promise<unknown> | undefined;

  constructor(private readonly path: string) {
    this.sourceId = `file:${resolve(path)}`;
  }

  async *read(entity: SorEntity, options: SorReadOptions): AsyncGenerator<SorPage> {
    yield* pagesOf(entity, wireRecordsOf(await this.load(), entity), options);
  }

  private load(): Promise<unknown> {
    this.file ??= readFile(this.path, 'utf8').then(
      (text) => {
        try {
          return JSON.parse(text) as unknown;
        } catch (err) {
          throw new SorConnectorError('invalid_config', `${this.path}: not valid JSON (${(err as Error).message})`, { cause: err });
        }
      },
      (err: unknown) => {
        throw new SorConnectorError('not_found', `${this.path}: cannot read (${(err as Error).message})`, { cause: err });
      },
    );
    return this.file;
  }
}
