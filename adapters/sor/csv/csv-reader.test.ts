import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-reader.js';

async function rows(chunks: string[], delimiter = ','): Promise<string[][]> {
  async function* gen() {
    yield* chunks;
  }
  const out: string[][] = [];
  for await (const r of csvRows(gen(), delimiter)) out.push(r);
  return out;
}

describe('csvRows', () => {
  it('reads quotes, escaped quotes, line breaks in fields, CRLF and a BOM, across chunk boundaries', async () => {
    expect(await rows(['\ufeffa,b\r\n"x, y","he said ""', 'hi"""\r\n"multi\nline",', 'z\n\n'])).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['multi\nline', 'z'],
    ]);
    expect(await rows(['a;b\n1;2'], ';')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
