import { describe, expect, it } from 'vitest';
import { evaluate } from './metrics.js';
import { reliability } from './reliability.js';

describe('evaluate', () => {
  it('computes per-intent, micro and macro F1 and exact-set accuracy', () => {
    const m = evaluate([
      { gold: ['invoice_copy'], predicted: ['invoice_copy'] },
      { gold: ['invoice_copy', 'balance_statement'], predicted: ['invoice_copy'] },
      { gold: ['dispute'], predicted: ['dispute', 'other'] },
    ]);
    const by = Object.fromEntries(m.perIntent.map((r) => [r.intent, r]));
    expect(by.invoice_copy).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(by.balance_statement).toMatchObject({ tp: 0, fn: 1, recall: 0, f1: 0 });
    expect(by.other).toMatchObject({ support: 0, fp: 1, precision: 0 });
    expect(m.macroF1).toBeCloseTo((1 + 0 + 1) / 3);
    expect(m.microF1).toBeCloseTo((2 * 3) / (2 * 3 + 1 + 1));
    expect(m.exactSet).toBeCloseTo(1 / 3);
  });
});

describe('reliability', () => {
  it('bins confidences and measures calibration error and Brier score', () => {
    const r = reliability([
      [0.95, 1],
      [0.95, 1],
      [0.05, 0],
      [0.05, 1],
    ]);
    expect(r.bins[9]).toMatchObject({ count: 2, frequency: 1 });
    expect(r.bins[0]).toMatchObject({ count: 2, frequency: 0.5 });
    expect(r.ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.45);
    expect(r.brier).toBeCloseTo((0.0025 * 3 + 0.9025) / 4);
  });
});
