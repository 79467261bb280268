// Pages over records already in memory or streamed row by row, shared by the file and CSV
// connectors: the modified-since and customer filters, page size, and a checkpoint that is
// the number of source rows consumed (resuming skips that many rows).
import type { SorEntity, SorPage, SorReadOptions } from '../../core/sor/sor-connector.js';

/** Whether a wire record passes the read filters (records without a stamp always pass `modifiedSince`). */
export function passesFilters(entity: SorEntity, record: Record<string, unknown>, options: SorReadOptions): boolean {
  if (options.customerId !== undefined) {
    const owner = entity === 'customers' ? record['id'] : record['customerId'];
    if (owner !== options.customerId) return false;
  }
  if (options.modifiedSince !== undefined && typeof record['modifiedAt'] === 'string') {
    const at = new Date(record['modifiedAt']);
    if (!Number.isNaN(at.getTime()) && at < options.modifiedSince) return false;
  }
  return true;
}

/** Groups a stream of source rows into pages; the checkpoint counts the rows consumed, filtered or not. */
export async function* pagesOf(
  entity: SorEntity,
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  options: SorReadOptions,
): AsyncGenerator<SorPage> {
  const skip = options.resumeFrom === undefined ? 0 : Number(options.resumeFrom);
  let consumed = 0;
  let page: unknown[] = [];
  for await (const row of rows) {
    consumed++;
    if (consumed <= skip) continue;
    if (typeof row !== 'object' || row === null || passesFilters(entity, row as Record<string, unknown>, options)) page.push(row);
    if (page.length >= options.pageSize) {
      yield { records: page, checkpoint: String(consumed) };
      page = [];
    }
  }
  if (page.length > 0) yield { records: page, checkpoint: String(consumed) };
}
