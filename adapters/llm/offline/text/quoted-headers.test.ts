import { describe, expect, it } from 'vitest';
import { withoutQuotedHeaderLines } from './quoted-headers.js';

describe('withoutQuotedHeaderLines', () => {
  it('blanks the header lines of a reported message in any language', () => {
    const receipt = 'uw bericht\n\n  aan: pieter\n  onderwerp: overzicht openstaande posten\n\nis gelezen op maandag.';
    expect(withoutQuotedHeaderLines(receipt)).not.toContain('openstaande');
    expect(withoutQuotedHeaderLines('ditt meddelande\namne: faktura 12\nlastes den 2 mars')).not.toContain('faktura');
    expect(withoutQuotedHeaderLines('> subject: statement please')).not.toContain('statement');
  });

  it('keeps sentences that only contain a colon', () => {
    const text = 'please note: our address changes on monday';
    expect(withoutQuotedHeaderLines(text)).toBe(text);
  });
});
