// Normalizes what the OpenAI client throws into IntentModelError codes, in one pure function.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/core/error';
import { z } from 'zod';
import { IntentModelError } from './intent-model-error.js';
import { retryAfterMs } from './retry-after.js';

// Codes under which OpenAI and Azure OpenAI reject a prompt on content grounds: the model
// declined to answer, like a refusal, rather than the request being wrong.
const contentRejections = new Set(['content_filter', 'content_policy_violation']);

/** Maps an error thrown while asking `model` (an APIError, a parse failure, …) to an IntentModelError. */
export function toIntentModelError(err: unknown, model: string, now: Date): IntentModelError {
  if (err instanceof IntentModelError) return err;
  const cause = { cause: err };
  if (err instanceof APIUserAbortError) return new IntentModelError('unknown', `${model}: request aborted`, cause);
  if (err instanceof APIConnectionTimeoutError) return new IntentModelError('temporary', `${model}: request timed out`, cause);
  if (err instanceof APIConnectionError) return new IntentModelError('temporary', `${model}: connection failed`, cause);
  if (err instanceof APIError) return fromStatus(err, model, now);
  if (err instanceof LengthFinishReasonError) {
    return new IntentModelError('bad_response', `${model}: answer cut off at the token limit`, cause);
  }
  if (err instanceof ContentFilterFinishReasonError) {
    return new IntentModelError('bad_response', `${model}: answer stopped by the content filter`, cause);
  }
  // The client parses the message content with JSON.parse and then the zod schema.
  if (err instanceof SyntaxError) return new IntentModelError('bad_response', `${model}: answer is not valid JSON`, cause);
  if (err instanceof z.ZodError) return new IntentModelError('bad_response', `${model}: answer does not match the output schema`, cause);
  const reason = err instanceof Error ? err.message : String(err);
  return new IntentModelError('unknown', `${model}: ${reason}`, cause);
}

function fromStatus(err: APIError, model: string, now: Date): IntentModelError {
  const status = err.status ?? 0;
  const cause = { cause: err };
  const requestId = err.requestID ? ` (request ${err.requestID})` : '';
  // The service's own message can quote part of the key, so auth failures get a fixed one.
  if (status === 401 || status === 403) {
    return new IntentModelError('auth', `${model}: credentials rejected with HTTP ${status}${requestId}`, cause);
  }
  if (status === 429) {
    // Out of credit is not a rate: waiting does not help, someone has to fix the account.
    if (err.code === 'insufficient_quota') {
      return new IntentModelError('auth', `${model}: account quota exhausted (HTTP 429)${requestId}`, cause);
    }
    const wait = retryAfterMs(err.headers, now);
    return new IntentModelError('rate_limited', `${model}: rate limited (HTTP 429)${requestId}`, {
      ...cause, ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (status === 408 || status === 409 || status >= 500) {
    return new IntentModelError('temporary', `${model}: service error HTTP ${status}${requestId}`, cause);
  }
  if (err.code && contentRejections.has(err.code)) {
    return new IntentModelError('bad_response', `${model}: prompt rejected by the content filter (HTTP ${status})${requestId}`, cause);
  }
  return new IntentModelError('unknown', `${model}: ${err.message}${requestId}`, cause);
}
