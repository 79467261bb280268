// SorConnector over a dataset's sor.json (../shared/datasets/FORMAT.md). The file is read
// whole (the dataset format is one JSON document; use the CSV connector for large exports)
// and each entity is streamed in pages, unvalidated: the engine validates every record
// (validateRecord) and reports the malformed ones one by one, as loadSorJson does.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SorConnectorError, type SorConnector, type SorEntity, type SorPage, type SorReadOptions } from '../../../core/sor/sor-connector.js';
import { pagesOf } from '../paging.js';
import { wireRecordsOf } from './sor-json.js';

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
