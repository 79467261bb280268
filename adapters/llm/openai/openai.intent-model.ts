// The IntentModel on OpenAI's Chat Completions API with structured outputs. Chat Completions
// rather than Responses because Azure OpenAI and OpenAI-compatible local servers support it.
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { IntentModel, UnderstandInput, Understanding } from '../../../core/pipeline/understanding.js';
import { DEFAULT_MAX_TEXT_CHARS, SYSTEM_PROMPT, emailDataMessage } from './intent-prompt.js';
import { IntentModelError } from './intent-model-error.js';
import { intentProposalSchema } from './intent-proposal.schema.js';
import { toIntentModelError } from './map-openai-error.js';
import { toUnderstanding } from './to-understanding.js';

/** How the model is asked; the client (URL, key, retries) is configured where it is built. */
export interface OpenAIIntentModelOptions {
  /** Model name, or the deployment name on Azure OpenAI. */
  model: string;
  /** Sampling temperature; unset leaves the service's default (some models accept no other). */
  temperature?: number;
  /** Per-request timeout overriding the client's. */
  timeoutMs?: number;
  /** Most characters of the email text and of its supporting text sent (default 12,000 each). */
  maxTextChars?: number;
  /** Clock for reading Retry-After dates. */
  now?: () => Date;
}

const responseFormat = zodResponseFormat(intentProposalSchema, 'email_understanding');

/** Classifies an email and proposes its references with an OpenAI (or compatible) chat model. */
export class OpenAIIntentModel implements IntentModel {
  readonly name: string;

  constructor(
    private readonly client: OpenAI,
    private readonly options: OpenAIIntentModelOptions,
  ) {
    this.name = `openai:${options.model}`;
  }

  async understand(input: UnderstandInput): Promise<Understanding> {
    const message = await this.ask(input);
    if (message.refusal) {
      throw new IntentModelError('bad_response', `${this.name} refused to answer: ${message.refusal.slice(0, 200)}`);
    }
    if (message.parsed === null) throw new IntentModelError('bad_response', `${this.name} returned no content`);
    return toUnderstanding(message.parsed, this.name);
  }

  private async ask(input: UnderstandInput) {
    const { model, temperature, timeoutMs, maxTextChars = DEFAULT_MAX_TEXT_CHARS, now = () => new Date() } = this.options;
    try {
      const completion = await this.client.chat.completions.parse(
        {
          model,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: emailDataMessage(input, maxTextChars) },
          ],
          response_format: responseFormat,
          ...(temperature === undefined ? {} : { temperature }),
        },
        timeoutMs === undefined ? undefined : { timeout: timeoutMs },
      );
      const message = completion.choices[0]?.message;
      if (message === undefined) throw new IntentModelError('bad_response', `${this.name} returned no choices`);
      return message;
    } catch (err) {
      throw toIntentModelError(err, this.name, now());
    }
  }
}
