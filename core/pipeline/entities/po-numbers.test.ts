import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';

const pos = (text: string): string[] => extractEntities(text).poNumbers;

describe('PO numbers', () => {
  it.each([
    ['Copy of INV-204875 (PO-88881)', ['PO-88881']],
    ['PO# 4500123', ['4500123']],
    ['our P.O. 4500123 was received', ['4500123']],
    ['Invoices needed for PO SVH65800 and SVH95007', ['SVH65800', 'SVH95007']],
    ['We received goods against PO SVH65800 and PO SVH95007', ['SVH65800', 'SVH95007']],
    ['purchase order 4500123', ['4500123']],
    ['Bestellnummer 4500123', ['4500123']],
    ['Ihre Bestellung Nr. 4500123', ['4500123']],
    ['bon de commande BC-2231', ['BC-2231']],
    ['commande DM-16942', ['DM-16942']],
    ['orden de compra OC-4471', ['OC-4471']],
    ['nuestro pedido 4500123', ['4500123']],
    ["ordine d'acquisto 4500123", ['4500123']],
    ['inkoopordernummer 7781234', ['7781234']],
    ['encomenda ENC/2026/0530', ['ENC/2026/0530']],
  ])('%s', (text, expected) => expect(pos(text)).toEqual(expected));

  it('ignores PO boxes, lower-case "po" and words without digits', () => {
    expect(pos('P.O. Box 1180, Swift Current')).toEqual([]);
    expect(pos('un po di pazienza 12345')).toEqual([]);
    expect(pos('Pedido de 2ª via de fatura')).toEqual([]);
  });

  it('a PO number is not also an invoice reference', () => {
    const e = extractEntities('Invoice for PO 4500012877');
    expect(e.poNumbers).toEqual(['4500012877']);
    expect(e.invoiceNumbers).toEqual([]);
  });
});

describe('PO numbers in a sentence', () => {
  it('reads "our PO number is …"', () => {
    expect(pos('Invoice for our PO number is 4500123')).toEqual(['4500123']);
    expect(extractEntities('Invoice for our PO number is 4500123').invoiceNumbers).toEqual([]);
  });
});
