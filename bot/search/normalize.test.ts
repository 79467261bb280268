import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { typoDistance } from './normalize.js';

describe('typoDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(typoDistance('mulelr', 'muller')).toBe(1);
    expect(typoDistance('tubnae', 'tubane')).toBe(1);
    expect(typoDistance('ab', 'ba')).toBe(1);
    expect(typoDistance('industiral', 'industrial')).toBe(1);
  });

  it('agrees with Levenshtein when nothing is swapped', () => {
    const pairs: Array<[string, string]> = [['', ''], ['', 'abc'], ['kitten', 'sitting'], ['acme', 'acne'], ['same', 'same'], ['flaw', 'lawn']];
    for (const [a, b] of pairs) expect(typoDistance(a, b)).toBe(distance(a, b));
  });

  it('is never more than Levenshtein and never less than half of it', () => {
    const words = ['muller', 'mueller', 'societe', 'generale', 'acme', 'amce', 'cafe', 'facade', 'tubane', 'bakito'];
    for (const a of words) {
      for (const b of words) {
        const lev = distance(a, b);
        const osa = typoDistance(a, b);
        expect(osa).toBeLessThanOrEqual(lev);
        expect(osa * 2).toBeGreaterThanOrEqual(lev);
        expect(typoDistance(b, a)).toBe(osa);
      }
    }
  });
});
