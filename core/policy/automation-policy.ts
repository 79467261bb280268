// The default automation policy; configuration overrides it per intent.
import { SOR_ANSWERABLE, type Intent } from '../pipeline/intents.js';
import type { AutomationPolicy } from './decision.js';

export const DEFAULT_POLICY: AutomationPolicy = {
  enabledIntents: SOR_ANSWERABLE,
  minConfidence: {},
  defaultMinConfidence: 0.5,
  requireDmarcPass: true,
};

/** The confidence an intent needs before it may be answered automatically. */
export function thresholdFor(policy: AutomationPolicy, intent: Intent): number {
  return policy.minConfidence[intent] ?? policy.defaultMinConfidence;
}
