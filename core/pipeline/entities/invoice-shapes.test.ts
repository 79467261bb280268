import { describe, expect, it } from 'vitest';
import type { InvoiceShape } from '../invoice-number.js';
import { extractEntities } from './extract.js';

const YEAR: InvoiceShape[] = [{ pattern: '^20\\d{2}-\\d{6}$', share: 1 }];
const PLAIN: InvoiceShape[] = [{ pattern: '^900\\d{4}$', share: 1 }];
const extract = (text: string, invoiceShapes: InvoiceShape[] = YEAR) =>
  extractEntities(text, { language: 'en', invoiceShapes, referenceDate: new Date('2026-11-20T00:00:00Z') });

describe('bare invoice numbers of a SoR shape', () => {
  it.each([
    ['Subject: 2026-001743 copy needed', ['2026-001743']],
    ['Please resend 2026-001743, 2026-001790 and 2026-001811.', ['2026-001743', '2026-001790', '2026-001811']],
    ['Paid 2026-001743/1790 today', ['2026-001743', '2026-001790']],
    ['Invoice 2026-001743/2026-001790', ['2026-001743', '2026-001790']],
    ['Ref  Date        Amount\n2026-001743  18.11.2026  1.234,50 €\n2026/001790  19.11.2026  99,00 €', ['2026-001743', '2026/001790']],
    ['- 2026-001743 € 500\n- 2026-001790 $', ['2026-001743', '2026-001790']],
  ])('year-style: %j', (text, expected) => expect(extract(text).invoiceNumbers).toEqual(expected));

  it('reads plain numbers of the SoR shape', () => {
    expect(extract('Re: 9004512 and 9004609', PLAIN).invoiceNumbers).toEqual(['9004512', '9004609']);
  });

  it('is off without shapes', () => {
    expect(extract('Please resend 2026-001743', []).invoiceNumbers).toEqual([]);
  });

  it('keeps dates, phones and amounts as they are', () => {
    const e = extract('Paid on 2026-11-18 and 11/19/2026, call 900-4512 or 555-900-4512, total $9004512.00', [...YEAR, ...PLAIN]);
    expect(e.invoiceNumbers).toEqual([]);
    expect(e.dates.map((d) => d.iso)).toEqual(['2026-11-18', '2026-11-19']);
    expect(e.amounts.map((a) => a.value)).toEqual([9004512]);
  });

  it('leaves PO and account numbers under their labels, and numbers after another noun', () => {
    const e = extract('PO 2026-001743, account 2026-001744, ticket 2026-001745', YEAR);
    expect(e.invoiceNumbers).toEqual([]);
    expect(e.poNumbers).toEqual(['2026-001743']);
    expect(e.accountNumbers).toEqual(['2026-001744']);
  });

  it('reads shaped numbers below a "PO" column heading as invoice rows', () => {
    const e = extract('Invoice #    Our PO\n2026-001743   PO-89270\n2026-001790   PO-89947');
    expect(e.invoiceNumbers).toEqual(['2026-001743', '2026-001790']);
    expect(e.poNumbers).toEqual(['PO-89270', 'PO-89947']);
  });
});

describe('references in other shapes than the SoR writes them', () => {
  const NUMERIC: InvoiceShape[] = [{ pattern: '^80\\d{6}$', share: 1 }];
  const LETTERS: InvoiceShape[] = [{ pattern: '^RF-\\d{7}$', share: 1 }];
  it.each([
    ['Please send invoice 804 125 77 again.', ['804 125 77']],
    ['Rechnung 8041 2577 bitte erneut senden', ['8041 2577']],
    ['Segunda via da NF-80412577, por favor.', ['NF-80412577']],
    ['Fact. 80412577 svp', ['80412577']],
    ['INV 80412577 and the invoice ending in ...415209', ['INV 80412577', '…415209']],
    ['Copia de la factura terminada en 415209', ['…415209']],
    ['la facture se terminant par 5209', ['…5209']],
    ['Kopie der Rechnung mit den Endziffern 415209', ['…415209']],
    ['Subject: copy of invoice …5209', ['…5209']],
  ])('%s', (text, expected) => expect(extract(text, NUMERIC).invoiceNumbers).toEqual(expected));

  it('reads a letter prefix in front of grouped digits when the shape has it', () => {
    expect(extract('¿Nos podéis reenviar la factura RF 0060 555?', LETTERS).invoiceNumbers).toEqual(['RF 0060 555']);
  });

  it('leaves accounts, cards and amounts that end in digits alone', () => {
    const e = extract('Paid to your account ending 4471 (card ending in 5209), total EUR 804 125,77.', NUMERIC);
    expect(e.invoiceNumbers).toEqual([]);
  });

  it('never glues a prefix that names another document', () => {
    expect(extract('Credit note CM-80412577 and PO-80412577', NUMERIC).invoiceNumbers).toEqual([]);
  });
});
