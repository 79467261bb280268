// SorConnector over a folder of CSV exports, one file per entity, mapped by csv-mapping.ts.
// Files are streamed row by row; a missing file is an entity the export does not have.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SorConnectorError, type SorConnector, type SorEntity, type SorPage, type SorReadOptions } from '../../../core/sor/sor-connector.js';
import { pagesOf } from '../paging.js';
import { csvRecords } from './csv-reader.js';
import { csvMappingSchema, DEFAULT_FILES, mappingProblems, rowToWire, type CsvMapping } from './csv-mapping.js';

export class CsvConnector implements SorConnector {
  readonly kind = 'csv';
  readonly sourceId: string;
  readonly capabilities = { modifiedSince: true, deletions: true, customerFilter: true };
  private readonly mapping: CsvMapping;

  /** `mapping` is the "csv" part of the mapping file (validated here). */
  constructor(private readonly dir: string, mapping: unknown = {}) {
    this.sourceId = `csv:${resolve(dir)}`;
    const parsed = csvMappingSchema.safeParse(mapping ?? {});
    if (!parsed.success) {
      throw new SorConnectorError('invalid_config', `CSV mapping: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    const problems = mappingProblems(parsed.data);
    if (problems.length > 0) throw new SorConnectorError('invalid_config', `CSV mapping: ${problems.join('; ')}`);
    this.mapping = parsed.data;
  }

  /** The file an entity is read from. */
  fileOf(entity: SorEntity): string {
    return join(this.dir, this.mapping.entities[entity]?.file ?? DEFAULT_FILES[entity]);
  }

  async *read(entity: SorEntity, options: SorReadOptions): AsyncGenerator<SorPage> {
    const path = this.fileOf(entity);
    try {
      await access(path);
    } catch {
      return; // this export has no such file: nothing to read for the entity
    }
    const mapping = this.mapping;
    async function* wire() {
      for await (const row of csvRecords(path, mapping.delimiter)) yield rowToWire(entity, row, mapping);
    }
    yield* pagesOf(entity, wire(), options);
  }
}
