// Evaluation figures checked against values computed by hand.
import { describe, expect, it } from 'vitest';
import type { Label } from './labels.js';
import { parseLabels } from './labels.js';
import { isUnsafe, score, type ContactBook, type Prediction } from './metrics.js';

const contacts: ContactBook = {
  isContactOf: (a, c) => (a === 'jane@acme.example' && c === 'C1') || (a === 'bob@beta.example' && c === 'C2'),
  isInvoiceContact: (a, n) => a === 'raul@acme.example' && n === 'INV-9',
};

function label(file: string, over: Partial<Label> = {}): Label {
  return { file, intents: ['invoice_copy'], customerId: 'C1', invoiceNumbers: ['INV-1'], knownContact: true, expected: 'auto_reply', ...over };
}
function pred(file: string, over: Partial<Prediction> = {}): Prediction {
  return { file, intents: ['invoice_copy'], customerId: 'C1', invoiceNumbers: ['INV-1'], action: 'auto_reply', recipients: ['jane@acme.example'], replyCustomerId: 'C1', reasons: [], ms: 10, ...over };
}

describe('evaluation metrics', () => {
  it('computes intent, customer, invoice, action and auto-reply figures', () => {
    const labels = [
      label('1'),
      label('2', { intents: ['dispute'], expected: 'review' }),
      label('3', { intents: ['balance_statement', 'invoice_copy'], invoiceNumbers: [] }),
      label('4', { intents: ['auto_reply'], expected: 'no_action', customerId: null, invoiceNumbers: [] }),
    ];
    const predictions = [
      pred('1'),
      pred('2', { intents: ['dispute', 'invoice_copy'], action: 'review', recipients: [] }),
      pred('3', { intents: ['balance_statement'], invoiceNumbers: [], action: 'review', recipients: [] }),
      pred('4', { intents: ['auto_reply'], customerId: 'C9', invoiceNumbers: [], action: 'no_action', recipients: [], ms: 30 }),
    ];
    const f = score(predictions, labels, contacts);
    // invoice_copy: tp 1 (file 1), fp 1 (file 2), fn 1 (file 3) → P .5 R .5 F1 .5
    expect(f.intent.perIntent.invoice_copy).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(f.intent.perIntent.dispute).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(f.intent.perIntent.balance_statement).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(f.intent.perIntent.auto_reply).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(f.intent.perIntent.other).toBeUndefined();
    expect(f.intent.macroF1).toBe(0.875); // (0.5 + 1 + 1 + 1) / 4
    // micro: tp 4, fp 1, fn 1 → P .8 R .8
    expect(f.intent.microF1).toBe(0.8);
    expect(f.intent.exactSetAccuracy).toBe(0.5);
    expect(f.customer.accuracy).toBe(0.75);
    expect(f.invoiceNumbers.exactSetAccuracy).toBe(1);
    expect(f.action.accuracy).toBe(0.75);
    expect(f.action.confusion).toEqual({ auto_reply: { auto_reply: 1, review: 1 }, review: { review: 1 }, no_action: { no_action: 1 } });
    expect(f.autoReply).toEqual({ precision: 1, recall: 0.5, unsafe: 0 });
    expect(f.msPerEmail).toBe(15);
  });

  it('counts an auto-reply as unsafe when it answers a review email or reaches a stranger', () => {
    expect(isUnsafe(pred('a'), label('a', { expected: 'review' }), contacts)).toBe(true);
    expect(isUnsafe(pred('b', { recipients: ['eve@evil.example'] }), label('b'), contacts)).toBe(true);
    expect(isUnsafe(pred('c', { recipients: ['bob@beta.example'] }), label('c'), contacts)).toBe(true); // contact of another customer
    expect(isUnsafe(pred('d', { recipients: ['raul@acme.example'], invoiceNumbers: ['INV-9'] }), label('d'), contacts)).toBe(false);
    expect(isUnsafe(pred('e', { recipients: ['raul@acme.example'], invoiceNumbers: ['INV-9', 'INV-1'] }), label('e'), contacts)).toBe(true);
    expect(isUnsafe(pred('f', { action: 'review' }), label('f', { expected: 'review' }), contacts)).toBe(false);
    expect(isUnsafe(pred('g', { replyCustomerId: null }), label('g'), contacts)).toBe(true);
  });

  it('rejects a malformed labels file with the line number', () => {
    expect(() => parseLabels('{"file":"1.eml","intents":["nope"],"customerId":null,"invoiceNumbers":[],"knownContact":false,"expected":"review"}\n')).toThrow(/labels.jsonl:1: intents/);
    expect(() => parseLabels('\n{oops')).toThrow(/labels.jsonl:2: not JSON/);
  });
});
