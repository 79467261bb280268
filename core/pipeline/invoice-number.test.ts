import { describe, expect, it } from 'vitest';
import {
  candidateKeys,
  classifyNumberMatch,
  invoiceNumberKey,
  invoicePrefixesOf,
  oneTypoKeys,
  poNumberKey,
  ruleAllowed,
  transpositionKeys,
} from './invoice-number.js';

describe('invoiceNumberKey', () => {
  it.each([
    ['INV-204518', '204518'],
    ['inv 204518', '204518'],
    ['INV204518', '204518'],
    ['inv.204518', '204518'],
    ['INV_204518', '204518'],
    ['INV–204518', '204518'],
    ['204518', '204518'],
    ['000204518', '204518'],
    ['INV-0204518', '204518'],
    ['#204518', '204518'],
    ['0', '0'],
  ])('%s → %s', (raw, key) => expect(invoiceNumberKey(raw)).toBe(key));

  it('keeps mixed alphanumeric numbers as upper-case alphanumerics', () => {
    expect(invoiceNumberKey('2026-a-0042')).toBe('2026A0042');
    expect(invoiceNumberKey('F2026/00123')).toBe('202600123');
  });
});

describe('poNumberKey', () => {
  it('drops separators, case and a leading PO marker', () => {
    expect(poNumberKey('PO-88213')).toBe('88213');
    expect(poNumberKey('po 88213')).toBe('88213');
    expect(poNumberKey('88213')).toBe('88213');
    expect(poNumberKey('svh65800')).toBe('SVH65800');
    expect(poNumberKey('ENC/2026/0530')).toBe('ENC20260530');
    expect(poNumberKey('JOB 2252-07')).toBe('JOB225207');
    expect(poNumberKey('POLAR-12')).toBe('POLAR12');
  });
});

describe('fuzzy keys', () => {
  it('one typo: 9 variants per digit, never a new leading zero', () => {
    const keys = oneTypoKeys('204518');
    expect(keys).toHaveLength(6 * 9 - 1);
    expect(keys).toContain('204528');
    expect(keys).not.toContain('004518');
    expect(keys).not.toContain('204518');
  });

  it('transposition: adjacent different digits swapped', () => {
    expect(transpositionKeys('204940')).toEqual(['024940', '240940', '209440', '204490', '204904'].filter((k) => !k.startsWith('0')));
    expect(transpositionKeys('211111')).toEqual(['121111']);
  });

  it('short or non-numeric keys get no fuzzy variants', () => {
    expect(oneTypoKeys('1234')).toEqual([]);
    expect(transpositionKeys('2026A0042')).toEqual([]);
  });
});

describe('candidateKeys', () => {
  it('starts with the exact key, then transpositions, then typos', () => {
    const keys = candidateKeys('INV-204940');
    expect(keys[0]).toEqual({ key: '204940', rule: 'exact' });
    expect(keys).toContainEqual({ key: '204904', rule: 'transposed_digits' });
    expect(keys).toContainEqual({ key: '204941', rule: 'one_digit_typo' });
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });

  it('respects the options', () => {
    expect(candidateKeys('INV-204940', { oneTypo: false, transposition: false })).toEqual([{ key: '204940', rule: 'exact' }]);
    expect(candidateKeys('INV-204940', { oneTypo: false }).every((k) => k.rule !== 'one_digit_typo')).toBe(true);
  });
});

describe('classifyNumberMatch', () => {
  it.each([
    ['INV-204518', 'INV-204518', 'exact'],
    ['inv 204518', 'INV-204518', 'case_or_separators'],
    ['INV204518', 'INV-204518', 'case_or_separators'],
    ['204518', 'INV-204518', 'missing_prefix'],
    ['000204518', 'INV-204518', 'leading_zeros'],
    ['INV-0204518', 'INV-204518', 'leading_zeros'],
    ['#204518', 'INV-204518', 'missing_prefix'],
    ['CM-204518', 'INV-204518', undefined],
  ])('%s vs %s → %s', (raw, number, rule) => expect(classifyNumberMatch(raw, number)).toBe(rule));
});

describe('ruleAllowed', () => {
  it('exact is always allowed; the rest follow the options', () => {
    expect(ruleAllowed('exact', { caseAndSeparators: false })).toBe(true);
    expect(ruleAllowed('case_or_separators', { caseAndSeparators: false })).toBe(false);
    expect(ruleAllowed('leading_zeros')).toBe(true);
    expect(ruleAllowed('po_number', { poNumbers: false })).toBe(false);
  });
});

describe('invoicePrefixesOf', () => {
  it('lists the letter prefixes of SoR invoice numbers, most frequent first', () => {
    expect(invoicePrefixesOf(['INV-1001', 'inv-1002', 'IN2026-7', '12345', 'F/2026/1', 'INV-1003'])).toEqual(['INV', 'IN', 'F']);
  });
});
