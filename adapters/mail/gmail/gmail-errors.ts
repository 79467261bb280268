// Gmail API failures mapped to the few codes arbot acts on (pure, tested on their own).
// gaxios rejects with a GaxiosError: the HTTP status, and Google's error body
// ({ error: { code, message, errors: [{ reason }] } }, or { error: 'invalid_grant' } from the
// token endpoint). See https://developers.google.com/workspace/gmail/api/guides/handle-errors.
import { MailSourceError, type MailSourceErrorCode } from '../../../core/mail/mail-source.js';
import { MailSendError, type MailSendErrorCode } from '../../../core/replies/mail-send-error.js';
import { headerValue, retryAfterSeconds } from '../http/retry-after.js';

/** The parts of a failed Gmail call the mapping reads. */
export interface GmailFailure {
  /** HTTP status; -1 when no response came. */
  status: number;
  /** Google's reason (rateLimitExceeded, notFound, invalid_grant …), or a socket error code. */
  reason: string;
  message: string;
  retryAfterSeconds?: number;
}

/** 403 reasons that mean "slow down", not "forbidden". */
const RATE_REASONS = new Set(['ratelimitexceeded', 'userratelimitexceeded', 'quotaexceeded', 'dailylimitexceeded', 'concurrentlimitexceeded', 'backenderror']);
/** Token-endpoint errors of a service account with domain-wide delegation that is refused. */
const AUTH_REASONS = new Set(['invalid_grant', 'unauthorized_client', 'access_denied', 'invalid_client', 'autherror', 'insufficientpermissions', 'forbidden', 'failedprecondition']);

/** Reads a GaxiosError (or anything a Gmail call threw) into a GmailFailure. */
export function gmailFailure(err: unknown): GmailFailure {
  if (typeof err !== 'object' || err === null) return { status: -1, reason: 'unknown', message: String(err) };
  const e = err as { status?: unknown; code?: unknown; message?: unknown; response?: { status?: unknown; data?: unknown; headers?: unknown } };
  const status = typeof e.status === 'number' ? e.status : typeof e.response?.status === 'number' ? e.response.status : -1;
  const data = e.response?.data as { error?: unknown; error_description?: unknown } | undefined;
  let reason = typeof e.code === 'string' ? e.code : 'unknown';
  let message = typeof e.message === 'string' ? e.message : String(err);
  if (typeof data?.error === 'string') {
    reason = data.error;
    if (typeof data.error_description === 'string') message = data.error_description;
  } else if (typeof data?.error === 'object' && data.error !== null) {
    const body = data.error as { message?: unknown; status?: unknown; errors?: Array<{ reason?: unknown }> };
    const first = Array.isArray(body.errors) ? body.errors[0]?.reason : undefined;
    reason = typeof first === 'string' ? first : typeof body.status === 'string' ? body.status : reason;
    if (typeof body.message === 'string') message = body.message;
  }
  const headers = e.response?.headers;
  const retryAfter = retryAfterSeconds(headerValue(headers, 'retry-after'));
  return { status, reason, message, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) };
}

/** Whether the call is worth repeating at once (after Retry-After): throttling, 5xx, no response. */
export function isGmailThrottledOrTransient(f: GmailFailure): boolean {
  const reason = f.reason.toLowerCase();
  if (f.status === 429 || f.status === 500 || f.status === 502 || f.status === 503 || f.status === 504) return true;
  if (f.status === 403 && RATE_REASONS.has(reason)) return true;
  return f.status === -1 && !AUTH_REASONS.has(reason);
}

/** The MailSource code of a failed read; `historyRead` when the call was history.list (whose 404 means "history id too old"). */
export function gmailSourceCode(f: GmailFailure, historyRead = false): MailSourceErrorCode {
  const reason = f.reason.toLowerCase();
  if (historyRead && f.status === 404) return 'cursor_expired';
  if (isGmailThrottledOrTransient(f)) return 'temporary';
  if (f.status === 401 || f.status === 403 || AUTH_REASONS.has(reason)) return 'auth';
  if (f.status === 404) return 'not_found';
  if (f.status === 408) return 'temporary';
  return 'unknown';
}

/** The MailSender code of a failed send step. */
export function gmailSendCode(f: GmailFailure): MailSendErrorCode {
  const reason = f.reason.toLowerCase();
  if (isGmailThrottledOrTransient(f) || f.status === 408) return 'temporary';
  if (f.status === 401 || f.status === 403 || AUTH_REASONS.has(reason)) return 'auth';
  // 400 invalidArgument (a refused header or recipient), 413 too large: the same message fails again.
  return 'rejected';
}

export function gmailSourceError(err: unknown, doing: string, historyRead = false): MailSourceError {
  if (err instanceof MailSourceError) return err;
  const f = gmailFailure(err);
  const code = gmailSourceCode(f, historyRead);
  return new MailSourceError(code, `Gmail: ${doing} failed (${code}; HTTP ${f.status} ${f.reason}): ${firstLine(f.message)}`, { cause: err });
}

export function gmailSendError(err: unknown, doing: string): MailSendError {
  if (err instanceof MailSendError) return err;
  const f = gmailFailure(err);
  const code = gmailSendCode(f);
  return new MailSendError(code, `Gmail: ${doing} failed (${code}; HTTP ${f.status} ${f.reason}): ${firstLine(f.message)}`, { cause: err });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}
