import { describe, expect, it } from 'vitest';
import {
  candidateKeys,
  classifyNumberMatch,
  invoiceNumberKey,
  invoicePrefixesOf,
  invoiceNumberShapes,
  invoiceShapeMatcher,
  numberShapeOf,
  oneTypoKeys,
  poNumberKey,
  ruleAllowed,
  transpositionKeys,
  invoiceSerialKey,
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

describe('invoiceNumberShapes', () => {
  const series = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

  it('writes the exact shape of one number', () => {
    expect(numberShapeOf('inv-204518')).toBe('INV-\\d{6}');
    expect(numberShapeOf('2026-001743')).toBe('\\d{4}-\\d{6}');
    expect(numberShapeOf('F.2026/7')).toBe('F\\.\\d{4}/\\d{1}');
  });

  it.each([
    ['INV-204518', series(40, (i) => `INV-${204500 + i * 7}`), '^INV-\\d{6}$'],
    ['RF-0012345', series(40, (i) => `RF-${String(12345 + i * 31).padStart(7, '0')}`), '^RF-\\d{7}$'],
    ['2026-001743', series(40, (i) => `${2025 + (i % 2)}-${String(1700 + i * 3).padStart(6, '0')}`), '^20\\d{2}-\\d{6}$'],
    ['9004512', series(40, (i) => String(9004512 + i * 97)), '^900\\d{4}$'],
  ])('summarises a %s scheme into one shape', (_, numbers, pattern) => {
    expect(invoiceNumberShapes(numbers)).toEqual([{ pattern, share: 1 }]);
  });

  it('keeps the common shapes of a mixed SoR, most common first, merging digit-run lengths', () => {
    const numbers = [...series(30, (i) => `INV-${99990 + i}`), ...series(15, (i) => `2026-${String(1743 + i).padStart(6, '0')}`), 'X-12345', '77'];
    expect(invoiceNumberShapes(numbers)).toEqual([
      { pattern: '^INV-\\d{5,6}$', share: 0.638 },
      { pattern: '^20\\d{2}-\\d{6}$', share: 0.319 },
    ]);
  });

  it('drops shapes with too few digits to tell apart from other numbers', () => {
    expect(invoiceNumberShapes(series(10, (i) => `A-${i + 10}`))).toEqual([]);
    expect(invoiceNumberShapes([])).toEqual([]);
  });
});

describe('invoiceShapeMatcher', () => {
  it('matches whole tokens of a shape in any case, with any or no separator where the shape has one', () => {
    const shaped = invoiceShapeMatcher([{ pattern: '^20\\d{2}-\\d{6}$', share: 0.7 }, { pattern: '^INV-\\d{6}$', share: 0.3 }]);
    expect(['2026-001743', '2026/001743', '2026001743', 'inv-204518', 'INV204518'].every(shaped)).toBe(true);
    expect(['2026-11-18', '2026-1743', '1926-001743', 'x2026-001743', '204518'].some(shaped)).toBe(false);
    expect(invoiceShapeMatcher([])('2026-001743')).toBe(false);
  });
});

describe('invoiceSerialKey', () => {
  it('is the last digit group of numbers with several groups', () => {
    expect(invoiceSerialKey('2026-001743')).toBe('1743');
    expect(invoiceSerialKey('INV-2026-0042')).toBe('42');
    expect(invoiceSerialKey('INV-204518')).toBeUndefined();
    expect(invoiceSerialKey('9004512')).toBeUndefined();
  });
});
