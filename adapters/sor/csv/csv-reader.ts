// A streaming RFC 4180 CSV reader: quoted fields with commas, quotes ("") and line breaks,
// CRLF or LF, a leading BOM. Rows come out one at a time, so memory stays flat however long
// the file is.
import { createReadStream } from 'node:fs';

/** Parses CSV text arriving in chunks into rows of fields. */
export async function* csvRows(chunks: AsyncIterable<string>, delimiter = ','): AsyncGenerator<string[]> {
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: either "" or the closing quote
  let first = true;
  let sawAny = false;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      sawAny = true;
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // the quote closed the field; fall through to handle ch
        } else if (ch === '"') {
          quotePending = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      if (ch === '"' && field === '') inQuotes = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n') {
        row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        field = '';
        if (!(row.length === 1 && row[0] === '')) yield row;
        row = [];
      } else field += ch;
    }
  }
  if (quotePending) inQuotes = false;
  if (sawAny && (field !== '' || row.length > 0)) {
    row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield row;
  }
}

/** Rows of a CSV file as objects keyed by the header row. */
export async function* csvRecords(path: string, delimiter = ','): AsyncGenerator<Record<string, string>> {
  let header: string[] | undefined;
  for await (const row of csvRows(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }), delimiter)) {
    if (header === undefined) {
      header = row.map((h) => h.trim());
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = row[i] ?? '';
    });
    yield record;
  }
}
