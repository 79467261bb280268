import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatMoney } from './format.js';

const nbsp = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('formatMoney', () => {
  it('writes amounts the way each language does', () => {
    expect(formatMoney({ amount: 12450, currency: 'USD' }, 'en')).toBe('$12,450.00');
    expect(nbsp(formatMoney({ amount: 12450, currency: 'EUR' }, 'de'))).toBe('12.450,00 €');
    expect(nbsp(formatMoney({ amount: 12450, currency: 'EUR' }, 'fr'))).toBe('12 450,00 €');
    expect(nbsp(formatMoney({ amount: 12450, currency: 'EUR' }, 'nl'))).toBe('€ 12.450,00');
    expect(formatMoney({ amount: -750, currency: 'USD' }, 'en')).toBe('-$750.00');
  });

  it('uses the currency minor units (JPY has none) and English for an undetermined language', () => {
    expect(formatMoney({ amount: 5000, currency: 'JPY' }, 'und')).toBe('¥5,000');
  });

  it('prints a malformed currency code after the number instead of throwing', () => {
    expect(formatMoney({ amount: 10, currency: 'EURO' }, 'en')).toBe('10.00 EURO');
  });
});

describe('formatCount', () => {
  it('groups whole numbers by language', () => {
    expect(formatCount(1250, 'en')).toBe('1,250');
    expect(formatCount(1250, 'de')).toBe('1.250');
  });
});

describe('formatDate', () => {
  it('formats the UTC calendar date whatever the host time zone', () => {
    const d = new Date('2026-11-20T00:00:00Z');
    expect(formatDate(d, 'en')).toBe('Nov 20, 2026');
    expect(formatDate(d, 'de')).toBe('20.11.2026');
    expect(formatDate(new Date('2026-11-20T23:30:00Z'), 'en')).toBe('Nov 20, 2026');
  });
});
