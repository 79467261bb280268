// The Gmail API client of one mailbox under the shared call policy (concurrency limit,
// Retry-After). gaxios' own retry is switched off where the client is built (gmail-client.ts),
// so there is exactly one retry policy.
import type { gmail_v1 } from '@googleapis/gmail';
import { CallPolicy, type CallPolicyOptions } from '../http/call-policy.js';
import { gmailFailure, isGmailThrottledOrTransient } from './gmail-errors.js';

export interface GmailApiOptions {
  client: gmail_v1.Gmail;
  /** The impersonated mailbox (GMAIL_USER). */
  user: string;
  policy?: Partial<Omit<CallPolicyOptions, 'classify'>>;
}

/** The Gmail client and the policy every call runs under. */
export class GmailApi {
  readonly user: string;
  readonly users: gmail_v1.Resource$Users;
  private readonly policy: CallPolicy;

  constructor(options: GmailApiOptions) {
    this.user = options.user;
    this.users = options.client.users;
    this.policy = new CallPolicy({
      ...options.policy,
      classify: (err) => {
        const f = gmailFailure(err);
        return { retry: isGmailThrottledOrTransient(f), ...(f.retryAfterSeconds === undefined ? {} : { retryAfterMs: f.retryAfterSeconds * 1000 }) };
      },
    });
  }

  /** Runs one call and resolves with its response body. */
  async call<T>(what: string, request: () => Promise<{ data: T }>): Promise<T> {
    return (await this.policy.run(what, request)).data;
  }
}
