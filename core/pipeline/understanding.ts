// Stage 3: what the email asks for and the references it carries, proposed by an IntentModel.
// A model only proposes; policy (core/policy) decides, so model output can never change what
// the system is allowed to do.
import type { Intent, Language } from './intents.js';

export interface IntentScore {
  intent: Intent;
  /** Calibrated probability that the email carries this intent (0–1). */
  confidence: number;
}

export interface MoneyAmount {
  value: number;
  /** ISO 4217 code when stated or implied by a symbol. */
  currency?: string;
  raw: string;
}

export interface Entities {
  /** Invoice references as written ("INV-204518", "204518", "000204752"). */
  invoiceNumbers: string[];
  poNumbers: string[];
  accountNumbers: string[];
  amounts: MoneyAmount[];
  /** ISO dates (yyyy-mm-dd) with the text they came from. */
  dates: Array<{ iso: string; raw: string }>;
  /** Check numbers, ACH/wire trace or reference numbers. */
  paymentReferences: string[];
}

export interface UnderstandInput {
  subject: string;
  /** The new text of the email (NormalizedEmail.newText). */
  text: string;
  /** Text of attachments and forwarded content, which may carry references but not requests. */
  supportingText: string;
  language: Language;
}

export interface Understanding {
  /** Every intent with its confidence, highest first. */
  scores: IntentScore[];
  /** Intents at or above the model's own detection threshold. */
  intents: Intent[];
  entities: Entities;
  /** Which model produced this ("offline@1", "openai:gpt-4.1-mini"). */
  model: string;
}

/** The port every intent model implements (offline default, OpenAI adapter). */
export interface IntentModel {
  readonly name: string;
  understand(input: UnderstandInput): Promise<Understanding>;
}

export function emptyEntities(): Entities {
  return { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] };
}
