import { describe, expect, it } from 'vitest';
import { apiTokenVerifier, looksLikeJwt } from './api-tokens.js';

describe('API tokens', () => {
  it('finds the owner of a configured token and nobody for others', () => {
    const verify = apiTokenVerifier({ 'u-1': 'a'.repeat(24), 'ana@example.com': 'b'.repeat(30) });
    expect(verify('a'.repeat(24))).toEqual({ user: 'u-1' });
    expect(verify('b'.repeat(30))).toEqual({ user: 'ana@example.com' });
    expect(verify('a'.repeat(23))).toBeNull();
    expect(verify('')).toBeNull();
  });

  it('refuses short tokens at start-up', () => {
    expect(() => apiTokenVerifier({ u: 'short' })).toThrow(/shorter than 24/);
  });

  it('tells JWTs from API tokens', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('mgr-token-0123456789abcdefghij')).toBe(false);
  });
});
