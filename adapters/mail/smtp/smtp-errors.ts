// nodemailer failures mapped to MailSendError codes (pure, tested on its own).
import { MailSendError, type MailSendErrorCode } from '../../../core/replies/mail-send-error.js';

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETLS', 'EPROTOCOL']);

interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/** The normalized code of a nodemailer SMTP error. */
export function smtpErrorCode(err: unknown): MailSendErrorCode {
  if (err instanceof MailSendError) return err.code;
  if (typeof err !== 'object' || err === null) return 'temporary';
  const e = err as SmtpErrorFields;
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  // 530 authentication required, 534/535 credentials refused, 454 temporary auth failure.
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.code === 'EOAUTH2' || status === 530 || status === 534 || status === 535) return 'auth';
  if (status !== undefined && status >= 500) return 'rejected';
  if (status !== undefined && status >= 400) return 'temporary';
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return 'temporary';
  // An envelope or message nodemailer itself refuses (no recipients, bad address) will not improve.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return 'rejected';
  // Unknown: retrying is bounded by the outbox's attempt limit, so a guess of "temporary" is safe.
  return 'temporary';
}

/** `err` as a MailSendError with a one-line message (the server's response when there is one). */
export function smtpSendError(err: unknown): MailSendError {
  if (err instanceof MailSendError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpErrorFields;
  const code = smtpErrorCode(err);
  const detail = typeof e.response === 'string' && e.response !== '' ? e.response : typeof e.message === 'string' ? e.message : String(err);
  return new MailSendError(code, `SMTP${typeof e.code === 'string' ? ` ${e.code}` : ''}: ${detail.split(/\r?\n/)[0]}`, { cause: err });
}
