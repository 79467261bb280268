import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/core/error';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { IntentModelError } from './intent-model-error.js';
import { toIntentModelError } from './map-openai-error.js';
import { retryAfterMs } from './retry-after.js';

const now = new Date('2026-11-20T10:00:00Z');

function apiError(status: number, headers: Record<string, string> = {}, error: object = { message: 'boom' }): APIError {
  return APIError.generate(status, { error }, undefined, new Headers(headers));
}

function zodError(): unknown {
  return z.object({ a: z.number() }).safeParse({}).error;
}

describe('toIntentModelError', () => {
  it.each([
    ['401', apiError(401), 'auth'],
    ['403', apiError(403), 'auth'],
    ['429 without quota', apiError(429), 'rate_limited'],
    ['429 insufficient_quota', apiError(429, {}, { message: 'quota', code: 'insufficient_quota' }), 'auth'],
    ['408', apiError(408), 'temporary'],
    ['409', apiError(409), 'temporary'],
    ['500', apiError(500), 'temporary'],
    ['503', apiError(503), 'temporary'],
    ['400', apiError(400), 'unknown'],
    ['404 model not found', apiError(404), 'unknown'],
    ['400 content_filter (Azure)', apiError(400, {}, { message: 'filtered', code: 'content_filter' }), 'bad_response'],
    ['connection timeout', new APIConnectionTimeoutError(), 'temporary'],
    ['connection error', new APIConnectionError({ message: 'ECONNRESET' }), 'temporary'],
    ['user abort', new APIUserAbortError(), 'unknown'],
    ['answer cut off', new LengthFinishReasonError(), 'bad_response'],
    ['content filter finish', new ContentFilterFinishReasonError(), 'bad_response'],
    ['unparseable JSON', new SyntaxError('Unexpected end of JSON input'), 'bad_response'],
    ['schema mismatch', zodError(), 'bad_response'],
    ['anything else', new TypeError('x is undefined'), 'unknown'],
    ['a thrown string', 'weird', 'unknown'],
  ])('%s → %s', (_label, err, code) => {
    const mapped = toIntentModelError(err, 'openai:m', now);
    expect(mapped).toBeInstanceOf(IntentModelError);
    expect(mapped.code).toBe(code);
    expect(mapped.message.startsWith('openai:m')).toBe(true);
    expect(mapped.cause).toBe(err);
  });

  it('returns an IntentModelError as it is', () => {
    const err = new IntentModelError('bad_response', 'refused');
    expect(toIntentModelError(err, 'openai:m', now)).toBe(err);
  });

  it('carries the wait a 429 asks for', () => {
    expect(toIntentModelError(apiError(429, { 'retry-after': '7' }), 'openai:m', now).retryAfterMs).toBe(7000);
    expect(toIntentModelError(apiError(429), 'openai:m', now).retryAfterMs).toBeUndefined();
  });

  it('does not repeat the service message on auth failures, which may quote the key', () => {
    const err = apiError(401, { 'x-request-id': 'req_123' }, { message: 'Incorrect API key provided: sk-abc***1234' });
    const mapped = toIntentModelError(err, 'openai:m', now);
    expect(mapped.message).toBe('openai:m: credentials rejected with HTTP 401 (request req_123)');
  });
});

describe('retryAfterMs', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('prefers retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250.4', 'retry-after': '7' }), now)).toBe(251);
  });

  it('reads retry-after as seconds', () => {
    expect(retryAfterMs(headers({ 'retry-after': '1.5' }), now)).toBe(1500);
  });

  it('reads retry-after as an HTTP date, relative to now', () => {
    expect(retryAfterMs(headers({ 'retry-after': 'Fri, 20 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(headers({ 'retry-after': 'Fri, 20 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs(headers({}), now)).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after-ms': '-5' }), now)).toBeUndefined();
  });
});
