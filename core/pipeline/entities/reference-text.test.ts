import { describe, expect, it } from 'vitest';
import { isReplySubject, referenceText } from './reference-text.js';

describe('reference text', () => {
  it('recognises reply subjects in several languages', () => {
    for (const s of ['Re: Copy of INV-1', 'RE: x', 'AW: Rechnung', 'SV: faktura', 'Antw: factuur', 'R: fattura', 'RIF: x', 'RES: fatura', '[EXT] Re: x', 'Re[2]: x']) {
      expect(isReplySubject(s)).toBe(true);
    }
    for (const s of ['Copy of INV-1', 'FW: ACH confirmation', 'Read: Invoice INV-1', 'Automatic reply: Past due', 'Rechnung 204518']) {
      expect(isReplySubject(s)).toBe(false);
    }
  });

  it("leaves out a reply's subject but keeps any other subject, the new text and supporting text", () => {
    expect(referenceText({ subject: 'RE: Copy of INV-204665', newText: 'W-9 please', supportingText: '' })).toBe('W-9 please');
    expect(referenceText({ subject: 'Copy of INV-204665', newText: 'Thanks', supportingText: 'INV-1,10.00' })).toBe('Copy of INV-204665\n\nThanks\n\nINV-1,10.00');
  });
});
