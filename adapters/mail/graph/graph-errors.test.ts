import { describe, expect, it } from 'vitest';
import { gmailSendCode, gmailSourceCode } from '../gmail/gmail-errors.js';
import { graphSendCode, graphSourceCode } from './graph-errors.js';

describe('Graph error codes', () => {
  it.each([
    [{ status: 410, code: 'SyncStateNotFound' }, 'cursor_expired', 'rejected'],
    [{ status: 400, code: 'syncStateNotFound' }, 'cursor_expired', 'rejected'],
    [{ status: 401, code: 'InvalidAuthenticationToken' }, 'auth', 'auth'],
    [{ status: 403, code: 'ErrorAccessDenied' }, 'auth', 'auth'],
    [{ status: -1, code: 'AuthenticationError' }, 'auth', 'auth'],
    [{ status: 404, code: 'ErrorItemNotFound' }, 'not_found', 'rejected'],
    [{ status: 429, code: 'ApplicationThrottled' }, 'temporary', 'temporary'],
    [{ status: 503, code: 'ServiceUnavailable' }, 'temporary', 'temporary'],
    [{ status: -1, code: 'TypeError' }, 'temporary', 'temporary'],
    [{ status: 400, code: 'ErrorInvalidRecipients' }, 'unknown', 'rejected'],
  ] as const)('%o → source %s, send %s', (f, source, send) => {
    expect(graphSourceCode({ ...f, message: '' })).toBe(source);
    expect(graphSendCode({ ...f, message: '' })).toBe(send);
  });
});

describe('Gmail error codes', () => {
  it.each([
    [{ status: 404, reason: 'notFound' }, true, 'cursor_expired'],
    [{ status: 404, reason: 'notFound' }, false, 'not_found'],
    [{ status: 403, reason: 'userRateLimitExceeded' }, false, 'temporary'],
    [{ status: 403, reason: 'insufficientPermissions' }, false, 'auth'],
    [{ status: 401, reason: 'unauthorized_client' }, false, 'auth'],
    [{ status: 429, reason: 'rateLimitExceeded' }, false, 'temporary'],
    [{ status: -1, reason: 'ECONNRESET' }, false, 'temporary'],
  ] as const)('%o (history read: %s) → %s', (f, history, code) => {
    expect(gmailSourceCode({ ...f, message: '' }, history)).toBe(code);
  });

  it('maps a refused message to rejected and throttling to temporary when sending', () => {
    expect(gmailSendCode({ status: 400, reason: 'invalidArgument', message: '' })).toBe('rejected');
    expect(gmailSendCode({ status: 429, reason: 'rateLimitExceeded', message: '' })).toBe('temporary');
  });
});
