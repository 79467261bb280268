import { describe, expect, it } from 'vitest';
import { CookieSigner, parseCookies, serializeCookie, SessionCookies } from './session.js';

const secret = 'a-session-secret-of-at-least-32-characters';
const t0 = new Date('2026-11-20T12:00:00Z');

describe('CookieSigner', () => {
  it('reads back what it signed until it expires', () => {
    const signer = new CookieSigner(secret);
    const value = signer.sign('session', { u: 'u-1' }, new Date(t0.getTime() + 60_000));
    expect(signer.verify('session', value, t0)).toMatchObject({ ok: true, value: { u: 'u-1' } });
    expect(signer.verify('session', value, new Date(t0.getTime() + 60_000))).toEqual({ ok: false, reason: 'session expired' });
  });

  it('refuses another purpose, another secret and altered values', () => {
    const signer = new CookieSigner(secret);
    const value = signer.sign('slack-signin', { s: 'x' }, new Date(t0.getTime() + 60_000));
    expect(signer.verify('session', value, t0)).toEqual({ ok: false, reason: 'session cookie is for something else' });
    expect(new CookieSigner(`${secret}!`).verify('slack-signin', value, t0)).toEqual({ ok: false, reason: 'session cookie signature is not valid' });
    expect(signer.verify('slack-signin', `A${value}`, t0)).toEqual({ ok: false, reason: 'session cookie signature is not valid' });
    expect(signer.verify('slack-signin', 'no-dot', t0)).toEqual({ ok: false, reason: 'session cookie is malformed' });
  });

  it('refuses a short secret at start-up', () => {
    expect(() => new CookieSigner('short')).toThrow(/at least 32/);
  });
});

describe('SessionCookies', () => {
  it('holds a user id and an expiry ttl after issue', () => {
    let now = t0;
    const sessions = new SessionCookies(new CookieSigner(secret), 8 * 3_600_000, () => now);
    const { value, session } = sessions.issue('u-1');
    expect(session.expiresAt).toEqual(new Date('2026-11-20T20:00:00Z'));
    expect(sessions.read(value)).toEqual({ ok: true, value: { userId: 'u-1', expiresAt: session.expiresAt } });
    expect(sessions.maxAgeSeconds).toBe(28_800);
    now = session.expiresAt;
    expect(sessions.read(value)).toEqual({ ok: false, reason: 'session expired' });
  });
});

describe('cookie headers', () => {
  it('parses a Cookie header, first of a repeated name winning', () => {
    expect(parseCookies('a=1; b="two"; a=3; junk; =x')).toEqual(new Map([['a', '1'], ['b', 'two']]));
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('writes HttpOnly SameSite=Lax cookies, Secure when asked, expired when deleted', () => {
    expect(serializeCookie('s', 'v', { path: '/api', maxAge: 60, secure: true })).toBe('s=v; Path=/api; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    expect(serializeCookie('s', '', { path: '/api', maxAge: 0, secure: false })).toBe('s=; Path=/api; Max-Age=0; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });
});
