// What every use case returns: the value, or an error a chat client can show as is.

export type UseCaseErrorCode =
  | 'unknown_user'
  | 'forbidden'
  | 'not_found'
  | 'already_claimed'
  | 'not_holder'
  | 'invalid_state'
  | 'invalid_input'
  | 'conflict'
  | 'send_blocked';

export interface UseCaseError {
  code: UseCaseErrorCode;
  /** One sentence for the person who clicked. */
  message: string;
  /** Problems found (e.g. send-guard violations), when there are several. */
  details?: string[];
}

export type UseCaseResult<T> = { ok: true; value: T } | { ok: false; error: UseCaseError };

export function success<T>(value: T): UseCaseResult<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: UseCaseErrorCode, message: string, details?: string[]): UseCaseResult<T> {
  return { ok: false, error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
}
