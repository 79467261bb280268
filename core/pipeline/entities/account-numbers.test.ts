import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract.js';

const accounts = (text: string): string[] => extractEntities(text).accountNumbers;

describe('account numbers', () => {
  it.each([
    ['statement for account 100-2231', ['100-2231']],
    ['Acme Industrial LLC (acct 100-2231)', ['100-2231']],
    ['Account #: 100-2231', ['100-2231']],
    ['customer no. 100-2231', ['100-2231']],
    ['Zahlung / Kundennr. 210-0457', ['210-0457']],
    ['Kd.-Nr. 210-0457', ['210-0457']],
    ['Kundennummer 210-0457', ['210-0457']],
    ['zu unserem Kundenkonto 210-0457', ['210-0457']],
    ['relevé (compte 100-2232)', ['100-2232']],
    ['compte client 225-0140', ['225-0140']],
    ['numéro de client : 225-0140', ['225-0140']],
    ['n.º de cliente 220-0733', ['220-0733']],
    ['número de cliente 220-0612', ['220-0612']],
    ['codice cliente 225-0318', ['225-0318']],
    ['klantnummer 220-0801', ['220-0801']],
  ])('%s', (text, expected) => expect(accounts(text)).toEqual(expected));

  it('needs digits after the account word', () => {
    expect(accounts('Please send an account statement as of today')).toEqual([]);
  });
});

describe('account numbers in a sentence', () => {
  it('reads "our account number is …"', () => expect(accounts('our account number is 100-2231')).toEqual(['100-2231']));
});
