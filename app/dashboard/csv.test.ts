import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('writes a header of labels and one line per row, CRLF-terminated', () => {
    const csv = toCsv([{ key: 'a', label: 'A', type: 'text' }, { key: 'b', label: 'B, total', type: 'number' }], [{ a: 'x', b: 1 }, { a: null, b: 2.5 }]);
    expect(csv).toBe('A,"B, total"\r\nx,1\r\n,2.5\r\n');
  });
});
