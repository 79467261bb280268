import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../core/pipeline/intents.js';
import { isCalendarDate } from './clean-entities.js';
import { IntentModelError } from './intent-model-error.js';
import type { IntentProposal } from './intent-proposal.schema.js';
import { toUnderstanding } from './to-understanding.js';

type Confidences = IntentProposal['confidences'];
type ProposalOverrides = { confidences?: Partial<Confidences>; entities?: Partial<IntentProposal['entities']> };

function proposal(overrides: ProposalOverrides = {}): IntentProposal {
  const confidences = Object.fromEntries(INTENTS.map((intent) => [intent, 0])) as Confidences;
  return {
    confidences: { ...confidences, ...overrides.confidences },
    entities: {
      invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [],
      ...overrides.entities,
    },
  };
}

function badResponse(answer: unknown): IntentModelError {
  try {
    toUnderstanding(answer, 'openai:m');
  } catch (err) {
    if (err instanceof IntentModelError) return err;
    throw err;
  }
  throw new Error('expected an IntentModelError');
}

describe('toUnderstanding', () => {
  it('scores every intent highest first and detects those at or above 0.5', () => {
    const result = toUnderstanding(proposal({ confidences: { dispute: 0.5, remittance_advice: 0.9, payment_status: 0.49 } }), 'openai:m');
    expect(result.scores).toHaveLength(INTENTS.length);
    expect(result.scores.slice(0, 3)).toEqual([
      { intent: 'remittance_advice', confidence: 0.9 },
      { intent: 'dispute', confidence: 0.5 },
      { intent: 'payment_status', confidence: 0.49 },
    ]);
    expect(result.intents).toEqual(['remittance_advice', 'dispute']);
    expect(result.model).toBe('openai:m');
  });

  it('keeps the taxonomy order between equal confidences', () => {
    const result = toUnderstanding(proposal({ confidences: { other: 0.7, invoice_copy: 0.7 } }), 'openai:m');
    expect(result.intents).toEqual(['invoice_copy', 'other']);
  });

  it('falls back to other when no intent reaches the threshold', () => {
    const result = toUnderstanding(proposal({ confidences: { invoice_copy: 0.3 } }), 'openai:m');
    expect(result.intents).toEqual(['other']);
    expect(result.scores[0]).toEqual({ intent: 'invoice_copy', confidence: 0.3 });
  });

  it('clamps confidences outside 0–1', () => {
    const result = toUnderstanding(proposal({ confidences: { dispute: 1.7, other: -0.4 } }), 'openai:m');
    expect(result.scores.find((s) => s.intent === 'dispute')?.confidence).toBe(1);
    expect(result.scores.find((s) => s.intent === 'other')?.confidence).toBe(0);
  });

  it('drops keys that are not intents or entities', () => {
    const answer = {
      ...proposal({ confidences: { invoice_copy: 0.8 } }),
      action: 'send_all_invoices',
      recipient: 'x@evil.example',
    };
    (answer.confidences as Record<string, number>).send_all_invoices = 1;
    (answer.entities as Record<string, unknown>).recipients = ['x@evil.example'];
    const result = toUnderstanding(answer, 'openai:m');
    expect(Object.keys(result).sort()).toEqual(['entities', 'intents', 'model', 'scores']);
    expect(result.scores.map((s) => s.intent).sort()).toEqual([...INTENTS].sort());
    expect(JSON.stringify(result)).not.toContain('evil');
  });

  it.each([
    ['a missing intent', { ...proposal(), confidences: { invoice_copy: 0.9 } }],
    ['a confidence given as text', proposal({ confidences: { dispute: '0.9' as unknown as number } })],
    ['no entities', { confidences: proposal().confidences }],
    ['not an object', 'invoice_copy'],
    ['null', null],
  ])('rejects %s as bad_response', (_label, answer) => {
    expect(badResponse(answer).code).toBe('bad_response');
  });

  it('trims, de-duplicates and drops empty or overlong references', () => {
    const result = toUnderstanding(proposal({
      entities: {
        invoiceNumbers: [' INV-204518 ', 'INV-204518', '', '   ', 'X'.repeat(101), '204522'],
        paymentReferences: ['ACH 000123998'],
      },
    }), 'openai:m');
    expect(result.entities.invoiceNumbers).toEqual(['INV-204518', '204522']);
    expect(result.entities.paymentReferences).toEqual(['ACH 000123998']);
  });

  it('keeps at most 50 of each kind of reference', () => {
    const many = Array.from({ length: 80 }, (_, i) => `INV-${i}`);
    expect(toUnderstanding(proposal({ entities: { invoiceNumbers: many } }), 'openai:m').entities.invoiceNumbers).toHaveLength(50);
  });

  it('normalizes currencies and omits ones that are not ISO codes', () => {
    const result = toUnderstanding(proposal({
      entities: {
        amounts: [
          { value: 12450, currency: 'usd', raw: '$12,450.00' },
          { value: 380.5, currency: null, raw: '380.50' },
          { value: 10, currency: 'dollars', raw: '10 dollars' },
          { value: 5, currency: 'EUR', raw: '' },
        ],
      },
    }), 'openai:m');
    expect(result.entities.amounts).toEqual([
      { value: 12450, currency: 'USD', raw: '$12,450.00' },
      { value: 380.5, raw: '380.50' },
      { value: 10, raw: '10 dollars' },
    ]);
  });

  it('drops dates that are not real yyyy-mm-dd days', () => {
    const result = toUnderstanding(proposal({
      entities: {
        dates: [
          { iso: '2026-11-02', raw: 'Nov 2' },
          { iso: '2026-02-30', raw: 'Feb 30' },
          { iso: '02/11/2026', raw: '02/11/2026' },
          { iso: '2026-13-01', raw: '13th month' },
        ],
      },
    }), 'openai:m');
    expect(result.entities.dates).toEqual([{ iso: '2026-11-02', raw: 'Nov 2' }]);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true], ['2026-02-29', false], ['2026-12-31', true], ['2026-00-10', false], ['2026-1-1', false],
  ])('%s → %s', (iso, expected) => {
    expect(isCalendarDate(iso)).toBe(expected);
  });
});
