import { describe, expect, it } from 'vitest';
import { parseAmountNumber } from './amounts.js';
import { extractEntities } from './extract.js';

const amounts = (text: string, dollarCurrency?: string) =>
  extractEntities(text, dollarCurrency ? { dollarCurrency } : {}).amounts.map((a) => [a.raw, a.value, a.currency]);

describe('amounts', () => {
  it.each([
    ['total $12,450.00 due', [['$12,450.00', 12450, 'USD']]],
    ['Betrag 12.450,00 € offen', [['12.450,00 €', 12450, 'EUR']]],
    ['IVA EUR 1.342,00', [['EUR 1.342,00', 1342, 'EUR']]],
    ['solde de 178,31 $', [['178,31 $', 178.31, 'USD']]],
    ['total CAD 3 200,50', [['CAD 3 200,50', 3200.5, 'CAD']]],
    ['a USD 16.25 c/u', [['USD 16.25', 16.25, 'USD']]],
    ['a US$16.25 c/u', [['US$16.25', 16.25, 'USD']]],
    ['virement de 2 887,49 EUR', [['2 887,49 EUR', 2887.49, 'EUR']]],
    ['€ 11.049,37 overgemaakt', [['€ 11.049,37', 11049.37, 'EUR']]],
    ['for $1,550 only', [['$1,550', 1550, 'USD']]],
    ['£99.95', [['£99.95', 99.95, 'GBP']]],
  ])('%s', (text, expected) => expect(amounts(text)).toEqual(expected));

  it('resolves a bare dollar sign to the configured currency', () => {
    expect(amounts('solde de 178,31 $', 'CAD')).toEqual([['178,31 $', 178.31, 'CAD']]);
  });

  it('ignores numbers without a currency', () => {
    expect(amounts('qty 12 cylinders, 3.25" bore')).toEqual([]);
  });

  it('parses both grouping conventions', () => {
    expect(parseAmountNumber('12,450.00')).toBe(12450);
    expect(parseAmountNumber('12.450,00')).toBe(12450);
    expect(parseAmountNumber('1.550')).toBe(1550);
    expect(parseAmountNumber('1,5')).toBe(1.5);
    expect(parseAmountNumber("1'250.50")).toBe(1250.5);
    expect(parseAmountNumber('3 200,50')).toBe(3200.5);
  });
});

describe('amounts across lines', () => {
  it('a currency sign at the end of a line does not take the next line’s number', () => {
    expect(amounts('7.215,40 €\n000204868 12.11.2026')).toEqual([['7.215,40 €', 7215.4, 'EUR']]);
  });
});
