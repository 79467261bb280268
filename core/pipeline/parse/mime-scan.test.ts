import { describe, expect, it } from 'vitest';
import { boundaryOf, scanMime } from './mime-scan.js';

const raw = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

describe('scanMime', () => {
  it('finds the header blocks of nested parts', () => {
    const scan = scanMime(
      raw(['Content-Type: multipart/mixed; boundary="m"', '', '--m', 'Content-Type: multipart/alternative;', ' boundary=a', '', '--a', 'Content-Type: text/plain', '', 'hi', '--a--', '--m', 'Content-Type: text/csv', '', 'x,y', '--m--', '']),
    );
    expect(scan.declared).toEqual(['m', 'a']);
    expect(scan.parts.map((p) => scan.text.slice(p.start, p.end).split('\r\n')[0])).toEqual(['Content-Type: multipart/alternative;', 'Content-Type: text/plain', 'Content-Type: text/csv']);
    expect(scan.missing).toEqual([]);
    expect(scan.unclosed).toEqual([]);
  });

  it('reports boundaries never used and never closed', () => {
    expect(scanMime(raw(['Content-Type: multipart/mixed; boundary=b', '', 'no parts'])).missing).toEqual(['b']);
    expect(scanMime(raw(['Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'cut off'])).unclosed).toEqual(['b']);
  });

  it('ignores header-like lines in bodies', () => {
    const scan = scanMime(raw(['Content-Type: text/plain', '', 'Content-Type: multipart/mixed; boundary=zz', '--zz']));
    expect(scan.declared).toEqual([]);
    expect(scan.parts).toEqual([]);
  });

  it('reads boundary parameters', () => {
    expect(boundaryOf('multipart/mixed; boundary="----=_Part_1"')).toBe('----=_Part_1');
    expect(boundaryOf('Multipart/Alternative; charset=x; BOUNDARY=abc')).toBe('abc');
    expect(boundaryOf('text/plain; boundary=abc')).toBeUndefined();
  });
});
