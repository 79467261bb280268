import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';

const refs = (text: string): string[] => extractEntities(text).paymentReferences;

describe('payment references', () => {
  it.each([
    ['we mailed check 37730 last week', ['Check 37730']],
    ['Check #34052 for $7,158.30', ['Check 34052']],
    ['chèque no 4366', ['Check 4366']],
    ['per Scheck Nr. 11605', ['Check 11605']],
    ['ACH Payment Confirmation - Trace 021000021162022', ['ACH 021000021162022']],
    ['Trace Number:      021000021162022', ['ACH 021000021162022']],
    ['ACH 000123998', ['ACH 000123998']],
    ['Wire IMAD 20260323QMGFT001040977', ['Wire 20260323QMGFT001040977']],
    ['SWIFT MT103 260205040288', ['Wire 260205040288']],
    ['bonifico SEPA (CRO 0306901234567890)', ['Wire 0306901234567890']],
    ['Payment Reference: PMT-0077315', ['Ref PMT-0077315']],
    ['VISA ending 0093 auth 732058', ['Card auth 732058']],
    ['Verwendungszweck: RE 204518 / Kd 210-0457', ['Verwendungszweck: RE 204518 / Kd 210-0457']],
  ])('%s', (text, expected) => expect(refs(text)).toEqual(expected));

  it('a check number is not an invoice; a remittance line may still carry invoices', () => {
    expect(extractEntities('check 204518 paid invoice INV-204535').invoiceNumbers).toEqual(['INV-204535']);
    expect(extractEntities('Verwendungszweck: Rechnung 204518').invoiceNumbers).toEqual(['204518']);
  });

  it('a verb "check" is not a check number', () => {
    expect(refs('please check invoice 204518')).toEqual([]);
  });
});
