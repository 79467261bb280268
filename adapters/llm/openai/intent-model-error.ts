// Failures of an intent model, reduced to the few codes a caller acts on:
// auth → stop and alert, rate_limited → wait retryAfterMs, temporary → retry with back-off,
// bad_response → fall back or send to review, unknown → fail.
// Kept free of SDK imports so that it can move next to the IntentModel port unchanged.

/** What went wrong, as far as the caller needs to know. */
export type IntentModelErrorCode = 'auth' | 'rate_limited' | 'temporary' | 'bad_response' | 'unknown';

/** An intent model failure with a code; `retryAfterMs` is set when the service said how long to wait. */
export class IntentModelError extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: IntentModelErrorCode,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IntentModelError';
    this.retryAfterMs = options.retryAfterMs;
  }
}
