// Stage 5 output: what happens to the email, and every reason for it.
import type { Intent } from '../pipeline/intents.js';

export type Action = 'auto_reply' | 'review' | 'no_action';

export interface DecisionReason {
  /** Stable machine code, e.g. "sender_not_known_contact", "dmarc_failed", "intent_not_automated". */
  code: string;
  /** One sentence a reviewer can read. */
  message: string;
}

export interface Decision {
  action: Action;
  /** Why the email goes to review or gets no action; for auto_reply, the checks that passed. */
  reasons: DecisionReason[];
  intents: Intent[];
  customerId: string | null;
  /** Invoice numbers the reply would send data about. */
  invoiceNumbers: string[];
  /** Who an automatic reply would go to (only with action auto_reply). */
  recipients: string[];
}

/** Per-intent automation switches and thresholds, from configuration. */
export interface AutomationPolicy {
  /** Intents that may be answered automatically at all (subset of the SoR-answerable ones). */
  enabledIntents: ReadonlySet<Intent>;
  /** Minimum model confidence for each automated intent (default applies when absent). */
  minConfidence: Partial<Record<Intent, number>>;
  defaultMinConfidence: number;
  /** Require a DMARC pass when an Authentication-Results header carries a DMARC verdict. */
  requireDmarcPass: boolean;
}
