// Configuration → the pipeline's policy and matching options (the only place that maps them).
import type { RelaxedMatchingOptions } from '../core/pipeline/invoice-number.js';
import type { AutomationPolicy } from '../core/policy/decision.js';
import type { ArbotConfig } from './config/schema.js';

/** The automation switches and thresholds of the configuration. */
export function automationPolicyFrom(config: Pick<ArbotConfig, 'automation'>): AutomationPolicy {
  return {
    enabledIntents: new Set(config.automation.intents),
    minConfidence: { ...config.automation.minConfidenceByIntent },
    defaultMinConfidence: config.automation.minConfidence,
    requireDmarcPass: config.automation.requireDmarcPass,
  };
}

/** The relaxed invoice-matching rules of the configuration. */
export function relaxedMatchingFrom(config: Pick<ArbotConfig, 'matching'>): RelaxedMatchingOptions {
  const on = new Set(config.matching.relaxedRules);
  return {
    caseAndSeparators: on.has('case_or_separators'),
    missingPrefix: on.has('missing_prefix'),
    leadingZeros: on.has('leading_zeros'),
    oneTypo: on.has('one_digit_typo'),
    transposition: on.has('transposed_digits'),
    poNumbers: on.has('po_number'),
  };
}
