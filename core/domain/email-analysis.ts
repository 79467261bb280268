// What the pipeline concluded about one email: stored beside the email, one per Message-ID.
import type { Intent, Language } from '../pipeline/intents.js';
import type { MatchResult } from '../pipeline/match-result.js';
import type { Entities, IntentScore } from '../pipeline/understanding.js';
import type { Decision } from '../policy/decision.js';

export interface EmailAnalysis {
  id: string;
  tenantId: string;
  emailId: string;
  messageId: string;
  /** Bumped when the pipeline's logic changes, so old analyses can be recognised and redone. */
  pipelineVersion: number;
  model: string;
  language: Language;
  intents: Intent[];
  scores: IntentScore[];
  entities: Entities;
  match: MatchResult;
  decision: Decision;
  /** The new text the intents were read from (quotes, signature and footers removed). */
  newText: string;
  hiddenText?: string;
  problems: string[];
  timingsMs: Record<string, number>;
  createdAt: Date;
}
