import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../core/policy/automation-policy.js';
import { DEFAULT_RELAXED_MATCHING } from '../core/pipeline/invoice-number.js';
import { loadConfig } from './config/load.js';
import { automationPolicyFrom, relaxedMatchingFrom } from './pipeline-settings.js';

const load = (env: Record<string, string>) => loadConfig({ env, cwd: '/nonexistent-dir-for-tests' });

describe('pipeline settings from configuration', () => {
  it('defaults to the built-in policy and every relaxed rule', () => {
    expect(automationPolicyFrom(load({}))).toEqual(DEFAULT_POLICY);
    expect(relaxedMatchingFrom(load({}))).toEqual(DEFAULT_RELAXED_MATCHING);
  });

  it('reads switches, thresholds and rules from the environment', () => {
    const config = load({
      ARBOT_AUTOMATION_INTENTS: 'invoice_copy, payment_status',
      ARBOT_AUTOMATION_MIN_CONFIDENCE: '0.7',
      ARBOT_AUTOMATION_MIN_CONFIDENCE_BY_INTENT: 'payment_status=0.9',
      ARBOT_REQUIRE_DMARC_PASS: 'false',
      ARBOT_RELAXED_MATCHING: 'case_or_separators,leading_zeros',
    });
    const policy = automationPolicyFrom(config);
    expect([...policy.enabledIntents]).toEqual(['invoice_copy', 'payment_status']);
    expect(policy.defaultMinConfidence).toBe(0.7);
    expect(policy.minConfidence).toEqual({ payment_status: 0.9 });
    expect(policy.requireDmarcPass).toBe(false);
    expect(relaxedMatchingFrom(config)).toEqual({ caseAndSeparators: true, missingPrefix: false, leadingZeros: true, oneTypo: false, transposition: false, poNumbers: false });
  });

  it('"none" switches automatic replies off', () => {
    expect([...automationPolicyFrom(load({ ARBOT_AUTOMATION_INTENTS: 'none' })).enabledIntents]).toEqual([]);
  });

  it('names a bad value in one line', () => {
    expect(() => load({ ARBOT_AUTOMATION_INTENTS: 'dispute' })).toThrow(/ARBOT_AUTOMATION_INTENTS \(automation.intents\)/);
    expect(() => load({ ARBOT_AUTOMATION_MIN_CONFIDENCE: '2' })).toThrow(/ARBOT_AUTOMATION_MIN_CONFIDENCE/);
    expect(() => load({ ARBOT_AUTOMATION_MIN_CONFIDENCE_BY_INTENT: 'dispute=0.5' })).toThrow(/ARBOT_AUTOMATION_MIN_CONFIDENCE_BY_INTENT/);
  });
});
