import { describe, expect, it } from 'vitest';
import { ChatChannelError } from '../../../bot/ports/chat-channel.js';
import { slackErrorCode, toSlackChatError } from './slack-errors.js';

// The shapes @slack/web-api throws (see its errors.d.ts), built by hand.
const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
const http = (statusCode: number) => Object.assign(new Error(`An HTTP protocol error occurred: statusCode = ${statusCode}`), { code: 'slack_webapi_http_error', statusCode });

describe('Slack errors as ChatChannelError codes', () => {
  it.each([
    ['channel_not_found', 'not_found'],
    ['message_not_found', 'not_found'],
    ['not_in_channel', 'forbidden'],
    ['not_authed', 'auth'],
    ['invalid_auth', 'auth'],
    ['token_revoked', 'auth'],
    ['ratelimited', 'temporary'],
    ['invalid_blocks', 'invalid'],
    ['something_new', 'unknown'],
  ])('platform error %s → %s', (error, code) => {
    expect(slackErrorCode(platform(error))).toBe(code);
  });

  it.each([
    [500, 'temporary'],
    [503, 'temporary'],
    [429, 'temporary'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'unknown'],
  ])('HTTP %i → %s', (status, code) => {
    expect(slackErrorCode(http(status))).toBe(code);
  });

  it('rate limits and network failures are temporary; anything else unknown', () => {
    expect(slackErrorCode({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 })).toBe('temporary');
    expect(slackErrorCode({ code: 'slack_webapi_request_error', original: new Error('ECONNREFUSED') })).toBe('temporary');
    expect(slackErrorCode(new Error('boom'))).toBe('unknown');
    expect(slackErrorCode('boom')).toBe('unknown');
    expect(slackErrorCode(null)).toBe('unknown');
  });

  it('wraps with the call and Slack error name, keeps the cause, and leaves a ChatChannelError alone', () => {
    const cause = platform('channel_not_found');
    const e = toSlackChatError('chat.postMessage', cause);
    expect(e).toBeInstanceOf(ChatChannelError);
    expect(e).toMatchObject({ platform: 'slack', code: 'not_found', message: 'Slack chat.postMessage failed: channel_not_found', cause });
    expect(toSlackChatError('x', e)).toBe(e);
  });
});
