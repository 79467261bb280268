import { describe, expect, it } from 'vitest';
import { MailSourceError } from '../../../core/mail/mail-source.js';
import { imapErrorCode, imapSourceError } from './imap-errors.js';

describe('imapflow error mapping', () => {
  it.each([
    [{ authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' }, 'auth'],
    [{ responseStatus: 'NO', serverResponseCode: 'EXPIRED' }, 'auth'],
    [{ mailboxMissing: true, responseStatus: 'NO' }, 'not_found'],
    [{ responseStatus: 'NO', serverResponseCode: 'NONEXISTENT' }, 'not_found'],
    [{ responseStatus: 'NO', serverResponseCode: 'UNAVAILABLE' }, 'temporary'],
    [{ code: 'ETHROTTLE', throttleReset: 1000 }, 'temporary'],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'temporary'],
    [{ code: 'NoConnection' }, 'temporary'],
    [{ code: 'CONNECT_TIMEOUT' }, 'temporary'],
    [{ responseStatus: 'BYE' }, 'temporary'],
    [{ code: 'ParserError3' }, 'unknown'],
    [new TypeError('boom'), 'unknown'],
    ['a string', 'unknown'],
  ] as const)('%j → %s', (err, code) => {
    expect(imapErrorCode(err)).toBe(code);
  });

  it('keeps a MailSourceError and words others in one line with the server text', () => {
    const own = new MailSourceError('cursor_expired', 'x');
    expect(imapSourceError(own, 'reading INBOX')).toBe(own);
    const mapped = imapSourceError({ authenticationFailed: true, responseText: 'Authentication failed.' }, 'reading INBOX');
    expect(mapped).toBeInstanceOf(MailSourceError);
    expect(mapped.message).toBe('IMAP: reading INBOX failed (auth): Authentication failed.');
  });
});
