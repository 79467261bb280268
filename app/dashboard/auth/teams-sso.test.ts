import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { entraIssuers, InvalidTokenError, teamsSsoVerifier } from './teams-sso.js';

const now = new Date('2026-11-20T12:00:00Z');
const TID = '99999999-8888-7777-6666-555555555555';

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  const sign = (claims: Record<string, unknown>, iss = `https://login.microsoftonline.com/${TID}/v2.0`) =>
    new SignJWT({ tid: TID, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(iss).setAudience('app-id')
      .setIssuedAt(now.getTime() / 1000 - 60).setExpirationTime(now.getTime() / 1000 + 600).sign(privateKey);
  return { keys, sign };
}

describe('teamsSsoVerifier', () => {
  it('returns the oid of a valid token', async () => {
    const { keys, sign } = await setup();
    const verify = teamsSsoVerifier({ keys, audiences: ['app-id'], issuers: entraIssuers(TID), clock: () => now });
    expect(await verify(await sign({ oid: 'o1', name: 'Ana' }))).toEqual({ oid: 'o1', tid: TID, name: 'Ana' });
    await expect(verify(await sign({}))).rejects.toThrow(new InvalidTokenError('token has no oid claim'));
  });

  it('without a configured tenant accepts only the token tenant\'s own Entra issuer', async () => {
    const { keys, sign } = await setup();
    const verify = teamsSsoVerifier({ keys, audiences: ['app-id'], clock: () => now });
    expect((await verify(await sign({ oid: 'o1' }, `https://sts.windows.net/${TID}/`))).oid).toBe('o1');
    await expect(verify(await sign({ oid: 'o1' }, 'https://evil.example/v2.0'))).rejects.toThrow(/issuer/);
    await expect(verify(await sign({ oid: 'o1' }, 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0'))).rejects.toThrow(/issuer/);
  });

  it('refuses to start without an audience', () => {
    expect(() => teamsSsoVerifier({ keys: createLocalJWKSet({ keys: [] }), audiences: [], clock: () => now })).toThrow(/audience/);
  });
});
