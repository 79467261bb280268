import { describe, expect, it } from 'vitest';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { smtpErrorCode, smtpSendError } from './smtp-errors.js';

describe('nodemailer error mapping', () => {
  it.each([
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed' }, 'auth'],
    [{ code: 'EENVELOPE', responseCode: 530 }, 'auth'],
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }, 'rejected'],
    [{ code: 'EMESSAGE', responseCode: 552, response: '552 Message too large' }, 'rejected'],
    [{ code: 'EENVELOPE', responseCode: 451, response: '451 Try again later' }, 'temporary'],
    [{ code: 'EENVELOPE', responseCode: 421 }, 'temporary'],
    [{ code: 'ECONNECTION' }, 'temporary'],
    [{ code: 'ETIMEDOUT' }, 'temporary'],
    [{ code: 'ESOCKET' }, 'temporary'],
    [{ code: 'EENVELOPE' }, 'rejected'],
    [new Error('something odd'), 'temporary'],
  ] as const)('%j → %s', (err, code) => {
    expect(smtpErrorCode(err)).toBe(code);
  });

  it('words the error with the first line of the server response', () => {
    const e = smtpSendError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user\r\nmore' });
    expect(e).toBeInstanceOf(MailSendError);
    expect(e.message).toBe('SMTP EENVELOPE: 550 5.1.1 No such user');
  });
});
