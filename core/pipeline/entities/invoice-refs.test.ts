import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';

const invoices = (text: string): string[] => extractEntities(text).invoiceNumbers;

describe('invoice references', () => {
  it.each([
    ['Please send INV-204518.', ['INV-204518']],
    ['can u send me inv 204518? thx', ['inv 204518']],
    ['Resend inv.204518 - file unreadable', ['inv.204518']],
    ['copy of INV_204518 please', ['INV_204518']],
    ['copy of INV204518 please', ['INV204518']],
    ['copies of INV–204518 and INV 204535', ['INV–204518', 'INV 204535']],
    ['Invoice #204518 is missing', ['204518']],
    ['invoice no. 204518', ['204518']],
    ['Invoice Number: INV-204518', ['INV-204518']],
    ['we pay 000204752 next week per our invoice list', ['000204752']],
  ])('English: %s', (text, expected) => expect(invoices(text)).toEqual(expected));

  it.each([
    ['Pourriez-vous envoyer la facture n° 204518 ?', ['204518']],
    ['Bitte senden Sie uns die Rechnung Nr. 204518 erneut.', ['204518']],
    ['Rechnungsnummer: 204518', ['204518']],
    ['Les agradecería copia de la factura 204518.', ['204518']],
    ['Factura nº 204518', ['204518']],
    ['Vi chiediamo copia della fattura n. 204518.', ['204518']],
    ['Kunt u factuur 204518 opnieuw sturen?', ['204518']],
    ['Solicitamos a 2.ª via da fatura nº 204518.', ['204518']],
    ['fatura n.º 204518', ['204518']],
  ])('other languages: %s', (text, expected) => expect(invoices(text)).toEqual(expected));

  it.each([
    ['invoices 204518, 204535 and 204540', ['204518', '204535', '204540']],
    ['INV-204518/204535', ['INV-204518', '204535']],
    ['Missing invoices 000204752 / 000204763', ['000204752', '000204763']],
    ['invoice nos. 000204752 and 000204763', ['000204752', '000204763']],
    ['Rechnungen INV-204376, INV-204389 und INV-204630', ['INV-204376', 'INV-204389', 'INV-204630']],
    ['factures 204518 et 204535', ['204518', '204535']],
    ['fatture n. 204518 e 204535', ['204518', '204535']],
  ])('lists: %s', (text, expected) => expect(invoices(text)).toEqual(expected));

  it('takes bare numbers only where the clause makes them invoices', () => {
    expect(invoices('can you send me copies of 204518 and inv 204535?')).toEqual(['204518', 'inv 204535']);
    expect(invoices('i ment it for #204634 and whatever was left on 204506')).toEqual(['204634', '204506']);
    expect(invoices('Please send a copy of 204518.')).toEqual(['204518']);
    expect(invoices('Our reference 204518 is attached.')).toEqual([]);
    expect(invoices('Registergericht: Amtsgericht Ulm HRB 530118')).toEqual([]);
    expect(invoices('Invoice INV-204518 was raised under ticket #778899.')).toEqual(['INV-204518']);
  });

  it('does not read phones, zip codes, years, amounts, dates, POs, accounts or payment references as invoices', () => {
    const text = [
      'Invoice question from Cleveland, OH 44105 — P: (216) 555-0187, Tel. +49 7161 555-214',
      'Invoice for 2026, amount $204,518.00 dated 11/04/2026',
      'Invoice against PO 4500123456 and account 100-2231',
      'Invoice paid by check 204518 and ACH trace 021000021162022',
      'See https://portal.example/invoices/204518 or mail invoices204518@acme.example',
    ].join('\n');
    expect(invoices(text)).toEqual([]);
  });

  it('reports each invoice once, first spelling kept', () => {
    expect(invoices('INV-204518 … as said, inv 204518 and 000204518')).toEqual(['INV-204518']);
  });
});

describe('SoR invoice prefixes', () => {
  it('reads numbers glued to the prefixes the SoR uses', () => {
    const text = 'Please send IN-2026-00123 and F/104233, and also INV-204518.';
    expect(extractEntities(text).invoiceNumbers).toEqual(['INV-204518']);
    expect(extractEntities(text, { invoicePrefixes: ['IN', 'F'] }).invoiceNumbers).toEqual(['IN-2026-00123', 'F/104233']);
    expect(extractEntities(text, { invoicePrefixes: ['INV', 'IN', 'F'] }).invoiceNumbers).toEqual(['IN-2026-00123', 'F/104233', 'INV-204518']);
  });
});

describe('bare numbers in lists, tables and paragraphs', () => {
  it('reads list items introduced by an invoice line', () => {
    const text = 'sur les factures suivantes :\n\n - 000204473 : 393,87 EUR\n - 000204569 : 2 493,62 EUR';
    expect(invoices(text)).toEqual(['000204473', '000204569']);
  });

  it('reads table rows under an invoice column', () => {
    const text = 'Rechnung       Datum         Betrag\n000204742     21.10.2026     7.215,40 €\n000204868     12.11.2026     5.265,10 €';
    expect(invoices(text)).toEqual(['000204742', '000204868']);
  });

  it('reads numbers in a paragraph that speaks of invoices', () => {
    expect(invoices('Please confirm our ACH was applied to 000204351 and 000204355. Both invoices still show as unpaid.')).toEqual(['000204351', '000204355']);
  });

  it('leaves numbers alone where nothing speaks of invoices', () => {
    expect(invoices('Our bank shows it cleared.\nPlease confirm 204351 was received.')).toEqual([]);
    expect(invoices('Invoices are attached.\n\nOur bank reference is 204351.')).toEqual([]);
  });
});
