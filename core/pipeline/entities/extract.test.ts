import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';

describe('extractEntities', () => {
  it('finds every kind of reference in one email', () => {
    const text = [
      'Subject: Payment - check #34052 / short pay on INV-204535',
      'Check #34052 for $7,158.30 went out on Nov 16. It covers:',
      '  INV-204518    $5,914.58    paid in full',
      '  INV-204535    $1,743.72    paid $1,243.72 (short $500.00)',
      'Delivery under PO HG66372, account 178-6603.',
      'Vanessa Cho | T 614.555.0139 | Columbus, OH 43235',
    ].join('\n');
    const e = extractEntities(text, { language: 'en', referenceDate: new Date('2026-11-20T00:00:00Z') });
    expect(e.invoiceNumbers).toEqual(['INV-204535', 'INV-204518']);
    expect(e.poNumbers).toEqual(['HG66372']);
    expect(e.accountNumbers).toEqual(['178-6603']);
    expect(e.paymentReferences).toEqual(['Check 34052']);
    expect(e.amounts.map((a) => a.value)).toEqual([7158.3, 5914.58, 1743.72, 1243.72, 500]);
    expect(e.dates).toEqual([{ iso: '2026-11-16', raw: 'Nov 16' }]);
  });

  it('returns raw text as written, even with typographic dashes and no-break spaces', () => {
    const e = extractEntities('copies of INV\u2013204648 and total CAD\u00a03\u202f200,50');
    expect(e.invoiceNumbers).toEqual(['INV\u2013204648']);
    expect(e.amounts).toEqual([{ value: 3200.5, currency: 'CAD', raw: 'CAD\u00a03\u202f200,50' }]);
  });

  it('is empty for text without references', () => {
    expect(extractEntities('Thanks, got it!')).toEqual({ invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] });
  });

  it('is fast on long text', () => {
    const text = 'Please send copies of INV-204518 and 204535 for account 100-2231, $1,234.56 due 11/04/2026.\n'.repeat(2000);
    const started = performance.now();
    extractEntities(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('PO numbers versus invoice numbers', () => {
  it('does not read an invoice number with the SoR prefix as a PO number, even under a PO heading', () => {
    const e = extractEntities('Invoice #    Our PO\nRF-0060438   PO-89270\nRF-0060702   PO-89947', { invoicePrefixes: ['RF'] });
    expect(e.invoiceNumbers).toEqual(['RF-0060438', 'RF-0060702']);
    expect(e.poNumbers).toEqual(['PO-89270', 'PO-89947']);
  });
});
