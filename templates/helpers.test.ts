import { describe, expect, it } from 'vitest';
import { templateHelpers } from './helpers.js';

// Handlebars passes its options object as the last argument.
const options = { hash: {} };

describe('templateHelpers', () => {
  it('formats money with the currency and the locale', () => {
    const { money } = templateHelpers('de-DE');
    expect(money?.({ amount: 1234.5, currency: 'EUR' }, options)).toBe('1.234,50\u00a0€');
    expect(money?.(1234.5, 'USD', options)).toBe('1.234,50\u00a0$');
    expect(templateHelpers('en-US').money?.(-0.5, 'USD', options)).toBe('-$0.50');
  });

  it('formats dates long, in UTC', () => {
    const { date } = templateHelpers('fr-FR');
    expect(date?.(new Date('2026-11-20T23:30:00Z'), options)).toBe('20 novembre 2026');
    expect(templateHelpers('en-US').date?.(new Date('2026-11-20T00:00:00Z'), options)).toBe('November 20, 2026');
  });

  it('says what it expected when given the wrong thing', () => {
    const { money, date } = templateHelpers('en-US');
    expect(() => money?.({ amount: 1 }, options)).toThrow('money expects an amount with its currency ({{money balance}} or {{money total currency}}), got an object with amount');
    expect(() => money?.(5, options)).toThrow(/got 5/);
    expect(() => date?.('2026-11-20', options)).toThrow('date expects a date, got "2026-11-20"');
  });

  it('compares two values', () => {
    const { eq } = templateHelpers('en-US');
    expect(eq?.('wire', 'wire', options)).toBe(true);
    expect(eq?.(1, '1', options)).toBe(false);
  });
});
