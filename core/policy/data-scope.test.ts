import { describe, expect, it } from 'vitest';
import { dataScopeOf } from './data-scope.js';

describe('dataScopeOf', () => {
  it('limits invoice copies to those invoices and treats everything else (or nothing) as account data', () => {
    expect(dataScopeOf(['invoice_copy'])).toBe('invoices');
    expect(dataScopeOf(['invoice_copy', 'balance_statement'])).toBe('account');
    expect(dataScopeOf(['payment_status'])).toBe('account');
    expect(dataScopeOf([])).toBe('account');
  });
});
