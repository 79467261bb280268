import { describe, expect, it } from 'vitest';
import { isRetryableSendError, MailSendError } from './mail-send-error.js';

describe('send error codes', () => {
  it('retries everything but a definite rejection', () => {
    expect(isRetryableSendError(new MailSendError('temporary', '503'))).toBe(true);
    expect(isRetryableSendError(new MailSendError('auth', 'token expired'))).toBe(true);
    expect(isRetryableSendError(new Error('ECONNRESET'))).toBe(true);
    expect(isRetryableSendError(new MailSendError('rejected', '550 no such user'))).toBe(false);
  });
});
