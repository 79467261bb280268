// Builds the Gmail client at the edge: a service account with domain-wide delegation,
// impersonating the AR mailbox (JWT with `subject`), with the least scope arbot needs:
// gmail.modify (read, send as the mailbox, and watch; no narrower scope allows all three).
// gaxios' retry is off: the CallPolicy in gmail-api.ts is the one retry policy. The auth
// classes come from @googleapis/gmail's own google-auth-library, so their types match.
import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';

export const GMAIL_SCOPES = ['https://www.googleapis.com/auth/gmail.modify'];

/** What the Gmail client authenticates with. */
export type GmailAuth = NonNullable<gmail_v1.Options['auth']>;

/** A JWT client for the service account key file (read on the first token request), acting as `user`. */
export function gmailServiceAccountAuth(keyFile: string, user: string): GmailAuth {
  return new auth.JWT({ keyFile, scopes: GMAIL_SCOPES, subject: user });
}

/** An OAuth2 client that always presents `accessToken` (tests, and callers holding their own token). */
export function staticTokenAuth(accessToken: string): GmailAuth {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: accessToken, expiry_date: Date.now() + 365 * 24 * 3600_000 });
  return client;
}

/** A Gmail client over `credentials`. */
export function createGmailClient(credentials: GmailAuth, rootUrl?: string): gmail_v1.Gmail {
  return gmail({ version: 'v1', auth: credentials, retry: false, ...(rootUrl === undefined ? {} : { rootUrl }) });
}
