// Teams SSO tokens (authentication.getAuthToken in the tab): Entra ID access tokens for our
// app, checked with jose — signature by the tenant's signing keys (JWKS), issuer, audience,
// expiry and not-before — and read for the person's Entra object id (`oid`).
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** Who a valid token is for. */
export interface TeamsSsoClaims {
  /** Entra object id of the person: users.identities.teamsAadObjectId. */
  oid: string;
  tid?: string;
  name?: string;
}

export interface TeamsSsoOptions {
  /** Resolves the signing key (the remote JWKS in production, a local key set in tests). */
  keys: JWTVerifyGetKey;
  /** Accepted `aud` values: the app's id URI (api://host/appId) and the app id. */
  audiences: readonly string[];
  /**
   * Accepted `iss` values. Undefined (multi-tenant app): the token's own tenant, as
   * https://login.microsoftonline.com/<tid>/v2.0 or https://sts.windows.net/<tid>/.
   */
  issuers?: readonly string[];
  clock: () => Date;
}

/** Why a token was refused, for the 401 body and the log (never the token itself). */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** The issuers Entra uses for a tenant (v2 and v1 tokens). */
export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** The signing keys of Entra ID, fetched and cached by jose (re-fetched when a token names an unknown key). */
export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
}

/** Returns a function that verifies a Teams SSO token and returns its claims, or throws InvalidTokenError. */
export function teamsSsoVerifier(opts: TeamsSsoOptions): (token: string) => Promise<TeamsSsoClaims> {
  if (opts.audiences.length === 0) throw new Error('Teams SSO needs at least one audience (MICROSOFT_APP_ID)');
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, opts.keys, {
        audience: [...opts.audiences],
        algorithms: ['RS256'],
        currentDate: opts.clock(),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'aud'],
        ...(opts.issuers ? { issuer: [...opts.issuers] } : {}),
      }));
    } catch (err) {
      throw new InvalidTokenError(describeJoseError(err));
    }
    const tid = typeof payload['tid'] === 'string' ? payload['tid'] : undefined;
    if (!opts.issuers) {
      if (tid === undefined || !GUID.test(tid) || !entraIssuers(tid).includes(String(payload.iss))) throw new InvalidTokenError('issuer is not the token tenant\'s Entra ID');
    }
    const oid = payload['oid'];
    if (typeof oid !== 'string' || oid === '') throw new InvalidTokenError('token has no oid claim');
    return { oid, ...(tid ? { tid } : {}), ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}) };
  };
}

/** A short reason for a jose refusal, for 401 bodies and the log (never the token itself). */
export function describeJoseError(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `token claim ${err.claim} is not valid (${err.reason})`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'token signature is not valid';
  if (err instanceof errors.JWKSNoMatchingKey) return 'token is not signed by a known key';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (err instanceof errors.JWTInvalid || err instanceof errors.JWSInvalid) return 'token is malformed';
  if (err instanceof errors.JOSEError) return `token refused (${err.code})`;
  // Fetching the key set failed or something unexpected: still a refusal, with the cause named.
  return `token could not be checked: ${err instanceof Error ? err.message : String(err)}`;
}
