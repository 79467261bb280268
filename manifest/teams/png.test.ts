import { describe, expect, it } from 'vitest';
import { decodePng } from '../../test/support/decode-png.js';
import { encodePng, PNG_SIGNATURE } from './png.js';

describe('encodePng', () => {
  it('writes a PNG that reads back pixel for pixel', () => {
    const pixels = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40, 1, 2, 3, 4, 5, 6, 7, 8]);
    const png = encodePng({ width: 3, height: 2, pixels });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width: 3, height: 2, bitDepth: 8, colorType: 6, chunkTypes: ['IHDR', 'IDAT', 'IEND'] });
    expect([...decoded.pixels]).toEqual([...pixels]);
  });

  it('refuses pixel data that does not fit the size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(15) })).toThrow(/expected 16 bytes/);
    expect(() => encodePng({ width: 0, height: 2, pixels: new Uint8Array(0) })).toThrow(/positive integers/);
  });
});
