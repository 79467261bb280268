// Senders map their provider's failures to a few codes at the edge; the outbox decides
// retry or give up from the code alone.
export type MailSendErrorCode =
  /** Worth trying again later: timeouts, throttling, 5xx, connection resets. */
  | 'temporary'
  /** The provider refused this message for good (invalid recipient, too large): retrying cannot help. */
  | 'rejected'
  /** Credentials missing or expired: retried, since an operator may fix them meanwhile. */
  | 'auth';

/** A failed send, with the code that decides what happens next. */
export class MailSendError extends Error {
  constructor(
    readonly code: MailSendErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailSendError';
  }
}

/** Whether a failed send may be tried again: everything except a provider's definite rejection. */
export function isRetryableSendError(err: unknown): boolean {
  return !(err instanceof MailSendError && err.code === 'rejected');
}
