// Microsoft Graph failures mapped to the few codes the rest of arbot acts on (pure, tested on
// their own). The SDK gives every failure as a GraphError: an HTTP status with Graph's error
// code, or status -1 with the name of what failed before any response (a token request, the
// network). See https://learn.microsoft.com/graph/errors and /graph/throttling.
import { MailSourceError, type MailSourceErrorCode } from '../../../core/mail/mail-source.js';
import { MailSendError, type MailSendErrorCode } from '../../../core/replies/mail-send-error.js';
import { headerValue, retryAfterSeconds } from '../http/retry-after.js';

/** The parts of a failed Graph call the mapping reads. */
export interface GraphFailure {
  /** HTTP status; -1 when no response came (token request failed, network down). */
  status: number;
  /** Graph's `error.code` (e.g. `ErrorItemNotFound`, `syncStateNotFound`), or the name of a client-side error. */
  code: string;
  message: string;
  /** Seconds from a Retry-After header, when there was one. */
  retryAfterSeconds?: number;
}

/** Error codes Graph uses for a delta token it no longer knows (the client must sync again from scratch). */
const CURSOR_CODES = new Set(['syncstatenotfound', 'syncstateinvalid', 'resyncrequired', 'errorinvalidsyncstatedata', 'errorsyncstatenotfound']);
/** Names of token and credential failures (@azure/identity, google-auth-library, our own token check). */
const AUTH_NAMES = new Set(['authenticationerror', 'credentialunavailableerror', 'authenticationrequirederror', 'invalidauthenticationtoken', 'erroraccessdenied', 'accessdenied', 'authorization_requestdenied', 'invalid_grant', 'unauthorized_client']);
const NOT_FOUND_CODES = new Set(['erroritemnotfound', 'resourcenotfound', 'mailboxnotenabledforrestapi', 'errorinvaliduser', 'request_resourcenotfound', 'errornonexistentmailbox']);

/** Reads a GraphError (or anything thrown by a Graph call) into a GraphFailure. */
export function graphFailure(err: unknown): GraphFailure {
  if (typeof err !== 'object' || err === null) return { status: -1, code: 'unknown', message: String(err) };
  const e = err as { statusCode?: unknown; status?: unknown; code?: unknown; name?: unknown; message?: unknown; headers?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : -1;
  const code = typeof e.code === 'string' && e.code !== '' ? e.code : typeof e.name === 'string' ? e.name : 'unknown';
  const retryAfter = retryAfterSeconds(headerValue(e.headers, 'retry-after'));
  return { status, code, message: typeof e.message === 'string' ? e.message : String(err), ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) };
}

/** Whether Graph asks to slow down or is briefly unavailable: 429, 503, 504 (the statuses throttling documents with Retry-After) and no response at all. */
export function isThrottledOrTransient(f: GraphFailure): boolean {
  if (f.status === 429 || f.status === 503 || f.status === 504) return true;
  return f.status === -1 && !AUTH_NAMES.has(f.code.toLowerCase());
}

/** The MailSource code of a failed read. */
export function graphSourceCode(f: GraphFailure): MailSourceErrorCode {
  const code = f.code.toLowerCase();
  if (f.status === 410 || CURSOR_CODES.has(code)) return 'cursor_expired';
  if (f.status === 401 || f.status === 403 || AUTH_NAMES.has(code)) return 'auth';
  if (f.status === 404 || NOT_FOUND_CODES.has(code)) return 'not_found';
  if (f.status === 408 || f.status === 429 || f.status >= 500 || f.status === -1) return 'temporary';
  return 'unknown';
}

/** The MailSender code of a failed send step. */
export function graphSendCode(f: GraphFailure): MailSendErrorCode {
  const code = f.code.toLowerCase();
  if (f.status === 401 || f.status === 403 || AUTH_NAMES.has(code)) return 'auth';
  if (f.status === 408 || f.status === 409 || f.status === 412 || f.status === 429 || f.status >= 500 || f.status === -1) return 'temporary';
  // 400 (ErrorInvalidRecipients, a malformed message), 413 (too large), 404 (the draft vanished): the same message will fail again.
  return 'rejected';
}

/** `err` as a MailSourceError naming what was being done. */
export function graphSourceError(err: unknown, doing: string): MailSourceError {
  if (err instanceof MailSourceError) return err;
  const f = graphFailure(err);
  const code = graphSourceCode(f);
  return new MailSourceError(code, `Graph: ${doing} failed (${code}; HTTP ${f.status} ${f.code}): ${oneLine(f.message)}`, { cause: err });
}

/** `err` as a MailSendError naming what was being done. */
export function graphSendError(err: unknown, doing: string): MailSendError {
  if (err instanceof MailSendError) return err;
  const f = graphFailure(err);
  const code = graphSendCode(f);
  return new MailSendError(code, `Graph: ${doing} failed (${code}; HTTP ${f.status} ${f.code}): ${oneLine(f.message)}`, { cause: err });
}

function oneLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}
