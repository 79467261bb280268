// API tokens for the dashboard in a plain browser (Slack teams, or anyone without Teams):
// configured as user=token pairs (ARBOT_DASHBOARD_TOKENS). Each maps to a registered user,
// whose roles decide what the token sees. Compared by SHA-256 digest in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Who an API token stands for: a user id or the email of a registered user. */
export interface ApiTokenOwner {
  user: string;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Returns a function that finds the owner of a token, or null; tokens must be at least 24 characters. */
export function apiTokenVerifier(tokens: Readonly<Record<string, string>>): (token: string) => ApiTokenOwner | null {
  const entries = Object.entries(tokens).map(([user, token]) => {
    if (token.length < 24) throw new Error(`ARBOT_DASHBOARD_TOKENS: the token of ${user} is shorter than 24 characters`);
    return { user, digest: digest(token) };
  });
  return (token) => {
    const candidate = digest(token);
    let owner: ApiTokenOwner | null = null;
    // Every entry is compared, so the time taken does not tell which one matched.
    for (const e of entries) if (timingSafeEqual(e.digest, candidate)) owner = { user: e.user };
    return owner;
  };
}

/** Whether a bearer token is shaped like a JWT (three base64url parts) rather than an API token. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}
