import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/pipeline/intents.js';
import { labelsFor, pageLabel } from './labels.js';
import { toWinAnsi } from './win-ansi.js';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('document labels', () => {
  it('are all printable in Helvetica unchanged, in every language', () => {
    for (const language of LANGUAGES) {
      for (const s of strings(labelsFor(language))) expect(toWinAnsi(s), `${language}: ${s}`).toBe(s);
    }
  });

  it('fill in the page label', () => {
    expect(pageLabel(labelsFor('de'), 2, 5)).toBe('Seite 2 von 5');
    expect(pageLabel(labelsFor('und'), 1, 1)).toBe('Page 1 of 1');
  });
});
