import { describe, expect, it } from 'vitest';
import { poNumberKey } from '../invoice-number.js';
import { labelledPoKeys } from './po-label-keys.js';

describe('labelledPoKeys', () => {
  it('puts the labels POs are stored with in front of a bare value', () => {
    expect(labelledPoKeys('LF-3498')).toContain(poNumberKey('PO#LF-3498'));
    expect(labelledPoKeys('2026/0619')).toContain(poNumberKey('OC 2026/0619'));
    expect(labelledPoKeys('5601')).toContain(poNumberKey('Order 5601'));
  });

  it('adds nothing to values without digits and never repeats the label already there', () => {
    expect(labelledPoKeys('ABC')).toEqual([]);
    expect(labelledPoKeys('OC-2026-0311')).not.toContain('OCOC20260311');
  });
});

describe('labelledPoKeys: the order word as the label', () => {
  it('finds a PO stored with the order word in front of it', () => {
    expect(labelledPoKeys('00489')).toContain(poNumberKey('Pedido 00489'));
    expect(labelledPoKeys('7781')).toContain(poNumberKey('Bestellung 7781'));
    expect(labelledPoKeys('A-2210')).toContain(poNumberKey('Commande A-2210'));
  });
});
