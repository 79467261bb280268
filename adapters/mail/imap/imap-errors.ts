// imapflow failures mapped to MailSourceError codes (pure, tested on its own).
import { MailSourceError, type MailSourceErrorCode } from '../../../core/mail/mail-source.js';

/** Connection-level and throttling codes: the next run may well succeed. */
const TEMPORARY_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
  'NoConnection', 'EConnectionClosed', 'StateLogout', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS',
  'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'LockTimeout', 'ETHROTTLE',
]);

/** IMAP response codes (RFC 5530) that mean "not now". */
const TEMPORARY_RESPONSE_CODES = new Set(['UNAVAILABLE', 'INUSE', 'LIMIT', 'SERVERBUG', 'OVERQUOTA']);
const AUTH_RESPONSE_CODES = new Set(['AUTHENTICATIONFAILED', 'AUTHORIZATIONFAILED', 'EXPIRED', 'PRIVACYREQUIRED']);

interface ImapErrorFields {
  code?: unknown;
  authenticationFailed?: unknown;
  mailboxMissing?: unknown;
  serverResponseCode?: unknown;
  responseStatus?: unknown;
  responseText?: unknown;
}

/** The normalized code of an imapflow (or socket) error. */
export function imapErrorCode(err: unknown): MailSourceErrorCode {
  if (err instanceof MailSourceError) return err.code;
  if (typeof err !== 'object' || err === null) return 'unknown';
  const e = err as ImapErrorFields;
  const responseCode = typeof e.serverResponseCode === 'string' ? e.serverResponseCode.toUpperCase() : undefined;
  if (e.authenticationFailed === true || (responseCode !== undefined && AUTH_RESPONSE_CODES.has(responseCode))) return 'auth';
  if (e.mailboxMissing === true || responseCode === 'NONEXISTENT') return 'not_found';
  if (responseCode !== undefined && TEMPORARY_RESPONSE_CODES.has(responseCode)) return 'temporary';
  if (typeof e.code === 'string' && TEMPORARY_CODES.has(e.code)) return 'temporary';
  // A BYE (server shutting down) is worth another try.
  if (e.responseStatus === 'BYE') return 'temporary';
  return 'unknown';
}

/** `err` as a MailSourceError, with a one-line message naming what was being done. */
export function imapSourceError(err: unknown, doing: string): MailSourceError {
  if (err instanceof MailSourceError) return err;
  const code = imapErrorCode(err);
  const e = (typeof err === 'object' && err !== null ? err : {}) as ImapErrorFields & { message?: unknown };
  const detail = [typeof e.code === 'string' ? e.code : undefined, typeof e.responseText === 'string' ? e.responseText : typeof e.message === 'string' ? e.message : String(err)]
    .filter((x) => x !== undefined && x !== '')
    .join(': ');
  return new MailSourceError(code, `IMAP: ${doing} failed (${code}): ${detail}`, { cause: err });
}
