import { describe, expect, it } from 'vitest';
import { decodeLatin1, decodeTextBytes, decodeUtf8OrLatin1, isKnownCharset } from './charset.js';
import { ProblemList } from './problem-list.js';

describe('charset decoding', () => {
  it('reads latin-1 as windows-1252, so 0x80 is the euro sign', () => {
    expect(decodeLatin1(Uint8Array.from([0x80, 0x20, 0xe9, 0x93, 0x94]))).toBe('€ é“”');
  });

  it('tells UTF-8 with damage from latin-1', () => {
    expect(decodeUtf8OrLatin1(Buffer.from('Straße', 'utf8'))).toEqual({ text: 'Straße', latin1: false, replaced: false });
    expect(decodeUtf8OrLatin1(Buffer.from('Straße', 'latin1'))).toEqual({ text: 'Straße', latin1: true, replaced: false });
    expect(decodeUtf8OrLatin1(Buffer.concat([Buffer.from('ß', 'utf8'), Buffer.from([0xff])])).replaced).toBe(true);
  });

  it('decodes known charsets and records unknown ones', () => {
    const problems = new ProblemList();
    expect(decodeTextBytes(Uint8Array.from([0xa4]), 'ISO-8859-15', problems)).toBe('€');
    expect(decodeTextBytes(Uint8Array.from([0xc0]), 'windows-1251', problems)).toBe('А');
    expect(problems.toArray()).toEqual([]);
    expect(decodeTextBytes(Buffer.from('é', 'latin1'), 'x-klingon', problems)).toBe('é');
    expect(problems.toArray()).toEqual(['unknown charset x-klingon; decoded as latin-1']);
    expect(isKnownCharset('utf-8')).toBe(true);
    expect(isKnownCharset('x-klingon')).toBe(false);
  });
});
