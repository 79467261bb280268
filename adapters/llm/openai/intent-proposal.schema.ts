// What the model may answer: one confidence per intent and the references it found, nothing else.
// The same schema is sent as the strict JSON schema of the response format and checked again on
// the way back. Confidences carry no min/max: an out-of-range number is clamped by
// toUnderstanding rather than failing the whole answer.
import { z } from 'zod';
import type { Intent } from '../../../core/pipeline/intents.js';

const confidence = z.number().describe('Probability from 0 to 1 that the email carries this intent.');

const confidences = {
  invoice_copy: confidence,
  balance_statement: confidence,
  payment_status: confidence,
  remittance_advice: confidence,
  dispute: confidence,
  tax_form_request: confidence,
  contact_update: confidence,
  auto_reply: confidence,
  other: confidence,
} satisfies Record<Intent, z.ZodNumber>;

const references = (what: string) => z.array(z.string()).describe(`${what}, exactly as written; [] if none.`);

/** The structured output the model must return. */
export const intentProposalSchema = z.object({
  confidences: z.object(confidences),
  entities: z.object({
    invoiceNumbers: references('Invoice numbers'),
    poNumbers: references('Purchase order numbers'),
    accountNumbers: references('Customer account numbers'),
    amounts: z.array(z.object({
      value: z.number(),
      currency: z.string().nullable().describe('ISO 4217 code when stated or implied by a symbol, else null.'),
      raw: z.string(),
    })),
    dates: z.array(z.object({ iso: z.string().describe('yyyy-mm-dd'), raw: z.string() })),
    paymentReferences: references('Check numbers, ACH/wire trace or payment reference numbers'),
  }),
});

/** A model's answer after schema validation, before clamping and clean-up. */
export type IntentProposal = z.infer<typeof intentProposalSchema>;
